package io.strongroom.protocol;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response ready to send: status, headers (x-amz-request-id is added by the server) and body,
 * either whole or, for object bodies, streamed.
 *
 * @param streamedBody writes a body of {@code streamedLength} bytes after the headers; null when {@code body} is it
 */
public record ApiResponse(int status, Map<String, String> headers, byte[] body, StreamedBody streamedBody,
                          long streamedLength) {

    public ApiResponse {
        headers = Map.copyOf(new LinkedHashMap<>(requireNonNull(headers, "headers")));
        requireNonNull(body, "body");
        if (streamedBody != null && (body.length > 0 || streamedLength < 0)) {
            throw new IllegalArgumentException("a streamed body has a length and no whole body beside it");
        }
    }

    public ApiResponse(int status, Map<String, String> headers, byte[] body) {
        this(status, headers, body, null, 0);
    }

    /** A response whose body of {@code length} bytes is written by {@code body} once the headers are sent. */
    public static ApiResponse streamed(int status, Map<String, String> headers, long length, StreamedBody body) {
        return new ApiResponse(status, headers, new byte[0], requireNonNull(body, "body"), length);
    }

    /** The same response with other headers. */
    public ApiResponse withHeaders(Map<String, String> newHeaders) {
        return new ApiResponse(status, newHeaders, body, streamedBody, streamedLength);
    }

    public static ApiResponse xml(int status, String xml) {
        return new ApiResponse(status, Map.of("Content-Type", "text/xml"), xml.getBytes(StandardCharsets.UTF_8));
    }

    public static ApiResponse json(int status, String contentType, String json) {
        return new ApiResponse(status, Map.of("Content-Type", contentType), json.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a streamed body, then releases what it holds (also when it is never written). */
    public interface StreamedBody extends AutoCloseable {
        void writeTo(OutputStream out) throws IOException;

        @Override
        void close();
    }
}
