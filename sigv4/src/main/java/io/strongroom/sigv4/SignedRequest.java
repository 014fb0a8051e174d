package io.strongroom.sigv4;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.RequestHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an HTTP request that a SigV4 signature covers, free of any HTTP library.
 *
 * @param method   HTTP method
 * @param rawPath  the path exactly as sent, still percent-encoded
 * @param rawQuery the query string exactly as sent, still percent-encoded ("" when none)
 * @param headers  header values by case-insensitive name, in arrival order; names that differ only
 *                 in case are merged, keeping arrival order
 * @param body     the body when it was read whole; empty for a streamed body (then the
 *                 {@code x-amz-content-sha256} header stands for it). Adapters must pass the body
 *                 whenever there is one and that header is absent.
 */
public record SignedRequest(
        String method,
        String rawPath,
        String rawQuery,
        Map<String, List<String>> headers,
        Optional<byte[]> body) {

    public SignedRequest {
        requireNonNull(method, "method");
        requireNonNull(rawPath, "rawPath");
        requireNonNull(rawQuery, "rawQuery");
        headers = RequestHeaders.copyOf(headers);
        requireNonNull(body, "body");
    }

    /** All values of a header (any case), empty when absent. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** The single value of a header, empty when absent. */
    public Optional<String> header(String name) {
        List<String> values = headerValues(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
