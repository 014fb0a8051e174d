package io.strongroom.server.lifecycle;

import io.strongroom.server.config.ServerConfig;

/**
 * Runs {@code strongroom root-key rotate} and, later and separately, {@code strongroom root-key retire}
 * against the store and root key a configuration names.
 */
@FunctionalInterface
public interface RootKeyRotationRunner {

    /** Creates a new root-key version and re-wraps every stored secret under it; retires nothing. */
    Summary rotate(ServerConfig config);

    /**
     * Retires every root-key version other than the current one, or nothing while any stored secret still
     * refers to one. Runners that cannot retire refuse.
     */
    default Summary retire(ServerConfig config) {
        return new Summary(false, "Retiring root-key versions is not available here");
    }

    /**
     * @param complete for rotate, whether every secret was re-wrapped; for retire, whether old versions
     *                 were retired (or there were none)
     * @param summary  one line for the operator; never a secret
     */
    record Summary(boolean complete, String summary) {
    }
}
