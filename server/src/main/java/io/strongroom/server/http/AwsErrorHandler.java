package io.strongroom.server.http;

import io.strongroom.core.AwsException;
import io.strongroom.core.Ids;
import io.strongroom.protocol.ApiResponse;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty raises before a request reaches the API handler (an oversized header block, a
 * malformed request line) answered in the AWS Query error shape with a request id, never an HTML page.
 */
public final class AwsErrorHandler extends ErrorHandler {

    private static final Logger LOG = Logger.getLogger(AwsErrorHandler.class.getName());

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String requestId = Ids.requestId();
        int status = response.getStatus();
        AwsException error = errorFor(status);
        LOG.log(Level.INFO, "Rejected by the HTTP layer: status " + status + ", answered " + error.code()
                + " (request id " + requestId + ")");
        ApiResponse answer = QueryErrorXml.render(error, requestId);
        response.reset();
        response.getHeaders().put("x-amz-request-id", requestId);
        response.getHeaders().put("x-amzn-RequestId", requestId);
        ApiHandler.write(answer, response, callback);
        return true;
    }

    static AwsException errorFor(int status) {
        return switch (status) {
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> new AwsException("RequestHeaderSectionTooLarge", 400,
                    "Your request header section exceeds the maximum allowed size.");
            case HttpStatus.PAYLOAD_TOO_LARGE_413 -> new AwsException("RequestEntityTooLarge", 413,
                    "Your request is larger than the maximum allowed size.");
            case HttpStatus.URI_TOO_LONG_414 -> new AwsException("RequestURITooLong", 414,
                    "Your request URI is longer than the maximum allowed length.");
            case HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 -> new AwsException("MalformedRequest", 400,
                    "The HTTP version of the request is not supported.");
            case HttpStatus.NOT_FOUND_404 -> new AwsException("NotFound", 404, "The resource was not found.");
            case HttpStatus.METHOD_NOT_ALLOWED_405 -> new AwsException("MethodNotAllowed", 405,
                    "The method is not allowed.");
            default -> status >= 400 && status < 500
                    ? new AwsException("MalformedRequest", status, "The request could not be parsed.")
                    : AwsException.internal("We encountered an internal error. Please try again.", null);
        };
    }
}
