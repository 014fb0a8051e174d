package io.strongroom.server.testsupport;

import io.strongroom.server.config.ConfigLoader;
import io.strongroom.server.config.Mode;
import io.strongroom.server.config.ServerConfig;
import io.strongroom.server.config.Setting;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Development configurations on ephemeral ports in a temporary data directory. */
public final class TestConfigs {

    private TestConfigs() {
    }

    public static ServerConfig dev(Path dataDir, Map<Setting, String> extra) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        flags.put(Setting.DATA_DIR, dataDir.toString());
        flags.put(Setting.HTTP_PORT, "0");
        flags.put(Setting.MANAGEMENT_PORT, "0");
        flags.put(Setting.SHUTDOWN_TIMEOUT, "10s");
        flags.putAll(extra);
        return new ConfigLoader(Map.of()).load(Mode.DEV, flags, Optional.empty());
    }

    public static ServerConfig dev(Path dataDir) {
        return dev(dataDir, Map.of());
    }
}
