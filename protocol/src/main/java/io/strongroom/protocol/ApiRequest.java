package io.strongroom.protocol;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.RequestHeaders;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An API request as the protocol adapters see it, independent of Jetty.
 *
 * @param method        HTTP method
 * @param rawPath       the path exactly as sent (still percent-encoded)
 * @param rawQuery      the query string exactly as sent (still percent-encoded), or empty
 * @param headers       headers by case-insensitive name, in arrival order (kept as given when a
 *                      {@link RequestHeaders}, else copied into one)
 * @param body          the whole body, read before the call; empty when the service streams it
 * @param bodyStream    for a service that streams bodies (S3), the body still to be read, decoded and
 *                      verified as its signature says once the request is authenticated; else null
 * @param remoteAddress the client's IP address
 * @param secure        whether the request came over TLS
 * @param tlsVersion    the TLS protocol of the connection ({@code TLSv1.3}); null over plain HTTP
 * @param cipherSuite   the TLS cipher suite of the connection; null over plain HTTP
 * @param requestId     the x-amz-request-id assigned on arrival
 * @param receivedAt    when the request arrived
 */
public record ApiRequest(
        String method,
        String rawPath,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        String remoteAddress,
        boolean secure,
        String tlsVersion,
        String cipherSuite,
        String requestId,
        Instant receivedAt,
        InputStream bodyStream) {

    public ApiRequest {
        requireNonNull(method, "method");
        requireNonNull(rawPath, "rawPath");
        requireNonNull(rawQuery, "rawQuery");
        headers = RequestHeaders.copyOf(headers);
        requireNonNull(body, "body");
        requireNonNull(remoteAddress, "remoteAddress");
        requireNonNull(requestId, "requestId");
        requireNonNull(receivedAt, "receivedAt");
    }

    public ApiRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
                      String remoteAddress, boolean secure, String tlsVersion, String cipherSuite, String requestId,
                      Instant receivedAt) {
        this(method, rawPath, rawQuery, headers, body, remoteAddress, secure, tlsVersion, cipherSuite, requestId,
                receivedAt, null);
    }

    /** The same request with the body read whole. */
    public ApiRequest withBody(byte[] wholeBody) {
        return new ApiRequest(method, rawPath, rawQuery, headers, wholeBody, remoteAddress, secure, tlsVersion,
                cipherSuite, requestId, receivedAt, bodyStream);
    }

    /** The same request with its streamed body replaced (by the decoded, verified one). */
    public ApiRequest withBodyStream(InputStream stream) {
        return new ApiRequest(method, rawPath, rawQuery, headers, body, remoteAddress, secure, tlsVersion, cipherSuite,
                requestId, receivedAt, stream);
    }

    /** A request whose TLS details are not known (plain HTTP, or built by a test). */
    public ApiRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
                      String remoteAddress, boolean secure, String requestId, Instant receivedAt) {
        this(method, rawPath, rawQuery, headers, body, remoteAddress, secure, null, null, requestId, receivedAt, null);
    }

    /** The first value of a header, if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
