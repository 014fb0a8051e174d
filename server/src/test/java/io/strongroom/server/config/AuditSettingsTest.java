package io.strongroom.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.export.RetentionPeriod;
import io.strongroom.core.testing.RecordedLogs;
import io.strongroom.server.config.AuditSettings.SyslogExport;
import io.strongroom.server.config.AuditSettings.WebhookExport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit.* settings: defaults, every source, every invalid value and what start refuses. */
class AuditSettingsTest {
    private static final Map<String, String> SECRETS = Map.of("SIEM_TRUST_PASSWORD", "changeit",
            "WEBHOOK_TOKEN", "t0ken", "WEBHOOK_SECRET", "s3cret");

    @TempDir
    Path tmp;

    private static AuditSettings load(Mode mode, Map<String, String> env, Map<Setting, String> flags) {
        Map<Setting, String> all = new EnumMap<>(Setting.class);
        if (mode == Mode.PROD) {
            all.put(Setting.TLS_CERTIFICATE, "/tls/cert.pem");
            all.put(Setting.TLS_KEY, "/tls/key.pem");
            all.put(Setting.DB_URL, "jdbc:postgresql://db/strongroom");
            all.put(Setting.ROOT_KEY, "file:path=/keys/root");
        }
        all.putAll(flags);
        return new ConfigLoader(env).load(mode, all, Optional.empty()).audit();
    }

    private static AuditSettings dev(Map<Setting, String> flags) {
        return load(Mode.DEV, SECRETS, flags);
    }

