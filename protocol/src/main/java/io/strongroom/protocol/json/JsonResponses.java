package io.strongroom.protocol.json;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.protocol.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders AWS JSON 1.1 responses: {@code Content-Type: application/x-amz-json-1.1} and
 * {@code x-amzn-RequestId} on every one; errors as {@code {"__type": code, "message": text, …}}
 * with the error's status, the message member spelled as the service's error shapes spell it.
 */
final class JsonResponses {
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
    /** What a client learns about a failure on our side: nothing internal. */
    static final String INTERNAL_FAILURE_MESSAGE = "The request processing has failed because of an unknown error.";

    private final JsonService service;

    JsonResponses(JsonService service) {
        this.service = requireNonNull(service, "service");
    }

    ApiResponse success(String requestId, JsonResult result) {
        byte[] body = result.members().map(members -> {
            JsonWriter writer = new JsonWriter();
            members.accept(writer);
            return writer.finish();
        }).orElse(new byte[0]);
        return new ApiResponse(200, headers(requestId), body);
    }

    /** A server-side failure never shows its own message: it may hold internals. */
    ApiResponse error(String requestId, AwsException original) {
        AwsException error = JsonErrorTranslation.translate(original, service);
        boolean serverSide = !error.senderFault();
        Map<String, String> extra = new LinkedHashMap<>();
        if (error instanceof DetailedAwsException detailed) {
            extra.putAll(detailed.members());
        }
        extra.putAll(service.errorMembers(original));
        JsonWriter writer = new JsonWriter();
        writer.string("__type", error.code());
        writer.string(service.messageMember(), serverSide ? INTERNAL_FAILURE_MESSAGE : error.getMessage());
        extra.forEach((name, value) -> {
            if (!DetailedAwsException.RESERVED.contains(name) && !name.equals(service.messageMember())) {
                writer.string(name, value);
            }
        });
        return new ApiResponse(error.httpStatus(), headers(requestId), writer.finish());
    }

    private static Map<String, String> headers(String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CONTENT_TYPE);
        headers.put(REQUEST_ID_HEADER, requestId);
        return headers;
    }
}
