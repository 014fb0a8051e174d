package io.strongroom.protocol.json;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.RequestDispatcher;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import io.strongroom.protocol.audit.AuditValues;
import java.util.Map;
import java.util.Set;

/**
 * The AWS JSON 1.1 protocol for one service: a {@code POST} whose {@code X-Amz-Target} is
 * {@code <TargetPrefix>.<Operation>} and whose body is the operation's input as a JSON object.
 * Finds the operation, reads the body, runs the operation and renders its output or error.
 */
public final class JsonDispatcher implements RequestDispatcher {
    static final String TARGET_HEADER = "X-Amz-Target";
    /** Content types a JSON service reads; absent is tolerated, as AWS does. */
    private static final Set<String> JSON_CONTENT_TYPES =
            Set.of("application/x-amz-json-1.1", "application/x-amz-json-1.0", "application/json");

    private final JsonService service;
    private final JsonOperationTable operations;
    private final JsonResponses responses;

    public JsonDispatcher(JsonService service, JsonOperationTable operations) {
        this.service = requireNonNull(service, "service");
        this.operations = requireNonNull(operations, "operations");
        this.responses = new JsonResponses(service);
    }

    /**
     * Performs the request. {@link AwsException}s pass through for {@link #renderError}; any other
     * failure, in the operation or in writing its output, becomes the service's internal-failure
     * error carrying the original as its cause, so the server can log it while the client learns
     * nothing of it.
     */
    @Override
    public ApiResponse dispatch(ApiRequest request, CallContext call) {
        String name = operationNameOf(request);
        JsonOperation operation = operations.find(name).orElseThrow(() ->
                JsonErrors.unknownOperation("Unknown operation " + JsonErrors.abbreviate(name)));
        requireJsonContentType(request);
        JsonInput input = JsonInput.parse(request.body(), service.validationErrors());
        try {
            return responses.success(request.requestId(), operation.execute(input, call));
        } catch (AwsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new AwsException(service.internalFailureCode(), 500, "unexpected failure in " + name, e);
        }
    }

    /** The operation for metrics, only when it is one of ours: client text must not become a metric label. */
    @Override
    public String operationName(ApiRequest request) {
        try {
            String name = operationNameOf(request);
            return operations.find(name).isPresent() ? name : "Unknown";
        } catch (AwsException e) {
            return "Unknown";
        }
    }

    @Override
    public ApiResponse renderError(ApiRequest request, AwsException error) {
        return responses.error(request.requestId(), error);
    }

    @Override
    public String answeredErrorCode(AwsException error) {
        return JsonErrorTranslation.translate(error, service).code();
    }

    @Override
    public Set<String> operations() {
        return operations.operations();
    }

    @Override
    public Map<String, Object> auditRequestParameters(ApiRequest request) {
        return AuditValues.fromJsonObject(request.body());
    }

    @Override
    public Map<String, Object> auditResponseElements(ApiResponse response) {
        return AuditValues.fromJsonObject(response.body());
    }

    /** The operation named by a POST's single {@code X-Amz-Target} under this service's prefix. */
    private String operationNameOf(ApiRequest request) {
        if (!request.method().equals("POST")) {
            throw JsonErrors.unknownOperation("Operations of this service are called with POST, not "
                    + JsonErrors.abbreviate(request.method()));
        }
        List<String> targets = request.headers().getOrDefault(TARGET_HEADER, List.of());
        if (targets.isEmpty()) {
            throw JsonErrors.unknownOperation("The request has no " + TARGET_HEADER + " header");
        }
        if (targets.size() > 1) {
            throw JsonErrors.unknownOperation("The request has more than one " + TARGET_HEADER + " header");
        }
        String target = targets.get(0).trim();
        int dot = target.lastIndexOf('.');
        if (dot < 0 || !target.substring(0, dot).equals(service.targetPrefix())) {
            throw JsonErrors.unknownOperation("Unknown operation " + JsonErrors.abbreviate(target));
        }
        return target.substring(dot + 1);
    }

    private static void requireJsonContentType(ApiRequest request) {
        Optional<String> contentType = request.header("Content-Type");
        if (contentType.isEmpty()) {
            return;
        }
        String mediaType = contentType.get().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!JSON_CONTENT_TYPES.contains(mediaType)) {
            throw JsonErrors.unknownOperation("Unsupported content type " + JsonErrors.abbreviate(mediaType)
                    + "; AWS JSON operations take application/x-amz-json-1.1");
        }
    }
}
