package io.strongroom.server.lifecycle;

import io.strongroom.iam.access.RequestExplainer.ExplainRequest;
import io.strongroom.policy.Explanation;
import io.strongroom.server.config.ServerConfig;

/** Runs {@code strongroom explain} against the store a configuration names. */
@FunctionalInterface
public interface ExplainRunner {

    /** The decision the server would make on the request, with every step that led to it. */
    Explanation explain(ServerConfig config, ExplainRequest request);
}
