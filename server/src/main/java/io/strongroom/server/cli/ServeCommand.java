package io.strongroom.server.cli;

import io.strongroom.server.config.ConfigLoader;
import io.strongroom.server.config.Mode;
import io.strongroom.server.config.ServerConfig;
import io.strongroom.server.lifecycle.StrongroomServer;
import io.strongroom.server.logging.JsonLogging;

/** Loads the configuration for a mode, starts the server and serves until the process is told to stop. */
final class ServeCommand {

    private ServeCommand() {
    }

    static int serve(Launch launch, Mode mode, SettingOptions options) throws Exception {
        ServerConfig config = new ConfigLoader(launch.environment()).load(mode, options.flags(), options.configFile());
        JsonLogging.installOnStdout();
        StrongroomServer server = new StrongroomServer(config, launch.components());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "strongroom-shutdown"));
        server.start();
        server.join();
        return 0;
    }
}
