package io.strongroom.server.http;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.core.Ids;
import io.strongroom.core.RequestHeaders;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.ServiceHandler;
import io.strongroom.server.net.TrustedProxies;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
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
    /** How much of a refused body is read and dropped before answering (see {@link BoundedBody#discardRemaining}). */
    private static final long DISCARD_LIMIT = 8L * 1024 * 1024;
    private static final byte[] NO_BODY = new byte[0];

    private final ApiPipeline pipeline;
    private final ClientAddress clientAddress;
    private final long maxRequestBody;
    private final Clock clock;

    public ApiHandler(ApiPipeline pipeline, TrustedProxies trustedProxies, long maxRequestBody, Clock clock) {
        this.pipeline = requireNonNull(pipeline, "pipeline");
        this.clientAddress = new ClientAddress(trustedProxies);
        this.maxRequestBody = maxRequestBody;
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String requestId = Ids.requestId();
        Instant receivedAt = clock.instant();
        String peer = peerAddress(request);
        String source;
        try {
            source = clientAddress.resolve(peer, request.getHeaders().getValuesList(HttpHeader.X_FORWARDED_FOR));
        } catch (AwsException e) {
            write(pipeline.reject(toApiRequest(request, peer, requestId, receivedAt), e), response, callback);
            return true;
        }
        ApiResponse answer;
        ApiRequest headers = toApiRequest(request, source, requestId, receivedAt);
        try {
            ServiceHandler service = pipeline.route(headers);
            if (service.streamsBody()) {
                answer = pipeline.handle(service, headers.withBodyStream(Content.Source.asInputStream(request)));
            } else {
                answer = pipeline.handle(service, headers.withBody(BoundedBody.read(request, maxRequestBody)));
            }
        } catch (BoundedBody.TooLargeException e) {
            answer = pipeline.reject(headers,
                    new AwsException("RequestEntityTooLarge", 413,
                            "Request body is larger than the limit of " + maxRequestBody + " bytes."));
            // Drain a modest remainder so the client reads the answer, then close the connection.
            BoundedBody.discardRemaining(request, DISCARD_LIMIT);
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        } catch (IOException e) {
            callback.failed(e); // the client went away mid-body; there is nobody to answer
            return true;
        }
        write(answer, response, callback);
        return true;
    }

    /**
     * Answers a request the concurrency limit turned away, in the shape of the service it was for,
     * without reading its body.
     */
    void rejectOverloaded(Request request, Response response, Callback callback) {
        ApiRequest apiRequest = toApiRequest(request, peerAddress(request), Ids.requestId(), clock.instant());
        ApiResponse answer = pipeline.reject(apiRequest, new AwsException("ServiceUnavailable", 503,
                "The server is busy. Please reduce your request rate and retry."));
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        write(answer, response, callback);
    }

    private static String peerAddress(Request request) {
        String peer = Request.getRemoteAddr(request);
        return peer == null ? "" : peer;
    }

    /** The request without its body, which is read (or streamed) only once the request is known. */
    private static ApiRequest toApiRequest(Request request, String source, String requestId, Instant receivedAt) {
        RequestHeaders.Builder headers = RequestHeaders.builder();
        for (HttpField field : request.getHeaders()) {
            headers.add(field.getName(), field.getValue());
        }
        String query = request.getHttpURI().getQuery();
        // set by the TLS connector's SecureRequestCustomizer; absent over plain HTTP
        EndPoint.SslSessionData tls = request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE)
                instanceof EndPoint.SslSessionData data ? data : null;
        return new ApiRequest(request.getMethod(), request.getHttpURI().getPath(), query == null ? "" : query,
                headers.build(), NO_BODY, source, request.isSecure(),
                tls == null || tls.sslSession() == null ? null : tls.sslSession().getProtocol(),
                tls == null ? null : tls.cipherSuite(), requestId, receivedAt);
    }

    static void write(ApiResponse answer, Response response, Callback callback) {
        response.setStatus(answer.status());
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        if (answer.streamedBody() != null) {
            writeStreamed(answer, response, callback);
            return;
        }
        if (!answer.headers().containsKey(HttpHeader.CONTENT_LENGTH.asString())) {
            // a HEAD answer names the length of the body it does not send
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        }
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }

    /** Streams an object body; a failure midway can only cut the connection, as the status is gone. */
    private static void writeStreamed(ApiResponse answer, Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.streamedLength());
        try (ApiResponse.StreamedBody body = answer.streamedBody();
             OutputStream out = Content.Sink.asOutputStream(response)) {
            body.writeTo(out);
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }
}
