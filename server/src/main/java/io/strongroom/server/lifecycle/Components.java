package io.strongroom.server.lifecycle;

import io.strongroom.iam.auth.RequestAuthenticator;
import io.strongroom.protocol.ServiceHandler;
import io.strongroom.server.audit.CallRecorder;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What the HTTP layer serves: the authenticator, one handler per AWS service, the audit recorder, and the checks
 * that tell whether they can serve (store reachable, root key open). Closing releases the store
 * and the root-key provider.
 */
public interface Components extends AutoCloseable {

    RequestAuthenticator authenticator();

    List<ServiceHandler> serviceHandlers();

    /** Where the pipeline leaves each call's audit record. */
    CallRecorder callRecorder();

    /** The account that receives the records of callers with no known account (the management account). */
    String homeAccountId();

    /** Named readiness checks, each cheap enough to run on every {@code /health/ready}. */
    Map<String, BooleanSupplier> readinessChecks();

    @Override
    void close();
}
