package io.strongroom.protocol.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.ServiceHandler;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Calls an AWS JSON service handler as the server calls it, and checks its answers against the
 * service's botocore model when python3 with botocore is installed.
 */
public abstract class JsonServiceCalls {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ServiceHandler handler;
    private final String targetPrefix;
    private final CallContext defaultCaller;
    private final Optional<BotocoreModel> model;

    protected JsonServiceCalls(ServiceHandler handler, String targetPrefix, CallContext defaultCaller,
                               Optional<BotocoreModel> model) {
        this.handler = handler;
        this.targetPrefix = targetPrefix;
        this.defaultCaller = defaultCaller;
        this.model = model;
    }

    /** The service's model, with a notice when it cannot be loaded (answers are then not checked). */
    protected static Optional<BotocoreModel> loadModel(String service, String apiVersion, String displayName) {
        Optional<BotocoreModel> model = BotocoreModel.load(service, apiVersion);
        if (model.isEmpty()) {
            System.out.println("NOTICE: python3 with botocore not found; " + displayName
                    + " answers are not checked against the model");
        }
        return model;
    }

    /** Performs one call as the default caller; an error is rendered as the client sees it. */
    public ApiResponse send(String operation, Object... nameValues) {
        return sendAs(defaultCaller, operation, nameValues);
    }

    public ApiResponse sendAs(CallContext call, String operation, Object... nameValues) {
        return sendJson(call, operation, json(nameValues));
    }

    public ApiResponse sendJson(CallContext call, String operation, String body) {
        ApiRequest request = JsonRequests.post(targetPrefix + "." + operation, body);
        try {
            return handler.handle(request, call);
        } catch (AwsException e) {
            return handler.renderError(request, e);
        }
    }

    /** A call that must succeed and answer the model's output shape; returns the output document. */
    public JsonNode ok(String operation, Object... nameValues) {
        ApiResponse response = send(operation, nameValues);
        assertThat(response.status()).as(operation + " answered " + JsonRequests.text(response)).isEqualTo(200);
        conforms(model, operation, response);
        return response.body().length == 0 ? MAPPER.createObjectNode() : JsonRequests.body(response);
    }

    /** Checks a successful response against the operation's output shape (when the model is there). */
    protected static void conforms(Optional<BotocoreModel> model, String operation, ApiResponse response) {
        model.ifPresent(m -> assertThat(new JsonShapeConformance(m).responseViolations(operation, response))
                .as(operation + " answered " + JsonRequests.text(response))
                .isEmpty());
    }

    /**
     * Asserts what every error of these services has: HTTP 400, the code as {@code __type} and a
     * {@code Message}; with {@code declared}, that the model lists the error for the operation.
     * Returns the error document for further checks.
     */
    protected static JsonNode assertErrorBasics(Optional<BotocoreModel> model, ApiResponse response, String operation,
                                                String code, boolean declared) {
        String text = JsonRequests.text(response);
        assertThat(response.status()).as(text).isEqualTo(400);
        JsonNode body = JsonRequests.body(response);
        assertThat(body.path("__type").asText()).as(text).isEqualTo(code);
        assertThat(body.path("Message").isTextual()).as("Message in " + text).isTrue();
        if (declared) {
            model.ifPresent(m -> assertThat(new JsonShapeConformance(m).errorViolations(operation, response))
                    .as(text).isEmpty());
        }
        return body;
    }

    /** A JSON object of name/value pairs; values are strings, numbers, booleans, lists or maps. */
    public static String json(Object... nameValues) {
        if (nameValues.length % 2 != 0) {
            throw new IllegalArgumentException("name/value pairs expected");
        }
        Map<String, Object> members = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            members.put((String) nameValues[i], nameValues[i + 1]);
        }
        return json(members);
    }

    public static String json(Map<String, Object> members) {
        try {
            return MAPPER.writeValueAsString(members);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
