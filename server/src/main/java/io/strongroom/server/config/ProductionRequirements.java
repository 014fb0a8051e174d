package io.strongroom.server.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code start} runs only with TLS, an explicit database and an explicit root-key provider: the
 * development defaults (plain HTTP, a SQLite file, a root key on the same disk) are not safe for it.
 */
final class ProductionRequirements {

    private static final List<Setting> REQUIRED =
            List.of(Setting.TLS_CERTIFICATE, Setting.TLS_KEY, Setting.DB_URL, Setting.ROOT_KEY);

    private ProductionRequirements() {
    }

    static void check(Set<Setting> explicitlySet) {
        List<String> missing = new ArrayList<>();
        for (Setting setting : REQUIRED) {
            if (!explicitlySet.contains(setting)) {
                missing.add(setting.key() + " (" + setting.flag() + " or " + setting.environmentVariable() + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigurationException("start (production mode) needs explicit settings that are missing: "
                    + String.join(", ", missing) + ". Use start-dev for the embedded development defaults.");
        }
    }
}
