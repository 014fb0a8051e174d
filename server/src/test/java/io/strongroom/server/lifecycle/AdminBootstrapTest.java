package io.strongroom.server.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.server.config.ConfigLoader;
import io.strongroom.server.config.Mode;
import io.strongroom.server.config.ServerConfig;
import io.strongroom.server.testsupport.TestConfigs;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.identity.JdbcIdentityRepository;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start against a real SQLite store: the credentials file and the bootstrap commit together. */
class AdminBootstrapTest {

    private static final Pattern SECRET = Pattern.compile("aws_secret_access_key = (\\S+)");
    private static final String GIVEN_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private void open(ServerConfig config, Map<String, String> environment) {
        var assembly = new ServerAssembly(environment, Clock.systemUTC(), new PrintStream(console, true, StandardCharsets.UTF_8));
        assembly.open(config).close();
    }

    private static boolean bootstrapped(ServerConfig config) {
        try (Database database = Database.open(config.dbUrl())) {
            return new JdbcIdentityRepository(database.transactor()).findOrganization().isPresent();
        }
    }

    private static ServerConfig inMode(ServerConfig dev, Mode mode) {
        return new ServerConfig(mode, dev.dataDir(), dev.bindHost(), dev.managementBindHost(), dev.httpPort(),
                dev.managementPort(), dev.region(), dev.dbUrl(), dev.rootKey(), dev.tls(), dev.shutdownTimeout(),
                dev.maxRequestBody(), dev.maxConcurrentRequests(), dev.trustedProxies(), dev.bootstrapAdmin());
    }

    private static String secretIn(Path file) throws Exception {
        Matcher matcher = SECRET.matcher(Files.readString(file));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    @Test
    void devWritesTheFileOwnerOnlyAndPrintsTheSecretOnce() throws Exception {
        ServerConfig config = TestConfigs.dev(tmp.resolve("data"));
        Files.createDirectories(config.dataDir());
        open(config, Map.of());
        Path file = config.dataDir().resolve(BootstrapCredentialsFile.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String secret = secretIn(file);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("AWS_SECRET_ACCESS_KEY=" + secret);

        console.reset();
        open(config, Map.of()); // a later start changes nothing and prints nothing
        assertThat(secretIn(file)).isEqualTo(secret);
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void prodWritesTheFileButNeverPrintsTheSecret() throws Exception {
        ServerConfig config = inMode(TestConfigs.dev(tmp.resolve("data")), Mode.PROD);
        Files.createDirectories(config.dataDir());
        open(config, Map.of());
        String secret = secretIn(config.dataDir().resolve(BootstrapCredentialsFile.FILE_NAME));
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain(secret).isEmpty();
    }

    @Test
    void aFailedFileWriteRollsTheBootstrapBackAndTheNextStartRetries() throws Exception {
        ServerConfig config = TestConfigs.dev(tmp.resolve("data"));
        Path file = config.dataDir().resolve(BootstrapCredentialsFile.FILE_NAME);
        Files.createDirectories(file.resolve("in-the-way")); // the rename onto it fails
        assertThatThrownBy(() -> open(config, Map.of())).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("the bootstrap was rolled back");
        assertThat(bootstrapped(config)).isFalse();
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("AWS_SECRET_ACCESS_KEY");

        Files.delete(file.resolve("in-the-way"));
        Files.delete(file);
        open(config, Map.of());
        assertThat(bootstrapped(config)).isTrue();
        assertThat(secretIn(file)).isNotBlank();
    }

    @Test
    void anOperatorSuppliedKeyIsNeverWrittenToDiskOrPrinted() throws Exception {
        Map<String, String> environment = Map.of("STRONGROOM_ADMIN_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE12",
                "STRONGROOM_ADMIN_SECRET_ACCESS_KEY", GIVEN_SECRET);
        Path dataDir = tmp.resolve("data");
        ServerConfig config = new ConfigLoader(environment).load(Mode.DEV,
                Map.of(io.strongroom.server.config.Setting.DATA_DIR, dataDir.toString()), Optional.empty());
        Files.createDirectories(dataDir);
        open(config, environment);
        assertThat(bootstrapped(config)).isTrue();
        assertThat(dataDir.resolve(BootstrapCredentialsFile.FILE_NAME)).doesNotExist();
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain(GIVEN_SECRET);
    }
}
