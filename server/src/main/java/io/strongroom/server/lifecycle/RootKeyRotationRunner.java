package io.strongroom.server.lifecycle;

import io.strongroom.server.config.ServerConfig;

/** Runs {@code strongroom root-key rotate} against the store and root key a configuration names. */
@FunctionalInterface
public interface RootKeyRotationRunner {

    Summary rotate(ServerConfig config);

    /**
     * @param complete whether every secret was re-wrapped (then old versions were retired)
     * @param summary  one line for the operator; never a secret
     */
    record Summary(boolean complete, String summary) {
    }
}
