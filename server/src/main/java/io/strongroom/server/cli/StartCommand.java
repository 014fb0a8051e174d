package io.strongroom.server.cli;

import static java.util.Objects.requireNonNull;

import io.strongroom.server.config.Mode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Run in production: requires TLS (--tls-certificate, --tls-key), --db-url and --root-key.")
final class StartCommand implements Callable<Integer> {

    @Mixin
    SettingOptions options = new SettingOptions();

    private final Launch launch;

    StartCommand(Launch launch) {
        this.launch = requireNonNull(launch, "launch");
    }

    @Override
    public Integer call() throws Exception {
        return ServeCommand.serve(launch, Mode.PROD, options);
    }
}
