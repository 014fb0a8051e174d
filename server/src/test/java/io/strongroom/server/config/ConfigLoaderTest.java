package io.strongroom.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.iam.bootstrap.AdminCredentials;
import io.strongroom.server.net.Cidr;
import io.strongroom.server.net.TrustedProxies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path tmp;

    private static ServerConfig load(Mode mode, Map<String, String> env, Map<Setting, String> flags, Optional<Path> file) {
        return new ConfigLoader(env).load(mode, flags, file);
    }

    private static ServerConfig loadDev(Map<Setting, String> flags) {
        return load(Mode.DEV, Map.of(), flags, Optional.empty());
    }

    @Test
    void devDefaults() {
        ServerConfig config = loadDev(Map.of());
        assertThat(config).isEqualTo(new ServerConfig(
                Mode.DEV,
                Path.of("./data"),
                "127.0.0.1",
                "127.0.0.1",
                9000,
                9001,
                "us-east-1",
                "jdbc:sqlite:" + Path.of("./data").resolve("strongroom.db"),
                new RootKeySettings("file", Map.of("path", Path.of("./data").resolve("root-key").toString())),
                Optional.empty(),
                Duration.ofSeconds(30),
                1024 * 1024,
                256,
                TrustedProxies.NONE,
                Optional.empty()));
    }

    @Test
    void defaultDatabaseAndRootKeyFollowTheDataDirectory() {
        ServerConfig config = loadDev(Map.of(Setting.DATA_DIR, "/srv/sr"));
        assertThat(config.dbUrl()).isEqualTo("jdbc:sqlite:/srv/sr/strongroom.db");
        assertThat(config.rootKey()).isEqualTo(new RootKeySettings("file", Map.of("path", "/srv/sr/root-key")));
    }

    @Test
    void prodDefaultsBindEveryInterface() {
        ServerConfig config = load(Mode.PROD, Map.of(), prodRequired(), Optional.empty());
        assertThat(config.mode()).isEqualTo(Mode.PROD);
        assertThat(config.bindHost()).isEqualTo("0.0.0.0");
        assertThat(config.managementBindHost()).isEqualTo("127.0.0.1"); // unauthenticated metrics stay local
        assertThat(config.trustedProxies()).isEqualTo(TrustedProxies.NONE);
        assertThat(config.httpPort()).isEqualTo(9000);
        assertThat(config.managementPort()).isEqualTo(9001);
        assertThat(config.tls()).contains(new ServerConfig.TlsFiles(Path.of("/tls/cert.pem"), Path.of("/tls/key.pem")));
    }

    private static Map<Setting, String> fullValues() {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.DATA_DIR, "/var/lib/strongroom");
        values.put(Setting.BIND_HOST, "10.0.0.5");
        values.put(Setting.HTTP_PORT, "8443");
        values.put(Setting.MANAGEMENT_PORT, "8444");
        values.put(Setting.REGION, "eu-central-1");
        values.put(Setting.DB_URL, "jdbc:postgresql://db.internal:5432/strongroom");
        values.put(Setting.ROOT_KEY, "pkcs11:library=/usr/lib/softhsm/libsofthsm2.so,token-label=prod,pin-env=HSM_PIN");
        values.put(Setting.TLS_CERTIFICATE, "/tls/cert.pem");
        values.put(Setting.TLS_KEY, "/tls/key.pem");
        values.put(Setting.SHUTDOWN_TIMEOUT, "45s");
        values.put(Setting.MAX_REQUEST_BODY, "2MiB");
        values.put(Setting.MANAGEMENT_BIND_HOST, "10.0.0.6");
        values.put(Setting.MAX_CONCURRENT_REQUESTS, "64");
        values.put(Setting.TRUSTED_PROXIES, "10.0.0.0/8,fd00::1");
        return values;
    }

    private static ServerConfig expectedFull(Mode mode) {
        return new ServerConfig(mode, Path.of("/var/lib/strongroom"), "10.0.0.5", "10.0.0.6", 8443, 8444, "eu-central-1",
                "jdbc:postgresql://db.internal:5432/strongroom",
                new RootKeySettings("pkcs11", Map.of("library", "/usr/lib/softhsm/libsofthsm2.so",
                        "token-label", "prod", "pin-env", "HSM_PIN")),
                Optional.of(new ServerConfig.TlsFiles(Path.of("/tls/cert.pem"), Path.of("/tls/key.pem"))),
                Duration.ofSeconds(45), 2 * 1024 * 1024, 64,
                new TrustedProxies(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("fd00::1/128"))), Optional.empty());
    }

    @Test
    void everyFlagMaps() {
        assertThat(load(Mode.PROD, Map.of("HSM_PIN", "x"), fullValues(), Optional.empty())).isEqualTo(expectedFull(Mode.PROD));
    }

    @Test
    void everyEnvironmentVariableMaps() {
        Map<String, String> env = new HashMap<>();
        fullValues().forEach((setting, value) -> env.put(setting.environmentVariable(), value));
        assertThat(env).containsKeys("STRONGROOM_HTTP_PORT", "STRONGROOM_DB_URL", "STRONGROOM_ROOT_KEY",
                "STRONGROOM_MANAGEMENT_PORT", "STRONGROOM_TLS_CERTIFICATE");
        assertThat(load(Mode.PROD, env, Map.of(), Optional.empty())).isEqualTo(expectedFull(Mode.PROD));
    }

    @Test
    void everyYamlKeyMaps() throws IOException {
        Path file = tmp.resolve("strongroom.yaml");
        Files.writeString(file, """
                data-dir: /var/lib/strongroom
                bind-host: 10.0.0.5
                http-port: 8443
                management-port: 8444
                region: eu-central-1
                db-url: jdbc:postgresql://db.internal:5432/strongroom
                root-key:
                  provider: pkcs11
                  library: /usr/lib/softhsm/libsofthsm2.so
                  token-label: prod
                  pin-env: HSM_PIN
                tls-certificate: /tls/cert.pem
                tls-key: /tls/key.pem
                shutdown-timeout: 45s
                max-request-body: 2MiB
                management-bind-host: 10.0.0.6
                max-concurrent-requests: 64
                trusted-proxies: 10.0.0.0/8,fd00::1
                """);
        assertThat(load(Mode.PROD, Map.of(), Map.of(), Optional.of(file))).isEqualTo(expectedFull(Mode.PROD));
    }

    @Test
    void flagsOverrideEnvironmentWhichOverridesFileWhichOverridesDefaults() throws IOException {
        Path file = tmp.resolve("c.yaml");
        Files.writeString(file, "http-port: 7001\nmanagement-port: 7002\nregion: eu-west-1\n");
        Map<String, String> env = Map.of("STRONGROOM_HTTP_PORT", "7101", "STRONGROOM_MANAGEMENT_PORT", "7102");
        ServerConfig config = load(Mode.DEV, env, Map.of(Setting.HTTP_PORT, "7201"), Optional.of(file));
        assertThat(config.httpPort()).isEqualTo(7201);          // flag beats env and file
        assertThat(config.managementPort()).isEqualTo(7102);    // env beats file
        assertThat(config.region()).isEqualTo("eu-west-1");     // file beats default
        assertThat(config.bindHost()).isEqualTo("127.0.0.1");   // default
    }

    @Test
    void theKmsOnDemandRotationLimitComesFromTheEnvironmentOrTheFileAndIsChecked() throws IOException {
        assertThat(loadDev(Map.of()).kmsOnDemandRotationLimit()).isEqualTo(10);
        assertThat(load(Mode.DEV, Map.of("STRONGROOM_KMS_ON_DEMAND_ROTATION_LIMIT", "3"), Map.of(), Optional.empty())
                .kmsOnDemandRotationLimit()).isEqualTo(3);
        Path file = tmp.resolve("kms.yaml");
        Files.writeString(file, "kms:\n  on-demand-rotation-limit: 0\n");
        assertThat(load(Mode.DEV, Map.of(), Map.of(), Optional.of(file)).kmsOnDemandRotationLimit()).isZero();
        assertThatThrownBy(() -> load(Mode.DEV, Map.of("STRONGROOM_KMS_ON_DEMAND_ROTATION_LIMIT", "-1"), Map.of(),
                Optional.empty()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("kms.on-demand-rotation-limit");
    }

    @Test
    void theObjectStoreSettingsComeFromTheEnvironmentOrTheFile() throws IOException {
        S3Settings defaults = loadDev(Map.of()).s3();
        assertThat(defaults).isEqualTo(S3Settings.DEFAULTS);
        assertThat(defaults.blobDirectory(Path.of("/data"))).isEqualTo(Path.of("/data/objects"));
        assertThat(defaults.archiveDirectory(Path.of("/data"))).isEqualTo(Path.of("/data/archive"));

        S3Settings fromEnvironment = load(Mode.DEV, Map.of("STRONGROOM_S3_VIRTUAL_HOST_DOMAIN", "s3.bank.internal",
                "STRONGROOM_S3_BLOB_DIRECTORY", "/mnt/objects", "STRONGROOM_S3_ARCHIVE_DIRECTORY", "/mnt/tape"),
                Map.of(), Optional.empty()).s3();
        assertThat(fromEnvironment.virtualHostDomain()).contains("s3.bank.internal");
        assertThat(fromEnvironment.blobDirectory(Path.of("/data"))).isEqualTo(Path.of("/mnt/objects"));
        assertThat(fromEnvironment.archiveDirectory(Path.of("/data"))).isEqualTo(Path.of("/mnt/tape"));

        Path file = tmp.resolve("s3.yaml");
        Files.writeString(file, "s3:\n  virtual-host-domain: objects.example\n  benchmark-skip-encryption: true\n"
                + "  archive-directory: /srv/archive\n");
        S3Settings fromFile = load(Mode.DEV, Map.of(), Map.of(), Optional.of(file)).s3();
        assertThat(fromFile.virtualHostDomain()).contains("objects.example");
        assertThat(fromFile.archiveDirectory(Path.of("/data"))).isEqualTo(Path.of("/srv/archive"));
        assertThat(fromFile.benchmarkSkipEncryption()).isTrue();
    }

    @Test
    void productionRefusesToStoreObjectsUnencrypted() {
        assertThatThrownBy(() -> load(Mode.PROD, Map.of("STRONGROOM_S3_BENCHMARK_SKIP_ENCRYPTION", "true"),
                prodRequired(), Optional.empty()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("s3.benchmark-skip-encryption");
    }

    @Test
    void anEmptyConfigFileMeansDefaults() throws IOException {
        Path file = Files.createFile(tmp.resolve("empty.yaml"));
        assertThat(load(Mode.DEV, Map.of(), Map.of(), Optional.of(file))).isEqualTo(loadDev(Map.of()));
    }

    @Test
    void unknownYamlKeyStopsTheStart() throws IOException {
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, "http-port: 9000\nhttp-prot: 9001\n");
        assertThatThrownBy(() -> load(Mode.DEV, Map.of(), Map.of(), Optional.of(file)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Unknown setting http-prot in config file " + file);
    }

    @Test
    void malformedYamlStopsTheStart() throws IOException {
        Path file = tmp.resolve("broken.yaml");
        Files.writeString(file, "http-port: [9000\n");
        assertThatThrownBy(() -> load(Mode.DEV, Map.of(), Map.of(), Optional.of(file)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Config file " + file + " is not valid YAML");
    }

    @Test
    void unknownStrongroomEnvironmentVariableStopsTheStart() {
        assertThatThrownBy(() -> load(Mode.DEV, Map.of("STRONGROOM_HTTP_PROT", "1"), Map.of(), Optional.empty()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Unknown environment variable STRONGROOM_HTTP_PROT:");
    }

    @Test
    void documentedNonSettingsAndOtherVariablesAreAccepted() {
        Map<String, String> env = Map.of(
                "STRONGROOM_ADMIN_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE12",
                "STRONGROOM_ADMIN_SECRET_ACCESS_KEY", "s".repeat(40),
                "STRONGROOM_TEST_PG_URL", "jdbc:postgresql://localhost/x",
                "STRONGROOM_JAVA_OPTS", "-Xmx256m",
                "PATH", "/usr/bin");
        ServerConfig config = load(Mode.DEV, env, Map.of(), Optional.empty());
        assertThat(config.bootstrapAdmin()).contains(new AdminCredentials("AKIAEXAMPLEEXAMPLE12", "s".repeat(40)));
    }

    @Test
    void aVariableTheRootKeyNamesAsItsSecretSourceIsAccepted() {
        Map<String, String> env = Map.of("STRONGROOM_ROOT_KEY", "passphrase:env=STRONGROOM_PASSPHRASE",
                "STRONGROOM_PASSPHRASE", "correct horse battery staple");
        ServerConfig config = load(Mode.DEV, env, Map.of(), Optional.empty());
        assertThat(config.rootKey()).isEqualTo(new RootKeySettings("passphrase", Map.of("env", "STRONGROOM_PASSPHRASE")));
        assertThat(config.rootKey().secretEnvironmentVariables()).containsExactly("STRONGROOM_PASSPHRASE");
    }

    @Test
    void adminCredentialsMustComeTogether() {
        assertThatThrownBy(() -> load(Mode.DEV, Map.of("STRONGROOM_ADMIN_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE12"),
                Map.of(), Optional.empty()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("STRONGROOM_ADMIN_SECRET_ACCESS_KEY must be set together");
    }

    @Test
    void invalidPortNamesSettingAndSource() {
        assertThatThrownBy(() -> loadDev(Map.of(Setting.HTTP_PORT, "70000")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid setting http-port from flag --http-port: port 70000 is out of range 0-65535");
        assertThatThrownBy(() -> load(Mode.DEV, Map.of("STRONGROOM_MANAGEMENT_PORT", "abc"), Map.of(), Optional.empty()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid setting management-port from environment variable STRONGROOM_MANAGEMENT_PORT:"
                        + " 'abc' is not a port number");
    }

    @Test
    void invalidValueFromFileNamesTheFileAndKey() throws IOException {
        Path file = tmp.resolve("r.yaml");
        Files.writeString(file, "region: US_EAST\n");
        assertThatThrownBy(() -> load(Mode.DEV, Map.of(), Map.of(), Optional.of(file)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid setting region from config file " + file
                        + " (key region): 'US_EAST' is not a region name like us-east-1");
    }

    @Test
    void invalidValuesOfEveryKind() {
        assertInvalid(Setting.REGION, "useast1", "not a region name");
        assertInvalid(Setting.ROOT_KEY, "vault", "unknown root-key provider 'vault'");
        assertInvalid(Setting.ROOT_KEY, "pkcs11:library=/l.so,token-label=x", "needs exactly one of pin-env, pin-file");
        assertInvalid(Setting.ROOT_KEY, "pkcs11:library=/l.so,token-label=x,pin=1234", "would put a secret in the configuration");
        assertInvalid(Setting.ROOT_KEY, "passphrase:passphrase=hunter2", "would put a secret in the configuration");
        assertInvalid(Setting.ROOT_KEY, "file:colour=blue", "unknown option colour for root-key provider file");
        assertInvalid(Setting.DB_URL, "mysql://x", "expected a jdbc:sqlite: or jdbc:postgresql: URL");
        assertInvalid(Setting.SHUTDOWN_TIMEOUT, "soon", "not a duration");
        assertInvalid(Setting.MAX_REQUEST_BODY, "12", "between 1KiB and 1GiB");
        assertInvalid(Setting.TRUSTED_PROXIES, "true", "'true' is not an IP address or CIDR block");
        assertInvalid(Setting.TRUSTED_PROXIES, "10.0.0.0/40", "invalid prefix length");
        assertInvalid(Setting.MAX_CONCURRENT_REQUESTS, "0", "between 1 and 100000");
        assertInvalid(Setting.MAX_CONCURRENT_REQUESTS, "many", "not a whole number");
        assertInvalid(Setting.MANAGEMENT_BIND_HOST, "local host", "not a host name");
        assertInvalid(Setting.BIND_HOST, "local host", "not a host name");
    }

    private static void assertInvalid(Setting setting, String value, String problem) {
        assertThatThrownBy(() -> loadDev(Map.of(setting, value)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("Invalid setting " + setting.key() + " from flag " + setting.flag() + ": ")
                .hasMessageContaining(problem);
    }

    @Test
    void aSecretInAnInvalidDatabaseUrlIsNotRepeated() {
        assertThatThrownBy(() -> loadDev(Map.of(Setting.DB_URL, "mysql://u:hunter2@db/x")))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void halfATlsConfigurationIsRefused() {
        assertThatThrownBy(() -> loadDev(Map.of(Setting.TLS_CERTIFICATE, "/tls/cert.pem")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Setting tls-key (--tls-key) is missing: tls-certificate was given from flag"
                        + " --tls-certificate and TLS needs both");
    }

    @Test
    void valueForms() {
        assertThat(loadDev(Map.of(Setting.SHUTDOWN_TIMEOUT, "500ms")).shutdownTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(loadDev(Map.of(Setting.SHUTDOWN_TIMEOUT, "2m")).shutdownTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(loadDev(Map.of(Setting.SHUTDOWN_TIMEOUT, "PT5S")).shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(loadDev(Map.of(Setting.SHUTDOWN_TIMEOUT, "7")).shutdownTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(loadDev(Map.of(Setting.MAX_REQUEST_BODY, "512KiB")).maxRequestBody()).isEqualTo(512 * 1024);
        assertThat(loadDev(Map.of(Setting.MAX_REQUEST_BODY, "4096")).maxRequestBody()).isEqualTo(4096);
        assertThat(loadDev(Map.of(Setting.HTTP_PORT, "0")).httpPort()).isZero();
        assertThat(loadDev(Map.of(Setting.REGION, "us-gov-west-1")).region()).isEqualTo("us-gov-west-1");
    }

    @Test
    void rootKeyAsYamlStringAndMap() throws IOException {
        Path file = tmp.resolve("k.yaml");
        Files.writeString(file, "root-key: file:path=/keys/root\n");
        assertThat(load(Mode.DEV, Map.of(), Map.of(), Optional.of(file)).rootKey())
                .isEqualTo(new RootKeySettings("file", Map.of("path", "/keys/root")));
        Files.writeString(file, "root-key:\n  library: /l.so\n");
        assertThatThrownBy(() -> load(Mode.DEV, Map.of(), Map.of(), Optional.of(file)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid setting root-key from config file " + file
                        + " (key root-key): the map needs a provider key (file, pkcs11 or passphrase)");
    }

    private static Map<Setting, String> prodRequired() {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.TLS_CERTIFICATE, "/tls/cert.pem");
        flags.put(Setting.TLS_KEY, "/tls/key.pem");
        flags.put(Setting.DB_URL, "jdbc:postgresql://db/strongroom");
        flags.put(Setting.ROOT_KEY, "file:path=/keys/root");
        return flags;
    }

    @Test
    void prodRefusesEachMissingSettingByName() {
        for (Setting required : new Setting[] {Setting.TLS_CERTIFICATE, Setting.TLS_KEY, Setting.DB_URL, Setting.ROOT_KEY}) {
            Map<Setting, String> flags = prodRequired();
            flags.remove(required);
            if (required == Setting.TLS_CERTIFICATE || required == Setting.TLS_KEY) {
                flags.remove(Setting.TLS_CERTIFICATE);
                flags.remove(Setting.TLS_KEY);
            }
            assertThatThrownBy(() -> load(Mode.PROD, Map.of(), flags, Optional.empty()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("start (production mode) needs explicit settings that are missing")
                    .hasMessageContaining(required.key() + " (" + required.flag() + " or " + required.environmentVariable() + ")");
        }
    }

    @Test
    void prodNamesEveryMissingSettingAtOnce() {
        assertThatThrownBy(() -> load(Mode.PROD, Map.of(), Map.of(), Optional.empty()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("tls-certificate (--tls-certificate")
                .hasMessageContaining("tls-key (--tls-key")
                .hasMessageContaining("db-url (--db-url")
                .hasMessageContaining("root-key (--root-key");
    }

    @Test
    void prodAcceptsTheRequiredSettingsFromTheEnvironment() {
        Map<String, String> env = new HashMap<>();
        prodRequired().forEach((setting, value) -> env.put(setting.environmentVariable(), value));
        assertThat(load(Mode.PROD, env, Map.of(), Optional.empty()).dbUrl()).isEqualTo("jdbc:postgresql://db/strongroom");
    }

    @Test
    void settingNames() {
        assertThat(Setting.HTTP_PORT.environmentVariable()).isEqualTo("STRONGROOM_HTTP_PORT");
        assertThat(Setting.DB_URL.environmentVariable()).isEqualTo("STRONGROOM_DB_URL");
        assertThat(Setting.ROOT_KEY.environmentVariable()).isEqualTo("STRONGROOM_ROOT_KEY");
        assertThat(Setting.HTTP_PORT.flag()).isEqualTo("--http-port");
        assertThat(Setting.byKey("db-url")).contains(Setting.DB_URL);
    }

    @Test
    void theDatabasePasswordIsNotInToString() {
        ServerConfig config = loadDev(Map.of(Setting.DB_URL,
                "jdbc:postgresql://db.internal:5432/strongroom?user=sr&password=hunter2"));
        assertThat(config.dbUrl()).contains("hunter2");
        assertThat(config.toString()).doesNotContain("hunter2").contains("db.internal:5432/strongroom")
                .contains("managementBindHost=127.0.0.1").contains("maxConcurrentRequests=256");
    }

    @Test
    void adminSecretIsNotInToString() {
        Map<String, String> env = Map.of("STRONGROOM_ADMIN_ACCESS_KEY_ID", "AKIAEXAMPLEEXAMPLE12",
                "STRONGROOM_ADMIN_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        assertThat(load(Mode.DEV, env, Map.of(), Optional.empty()).toString())
                .doesNotContain("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    }
}
