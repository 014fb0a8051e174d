package io.strongroom.server.cli;

import io.strongroom.server.config.ConfigurationException;
import io.strongroom.server.lifecycle.ServerAssembly;
import io.strongroom.server.logging.ShutdownSafeLogManager;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code strongroom} command: {@code start-dev}, {@code start}, {@code root-key rotate}, {@code root-key retire},
 * {@code explain}, {@code audit export}, {@code audit verify}, {@code version}. Exit codes: 0 success, 1 failure at
 * run time (or an audit export that does not verify), 2 bad usage or configuration
 * (with the message on stderr).
 */
@Command(name = "strongroom", mixinStandardHelpOptions = true,
        description = "A self-hosted, AWS-compatible secure data-science environment.")
public final class StrongroomCommand {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_CONFIGURATION = 2;

    public static void main(String[] args) {
        // Before anything logs: keep logging alive while the shutdown hook stops the server.
        System.setProperty("java.util.logging.manager", ShutdownSafeLogManager.class.getName());
        ServerAssembly assembly = new ServerAssembly(System.getenv());
        int code = run(args, new Launch(System.getenv(), assembly, assembly, assembly, System.out, System.err));
        if (code != EXIT_OK) {
            System.exit(code);
        }
        // start-dev and start return only after the server stopped; let remaining hooks finish.
    }

    static int run(String[] args, Launch launch) {
        CommandLine root = new CommandLine(new StrongroomCommand());
        root.addSubcommand("start-dev", new StartDevCommand(launch));
        root.addSubcommand("start", new StartCommand(launch));
        root.addSubcommand("root-key", new CommandLine(new RootKeyCommand())
                .addSubcommand("rotate", new RootKeyCommand.Rotate(launch))
                .addSubcommand("retire", new RootKeyCommand.Retire(launch)));
        root.addSubcommand("explain", new ExplainCommand(launch));
        root.addSubcommand("audit", new CommandLine(new AuditCommand())
                .addSubcommand("export", new AuditCommand.Export(launch))
                .addSubcommand("verify", new AuditCommand.Verify(launch)));
        root.addSubcommand("version", new VersionCommand(launch));
        root.setOut(new java.io.PrintWriter(launch.out(), true));
        root.setErr(new java.io.PrintWriter(launch.err(), true));
        root.setExecutionExceptionHandler((exception, commandLine, parseResult) -> failed(exception, launch.err()));
        if (args.length == 0) {
            root.usage(launch.err());
            return EXIT_CONFIGURATION;
        }
        return root.execute(args);
    }

    private static int failed(Exception exception, PrintStream err) {
        if (exception instanceof ConfigurationException) {
            err.println("strongroom: " + exception.getMessage());
            return EXIT_CONFIGURATION;
        }
        err.println("strongroom: " + exception.getClass().getSimpleName() + ": " + exception.getMessage());
        return EXIT_FAILURE;
    }
}
