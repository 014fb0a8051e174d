package io.strongroom.server.config;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.bootstrap.AdminCredentials;
import io.strongroom.kms.KmsService;
import io.strongroom.server.net.TrustedProxies;
import io.strongroom.store.jdbc.JdbcUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The server's resolved configuration. Built by {@link ConfigLoader} from flags, environment,
 * YAML file and defaults; holds no secret except the optional bootstrap administrator's key
 * (whose {@code toString} is redacted).
 *
 * @param mode              dev ({@code start-dev}) or prod ({@code start})
 * @param dataDir           where the SQLite database, the root-key file and bootstrap credentials live
 * @param bindHost          address the API port binds to
 * @param managementBindHost address the health and metrics port binds to
 * @param httpPort          the API port (0 picks a free one)
 * @param managementPort    the health and metrics port (0 picks a free one)
 * @param region            the region this node answers as
 * @param dbUrl             JDBC URL of the metadata store
 * @param rootKey           the root-key provider and its settings
 * @param tls               PEM certificate chain and PKCS#8 key, when the API port speaks TLS
 * @param shutdownTimeout   how long in-flight requests may run after a stop was asked for
 * @param maxRequestBody    the largest body a Query/JSON API call may carry, in bytes
 * @param maxConcurrentRequests how many API requests are served at once; more wait briefly, then get 503
 * @param trustedProxies    the proxies whose X-Forwarded-For header names the caller (none by default)
 * @param bootstrapAdmin    the administrator key to create on first start, when given
 * @param audit             the audit trail's settings: digests, retention, exports
 * @param kmsOnDemandRotationLimit RotateKeyOnDemand calls allowed per KMS key
 * @param s3                the object store's settings
 */
public record ServerConfig(
        Mode mode,
        Path dataDir,
        String bindHost,
        String managementBindHost,
        int httpPort,
        int managementPort,
        String region,
        String dbUrl,
        RootKeySettings rootKey,
        Optional<TlsFiles> tls,
        Duration shutdownTimeout,
        long maxRequestBody,
        int maxConcurrentRequests,
        TrustedProxies trustedProxies,
        Optional<AdminCredentials> bootstrapAdmin,
        AuditSettings audit,
        int kmsOnDemandRotationLimit,
        S3Settings s3) {

    /** Jetty's request-header limit; a larger header block gets an AWS-shaped 431-class error. */
    public static final int MAX_REQUEST_HEADER_BYTES = 16 * 1024;

    public ServerConfig {
        requireNonNull(mode, "mode");
        requireNonNull(dataDir, "dataDir");
        requireNonNull(bindHost, "bindHost");
        requireNonNull(managementBindHost, "managementBindHost");
        requireNonNull(region, "region");
        requireNonNull(dbUrl, "dbUrl");
        requireNonNull(rootKey, "rootKey");
        requireNonNull(tls, "tls");
        requireNonNull(shutdownTimeout, "shutdownTimeout");
        requireNonNull(trustedProxies, "trustedProxies");
        requireNonNull(bootstrapAdmin, "bootstrapAdmin");
        requireNonNull(audit, "audit");
        requireNonNull(s3, "s3");
        if (kmsOnDemandRotationLimit < 0) {
            throw new IllegalArgumentException("kmsOnDemandRotationLimit must not be negative");
        }
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("maxConcurrentRequests must be positive");
        }
    }

    /** A configuration with the default on-demand rotation limit and object-store settings. */
    public ServerConfig(Mode mode, Path dataDir, String bindHost, String managementBindHost, int httpPort,
                        int managementPort, String region, String dbUrl, RootKeySettings rootKey,
                        Optional<TlsFiles> tls, Duration shutdownTimeout, long maxRequestBody,
                        int maxConcurrentRequests, TrustedProxies trustedProxies,
                        Optional<AdminCredentials> bootstrapAdmin, AuditSettings audit) {
        this(mode, dataDir, bindHost, managementBindHost, httpPort, managementPort, region, dbUrl, rootKey, tls,
                shutdownTimeout, maxRequestBody, maxConcurrentRequests, trustedProxies, bootstrapAdmin, audit,
                KmsService.DEFAULT_ON_DEMAND_ROTATION_LIMIT, S3Settings.DEFAULTS);
    }

    /** A configuration with the default audit settings ({@link AuditSettings#DEFAULTS}). */
    public ServerConfig(Mode mode, Path dataDir, String bindHost, String managementBindHost, int httpPort,
                        int managementPort, String region, String dbUrl, RootKeySettings rootKey,
                        Optional<TlsFiles> tls, Duration shutdownTimeout, long maxRequestBody,
                        int maxConcurrentRequests, TrustedProxies trustedProxies,
                        Optional<AdminCredentials> bootstrapAdmin) {
        this(mode, dataDir, bindHost, managementBindHost, httpPort, managementPort, region, dbUrl, rootKey, tls,
                shutdownTimeout, maxRequestBody, maxConcurrentRequests, trustedProxies, bootstrapAdmin,
                AuditSettings.DEFAULTS);
    }

    /** The TLS certificate chain and private key, both PEM files. */
    public record TlsFiles(Path certificate, Path privateKey) {
        public TlsFiles {
            requireNonNull(certificate, "certificate");
            requireNonNull(privateKey, "privateKey");
        }
    }

    public ServerConfig withPorts(int httpPort, int managementPort) {
        return new ServerConfig(mode, dataDir, bindHost, managementBindHost, httpPort, managementPort, region, dbUrl,
                rootKey, tls, shutdownTimeout, maxRequestBody, maxConcurrentRequests, trustedProxies, bootstrapAdmin,
                audit, kmsOnDemandRotationLimit, s3);
    }

    /** The record's own form, with any password in the database URL redacted. */
    @Override
    public String toString() {
        return "ServerConfig[mode=" + mode + ", dataDir=" + dataDir + ", bindHost=" + bindHost
                + ", managementBindHost=" + managementBindHost + ", httpPort=" + httpPort
                + ", managementPort=" + managementPort + ", region=" + region + ", dbUrl=" + JdbcUrl.redact(dbUrl)
                + ", rootKey=" + rootKey + ", tls=" + tls + ", shutdownTimeout=" + shutdownTimeout
                + ", maxRequestBody=" + maxRequestBody + ", maxConcurrentRequests=" + maxConcurrentRequests
                + ", trustedProxies=" + trustedProxies + ", bootstrapAdmin=" + bootstrapAdmin + ", audit=" + audit
                + ", kmsOnDemandRotationLimit=" + kmsOnDemandRotationLimit + ", s3=" + s3 + "]";
    }
}
