package io.strongroom.server.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every configuration setting, under the one name it has in each source: the YAML key
 * ({@code http-port}), the flag ({@code --http-port}) and the environment variable
 * ({@code STRONGROOM_HTTP_PORT}).
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
    TRUSTED_PROXIES("trusted-proxies");

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
        return ENVIRONMENT_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    public static Optional<Setting> byEnvironmentVariable(String name) {
        return Arrays.stream(values()).filter(s -> s.environmentVariable().equals(name)).findFirst();
    }
}
