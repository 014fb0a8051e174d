package io.strongroom.server.cli;

import static java.util.Objects.requireNonNull;

import io.strongroom.server.lifecycle.ComponentsFactory;
import io.strongroom.server.lifecycle.ExplainRunner;
import io.strongroom.server.lifecycle.RootKeyRotationRunner;
import java.io.PrintStream;
import java.util.Map;

/**
 * What the commands need from outside: the environment, the components to wire, how to rotate
 * the root key and explain decisions, and where to print. Tests give their own.
 */
record Launch(Map<String, String> environment, ComponentsFactory components, RootKeyRotationRunner rotation,
              ExplainRunner explaining, PrintStream out, PrintStream err) {
    Launch {
        environment = Map.copyOf(requireNonNull(environment, "environment"));
        requireNonNull(components, "components");
        requireNonNull(rotation, "rotation");
        requireNonNull(explaining, "explaining");
        requireNonNull(out, "out");
        requireNonNull(err, "err");
    }
}
