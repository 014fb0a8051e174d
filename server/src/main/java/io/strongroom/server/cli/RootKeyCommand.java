package io.strongroom.server.cli;

import static java.util.Objects.requireNonNull;

import io.strongroom.server.config.ConfigLoader;
import io.strongroom.server.config.Mode;
import io.strongroom.server.config.ServerConfig;
import io.strongroom.server.lifecycle.RootKeyRotationRunner.Summary;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code root-key rotate} and, as a separate later step, {@code root-key retire}: retiring in the same run
 * would take a version away from running servers that may still hold or write blobs under it.
 */
@Command(name = "root-key", mixinStandardHelpOptions = true, description = "Root-key maintenance.")
final class RootKeyCommand {

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Create a new root-key version and re-wrap every stored secret under it. Safe while"
                    + " servers run: running servers pick up the new version and keep reading the old one. Old"
                    + " versions are kept; retire them later with `strongroom root-key retire`.")
    static final class Rotate implements Callable<Integer> {

        @Mixin
        SettingOptions options = new SettingOptions();

        private final Launch launch;

        Rotate(Launch launch) {
            this.launch = requireNonNull(launch, "launch");
        }

        @Override
        public Integer call() {
            return report(launch, launch.rotation().rotate(config(launch, options)));
        }
    }

    @Command(name = "retire", mixinStandardHelpOptions = true,
            description = "Retire every root-key version other than the current one, once no stored secret"
                    + " refers to it any longer; refuses, retiring nothing, while any secret still does. Run it"
                    + " some time after `strongroom root-key rotate`, when every server has been running with"
                    + " the new version.")
    static final class Retire implements Callable<Integer> {

        @Mixin
        SettingOptions options = new SettingOptions();

        private final Launch launch;

        Retire(Launch launch) {
            this.launch = requireNonNull(launch, "launch");
        }

        @Override
        public Integer call() {
            return report(launch, launch.rotation().retire(config(launch, options)));
        }
    }

    /** Root-key maintenance reads the same settings as start-dev: defaults point at the dev data directory. */
    private static ServerConfig config(Launch launch, SettingOptions options) {
        return new ConfigLoader(launch.environment()).load(Mode.DEV, options.flags(), options.configFile());
    }

    private static int report(Launch launch, Summary summary) {
        launch.out().println(summary.summary());
        return summary.complete() ? StrongroomCommand.EXIT_OK : StrongroomCommand.EXIT_FAILURE;
    }
}
