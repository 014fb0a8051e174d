package io.strongroom.protocol.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds AWS JSON 1.1 requests the way botocore sends them, and reads JSON responses. */
public final class JsonRequests {
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonRequests() {
    }

    /** {@code POST /} with {@code X-Amz-Target: target} and the given JSON text as body. */
    public static ApiRequest post(String target, String json) {
        return request("POST", Map.of("X-Amz-Target", List.of(target), "Content-Type", List.of(CONTENT_TYPE)),
                json.getBytes(StandardCharsets.UTF_8));
    }

    public static ApiRequest request(String method, Map<String, List<String>> headers, byte[] body) {
        return new ApiRequest(method, "/", "", new LinkedHashMap<>(headers), body, "127.0.0.1", false,
                Requests.REQUEST_ID, Instant.now());
    }

    /** The account root of {@link Requests#ACCOUNT}, calling at {@code receivedAt}. */
    public static CallContext rootCallAt(Instant receivedAt) {
        CallContext root = Requests.rootCall();
        return new CallContext(root.requestId(), root.principal(), root.sourceIp(), root.userAgent(),
                root.secureTransport(), root.region(), receivedAt);
    }

    public static JsonNode body(ApiResponse response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + new String(response.body(), StandardCharsets.UTF_8), e);
        }
    }

    public static String text(ApiResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
