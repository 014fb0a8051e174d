package io.strongroom.protocol.query;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.ServiceHandler;
import java.util.List;
import java.util.Set;

/**
 * A service spoken over the AWS Query protocol: its operation families are registered once into a
 * table and every request goes through a {@link QueryDispatcher}. Services differ only in their
 * signing name, their {@link QueryService} and their families.
 */
public abstract class QueryServiceHandler implements ServiceHandler {
    private final String signingName;
    private final QueryDispatcher dispatcher;

    protected QueryServiceHandler(String signingName, QueryService service, List<? extends OperationFamily> families) {
        this.signingName = requireNonNull(signingName, "signingName");
        OperationTable table = new OperationTable();
        requireNonNull(families, "families").forEach(family -> family.registerInto(table));
        this.dispatcher = new QueryDispatcher(requireNonNull(service, "service"), table);
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

    /** The Actions this handler accepts. */
    public final Set<String> actions() {
        return dispatcher.actions();
    }
}
