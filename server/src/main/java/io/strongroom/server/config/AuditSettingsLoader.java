package io.strongroom.server.config;

import io.strongroom.audit.export.RetentionPeriod;
import io.strongroom.server.config.AuditSettings.SyslogExport;
import io.strongroom.server.config.AuditSettings.WebhookExport;
import io.strongroom.server.config.SettingValues.HostAndPort;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.logging.Logger;

/**
 * Resolves the {@code audit.*} settings: parses each, checks that settings that depend on another
 * come with it, that every environment variable named as a secret's source is set, and what
 * {@code start} (production mode) demands: no benchmark switch, and TLS for exports that leave the host.
 */
final class AuditSettingsLoader {
    static final Duration MIN_DIGEST_INTERVAL = Duration.ofSeconds(1);
    static final Duration MIN_RETENTION = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(AuditSettingsLoader.class.getName());
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");

    private final ConfigLoader.Resolver resolver;
    private final Map<String, String> environment;

    AuditSettingsLoader(ConfigLoader.Resolver resolver, Map<String, String> environment) {
        this.resolver = resolver;
        this.environment = environment;
    }

    AuditSettings load(Mode mode) {
        Duration digestInterval = resolver.get(Setting.AUDIT_DIGEST_INTERVAL, text -> {
            Duration interval = SettingValues.duration(text);
            if (interval.compareTo(MIN_DIGEST_INTERVAL) < 0) {
                throw new IllegalArgumentException("the digest interval must be at least PT1S (one second)");
            }
            return interval;
        }, AuditSettings.DEFAULTS.digestInterval());
        Optional<RetentionPeriod> retention = optional(Setting.AUDIT_RETENTION, text -> {
            RetentionPeriod period = RetentionPeriod.parse(text);
            if (!period.atLeast(MIN_RETENTION, Instant.now())) {
                throw new IllegalArgumentException("the retention must be at least PT1H (one hour)");
            }
            return period;
        });
        boolean skipWrites = resolver.get(Setting.AUDIT_BENCHMARK_SKIP_WRITES, SettingValues::bool, false);
        AuditSettings settings = new AuditSettings(digestInterval, retention, skipWrites,
                optional(Setting.AUDIT_EXPORT_FILE_DIRECTORY, SettingValues::path), syslog(), webhook());
        for (String variable : settings.secretEnvironmentVariables()) {
            String value = environment.get(variable);
            if (value == null || value.isEmpty()) {
                throw new ConfigurationException("Environment variable " + variable + " is not set: "
                        + namingSetting(variable) + " names it as the source of a secret");
            }
        }
        if (mode == Mode.PROD) {
            checkProduction(settings);
        } else if (skipWrites) {
            LOG.warning("************************************************************************\n"
                    + "WARNING: audit.benchmark-skip-writes is on: API calls are NOT AUDITED.\n"
                    + "This switch exists for benchmarks only; never use it with real data.\n"
                    + "************************************************************************");
        }
        return settings;
    }

    private Optional<SyslogExport> syslog() {
        Optional<HostAndPort> address = optional(Setting.AUDIT_EXPORT_SYSLOG_ADDRESS, SettingValues::hostAndPort);
        boolean tls = resolver.get(Setting.AUDIT_EXPORT_SYSLOG_TLS, SettingValues::bool, false);
        Optional<Path> trustStore = optional(Setting.AUDIT_EXPORT_SYSLOG_TRUST_STORE, SettingValues::path);
        Optional<String> password = optional(Setting.AUDIT_EXPORT_SYSLOG_TRUST_STORE_PASSWORD_ENV,
                SettingValues::environmentVariableName);
        requires(Setting.AUDIT_EXPORT_SYSLOG_TLS, Setting.AUDIT_EXPORT_SYSLOG_ADDRESS);
        requires(Setting.AUDIT_EXPORT_SYSLOG_TRUST_STORE, Setting.AUDIT_EXPORT_SYSLOG_ADDRESS);
        requires(Setting.AUDIT_EXPORT_SYSLOG_TRUST_STORE_PASSWORD_ENV, Setting.AUDIT_EXPORT_SYSLOG_TRUST_STORE);
        if (trustStore.isPresent() && !tls) {
            throw new ConfigurationException("S" + given(Setting.AUDIT_EXPORT_SYSLOG_TRUST_STORE).substring(1) + " needs "
                    + Setting.AUDIT_EXPORT_SYSLOG_TLS.key() + " set to true");
        }
        return address.map(a -> new SyslogExport(a.host(), a.port(), tls, trustStore, password));
    }

