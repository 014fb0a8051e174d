package io.strongroom.server.cli;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.EvidenceExport;
import io.strongroom.audit.AuditSigningKey;
import io.strongroom.audit.EvidenceDirectory;
import io.strongroom.audit.VerificationReport;
import io.strongroom.server.config.ConfigLoader;
import io.strongroom.server.config.ConfigurationException;
import io.strongroom.server.config.Mode;
import io.strongroom.server.config.ServerConfig;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.audit.JdbcAuditRepository;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code audit export} and {@code audit verify}: the evidence an auditor takes away and checks offline.
 * The layout and the checks are the audit module's ({@link EvidenceDirectory}, {@link EvidenceExport},
 * {@code AuditVerifier}); these commands read arguments, open files and print.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit trail evidence: export, verify offline.")
final class AuditCommand {

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the audit records, the signed digests and the signing keys' public keys into a"
                    + " directory, for `strongroom audit verify`. Only reads the store: safe while servers run;"
                    + " needs no root key.")
    static final class Export implements Callable<Integer> {

        @Mixin
        SettingOptions options = new SettingOptions();

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new or empty directory")
        Path out;

        @Option(names = "--from-sequence", defaultValue = "1", paramLabel = "N",
                description = "Export from about record N: from the first record of the digest that covers it,"
                        + " so the export starts at a signed point (default 1, the whole trail)")
        long fromSequence;

        private final Launch launch;

        Export(Launch launch) {
            this.launch = requireNonNull(launch, "launch");
        }

        @Override
        public Integer call() throws IOException {
            if (fromSequence < 1) {
                throw new ConfigurationException("--from-sequence must be at least 1, not " + fromSequence);
            }
            // the same settings as the other maintenance commands: defaults point at the dev data directory
            ServerConfig config = new ConfigLoader(launch.environment()).load(Mode.DEV, options.flags(),
                    options.configFile());
            EvidenceExport.Summary summary;
            try (Database database = Database.openExisting(config.dbUrl())) {
                summary = new EvidenceExport(new JdbcAuditRepository(database.transactor(), database.vendor()))
                        .writeTo(out, fromSequence);
            } catch (FileAlreadyExistsException e) {
                throw new ConfigurationException("--out " + out + " is not empty: export into a new directory");
            }
            report(summary);
            return StrongroomCommand.EXIT_OK;
        }

        private void report(EvidenceExport.Summary summary) {
            PrintStream print = launch.out();
            if (summary.records() == 0) {
                print.println("exported no records to " + out);
            } else {
                print.println("exported " + summary.records() + " records, sequences " + summary.firstSequence()
                        + ".." + summary.lastSequence() + ", to " + out);
            }
            if (summary.records() > 0 && summary.firstSequence() < summary.requestedSequence()) {
                print.println("  it starts at record " + summary.firstSequence() + ", where a signed digest starts,"
                        + " so that its first record is anchored by a signature");
            } else if (summary.records() > 0 && summary.firstSequence() > summary.requestedSequence()) {
                print.println("  it starts at record " + summary.firstSequence() + ", the oldest record in the store");
            }
            print.println("exported " + summary.digests() + " signed digests"
                    + (summary.digests() == 0 ? "" : ", signing records through " + summary.signedThroughSequence()
                    + ", the last one ending " + summary.signedUntil()));
            if (summary.lastSequence() > summary.signedThroughSequence() && summary.records() > 0) {
                print.println("  records " + Math.max(summary.signedThroughSequence() + 1, summary.firstSequence())
                        + ".." + summary.lastSequence() + " are not signed by a digest yet; a running server signs"
                        + " them within its digest interval (default one minute): export again later to have them signed");
            }
            print.println("exported " + summary.keyIds().size() + " public keys: " + String.join(", ", summary.keyIds()));
            print.println("verify with: strongroom audit verify " + out + " --public-key <PEM received separately>");
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check an export offline: every record's hash chain, every digest's signature, the"
                    + " digests' own chain and that they cover the records. Exit code 0 only when everything"
                    + " verifies; 1 with the first problem otherwise.")
    static final class Verify implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "DIR", description = "The directory `strongroom audit export` wrote")
        Path directory;

        @Option(names = "--public-key", paramLabel = "PEM",
                description = "A signing key's public key (PEM), received apart from the export; repeat for a trail"
                        + " whose key was replaced. Without it the keys in the export are used, which proves"
                        + " integrity only against those keys")
        List<Path> publicKeyFiles = new ArrayList<>();

        private final Launch launch;

        Verify(Launch launch) {
            this.launch = requireNonNull(launch, "launch");
        }

        @Override
        public Integer call() {
            PrintStream print = launch.out();
            if (!Files.isDirectory(directory)) {
                throw new ConfigurationException("no export at " + directory + ": give the directory `strongroom"
                        + " audit export` wrote");
            }
            boolean given = !publicKeyFiles.isEmpty();
            List<PublicKey> keys = given ? givenKeys() : keysInTheExport();
            VerificationReport report;
            try {
                report = EvidenceDirectory.verify(directory, keys);
            } catch (IOException e) {
                throw new ConfigurationException("cannot read the export " + directory + ": " + e.getMessage());
            }
            print.println(report.summary());
            for (PublicKey key : keys) {
                print.println("  public key " + AuditSigningKey.keyIdOf(key) + (given ? " (given)" : " (from the export)"));
            }
            if (!given) {
                launch.err().println("WARNING: no --public-key given: verified with the public keys that came with"
                        + " the export. Whoever could alter the export could replace them too: compare the key ids"
                        + " above with the ones received through a separate channel, or pass --public-key.");
            }
            if (!report.ok()) {
                print.println("  checked before the problem: " + report.recordsVerified() + " records, "
                        + report.digestsVerified() + " digests");
                return StrongroomCommand.EXIT_FAILURE;
            }
            if (report.digestsVerified() > 0) {
                print.println("  signed through record " + report.signedThroughSequence() + " by digests until "
                        + report.signedUntil() + ": compare this time with when the export was taken");
            }
            if (report.unsignedRecords() > 0) {
                print.println("  records " + (report.lastSequence() - report.unsignedRecords() + 1) + ".."
                        + report.lastSequence() + " are chained but not signed by a digest yet");
            }
            return StrongroomCommand.EXIT_OK;
        }

        private List<PublicKey> givenKeys() {
            List<PublicKey> keys = new ArrayList<>();
            for (Path file : publicKeyFiles) {
                try {
                    keys.add(AuditSigningKey.publicKeyFromPem(Files.readString(file, StandardCharsets.US_ASCII)));
                } catch (IOException | IllegalArgumentException e) {
                    throw new ConfigurationException("--public-key " + file + ": not a readable Ed25519 public key"
                            + " in PEM (" + e.getMessage() + ")");
                }
            }
            return keys;
        }

        private List<PublicKey> keysInTheExport() {
            List<PublicKey> keys;
            try {
                keys = EvidenceDirectory.publicKeys(directory);
            } catch (IOException e) {
                throw new ConfigurationException("cannot read the public keys of the export " + directory + ": "
                        + e.getMessage());
            }
            if (keys.isEmpty()) {
                throw new ConfigurationException("no public key in the export: pass --public-key <PEM>");
            }
            return keys;
        }
    }
}
