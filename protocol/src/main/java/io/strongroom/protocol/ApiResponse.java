package io.strongroom.protocol;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response ready to send: status, headers (x-amz-request-id is added by the server) and body. */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {

    public ApiResponse {
        headers = Map.copyOf(new LinkedHashMap<>(requireNonNull(headers, "headers")));
        requireNonNull(body, "body");
    }

    public static ApiResponse xml(int status, String xml) {
        return new ApiResponse(status, Map.of("Content-Type", "text/xml"), xml.getBytes(StandardCharsets.UTF_8));
    }

    public static ApiResponse json(int status, String contentType, String json) {
        return new ApiResponse(status, Map.of("Content-Type", contentType), json.getBytes(StandardCharsets.UTF_8));
    }
}
