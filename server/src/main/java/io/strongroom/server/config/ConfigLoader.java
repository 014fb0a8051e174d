package io.strongroom.server.config;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.bootstrap.AdminCredentials;
import io.strongroom.kms.KmsService;
import io.strongroom.server.net.TrustedProxies;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Resolves the configuration: flags over {@code STRONGROOM_*} environment variables over the YAML
 * file over defaults. Every problem stops the start with a {@link ConfigurationException} that
 * names the setting and its source.
 */
public final class ConfigLoader {
    private static final Logger LOG = Logger.getLogger(ConfigLoader.class.getName());

    static final String DEFAULT_DATA_DIR = "./data";
    static final String DEV_BIND_HOST = "127.0.0.1";
    static final String PROD_BIND_HOST = "0.0.0.0";
    /** Health and metrics are unauthenticated: reachable from this host only unless the operator says otherwise. */
    static final String DEFAULT_MANAGEMENT_BIND_HOST = "127.0.0.1";
    static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 256;
    static final int DEFAULT_HTTP_PORT = 9000;
    static final int DEFAULT_MANAGEMENT_PORT = 9001;
    static final String DEFAULT_REGION = "us-east-1";
    static final String DATABASE_FILE = "strongroom.db";
    static final String ROOT_KEY_FILE = "root-key";
    static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    static final long DEFAULT_MAX_REQUEST_BODY = 1024 * 1024;

    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(requireNonNull(environment, "environment"));
    }

    /**
     * @param mode       dev or prod
     * @param flags      settings given on the command line
     * @param configFile the {@code --config} file, when given
     */
    public ServerConfig load(Mode mode, Map<Setting, String> flags, Optional<Path> configFile) {
        requireNonNull(mode, "mode");
        EnvironmentSettings env = new EnvironmentSettings(environment);
        Map<Setting, RawValue> raw = new EnumMap<>(Setting.class);
        configFile.ifPresent(file -> raw.putAll(YamlConfigFile.read(file)));
        raw.putAll(env.settings());
        flags.forEach((setting, value) -> raw.put(setting, new RawValue(value, ValueOrigin.flag(setting))));

        Resolver resolver = new Resolver(raw);
        Path dataDir = resolver.get(Setting.DATA_DIR, SettingValues::path, Path.of(DEFAULT_DATA_DIR));
        RootKeySettings rootKey = resolver.rootKey();
        if (rootKey.provider().equals("file")) {
            rootKey = rootKey.withDefault("path", dataDir.resolve(ROOT_KEY_FILE).toString());
        }
        AuditSettings audit = new AuditSettingsLoader(resolver, environment).load(mode);
        Set<String> secretSources = new HashSet<>(rootKey.secretEnvironmentVariables());
        secretSources.addAll(audit.secretEnvironmentVariables());
        env.requireNoUnknown(secretSources);
        if (mode == Mode.PROD) {
            ProductionRequirements.check(raw.keySet());
        }
        return new ServerConfig(
                mode,
                dataDir,
                resolver.get(Setting.BIND_HOST, SettingValues::host, mode == Mode.DEV ? DEV_BIND_HOST : PROD_BIND_HOST),
                resolver.get(Setting.MANAGEMENT_BIND_HOST, SettingValues::host, DEFAULT_MANAGEMENT_BIND_HOST),
                resolver.get(Setting.HTTP_PORT, SettingValues::port, DEFAULT_HTTP_PORT),
                resolver.get(Setting.MANAGEMENT_PORT, SettingValues::port, DEFAULT_MANAGEMENT_PORT),
                resolver.get(Setting.REGION, SettingValues::region, DEFAULT_REGION),
                resolver.get(Setting.DB_URL, SettingValues::jdbcUrl, "jdbc:sqlite:" + dataDir.resolve(DATABASE_FILE)),
                rootKey,
                resolver.tls(),
                resolver.get(Setting.SHUTDOWN_TIMEOUT, SettingValues::duration, DEFAULT_SHUTDOWN_TIMEOUT),
                resolver.get(Setting.MAX_REQUEST_BODY, SettingValues::size, DEFAULT_MAX_REQUEST_BODY),
                resolver.get(Setting.MAX_CONCURRENT_REQUESTS, SettingValues::concurrency, DEFAULT_MAX_CONCURRENT_REQUESTS),
                resolver.get(Setting.TRUSTED_PROXIES, TrustedProxies::parse, TrustedProxies.NONE),
                adminCredentials(),
                audit,
                resolver.get(Setting.KMS_ON_DEMAND_ROTATION_LIMIT, SettingValues::rotationLimit,
                        KmsService.DEFAULT_ON_DEMAND_ROTATION_LIMIT),
                s3Settings(mode, resolver));
    }

    private static S3Settings s3Settings(Mode mode, Resolver resolver) {
        S3Settings settings = new S3Settings(
                Optional.ofNullable(resolver.get(Setting.S3_VIRTUAL_HOST_DOMAIN, SettingValues::host, null)),
                Optional.ofNullable(resolver.get(Setting.S3_BLOB_DIRECTORY, Path::of, null)),
                Optional.ofNullable(resolver.get(Setting.S3_ARCHIVE_DIRECTORY, Path::of, null)),
                resolver.get(Setting.S3_BENCHMARK_SKIP_ENCRYPTION, SettingValues::bool, false));
        if (settings.benchmarkSkipEncryption()) {
            if (mode == Mode.PROD) {
                throw new ConfigurationException("start (production mode) refuses "
                        + Setting.S3_BENCHMARK_SKIP_ENCRYPTION.key() + ": it stores object bodies unencrypted and is"
                        + " for benchmarks only");
            }
            LOG.warning("************************************************************************\n"
                    + "WARNING: s3.benchmark-skip-encryption is on: object bodies are NOT ENCRYPTED.\n"
                    + "This switch exists for benchmarks only; never use it with real data.\n"
                    + "************************************************************************");
        }
        return settings;
    }

    private Optional<AdminCredentials> adminCredentials() {
        String id = environment.get(EnvironmentSettings.ADMIN_ACCESS_KEY_ID);
        String secret = environment.get(EnvironmentSettings.ADMIN_SECRET_ACCESS_KEY);
        if (id == null && secret == null) {
            return Optional.empty();
        }
        if (id == null || secret == null || id.isBlank() || secret.isBlank()) {
            throw new ConfigurationException("Environment variables " + EnvironmentSettings.ADMIN_ACCESS_KEY_ID
                    + " and " + EnvironmentSettings.ADMIN_SECRET_ACCESS_KEY + " must be set together");
        }
        return Optional.of(new AdminCredentials(id, secret));
    }

    /** Parses each setting from its highest-precedence source, naming that source on failure. */
    record Resolver(Map<Setting, RawValue> raw) {

        <T> T get(Setting setting, Function<String, T> parser, T defaultValue) {
            RawValue value = raw.get(setting);
            if (value == null) {
                return defaultValue;
            }
            try {
                return parser.apply(value.text());
            } catch (IllegalArgumentException e) {
                throw ConfigurationException.invalid(setting, value.origin(), e.getMessage());
            }
        }

        RootKeySettings rootKey() {
            RawValue value = raw.get(Setting.ROOT_KEY);
            if (value == null) {
                return RootKeySettings.file();
            }
            try {
                if (value.value() instanceof Map<?, ?> map) {
                    Map<String, String> options = new java.util.LinkedHashMap<>();
                    map.forEach((k, v) -> options.put(String.valueOf(k), String.valueOf(v)));
                    String provider = options.remove("provider");
                    if (provider == null) {
                        throw new IllegalArgumentException("the map needs a provider key (file, pkcs11 or passphrase)");
                    }
                    return RootKeySettings.of(provider, options);
                }
                return RootKeySettings.parse(value.text());
            } catch (IllegalArgumentException e) {
                throw ConfigurationException.invalid(Setting.ROOT_KEY, value.origin(), e.getMessage());
            }
        }

        Optional<ServerConfig.TlsFiles> tls() {
            Optional<Path> certificate = Optional.ofNullable(get(Setting.TLS_CERTIFICATE, SettingValues::path, null));
            Optional<Path> key = Optional.ofNullable(get(Setting.TLS_KEY, SettingValues::path, null));
            if (certificate.isPresent() != key.isPresent()) {
                Setting missing = certificate.isPresent() ? Setting.TLS_KEY : Setting.TLS_CERTIFICATE;
                Setting given = certificate.isPresent() ? Setting.TLS_CERTIFICATE : Setting.TLS_KEY;
                throw new ConfigurationException("Setting " + missing.key() + " (" + missing.flag() + ") is missing: "
                        + given.key() + " was given from " + raw.get(given).origin() + " and TLS needs both");
            }
            return certificate.map(c -> new ServerConfig.TlsFiles(c, key.orElseThrow()));
        }
    }
}
