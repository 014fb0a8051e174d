package io.strongroom.server.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs commands that only read files or a store (the audit commands), capturing what they print.
 * Starting a server, rotating the root key or explaining a request fails the test.
 */
final class OfflineCommands {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        Launch launch = new Launch(Map.of(), config -> {
            throw new AssertionError("audit commands start no server");
        }, config -> {
            throw new AssertionError("audit commands rotate nothing");
        }, (config, request) -> {
            throw new AssertionError("audit commands explain nothing");
        }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return StrongroomCommand.run(args, launch);
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was printed so far (between an export and its verification). */
    void clearOutput() {
        out.reset();
        err.reset();
    }
}
