package io.strongroom.protocol;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.audit.AuditResource;
import java.util.List;
import java.util.Map;

/**
 * One AWS service's protocol adapter (IAM and STS over the AWS Query protocol; later KMS over
 * AWS JSON 1.1 and S3 over REST-XML). The server authenticates the request, then calls
 * {@link #handle}; any {@link AwsException} thrown — by authentication or by the handler — is
 * rendered by {@link #renderError} in the service's own error shape.
 */
public interface ServiceHandler {

    /** The SigV4 signing name, for example {@code iam} or {@code sts}. */
    String signingName();

    /**
     * The operation name for metrics and logs ({@code CreateUser}), read from the request without
     * authenticating it; {@code "Unknown"} when it cannot be told.
     */
    String operationName(ApiRequest request);

    /** Performs an authenticated request. Authorisation is the handler's job, per operation. */
    ApiResponse handle(ApiRequest request, CallContext call);

    /** Renders an error in this service's shape with the request id. */
    ApiResponse renderError(ApiRequest request, AwsException error);

    /**
     * The code {@link #renderError} answers an error with, in this service's vocabulary (an AWS
     * JSON service says {@code AccessDeniedException} where IAM says {@code AccessDenied}): the
     * audit record carries the code the client saw.
     */
    default String answeredErrorCode(AwsException error) {
        return error.code();
    }

    /**
     * Whether an operation only reads (CloudTrail's {@code readOnly}). The server runs every other
     * operation in one store transaction with its audit record, so a change and its record commit
     * together; a read's record is group-committed. By AWS's naming ({@code Get}, {@code List},
     * {@code Describe}…); a handler whose reads are named otherwise, or whose "reads" store
     * something, says so here.
     */
    default boolean readOnly(String operation) {
        return ReadOnlyOperations.byName(operation);
    }

    /**
     * Whether this service reads request bodies as streams ({@link ApiRequest#bodyStream}) rather than
     * having them read whole before the call (S3 object bodies have no useful upper bound).
     */
    default boolean streamsBody() {
        return false;
    }

    /**
     * Whether an operation is a data event (S3 object reads and writes): its record is group-committed
     * after the call, as a read's is, and carries the category Data, whether it changes state or not.
     */
    default boolean dataEvent(String operation) {
        return false;
    }

    /** The request's parameters as its audit record shows them ({@code requestParameters}); null when none. */
    default Map<String, Object> auditRequestParameters(ApiRequest request) {
        return null;
    }

    /**
     * The resources a call names, for its audit record's {@code resources}, from its recorded
     * parameters; none by default.
     */
    default List<AuditResource> auditResources(Map<String, Object> requestParameters, String accountId,
                                               String region) {
        return List.of();
    }

    /**
     * The resources of a call that succeeded: by default those its parameters name; a service whose
     * answer names more (KMS Decrypt, which needs no KeyId, answers with the key it used) adds them.
     */
    default List<AuditResource> auditResources(Map<String, Object> requestParameters, ApiResponse response,
                                               String accountId, String region) {
        return auditResources(requestParameters, accountId, region);
    }

    /** What a successful call returned, as its audit record shows it ({@code responseElements}); null when nothing. */
    default Map<String, Object> auditResponseElements(ApiResponse response) {
        return null;
    }
}
