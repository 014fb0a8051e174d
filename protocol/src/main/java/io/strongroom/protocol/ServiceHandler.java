package io.strongroom.protocol;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;

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
}
