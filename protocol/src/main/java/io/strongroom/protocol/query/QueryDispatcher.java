package io.strongroom.protocol.query;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.RequestDispatcher;
import io.strongroom.protocol.audit.AuditValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The AWS Query protocol for one service: reads the parameters, checks {@code Action} and
 * {@code Version}, runs the operation and renders its response or error.
 */
public final class QueryDispatcher implements RequestDispatcher {
    private static final int MAX_ECHOED_ACTION = 128;

    private final QueryService service;
    private final OperationTable operations;
    private final QueryResponses responses;

    public QueryDispatcher(QueryService service, OperationTable operations) {
        this.service = requireNonNull(service, "service");
        this.operations = requireNonNull(operations, "operations");
        this.responses = new QueryResponses(service);
    }

    /**
     * Performs the request. {@link AwsException}s pass through for {@link #renderError}; any other
     * failure becomes the service's internal-failure error carrying the original as its cause, so
     * the server can log it while the client learns nothing of it.
     */
    @Override
    public ApiResponse dispatch(ApiRequest request, CallContext call) {
        QueryParameters parameters = QueryRequestReader.read(request);
        String action = parameters.string("Action").filter(a -> !a.isEmpty()).orElseThrow(QueryErrors::missingAction);
        String version = parameters.string("Version").filter(v -> !v.isEmpty()).orElseThrow(QueryErrors::missingVersion);
        QueryOperation operation = operations.find(action)
                .filter(found -> version.equals(service.apiVersion()))
                .orElseThrow(() -> QueryErrors.invalidAction(abbreviate(action), abbreviate(version)));
        QueryResult result;
        try {
            result = operation.execute(parameters, call);
        } catch (AwsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AwsException(service.internalFailureCode(), 500, "unexpected failure in " + action, e);
        }
        return responses.success(action, request.requestId(), result);
    }

    /** The Action for metrics, only when it is one of ours: client text must not become a metric label. */
    @Override
    public String operationName(ApiRequest request) {
        return QueryAction.find(request).filter(action -> operations.find(action).isPresent()).orElse("Unknown");
    }

    @Override
    public ApiResponse renderError(ApiRequest request, AwsException error) {
        return responses.error(request.requestId(), error);
    }

    @Override
    public Set<String> operations() {
        return operations.actions();
    }

    /** The parameters without Action and Version, which the record names as eventName already. */
    @Override
    public Map<String, Object> auditRequestParameters(ApiRequest request) {
        try {
            Map<String, String> flat = new LinkedHashMap<>(QueryRequestReader.read(request).asMap());
            flat.remove("Action");
            flat.remove("Version");
            return AuditValues.fromQueryParameters(flat);
        } catch (AwsException e) {
            return null; // unreadable parameters: the record's errorCode says why
        }
    }

    @Override
    public Map<String, Object> auditResponseElements(ApiResponse response) {
        return AuditValues.fromQueryXmlResult(response.body());
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_ECHOED_ACTION ? text : text.substring(0, MAX_ECHOED_ACTION) + "...";
    }
}
