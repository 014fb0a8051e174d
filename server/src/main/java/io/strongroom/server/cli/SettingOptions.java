package io.strongroom.server.cli;

import io.strongroom.server.config.Setting;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The settings as command-line flags. Values stay text here so that {@link io.strongroom.server.config.ConfigLoader}
 * parses every source alike and names the flag in its messages.
 */
final class SettingOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML file with settings (keys as the flags, without --)")
    Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default ./data)")
    String dataDir;

    @Option(names = "--bind-host", paramLabel = "HOST", description = "Address the API port binds to (start-dev: 127.0.0.1, start: 0.0.0.0)")
    String bindHost;

    @Option(names = "--management-bind-host", paramLabel = "HOST",
            description = "Address the health and metrics port binds to (default 127.0.0.1)")
    String managementBindHost;

    @Option(names = "--http-port", paramLabel = "PORT", description = "API port (default 9000)")
    String httpPort;

    @Option(names = "--management-port", paramLabel = "PORT", description = "Health and metrics port (default 9001)")
    String managementPort;

    @Option(names = "--region", paramLabel = "REGION", description = "Region (default us-east-1)")
    String region;

    @Option(names = "--db-url", paramLabel = "JDBC-URL", description = "Metadata store (default a SQLite file in the data directory)")
    String dbUrl;

    @Option(names = "--root-key", paramLabel = "SPEC",
            description = "Root-key provider: file[:path=P] | pkcs11:library=L,token-label=T,pin-env=VAR | passphrase:env=VAR")
    String rootKey;

    @Option(names = "--tls-certificate", paramLabel = "PEM", description = "TLS certificate chain (PEM)")
    String tlsCertificate;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "TLS private key (PKCS#8 PEM)")
    String tlsKey;

    @Option(names = "--shutdown-timeout", paramLabel = "DURATION", description = "Grace for in-flight requests on stop (default 30s)")
    String shutdownTimeout;

    @Option(names = "--max-request-body", paramLabel = "SIZE", description = "Largest Query/JSON request body (default 1MiB)")
    String maxRequestBody;

    @Option(names = "--max-concurrent-requests", paramLabel = "COUNT",
            description = "API requests served at once; more wait briefly, then get 503 (default 256)")
    String maxConcurrentRequests;

    @Option(names = "--trusted-proxies", paramLabel = "CIDRS",
            description = "Comma-separated CIDR blocks of proxies whose X-Forwarded-For is believed (default none)")
    String trustedProxies;

    Map<Setting, String> flags() {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        put(flags, Setting.DATA_DIR, dataDir);
        put(flags, Setting.BIND_HOST, bindHost);
        put(flags, Setting.MANAGEMENT_BIND_HOST, managementBindHost);
        put(flags, Setting.HTTP_PORT, httpPort);
        put(flags, Setting.MANAGEMENT_PORT, managementPort);
        put(flags, Setting.REGION, region);
        put(flags, Setting.DB_URL, dbUrl);
        put(flags, Setting.ROOT_KEY, rootKey);
        put(flags, Setting.TLS_CERTIFICATE, tlsCertificate);
        put(flags, Setting.TLS_KEY, tlsKey);
        put(flags, Setting.SHUTDOWN_TIMEOUT, shutdownTimeout);
        put(flags, Setting.MAX_REQUEST_BODY, maxRequestBody);
        put(flags, Setting.MAX_CONCURRENT_REQUESTS, maxConcurrentRequests);
        put(flags, Setting.TRUSTED_PROXIES, trustedProxies);
        return flags;
    }

    Optional<Path> configFile() {
        return Optional.ofNullable(configFile);
    }

    private static void put(Map<Setting, String> flags, Setting setting, String value) {
        if (value != null) {
            flags.put(setting, value);
        }
    }
}
