package io.strongroom.protocol.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.organizations.testing.OrganizationsFixture;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.support.BotocoreModel;
import io.strongroom.protocol.support.JsonRequests;
import io.strongroom.protocol.support.JsonServiceCalls;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The Organizations handler over the real service (iam's and organizations' in-memory fakes), called
 * as the server calls it, with the botocore model to check what it answers.
 */
final class OrganizationsCalls extends JsonServiceCalls {
    static final String INVALID_INPUT = "InvalidInputException";

    private static final Optional<BotocoreModel> MODEL = loadModel("organizations", "2016-11-28", "Organizations");

    final OrganizationsFixture fixture;
    final OrganizationsJsonHandler handler;

    OrganizationsCalls() {
        this(new OrganizationsFixture());
    }

    private OrganizationsCalls(OrganizationsFixture fixture) {
        this(fixture, new OrganizationsJsonHandler(fixture.organizations));
    }

    private OrganizationsCalls(OrganizationsFixture fixture, OrganizationsJsonHandler handler) {
        super(handler, OrganizationsJsonHandler.TARGET_PREFIX, fixture.admin, MODEL);
        this.fixture = fixture;
        this.handler = handler;
    }

    static Optional<BotocoreModel> model() {
        return MODEL;
    }

    /** Checks a successful response against the operation's output shape (when botocore is installed). */
    static void assertConforms(String operation, ApiResponse response) {
        conforms(MODEL, operation, response);
    }

    /**
     * Asserts an error: HTTP 400, the code, the Reason member (or none when {@code reason} is null),
     * a {@code Message}, and the members, status and code the model gives the operation's errors.
     */
    static JsonNode assertError(ApiResponse response, String operation, String code, String reason) {
        JsonNode body = assertErrorBasics(MODEL, response, operation, code, true);
        String text = JsonRequests.text(response);
        assertThat(body.has("message")).as(text).isFalse();
        if (reason == null) {
            assertThat(body.has("Reason")).as("no Reason in " + text).isFalse();
        } else {
            assertThat(body.path("Reason").asText()).as(text).isEqualTo(reason);
        }
        return body;
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
