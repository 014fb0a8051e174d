package io.strongroom.server.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every configuration setting, under the one name it has in each source: the YAML key
 * ({@code http-port}), the flag ({@code --http-port}) and the environment variable
 * ({@code STRONGROOM_HTTP_PORT}). Dotted keys ({@code audit.retention}) may also be written nested
 * in YAML ({@code audit: {retention: P7Y}}); their variables replace dots and dashes with
 * underscores ({@code STRONGROOM_AUDIT_RETENTION}).
 */
public enum Setting {
    DATA_DIR("data-dir"),
    BIND_HOST("bind-host"),
    MANAGEMENT_BIND_HOST("management-bind-host"),
    HTTP_PORT("http-port"),
    MANAGEMENT_PORT("management-port"),
    REGION("region"),
    DB_URL("db-url"),
    ROOT_KEY("root-key"),
    TLS_CERTIFICATE("tls-certificate"),
    TLS_KEY("tls-key"),
    SHUTDOWN_TIMEOUT("shutdown-timeout"),
    MAX_REQUEST_BODY("max-request-body"),
    MAX_CONCURRENT_REQUESTS("max-concurrent-requests"),
    TRUSTED_PROXIES("trusted-proxies"),
    AUDIT_DIGEST_INTERVAL("audit.digest-interval"),
    AUDIT_RETENTION("audit.retention"),
    /** Benchmarks only: API calls are not audited; {@code start} refuses it. */
    AUDIT_BENCHMARK_SKIP_WRITES("audit.benchmark-skip-writes"),
    AUDIT_EXPORT_FILE_DIRECTORY("audit.export.file.directory"),
    AUDIT_EXPORT_SYSLOG_ADDRESS("audit.export.syslog.address"),
    AUDIT_EXPORT_SYSLOG_TLS("audit.export.syslog.tls"),
    AUDIT_EXPORT_SYSLOG_TRUST_STORE("audit.export.syslog.trust-store"),
    AUDIT_EXPORT_SYSLOG_TRUST_STORE_PASSWORD_ENV("audit.export.syslog.trust-store-password-env"),
    AUDIT_EXPORT_WEBHOOK_URL("audit.export.webhook.url"),
    AUDIT_EXPORT_WEBHOOK_BEARER_TOKEN_ENV("audit.export.webhook.bearer-token-env"),
    AUDIT_EXPORT_WEBHOOK_SIGNING_SECRET_ENV("audit.export.webhook.signing-secret-env"),
    /** RotateKeyOnDemand calls allowed per KMS key over its life. */
    KMS_ON_DEMAND_ROTATION_LIMIT("kms.on-demand-rotation-limit"),
    /** The base domain of virtual-hosted-style S3 addressing ({@code <bucket>.<domain>}). */
    S3_VIRTUAL_HOST_DOMAIN("s3.virtual-host-domain"),
    /** Where object bodies too large for the database are kept; by default {@code objects} under the data directory. */
    S3_BLOB_DIRECTORY("s3.blob-directory"),
    /** Where GLACIER and DEEP_ARCHIVE bodies are kept; by default {@code archive} under the data directory. */
    S3_ARCHIVE_DIRECTORY("s3.archive-directory"),
    /** Benchmarks only: object bodies are stored unencrypted; {@code start} refuses it. */
    S3_BENCHMARK_SKIP_ENCRYPTION("s3.benchmark-skip-encryption");

    static final String ENVIRONMENT_PREFIX = "STRONGROOM_";

    private final String key;

    Setting(String key) {
        this.key = key;
    }

    /** The YAML key. */
    public String key() {
        return key;
    }

    public String flag() {
        return "--" + key;
    }

    public String environmentVariable() {
        return ENVIRONMENT_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    /** True when some setting's key starts with {@code prefix} followed by a dot (a YAML section such as {@code audit}). */
    static boolean isSection(String prefix) {
        return Arrays.stream(values()).anyMatch(s -> s.key.startsWith(prefix + "."));
    }

    public static Optional<Setting> byEnvironmentVariable(String name) {
        return Arrays.stream(values()).filter(s -> s.environmentVariable().equals(name)).findFirst();
    }
}
