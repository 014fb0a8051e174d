package io.strongroom.server.lifecycle;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.bootstrap.AdminCredentials;
import io.strongroom.iam.bootstrap.BootstrapResult;
import io.strongroom.server.config.Mode;
import io.strongroom.server.config.ServerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the first-start bootstrap and hands a generated administrator key to the operator. The
 * credentials file is written inside the bootstrap's transaction: if it cannot be written the
 * bootstrap rolls back and the next start tries again, instead of committing a key nobody holds.
 * A key the operator supplied is never written anywhere. Only {@code start-dev} prints the
 * secret (to the console, once); {@code start} logs where the file is, never the secret.
 */
final class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    private final Transactor transactor;
    private final Supplier<BootstrapResult> bootstrap;
    private final ServerConfig config;
    private final PrintStream console;

    AdminBootstrap(Transactor transactor, Supplier<BootstrapResult> bootstrap, ServerConfig config, PrintStream console) {
        this.transactor = requireNonNull(transactor, "transactor");
        this.bootstrap = requireNonNull(bootstrap, "bootstrap");
        this.config = requireNonNull(config, "config");
        this.console = requireNonNull(console, "console");
    }

    BootstrapResult run() {
        Delivered delivered = transactor.inTransaction(() -> {
            BootstrapResult result = bootstrap.get(); // joins this transaction
            return new Delivered(result, result.ran() ? writeGeneratedKey(result) : Optional.empty());
        });
        announce(delivered);
        return delivered.result();
    }

    /** Writes the file for a generated key; a failure rolls the bootstrap back. */
    private Optional<Path> writeGeneratedKey(BootstrapResult result) {
        if (config.bootstrapAdmin().isPresent()) {
            return Optional.empty(); // the operator holds it already; a file would be one more plaintext copy
        }
        AdminCredentials credentials = result.credentials()
                .orElseThrow(() -> new IllegalStateException("the bootstrap ran but returned no credentials"));
        try {
            return Optional.of(BootstrapCredentialsFile.write(config.dataDir(), credentials));
        } catch (IOException e) {
            throw new UncheckedIOException("Writing " + config.dataDir().resolve(BootstrapCredentialsFile.FILE_NAME)
                    + " failed; the bootstrap was rolled back", e);
        }
    }

    private void announce(Delivered delivered) {
        BootstrapResult result = delivered.result();
        if (!result.ran()) {
            return;
        }
        LOG.log(Level.INFO, "Bootstrap created organization " + result.organizationId() + ", management account "
                + result.managementAccountId() + " and administrator " + result.adminUserArn());
        if (delivered.file().isEmpty()) {
            LOG.info("The administrator's access key is the one given in STRONGROOM_ADMIN_ACCESS_KEY_ID");
            return;
        }
        Path file = delivered.file().get();
        if (config.mode() == Mode.DEV) {
            console.println(BootstrapCredentialsFile.announcement(result.credentials().orElseThrow(), file));
            console.flush();
        } else {
            LOG.info("The administrator's generated access key is in " + file + " (mode 0600); move it somewhere safe");
        }
    }

    private record Delivered(BootstrapResult result, Optional<Path> file) {
    }
}
