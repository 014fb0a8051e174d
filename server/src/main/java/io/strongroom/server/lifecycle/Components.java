package io.strongroom.server.lifecycle;

import io.strongroom.iam.auth.RequestAuthenticator;
import io.strongroom.protocol.ServiceHandler;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What the HTTP layer serves: the authenticator, one handler per AWS service, and the checks
 * that tell whether they can serve (store reachable, root key open). Closing releases the store
 * and the root-key provider.
 */
public interface Components extends AutoCloseable {

    RequestAuthenticator authenticator();

    List<ServiceHandler> serviceHandlers();

    /** Named readiness checks, each cheap enough to run on every {@code /health/ready}. */
    Map<String, BooleanSupplier> readinessChecks();

    @Override
    void close();
}
