package io.strongroom.server.http;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.ServiceHandler;

/**
 * Answers requests no service claims (S3 and the JSON services arrive with later work). The
 * request is still authenticated first, so an anonymous caller learns nothing more than
 * "authenticate"; an authenticated one is told the operation is not served here.
 */
final class UnroutableRequestHandler implements ServiceHandler {

    static final String SIGNING_NAME = "unknown";

    @Override
    public String signingName() {
        return SIGNING_NAME;
    }

    @Override
    public String operationName(ApiRequest request) {
        return "Unknown";
    }

    @Override
    public ApiResponse handle(ApiRequest request, CallContext call) {
        throw new AwsException("InvalidAction", 400,
                "The requested service or operation is not available on this endpoint.");
    }

    @Override
    public ApiResponse renderError(ApiRequest request, AwsException error) {
        return QueryErrorXml.render(error, request.requestId());
    }
}
