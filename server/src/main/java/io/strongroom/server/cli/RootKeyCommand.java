package io.strongroom.server.cli;

import static java.util.Objects.requireNonNull;

import io.strongroom.server.config.ConfigLoader;
import io.strongroom.server.config.Mode;
import io.strongroom.server.config.ServerConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "root-key", mixinStandardHelpOptions = true, description = "Root-key maintenance.")
final class RootKeyCommand {

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Create a new root-key version and re-wrap every stored secret under it. Safe while servers run.")
    static final class Rotate implements Callable<Integer> {

        @Mixin
        SettingOptions options = new SettingOptions();

        private final Launch launch;

        Rotate(Launch launch) {
            this.launch = requireNonNull(launch, "launch");
        }

        @Override
        public Integer call() {
            // Rotation reads the same settings as start-dev: defaults point at the dev data directory.
            ServerConfig config = new ConfigLoader(launch.environment()).load(Mode.DEV, options.flags(), options.configFile());
            var report = launch.rotation().rotate(config);
            launch.out().println(report.summary());
            return report.complete() ? 0 : 1;
        }
    }
}
