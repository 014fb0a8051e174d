package io.strongroom.protocol;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import java.util.Map;
import java.util.Set;

/** One wire protocol's way of finding a request's operation, calling it and rendering its errors. */
public interface RequestDispatcher {

    /** The operation a request names, without authenticating it; {@code "Unknown"} when it cannot be told. */
    String operationName(ApiRequest request);

    /** Performs an authenticated request. */
    ApiResponse dispatch(ApiRequest request, CallContext call);

    /** Renders an error in the protocol's shape. */
    ApiResponse renderError(ApiRequest request, AwsException error);

    /** The error code {@link #renderError} answers with. */
    default String answeredErrorCode(AwsException error) {
        return error.code();
    }

    /** The operations registered. */
    Set<String> operations();

    /** The request's parameters as CloudTrail records them; null when none or unreadable. */
    Map<String, Object> auditRequestParameters(ApiRequest request);

    /** A successful response's content as CloudTrail records it; null when nothing. */
    Map<String, Object> auditResponseElements(ApiResponse response);
}
