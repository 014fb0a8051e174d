package io.strongroom.server.http;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.core.Ids;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The API port's Jetty handler: turns the Jetty request into an {@link ApiRequest} (with a new
 * request id and a body bounded in size), lets the {@link ApiPipeline} serve it, writes the
 * answer. Runs on a virtual thread, so reading the body blocks nothing but this request.
 */
public final class ApiHandler extends Handler.Abstract {

    private final ApiPipeline pipeline;
    private final ClientAddress clientAddress;
    private final long maxRequestBody;
    private final Clock clock;

    public ApiHandler(ApiPipeline pipeline, boolean trustForwardedFor, long maxRequestBody, Clock clock) {
        this.pipeline = requireNonNull(pipeline, "pipeline");
        this.clientAddress = new ClientAddress(trustForwardedFor);
        this.maxRequestBody = maxRequestBody;
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String requestId = Ids.requestId();
        Instant receivedAt = clock.instant();
        ApiResponse answer;
        try {
            byte[] body = BoundedBody.read(request, maxRequestBody);
            answer = pipeline.handle(toApiRequest(request, body, requestId, receivedAt));
        } catch (BoundedBody.TooLargeException e) {
            answer = pipeline.reject(toApiRequest(request, new byte[0], requestId, receivedAt),
                    new AwsException("RequestEntityTooLarge", 413,
                            "Request body is larger than the limit of " + maxRequestBody + " bytes."));
            // The rest of the body is not worth reading: close the connection after answering.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        } catch (IOException e) {
            callback.failed(e); // the client went away mid-body; there is nobody to answer
            return true;
        }
        write(answer, response, callback);
        return true;
    }

    private ApiRequest toApiRequest(Request request, byte[] body, String requestId, Instant receivedAt) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        String query = request.getHttpURI().getQuery();
        String peer = Request.getRemoteAddr(request);
        String source = clientAddress.resolve(peer == null ? "" : peer,
                java.util.Optional.ofNullable(request.getHeaders().get(HttpHeader.X_FORWARDED_FOR)));
        return new ApiRequest(request.getMethod(), request.getHttpURI().getPath(), query == null ? "" : query,
                headers, body, source, request.isSecure(), requestId, receivedAt);
    }

    static void write(ApiResponse answer, Response response, Callback callback) {
        response.setStatus(answer.status());
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }
}