    private static Map<Setting, String> every() {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.AUDIT_DIGEST_INTERVAL, "PT30S");
        values.put(Setting.AUDIT_RETENTION, "P7Y");
        values.put(Setting.AUDIT_EXPORT_FILE_DIRECTORY, "/var/log/strongroom/audit");
        values.put(Setting.AUDIT_EXPORT_SYSLOG_ADDRESS, "siem.example.com:6514");
        values.put(Setting.AUDIT_EXPORT_SYSLOG_TLS, "true");
        values.put(Setting.AUDIT_EXPORT_SYSLOG_TRUST_STORE, "/etc/strongroom/siem-ca.pem");
        values.put(Setting.AUDIT_EXPORT_SYSLOG_TRUST_STORE_PASSWORD_ENV, "SIEM_TRUST_PASSWORD");
        values.put(Setting.AUDIT_EXPORT_WEBHOOK_URL, "https://hooks.example.com/audit");
        values.put(Setting.AUDIT_EXPORT_WEBHOOK_BEARER_TOKEN_ENV, "WEBHOOK_TOKEN");
        values.put(Setting.AUDIT_EXPORT_WEBHOOK_SIGNING_SECRET_ENV, "WEBHOOK_SECRET");
        return values;
    }

    private static final AuditSettings EVERY = new AuditSettings(Duration.ofSeconds(30),
            Optional.of(RetentionPeriod.parse("P7Y")), false, Optional.of(Path.of("/var/log/strongroom/audit")),
            Optional.of(new SyslogExport("siem.example.com", 6514, true,
                    Optional.of(Path.of("/etc/strongroom/siem-ca.pem")), Optional.of("SIEM_TRUST_PASSWORD"))),
            Optional.of(new WebhookExport(URI.create("https://hooks.example.com/audit"), Optional.of("WEBHOOK_TOKEN"),
                    Optional.of("WEBHOOK_SECRET"))));

    @Test
    void defaultsSignEveryMinuteKeepForeverAndExportNothing() {
        AuditSettings defaults = dev(Map.of());
        assertThat(defaults).isEqualTo(AuditSettings.DEFAULTS);
        assertThat(defaults.digestInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.retention()).isEmpty();
        assertThat(defaults.benchmarkSkipWrites()).isFalse();
        assertThat(defaults.exports()).isFalse();
    }

    @Test
    void settingNames() {
        assertThat(Setting.AUDIT_DIGEST_INTERVAL.environmentVariable()).isEqualTo("STRONGROOM_AUDIT_DIGEST_INTERVAL");
        assertThat(Setting.AUDIT_EXPORT_SYSLOG_TRUST_STORE_PASSWORD_ENV.environmentVariable())
                .isEqualTo("STRONGROOM_AUDIT_EXPORT_SYSLOG_TRUST_STORE_PASSWORD_ENV");
        assertThat(Setting.AUDIT_RETENTION.flag()).isEqualTo("--audit.retention");
        assertThat(Setting.byKey("audit.benchmark-skip-writes")).contains(Setting.AUDIT_BENCHMARK_SKIP_WRITES);
    }

    @Test
    void everyFlagMaps() {
        assertThat(dev(every())).isEqualTo(EVERY);
        assertThat(EVERY.exports()).isTrue();
        assertThat(EVERY.secretEnvironmentVariables())
                .containsExactly("SIEM_TRUST_PASSWORD", "WEBHOOK_SECRET", "WEBHOOK_TOKEN");
    }

    @Test
    void everyEnvironmentVariableMaps() {
        Map<String, String> env = new HashMap<>(SECRETS);
        every().forEach((setting, value) -> env.put(setting.environmentVariable(), value));
        assertThat(load(Mode.DEV, env, Map.of())).isEqualTo(EVERY);
    }

    @Test
    void everyYamlKeyMapsNestedOrFlat() throws IOException {
        Path nested = tmp.resolve("nested.yaml");
        Files.writeString(nested, """
                audit:
                  digest-interval: PT30S
                  retention: P7Y
                  export:
                    file:
                      directory: /var/log/strongroom/audit
                    syslog:
                      address: siem.example.com:6514
                      tls: true
                      trust-store: /etc/strongroom/siem-ca.pem
                      trust-store-password-env: SIEM_TRUST_PASSWORD
                    webhook:
                      url: https://hooks.example.com/audit
                      bearer-token-env: WEBHOOK_TOKEN
                      signing-secret-env: WEBHOOK_SECRET
                """);
        assertThat(new ConfigLoader(SECRETS).load(Mode.DEV, Map.of(), Optional.of(nested)).audit()).isEqualTo(EVERY);

        Path flat = tmp.resolve("flat.yaml");
        StringBuilder text = new StringBuilder();
        every().forEach((setting, value) -> text.append(setting.key()).append(": ").append(value).append('\n'));
        Files.writeString(flat, text);
        assertThat(new ConfigLoader(SECRETS).load(Mode.DEV, Map.of(), Optional.of(flat)).audit()).isEqualTo(EVERY);
    }

    @Test
    void anUnknownOrRepeatedNestedKeyStopsTheStart() throws IOException {
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, "audit:\n  retension: P1D\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Mode.DEV, Map.of(), Optional.of(file)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Unknown setting audit.retension in config file " + file);
        Files.writeString(file, "audit.retention: P1D\naudit:\n  retention: P2D\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Mode.DEV, Map.of(), Optional.of(file)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Setting audit.retention is given twice in config file " + file);
        Files.writeString(file, "audit: P1D\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Mode.DEV, Map.of(), Optional.of(file)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Unknown setting audit in config file " + file);
    }

    @Test
    void valueForms() {
        assertThat(dev(Map.of(Setting.AUDIT_DIGEST_INTERVAL, "5m")).digestInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(dev(Map.of(Setting.AUDIT_DIGEST_INTERVAL, "PT1S")).digestInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(dev(Map.of(Setting.AUDIT_RETENTION, "PT1H")).retention()).contains(RetentionPeriod.parse("PT1H"));
        assertThat(dev(Map.of(Setting.AUDIT_BENCHMARK_SKIP_WRITES, "false")).benchmarkSkipWrites()).isFalse();
        assertThat(dev(Map.of(Setting.AUDIT_EXPORT_SYSLOG_ADDRESS, "[::1]:601")).syslogExport())
                .contains(new SyslogExport("::1", 601, false, Optional.empty(), Optional.empty()));
        assertThat(dev(Map.of(Setting.AUDIT_EXPORT_SYSLOG_ADDRESS, "10.0.0.7:6514",
                Setting.AUDIT_EXPORT_SYSLOG_TLS, "true")).syslogExport())
                .contains(new SyslogExport("10.0.0.7", 6514, true, Optional.empty(), Optional.empty()));
    }

    @Test
    void invalidValuesNameTheSettingSourceAndFault() {
        assertInvalid(Setting.AUDIT_DIGEST_INTERVAL, "500ms", "the digest interval must be at least PT1S (one second)");
        assertInvalid(Setting.AUDIT_DIGEST_INTERVAL, "soon", "'soon' is not a duration like 30s, 500ms or 2m");
        assertInvalid(Setting.AUDIT_RETENTION, "forever", "'forever' is not an ISO-8601 period like P7Y, P90D or PT36H");
        assertInvalid(Setting.AUDIT_RETENTION, "PT30M", "the retention must be at least PT1H (one hour)");
        assertInvalid(Setting.AUDIT_RETENTION, "P0D", "the retention must be longer than zero");
        assertInvalid(Setting.AUDIT_BENCHMARK_SKIP_WRITES, "yes", "'yes' is not true or false");
        assertInvalid(Setting.AUDIT_EXPORT_SYSLOG_ADDRESS, "siem.example.com",
                "'siem.example.com' is not host:port, for example siem.example.com:6514");
        assertInvalid(Setting.AUDIT_EXPORT_SYSLOG_ADDRESS, "siem:70000", "port 70000 is out of range 1-65535");
        assertInvalid(Setting.AUDIT_EXPORT_WEBHOOK_URL, "ftp://hooks.example.com/x",
                "expected an https:// or http:// URL with a host");
        assertInvalid(Setting.AUDIT_EXPORT_FILE_DIRECTORY, " ", "the path is empty");
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.AUDIT_EXPORT_WEBHOOK_URL, "https://hooks.example.com/audit");
        flags.put(Setting.AUDIT_EXPORT_WEBHOOK_SIGNING_SECRET_ENV, "WEBHOOK-SECRET");
        assertThatThrownBy(() -> dev(flags)).isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid setting audit.export.webhook.signing-secret-env from flag"
                        + " --audit.export.webhook.signing-secret-env: 'WEBHOOK-SECRET' is not an environment variable name");
    }

    private static void assertInvalid(Setting setting, String value, String problem) {
        assertThatThrownBy(() -> dev(Map.of(setting, value)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Invalid setting " + setting.key() + " from flag " + setting.flag() + ": " + problem);
    }

    @Test
    void aSecretInAnInvalidOrValidWebhookUrlIsNotRepeated() {
        assertThatThrownBy(() -> dev(Map.of(Setting.AUDIT_EXPORT_WEBHOOK_URL, "https//user:hunter2@hooks")))
                .hasMessageNotContaining("hunter2");
        ServerConfig config = new ConfigLoader(Map.of()).load(Mode.DEV,
                Map.of(Setting.AUDIT_EXPORT_WEBHOOK_URL, "https://hooks.example.com/audit?token=hunter2"),
                Optional.empty());
        assertThat(config.audit().webhookExport().orElseThrow().url().getQuery()).isEqualTo("token=hunter2");
        assertThat(config.toString()).doesNotContain("hunter2").contains("https://hooks.example.com/audit?…");
    }

    @Test
    void settingsThatNeedAnotherAreRefusedWithoutIt() {
        assertThatThrownBy(() -> dev(Map.of(Setting.AUDIT_EXPORT_SYSLOG_TLS, "true")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Setting audit.export.syslog.tls (from flag --audit.export.syslog.tls) needs"
                        + " audit.export.syslog.address (--audit.export.syslog.address or"
                        + " STRONGROOM_AUDIT_EXPORT_SYSLOG_ADDRESS)");
        assertThatThrownBy(() -> dev(Map.of(Setting.AUDIT_EXPORT_SYSLOG_ADDRESS, "siem:6514",
                Setting.AUDIT_EXPORT_SYSLOG_TRUST_STORE, "/ca.pem")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Setting audit.export.syslog.trust-store (from flag --audit.export.syslog.trust-store)"
                        + " needs audit.export.syslog.tls set to true");
        assertThatThrownBy(() -> dev(Map.of(Setting.AUDIT_EXPORT_SYSLOG_ADDRESS, "siem:6514",
                Setting.AUDIT_EXPORT_SYSLOG_TLS, "true",
                Setting.AUDIT_EXPORT_SYSLOG_TRUST_STORE_PASSWORD_ENV, "SIEM_TRUST_PASSWORD")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Setting audit.export.syslog.trust-store-password-env (from flag"
                        + " --audit.export.syslog.trust-store-password-env) needs audit.export.syslog.trust-store"
                        + " (--audit.export.syslog.trust-store or STRONGROOM_AUDIT_EXPORT_SYSLOG_TRUST_STORE)");
        assertThatThrownBy(() -> dev(Map.of(Setting.AUDIT_EXPORT_WEBHOOK_BEARER_TOKEN_ENV, "WEBHOOK_TOKEN")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Setting audit.export.webhook.bearer-token-env (from flag"
                        + " --audit.export.webhook.bearer-token-env) needs audit.export.webhook.url"
                        + " (--audit.export.webhook.url or STRONGROOM_AUDIT_EXPORT_WEBHOOK_URL)");
    }

    @Test
    void aSecretsVariableMustBeSetAndMayBeAStrongroomVariable() {
        Map<Setting, String> flags = Map.of(Setting.AUDIT_EXPORT_WEBHOOK_URL, "https://hooks.example.com/audit",
                Setting.AUDIT_EXPORT_WEBHOOK_SIGNING_SECRET_ENV, "STRONGROOM_WEBHOOK_SECRET");
        assertThatThrownBy(() -> load(Mode.DEV, Map.of(), flags))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("Environment variable STRONGROOM_WEBHOOK_SECRET is not set: setting"
                        + " audit.export.webhook.signing-secret-env (from flag --audit.export.webhook.signing-secret-env)"
                        + " names it as the source of a secret");
        // set, it is no unknown STRONGROOM_ variable
        assertThat(load(Mode.DEV, Map.of("STRONGROOM_WEBHOOK_SECRET", "s3cret"), flags).webhookExport()
                .orElseThrow().signingSecretEnv()).contains("STRONGROOM_WEBHOOK_SECRET");
    }

    @Test
    void theBenchmarkSwitchIsLoudInDevelopmentAndRefusedInProduction() {
        RecordedLogs logs = RecordedLogs.of(AuditSettingsLoader.class.getName(), Level.INFO);
        try (logs) {
            assertThat(dev(Map.of(Setting.AUDIT_BENCHMARK_SKIP_WRITES, "true")).benchmarkSkipWrites()).isTrue();
        }
        assertThat(logs.records()).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(record.getMessage()).contains("audit.benchmark-skip-writes is on: API calls are NOT AUDITED");
        });
        assertThat(dev(Map.of()).benchmarkSkipWrites()).isFalse();

        assertThatThrownBy(() -> load(Mode.PROD, Map.of(), Map.of(Setting.AUDIT_BENCHMARK_SKIP_WRITES, "true")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("start (production mode) refuses setting audit.benchmark-skip-writes (from flag"
                        + " --audit.benchmark-skip-writes): it turns the audit trail off and is for benchmarks only");
        assertThatThrownBy(() -> load(Mode.PROD, Map.of("STRONGROOM_AUDIT_BENCHMARK_SKIP_WRITES", "true"), Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("(from environment variable STRONGROOM_AUDIT_BENCHMARK_SKIP_WRITES)");
    }

    @Test
    void productionSendsRecordsOffThisHostOnlyOverTls() {
        assertThatThrownBy(() -> load(Mode.PROD, Map.of(), Map.of(Setting.AUDIT_EXPORT_SYSLOG_ADDRESS, "siem:514")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("start (production mode) sends audit records off this host only over TLS: set"
                        + " audit.export.syslog.tls to true for the receiver siem");
        assertThatThrownBy(() -> load(Mode.PROD, Map.of(),
                Map.of(Setting.AUDIT_EXPORT_WEBHOOK_URL, "http://hooks.example.com/audit")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("start (production mode) sends audit records off this host only over TLS: give"
                        + " audit.export.webhook.url an https:// URL");
        // a relay on this host, or TLS, is fine
        assertThat(load(Mode.PROD, Map.of(), Map.of(Setting.AUDIT_EXPORT_SYSLOG_ADDRESS, "127.0.0.1:514"))
                .syslogExport()).isPresent();
        assertThat(load(Mode.PROD, Map.of(), Map.of(Setting.AUDIT_EXPORT_SYSLOG_ADDRESS, "siem:6514",
                Setting.AUDIT_EXPORT_SYSLOG_TLS, "true")).syslogExport()).isPresent();
        assertThat(load(Mode.PROD, Map.of(), Map.of(Setting.AUDIT_EXPORT_WEBHOOK_URL, "http://localhost:8080/audit"))
                .webhookExport()).isPresent();
        assertThat(load(Mode.PROD, Map.of(), Map.of(Setting.AUDIT_EXPORT_WEBHOOK_URL, "https://hooks.example.com/a"))
                .webhookExport()).isPresent();
        // development may use plain transports
        assertThat(dev(Map.of(Setting.AUDIT_EXPORT_SYSLOG_ADDRESS, "siem:514")).syslogExport()).isPresent();
    }

    @Test
    void loopbackIsJudgedWithoutALookup() {
        assertThat(AuditSettingsLoader.isLoopback("localhost")).isTrue();
        assertThat(AuditSettingsLoader.isLoopback("127.0.0.2")).isTrue();
        assertThat(AuditSettingsLoader.isLoopback("::1")).isTrue();
        assertThat(AuditSettingsLoader.isLoopback("[::1]")).isTrue();
        assertThat(AuditSettingsLoader.isLoopback("127.example.com")).isFalse();
        assertThat(AuditSettingsLoader.isLoopback("siem.example.com")).isFalse();
        assertThat(AuditSettingsLoader.isLoopback("10.0.0.1")).isFalse();
    }
}
