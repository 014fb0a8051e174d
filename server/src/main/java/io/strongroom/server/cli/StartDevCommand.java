package io.strongroom.server.cli;

import static java.util.Objects.requireNonNull;

import io.strongroom.server.config.Mode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "start-dev", mixinStandardHelpOptions = true,
        description = "Run a complete single node on embedded defaults: HTTP on 127.0.0.1, SQLite and a root-key file in ./data.")
final class StartDevCommand implements Callable<Integer> {

    @Mixin
    SettingOptions options = new SettingOptions();

    private final Launch launch;

    StartDevCommand(Launch launch) {
        this.launch = requireNonNull(launch, "launch");
    }

    @Override
    public Integer call() throws Exception {
        return ServeCommand.serve(launch, Mode.DEV, options);
    }
}
