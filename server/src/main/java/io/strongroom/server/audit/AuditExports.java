package io.strongroom.server.audit;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.AuditRepository;
import io.strongroom.audit.export.AuditExporter;
import io.strongroom.audit.export.AuditRetention;
import io.strongroom.audit.export.DeliveryFilter;
import io.strongroom.audit.export.ExportCursorRepository;
import io.strongroom.audit.export.ExportOptions;
import io.strongroom.audit.export.ExportSink;
import io.strongroom.audit.export.JsonLinesFileSink;
import io.strongroom.audit.export.SyslogSink;
import io.strongroom.audit.export.TrustStores;
import io.strongroom.audit.export.WebhookSink;
import io.strongroom.server.config.AuditSettings;
import io.strongroom.server.config.AuditSettings.SyslogExport;
import io.strongroom.server.config.AuditSettings.WebhookExport;
import io.strongroom.server.config.ConfigurationException;
import io.strongroom.server.config.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Builds the audit exports and the retention job from {@link AuditSettings}, reading the secrets
 * the settings name from the environment (they are checked to be set when the configuration loads).
 */
public final class AuditExports {
    private AuditExports() {
    }

    /** The sinks the settings enable: the file, syslog and webhook exports, in that order. */
    public static List<ExportSink> sinks(AuditSettings settings, Map<String, String> environment) {
        requireNonNull(environment, "environment");
        List<ExportSink> sinks = new ArrayList<>();
        settings.fileExport().ifPresent(directory -> sinks.add(new JsonLinesFileSink(directory)));
        settings.syslogExport().ifPresent(syslog -> sinks.add(syslog(syslog, environment)));
        settings.webhookExport().ifPresent(webhook -> sinks.add(webhook(webhook, environment)));
        return sinks;
    }

    /**
     * The exporter of the enabled sinks, not yet started; empty when no export is enabled. Start it
     * after the store is open, call {@link AuditExporter#wake()} after appends if records should
     * leave faster than the poll interval, and close it before the store.
     */
    public static Optional<AuditExporter> exporter(AuditSettings settings, Map<String, String> environment,
                                                   AuditRepository records, ExportCursorRepository cursors,
                                                   DeliveryFilter filter, Clock clock) {
        List<ExportSink> sinks = sinks(settings, environment);
        if (sinks.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AuditExporter(records, cursors, sinks, filter, ExportOptions.DEFAULTS, clock));
    }

    /**
     * The retention job when {@code audit.retention} is set; it waits for each export in
     * {@code exportNames} ({@link AuditExporter#exportNames()}, empty when none is enabled). Run
     * {@link AuditRetention#purge()} on a schedule, for example hourly.
     */
    public static Optional<AuditRetention> retention(AuditSettings settings, AuditRepository records,
                                                     ExportCursorRepository cursors, Set<String> exportNames,
                                                     Clock clock) {
        return settings.retention().map(period -> new AuditRetention(records, cursors, exportNames, period, clock));
    }

    private static ExportSink syslog(SyslogExport syslog, Map<String, String> environment) {
        Optional<SSLContext> tls = Optional.empty();
        if (syslog.tls()) {
            tls = Optional.of(syslog.trustStore().map(store -> {
                Optional<char[]> password = syslog.trustStorePasswordEnv()
                        .map(variable -> secret(environment, variable).toCharArray());
                try {
                    return TrustStores.trusting(store, password);
                } catch (IOException e) {
                    throw new ConfigurationException("Setting " + Setting.AUDIT_EXPORT_SYSLOG_TRUST_STORE.key()
                            + ": " + e.getMessage());
                }
            }).orElseGet(AuditExports::defaultTrust));
        }
        return new SyslogSink(SyslogSink.DEFAULT_NAME, syslog.host(), syslog.port(), tls, SyslogSink.localHostname());
    }

    private static ExportSink webhook(WebhookExport webhook, Map<String, String> environment) {
        return new WebhookSink(WebhookSink.DEFAULT_NAME, webhook.url(),
                webhook.bearerTokenEnv().map(variable -> secret(environment, variable)),
                webhook.signingSecretEnv().map(variable -> secret(environment, variable).getBytes(StandardCharsets.UTF_8)),
                Optional.empty());
    }

    private static String secret(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        if (value == null || value.isEmpty()) {
            throw new ConfigurationException("Environment variable " + variable + " is not set");
        }
        return value;
    }

    private static SSLContext defaultTrust() {
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }
}