    private Optional<WebhookExport> webhook() {
        requires(Setting.AUDIT_EXPORT_WEBHOOK_BEARER_TOKEN_ENV, Setting.AUDIT_EXPORT_WEBHOOK_URL);
        requires(Setting.AUDIT_EXPORT_WEBHOOK_SIGNING_SECRET_ENV, Setting.AUDIT_EXPORT_WEBHOOK_URL);
        return optional(Setting.AUDIT_EXPORT_WEBHOOK_URL, SettingValues::httpUrl).map(url -> new WebhookExport(url,
                optional(Setting.AUDIT_EXPORT_WEBHOOK_BEARER_TOKEN_ENV, SettingValues::environmentVariableName),
                optional(Setting.AUDIT_EXPORT_WEBHOOK_SIGNING_SECRET_ENV, SettingValues::environmentVariableName)));
    }

    private void checkProduction(AuditSettings settings) {
        if (settings.benchmarkSkipWrites()) {
            throw new ConfigurationException("start (production mode) refuses "
                    + given(Setting.AUDIT_BENCHMARK_SKIP_WRITES) + ": it turns the audit trail off and is for"
                    + " benchmarks only");
        }
        settings.syslogExport().ifPresent(syslog -> {
            if (!syslog.tls() && !isLoopback(syslog.host())) {
                throw new ConfigurationException("start (production mode) sends audit records off this host only over"
                        + " TLS: set " + Setting.AUDIT_EXPORT_SYSLOG_TLS.key() + " to true for the receiver "
                        + syslog.host());
            }
        });
        settings.webhookExport().ifPresent(webhook -> {
            if (!"https".equalsIgnoreCase(webhook.url().getScheme()) && !isLoopback(webhook.url().getHost())) {
                throw new ConfigurationException("start (production mode) sends audit records off this host only over"
                        + " TLS: give " + Setting.AUDIT_EXPORT_WEBHOOK_URL.key() + " an https:// URL");
            }
        });
    }

    /** A name or literal that stays on this host, judged without a DNS lookup. */
    static boolean isLoopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase("localhost") || LOOPBACK_IPV4.matcher(bare).matches() || bare.equals("::1");
    }

    private <T> Optional<T> optional(Setting setting, Function<String, T> parser) {
        return Optional.ofNullable(resolver.get(setting, parser, null));
    }

    /** Fails when {@code setting} was given without {@code needed}. */
    private void requires(Setting setting, Setting needed) {
        if (resolver.raw().containsKey(setting) && !resolver.raw().containsKey(needed)) {
            throw new ConfigurationException("S" + given(setting).substring(1) + " needs " + needed.key() + " (" + needed.flag() + " or "
                    + needed.environmentVariable() + ")");
        }
    }

    private String given(Setting setting) {
        return "setting " + setting.key() + " (from " + resolver.raw().get(setting).origin() + ")";
    }

    private String namingSetting(String variable) {
        for (Setting setting : new Setting[] {Setting.AUDIT_EXPORT_SYSLOG_TRUST_STORE_PASSWORD_ENV,
                Setting.AUDIT_EXPORT_WEBHOOK_BEARER_TOKEN_ENV, Setting.AUDIT_EXPORT_WEBHOOK_SIGNING_SECRET_ENV}) {
            RawValue value = resolver.raw().get(setting);
            if (value != null && value.text().strip().equals(variable)) {
                return given(setting);
            }
        }
        return "a setting";
    }
}
