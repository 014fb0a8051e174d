package io.strongroom.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.core.AwsException;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.json.fake.WidgetHandler;
import io.strongroom.protocol.support.JsonRequests;
import io.strongroom.sigv4.SigV4Exception;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Errors raised before the service runs (authentication, the server's limits) are rendered in the
 * JSON services' vocabulary: SDKs act on these codes, for example to correct clock skew.
 */
class JsonErrorRenderingTest {
    private final WidgetHandler widgets = new WidgetHandler(WidgetHandler.COMMON_DIALECT);
    private final ApiRequest request = JsonRequests.post(WidgetHandler.TARGET_PREFIX + ".ListWidgets", "{}");

    private JsonNode render(AwsException error, int expectedStatus) {
        ApiResponse response = widgets.renderError(request, error);
        assertThat(response.status()).isEqualTo(expectedStatus);
        assertThat(response.headers()).containsEntry("Content-Type", "application/x-amz-json-1.1")
                .containsEntry("x-amzn-RequestId", request.requestId());
        return JsonRequests.body(response);
    }

    private void assertRendered(AwsException error, int status, String code) {
        JsonNode body = render(error, status);
        assertThat(body.get("__type").asText()).as(error.code()).isEqualTo(code);
        if (status < 500) {
            assertThat(body.get("message").asText()).isEqualTo(error.getMessage());
        }
    }

    @Test
    void signatureFailuresUseTheJsonServicesCodes() {
        Map<SigV4Exception.Reason, String> expected = Map.ofEntries(
                Map.entry(SigV4Exception.Reason.MISSING_AUTHENTICATION, "MissingAuthenticationTokenException"),
                Map.entry(SigV4Exception.Reason.INCOMPLETE_SIGNATURE, "IncompleteSignatureException"),
                Map.entry(SigV4Exception.Reason.MALFORMED_QUERY_AUTH, "IncompleteSignatureException"),
                Map.entry(SigV4Exception.Reason.CONFLICTING_AUTHENTICATION, "IncompleteSignatureException"),
                Map.entry(SigV4Exception.Reason.INVALID_CONTENT_SHA256, "IncompleteSignatureException"),
                Map.entry(SigV4Exception.Reason.UNKNOWN_ACCESS_KEY, "UnrecognizedClientException"),
                Map.entry(SigV4Exception.Reason.SIGNATURE_MISMATCH, "InvalidSignatureException"),
                Map.entry(SigV4Exception.Reason.REQUEST_EXPIRED, "InvalidSignatureException"),
                Map.entry(SigV4Exception.Reason.PRESIGN_EXPIRED, "InvalidSignatureException"),
                Map.entry(SigV4Exception.Reason.PRESIGN_NOT_YET_VALID, "InvalidSignatureException"),
                Map.entry(SigV4Exception.Reason.CONTENT_SHA256_MISMATCH, "InvalidSignatureException"));
        assertThat(expected).hasSize(SigV4Exception.Reason.values().length);
        expected.forEach((reason, code) -> assertRendered(new SigV4Exception(reason, "because " + reason), 400, code));
    }

    @Test
    void queryFlavouredCommonErrorsAreRenamed() {
        assertRendered(new AwsException("InvalidClientTokenId", 403, "The security token included in the request is invalid."),
                400, "UnrecognizedClientException");
        assertRendered(new AwsException("ExpiredToken", 403, "The security token included in the request is expired"),
                400, "ExpiredTokenException");
        assertRendered(new AwsException("SignatureDoesNotMatch", 403,
                "Credential should be scoped to a valid region, not 'eu-west-9'. "), 400, "InvalidSignatureException");
        assertRendered(AwsException.accessDenied("User: arn:aws:iam::111122223333:user/bob is not authorized"),
                400, "AccessDeniedException");
        assertRendered(new AwsException("RequestEntityTooLarge", 413, "Request body is larger than the limit"),
                413, "RequestEntityTooLargeException");
        assertRendered(AwsException.validation("bad value"), 400, "ValidationException");
    }

    @Test
    void otherErrorsPassUnchangedAndServerFaultsHideTheirMessage() {
        assertRendered(new AwsException("ThrottlingException", 400, "Rate exceeded"), 400, "ThrottlingException");
        JsonNode busy = render(new AwsException("ServiceUnavailable", 503, "The server is busy."), 503);
        assertThat(busy.get("__type").asText()).isEqualTo("ServiceUnavailable");
        assertThat(busy.get("message").asText()).isEqualTo(JsonResponses.INTERNAL_FAILURE_MESSAGE);
        JsonNode internal = render(AwsException.internal("NullPointerException at Foo.java:12", null), 500);
        assertThat(internal.get("__type").asText()).isEqualTo("InternalFailure");
        assertThat(internal.toString()).doesNotContain("Foo.java");
    }

    @Test
    void aRenamedDetailedErrorKeepsItsMembers() {
        JsonNode body = render(new DetailedAwsException("AccessDenied", 403, "no", Map.of("Reason", "R")), 400);
        assertThat(body.get("__type").asText()).isEqualTo("AccessDeniedException");
        assertThat(body.get("Reason").asText()).isEqualTo("R");
    }

    @Test
    void theOrganizationsDialectRendersItsOwnInternalCodeAndMessageMember() {
        WidgetHandler organizations = new WidgetHandler(WidgetHandler.ORGANIZATIONS_DIALECT);
        JsonNode body = JsonRequests.body(organizations.renderError(request, AwsException.internal("x", null)));
        assertThat(body.get("__type").asText()).isEqualTo("ServiceException");
        assertThat(body.has("Message")).isTrue();
        assertThat(body.has("message")).isFalse();
        JsonNode denied = JsonRequests.body(organizations.renderError(request, AwsException.accessDenied("nope")));
        assertThat(denied.toString()).isEqualTo("{\"__type\":\"AccessDeniedException\",\"Message\":\"nope\"}");
    }
}
