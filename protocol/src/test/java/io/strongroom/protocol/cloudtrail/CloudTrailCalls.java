package io.strongroom.protocol.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.audit.testing.CloudTrailFixture;
import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.support.BotocoreModel;
import io.strongroom.protocol.support.JsonRequests;
import io.strongroom.protocol.support.JsonShapeConformance;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CloudTrail handler over the real service (audit's and iam's in-memory fakes), called as the
 * server calls it, with the botocore model to check what it answers.
 */
final class CloudTrailCalls {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Optional<BotocoreModel> MODEL = loadModel();

    final CloudTrailFixture fixture = new CloudTrailFixture();
    final CloudTrailJsonHandler handler = new CloudTrailJsonHandler(fixture.cloudTrail);

    private static Optional<BotocoreModel> loadModel() {
        Optional<BotocoreModel> model = BotocoreModel.load("cloudtrail", "2013-11-01");
        if (model.isEmpty()) {
            System.out.println("NOTICE: python3 with botocore not found; CloudTrail answers are not checked"
                    + " against the model");
        }
        return model;
    }

    static Optional<BotocoreModel> model() {
        return MODEL;
    }

    /** Performs one call as the management account's administrator; an error is rendered as the client sees it. */
    ApiResponse send(String operation, Object... nameValues) {
        return sendAs(fixture.admin, operation, nameValues);
    }

    ApiResponse sendAs(CallContext call, String operation, Object... nameValues) {
        return sendJson(call, operation, json(nameValues));
    }

    ApiResponse sendJson(CallContext call, String operation, String body) {
        ApiRequest request = JsonRequests.post(CloudTrailJsonHandler.TARGET_PREFIX + "." + operation, body);
        try {
            return handler.handle(request, call);
        } catch (AwsException e) {
            return handler.renderError(request, e);
        }
    }

    /** A call that must succeed and answer the model's output shape; returns the output document. */
    JsonNode ok(String operation, Object... nameValues) {
        ApiResponse response = send(operation, nameValues);
        assertThat(response.status()).as(operation + " answered " + JsonRequests.text(response)).isEqualTo(200);
        MODEL.ifPresent(model -> assertThat(new JsonShapeConformance(model).responseViolations(operation, response))
                .as(operation + " answered " + JsonRequests.text(response))
                .isEmpty());
        return response.body().length == 0 ? MAPPER.createObjectNode() : JsonRequests.body(response);
    }

    /**
     * Asserts an error: HTTP 400, the code, a {@code Message}, and (when {@code declared}) that the
     * model lists the code for the operation.
     */
    static JsonNode assertError(ApiResponse response, String operation, String code, boolean declared) {
        String text = JsonRequests.text(response);
        assertThat(response.status()).as(text).isEqualTo(400);
        JsonNode body = JsonRequests.body(response);
        assertThat(body.path("__type").asText()).as(text).isEqualTo(code);
        assertThat(body.path("Message").isTextual()).as("Message in " + text).isTrue();
        if (declared) {
            MODEL.ifPresent(model -> assertThat(new JsonShapeConformance(model).errorViolations(operation, response))
                    .as(text).isEmpty());
        }
        return body;
    }

    static JsonNode assertError(ApiResponse response, String operation, String code) {
        return assertError(response, operation, code, true);
    }

    /** A JSON object of name/value pairs; values are strings, numbers, booleans, lists or maps. */
    static String json(Object... nameValues) {
        if (nameValues.length % 2 != 0) {
            throw new IllegalArgumentException("name/value pairs expected");
        }
        Map<String, Object> members = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            members.put((String) nameValues[i], nameValues[i + 1]);
        }
        try {
            return MAPPER.writeValueAsString(members);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
