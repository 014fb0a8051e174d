package io.strongroom.protocol.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.organizations.testing.OrganizationsFixture;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.support.BotocoreModel;
import io.strongroom.protocol.support.JsonRequests;
import io.strongroom.protocol.support.JsonShapeConformance;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The Organizations handler over the real service (iam's and organizations' in-memory fakes), called
 * as the server calls it, with the botocore model to check what it answers.
 */
final class OrganizationsCalls {
    static final String INVALID_INPUT = "InvalidInputException";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Optional<BotocoreModel> MODEL = loadModel();

    final OrganizationsFixture fixture = new OrganizationsFixture();
    final OrganizationsJsonHandler handler = new OrganizationsJsonHandler(fixture.organizations);

    private static Optional<BotocoreModel> loadModel() {
        Optional<BotocoreModel> model = BotocoreModel.load("organizations", "2016-11-28");
        if (model.isEmpty()) {
            System.out.println("NOTICE: python3 with botocore not found; Organizations answers are not checked"
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
        ApiRequest request = JsonRequests.post(OrganizationsJsonHandler.TARGET_PREFIX + "." + operation, body);
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
        assertConforms(operation, response);
        return response.body().length == 0 ? MAPPER.createObjectNode() : JsonRequests.body(response);
    }

    /** Checks a successful response against the operation's output shape (when botocore is installed). */
    static void assertConforms(String operation, ApiResponse response) {
        MODEL.ifPresent(model -> assertThat(new JsonShapeConformance(model).responseViolations(operation, response))
                .as(operation + " answered " + JsonRequests.text(response))
                .isEmpty());
    }

    /**
     * Asserts an error: HTTP 400, the code, the Reason member (or none when {@code reason} is null),
     * a {@code Message}, and the members, status and code the model gives the operation's errors.
     */
    static JsonNode assertError(ApiResponse response, String operation, String code, String reason) {
        String text = JsonRequests.text(response);
        assertThat(response.status()).as(text).isEqualTo(400);
        JsonNode body = JsonRequests.body(response);
        assertThat(body.path("__type").asText()).as(text).isEqualTo(code);
        assertThat(body.path("Message").isTextual()).as("Message in " + text).isTrue();
        assertThat(body.has("message")).as(text).isFalse();
        if (reason == null) {
            assertThat(body.has("Reason")).as("no Reason in " + text).isFalse();
        } else {
            assertThat(body.path("Reason").asText()).as(text).isEqualTo(reason);
        }
        MODEL.ifPresent(model -> assertThat(new JsonShapeConformance(model).errorViolations(operation, response))
                .as(text).isEmpty());
        return body;
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
        return json(members);
    }

    static String json(Map<String, Object> members) {
        try {
            return MAPPER.writeValueAsString(members);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- steps several tests take

    String rootId() {
        return ok("ListRoots").path("Roots").get(0).path("Id").asText();
    }

    String createAccount(String name) {
        JsonNode status = ok("CreateAccount", "Email", name + "@example.com", "AccountName", name)
                .path("CreateAccountStatus");
        assertThat(status.path("State").asText()).isEqualTo("SUCCEEDED");
        return status.path("AccountId").asText();
    }

    String createUnit(String parentId, String name) {
        return ok("CreateOrganizationalUnit", "ParentId", parentId, "Name", name)
                .path("OrganizationalUnit").path("Id").asText();
    }

    String createPolicy(String name, String content) {
        return ok("CreatePolicy", "Name", name, "Description", "", "Type", "SERVICE_CONTROL_POLICY",
                "Content", content).path("Policy").path("PolicySummary").path("Id").asText();
    }

    static String deny(String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"" + action
                + "\",\"Resource\":\"*\"}]}";
    }

    static List<String> texts(JsonNode array, String member) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(item -> item.path(member).asText()).toList();
    }
}
