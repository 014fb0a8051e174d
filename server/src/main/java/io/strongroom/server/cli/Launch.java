package io.strongroom.server.cli;

import static java.util.Objects.requireNonNull;

import io.strongroom.server.lifecycle.ComponentsFactory;
import io.strongroom.server.lifecycle.RootKeyRotationRunner;
import java.io.PrintStream;
import java.util.Map;

/**
 * What the commands need from outside: the environment, the components to wire, how to rotate
 * the root key, and where to print. Tests give their own.
 */
record Launch(Map<String, String> environment, ComponentsFactory components, RootKeyRotationRunner rotation,
              PrintStream out, PrintStream err) {
    Launch {
        environment = Map.copyOf(requireNonNull(environment, "environment"));
        requireNonNull(components, "components");
        requireNonNull(rotation, "rotation");
        requireNonNull(out, "out");
        requireNonNull(err, "err");
    }
}
