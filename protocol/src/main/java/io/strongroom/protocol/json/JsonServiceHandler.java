package io.strongroom.protocol.json;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.ServiceHandler;
import java.util.List;
import java.util.Set;

/**
 * A service spoken over the AWS JSON 1.1 protocol: its operation families are registered once
 * into a table and every request goes through a {@link JsonDispatcher}. Services differ only in
 * their signing name, their {@link JsonService} and their families.
 */
public abstract class JsonServiceHandler implements ServiceHandler {
    private final String signingName;
    private final JsonDispatcher dispatcher;

    protected JsonServiceHandler(String signingName, JsonService service,
                                 List<? extends JsonOperationFamily> families) {
        this.signingName = requireNonNull(signingName, "signingName");
        JsonOperationTable table = new JsonOperationTable();
        requireNonNull(families, "families").forEach(family -> family.registerInto(table));
        this.dispatcher = new JsonDispatcher(requireNonNull(service, "service"), table);
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

    /** The operations this handler accepts. */
    public final Set<String> operations() {
        return dispatcher.operations();
    }
}
