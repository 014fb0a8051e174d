package io.strongroom.server.config;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.DigestSigner;
import io.strongroom.audit.export.RetentionPeriod;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The audit trail's settings ({@code audit.*}). Secrets never appear here: a trust-store password,
 * a bearer token or a signing secret is named by the environment variable that holds it.
 *
 * @param digestInterval      how often the chain head is signed ({@code audit.digest-interval}, default PT1M)
 * @param retention           how long records are kept ({@code audit.retention}); empty keeps them forever
 * @param benchmarkSkipWrites benchmarks only: API calls are not audited ({@code audit.benchmark-skip-writes})
 * @param fileExport          the directory of the JSON-lines export ({@code audit.export.file.directory})
 * @param syslogExport        the syslog export ({@code audit.export.syslog.*})
 * @param webhookExport       the webhook export ({@code audit.export.webhook.*})
 */
public record AuditSettings(
        Duration digestInterval,
        Optional<RetentionPeriod> retention,
        boolean benchmarkSkipWrites,
        Optional<Path> fileExport,
        Optional<SyslogExport> syslogExport,
        Optional<WebhookExport> webhookExport) {

    public static final AuditSettings DEFAULTS = new AuditSettings(DigestSigner.DEFAULT_INTERVAL, Optional.empty(), false,
            Optional.empty(), Optional.empty(), Optional.empty());

    public AuditSettings {
        requireNonNull(digestInterval, "digestInterval");
        requireNonNull(retention, "retention");
        requireNonNull(fileExport, "fileExport");
        requireNonNull(syslogExport, "syslogExport");
        requireNonNull(webhookExport, "webhookExport");
    }

    /**
     * Syslog to a SIEM.
     *
     * @param host                  the receiver's host name or address
     * @param port                  its TCP port
     * @param tls                   whether to speak TLS (RFC 5425)
     * @param trustStore            PEM certificates or a PKCS#12/JKS store to check the receiver with;
     *                              empty for the JVM's default trust
     * @param trustStorePasswordEnv the environment variable holding the trust store's password
     */
    public record SyslogExport(String host, int port, boolean tls, Optional<Path> trustStore,
                               Optional<String> trustStorePasswordEnv) {
        public SyslogExport {
            requireNonNull(host, "host");
            requireNonNull(trustStore, "trustStore");
            requireNonNull(trustStorePasswordEnv, "trustStorePasswordEnv");
        }
    }

    /**
     * An HTTP webhook.
     *
     * @param url              where batches are POSTed
     * @param bearerTokenEnv   the environment variable holding the bearer token, when one is sent
     * @param signingSecretEnv the environment variable holding the HMAC-SHA256 secret, when bodies are signed
     */
    public record WebhookExport(URI url, Optional<String> bearerTokenEnv, Optional<String> signingSecretEnv) {
        public WebhookExport {
            requireNonNull(url, "url");
            requireNonNull(bearerTokenEnv, "bearerTokenEnv");
            requireNonNull(signingSecretEnv, "signingSecretEnv");
        }

        /** Without the URL's user info and query, which may carry a secret. */
        @Override
        public String toString() {
            return "WebhookExport[url=" + url.getScheme() + "://" + url.getHost()
                    + (url.getPort() < 0 ? "" : ":" + url.getPort()) + (url.getRawPath() == null ? "" : url.getRawPath())
                    + (url.getRawQuery() == null ? "" : "?…") + ", bearerTokenEnv=" + bearerTokenEnv
                    + ", signingSecretEnv=" + signingSecretEnv + "]";
        }
    }

    /** True when at least one export is enabled. */
    public boolean exports() {
        return fileExport.isPresent() || syslogExport.isPresent() || webhookExport.isPresent();
    }

    /** The environment variables these settings name as holding a secret. */
    public Set<String> secretEnvironmentVariables() {
        Set<String> names = new TreeSet<>();
        syslogExport.flatMap(SyslogExport::trustStorePasswordEnv).ifPresent(names::add);
        webhookExport.flatMap(WebhookExport::bearerTokenEnv).ifPresent(names::add);
        webhookExport.flatMap(WebhookExport::signingSecretEnv).ifPresent(names::add);
        return names;
    }
}
