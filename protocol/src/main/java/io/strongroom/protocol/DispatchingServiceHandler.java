package io.strongroom.protocol;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import java.util.Map;
import java.util.Set;

/** A service handler that is its signing name and a protocol's {@link RequestDispatcher}, nothing more. */
public abstract class DispatchingServiceHandler implements ServiceHandler {
    private final String signingName;
    private final RequestDispatcher dispatcher;

    protected DispatchingServiceHandler(String signingName, RequestDispatcher dispatcher) {
        this.signingName = requireNonNull(signingName, "signingName");
        this.dispatcher = requireNonNull(dispatcher, "dispatcher");
    }

    @Override
    public final String signingName() {
        return signingName;
    }

    @Override
    public final String operationName(ApiRequest request) {
        return dispatcher.operationName(request);
    }

    @Override
    public final ApiResponse handle(ApiRequest request, CallContext call) {
        return dispatcher.dispatch(request, call);
    }

    @Override
    public final ApiResponse renderError(ApiRequest request, AwsException error) {
        return dispatcher.renderError(request, error);
    }

    @Override
    public final String answeredErrorCode(AwsException error) {
        return dispatcher.answeredErrorCode(error);
    }

    @Override
    public Map<String, Object> auditRequestParameters(ApiRequest request) {
        return dispatcher.auditRequestParameters(request);
    }

    @Override
    public Map<String, Object> auditResponseElements(ApiResponse response) {
        return dispatcher.auditResponseElements(response);
    }

    /** The operations (for the Query protocol: the Actions) this handler accepts. */
    public final Set<String> operations() {
        return dispatcher.operations();
    }
}
