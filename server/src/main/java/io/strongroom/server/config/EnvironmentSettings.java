package io.strongroom.server.config;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code STRONGROOM_*} environment variables: settings, the documented variables that are not
 * settings (the bootstrap administrator's key, test and launcher switches) and everything else,
 * which is reported as unknown once the configuration says which variables hold its secrets.
 */
final class EnvironmentSettings {

    static final String ADMIN_ACCESS_KEY_ID = "STRONGROOM_ADMIN_ACCESS_KEY_ID";
    static final String ADMIN_SECRET_ACCESS_KEY = "STRONGROOM_ADMIN_SECRET_ACCESS_KEY";
    private static final Set<String> DOCUMENTED_NON_SETTINGS =
            Set.of(ADMIN_ACCESS_KEY_ID, ADMIN_SECRET_ACCESS_KEY, "STRONGROOM_JAVA_OPTS");
    private static final String TEST_PREFIX = "STRONGROOM_TEST_";

    private final Map<Setting, RawValue> settings = new EnumMap<>(Setting.class);
    private final Set<String> unrecognised = new TreeSet<>();

    EnvironmentSettings(Map<String, String> environment) {
        environment.forEach((name, value) -> {
            if (!name.startsWith(Setting.ENVIRONMENT_PREFIX)) {
                return;
            }
            var setting = Setting.byEnvironmentVariable(name);
            if (setting.isPresent()) {
                settings.put(setting.get(), new RawValue(value, ValueOrigin.environment(name)));
            } else if (!DOCUMENTED_NON_SETTINGS.contains(name) && !name.startsWith(TEST_PREFIX)) {
                unrecognised.add(name);
            }
        });
    }

    Map<Setting, RawValue> settings() {
        return settings;
    }

    /** Fails on a {@code STRONGROOM_*} variable that is neither a setting, documented, nor a named secret source. */
    void requireNoUnknown(Set<String> secretSources) {
        var unknown = new TreeSet<>(unrecognised);
        unknown.removeAll(secretSources);
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("Unknown environment variable " + String.join(", ", unknown)
                    + ": not a Strongroom setting (settings are " + Setting.DATA_DIR.environmentVariable()
                    + ", " + Setting.HTTP_PORT.environmentVariable() + ", … as listed in the configuration reference)");
        }
    }
}
