package io.strongroom.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.json.fake.WidgetHandler;
import io.strongroom.protocol.support.JsonRequests;
import io.strongroom.protocol.support.Requests;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The AWS JSON 1.1 protocol end to end through a fake service: dispatch, outputs and every error path. */
class JsonServiceHandlerTest {
    private static final String PREFIX = WidgetHandler.TARGET_PREFIX + ".";
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00.123Z");
    private static final CallContext CALL = JsonRequests.rootCallAt(NOW);

    private final WidgetHandler widgets = new WidgetHandler(WidgetHandler.COMMON_DIALECT);

    /** What the server does: perform the request, render whatever AwsException comes out. */
    private static ApiResponse call(WidgetHandler handler, ApiRequest request) {
        try {
            return handler.handle(request, CALL);
        } catch (AwsException e) {
            return handler.renderError(request, e);
        }
    }

    private ApiResponse call(String operation, String json) {
        return call(widgets, JsonRequests.post(PREFIX + operation, json));
    }

    private static void assertError(ApiResponse response, int status, String code, String message) {
        assertThat(response.status()).as(JsonRequests.text(response)).isEqualTo(status);
        assertThat(response.headers()).containsEntry("Content-Type", "application/x-amz-json-1.1")
                .containsEntry("x-amzn-RequestId", Requests.REQUEST_ID);
        JsonNode body = JsonRequests.body(response);
        assertThat(body.path("__type").asText()).isEqualTo(code);
        if (message != null) {
            assertThat(body.path("message").asText()).isEqualTo(message);
        }
    }

    private static void assertError(ApiResponse response, int status, String code) {
        assertError(response, status, code, null);
    }

    @Nested
    class Dispatch {
        @Test
        void runsTheOperationNamedByTheTargetAndAnswersJson() {
            ApiResponse response = call("CreateWidget", "{\"Name\":\"w1\",\"Color\":\"BLUE\",\"Size\":7}");

            assertThat(response.status()).as(JsonRequests.text(response)).isEqualTo(200);
            assertThat(response.headers()).containsEntry("Content-Type", "application/x-amz-json-1.1")
                    .containsEntry("x-amzn-RequestId", Requests.REQUEST_ID);
            JsonNode widget = JsonRequests.body(response).get("Widget");
            assertThat(widget.get("Name").asText()).isEqualTo("w1");
            assertThat(widget.get("Color").asText()).isEqualTo("BLUE");
            assertThat(widget.get("Size").isInt()).isTrue();
            assertThat(widget.get("Public").isBoolean()).isTrue();
            assertThat(widget.has("Shape")).as("absent optional members are left out").isFalse();

            JsonNode fetched = JsonRequests.body(call("GetWidget", "{\"Name\":\"w1\"}")).get("Widget");
            assertThat(fetched).isEqualTo(widget);
        }

        @Test
        void anEmptyBodyIsAnEmptyObject() {
            ApiResponse response = call(widgets, JsonRequests.request("POST",
                    Map.of("X-Amz-Target", List.of(PREFIX + "ListWidgets")), new byte[0]));
            assertThat(response.status()).isEqualTo(200);
            assertThat(JsonRequests.text(response)).isEqualTo("{\"Widgets\":[]}");
            assertThat(call("ListWidgets", " \n ").status()).as("whitespace only").isEqualTo(200);
        }

        @Test
        void anOperationWithoutOutputAnswersAnEmptyBody() {
            call("CreateWidget", "{\"Name\":\"gone\"}");
            ApiResponse response = call("DeleteWidget", "{\"Name\":\"gone\"}");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEmpty();
            assertThat(response.headers()).containsEntry("Content-Type", "application/x-amz-json-1.1")
                    .containsEntry("x-amzn-RequestId", Requests.REQUEST_ID);
        }

        @Test
        void jsonNullReadsAsAbsentAndUnknownMembersAreIgnored() {
            ApiResponse response = call("CreateWidget", "{\"Name\":\"n\",\"Color\":null,\"Whatever\":{\"a\":[1]}}");
            assertThat(response.status()).as(JsonRequests.text(response)).isEqualTo(200);
            assertThat(JsonRequests.body(response).at("/Widget/Color").asText()).isEqualTo("RED");
        }

        @Test
        void acceptsTheJsonContentTypesAndNone() {
            for (String type : List.of("application/x-amz-json-1.1", "application/x-amz-json-1.0",
                    "application/json", "Application/X-Amz-Json-1.1; charset=utf-8")) {
                ApiResponse response = call(widgets, JsonRequests.request("POST", Map.of("X-Amz-Target",
                        List.of(PREFIX + "ListWidgets"), "Content-Type", List.of(type)), "{}".getBytes()));
                assertThat(response.status()).as(type).isEqualTo(200);
            }
            ApiResponse untyped = call(widgets, JsonRequests.request("POST",
                    Map.of("X-Amz-Target", List.of(PREFIX + "ListWidgets")), "{}".getBytes()));
            assertThat(untyped.status()).isEqualTo(200);
        }

        @Test
        void namesTheOperationForMetricsOnlyWhenItIsOurs() {
            assertThat(widgets.operationName(JsonRequests.post(PREFIX + "GetWidget", "{}"))).isEqualTo("GetWidget");
            assertThat(widgets.operationName(JsonRequests.post(PREFIX + "StealEverything", "{}"))).isEqualTo("Unknown");
            assertThat(widgets.operationName(JsonRequests.post("TrentService.GetWidget", "{}"))).isEqualTo("Unknown");
            assertThat(widgets.operationName(JsonRequests.request("GET",
                    Map.of("X-Amz-Target", List.of(PREFIX + "GetWidget")), new byte[0]))).isEqualTo("Unknown");
            assertThat(widgets.operationName(JsonRequests.request("POST", Map.of(), new byte[0]))).isEqualTo("Unknown");
        }

        @Test
        void listsItsOperations() {
            assertThat(widgets.operations()).containsExactlyInAnyOrder("CreateWidget", "GetWidget", "ListWidgets",
                    "DeleteWidget", "TagWidget", "Explode", "ExplodeWhileWriting", "FailOnOurSide", "ValidateInDomain");
            assertThat(widgets.signingName()).isEqualTo("widgets");
        }

        @Test
        void anOperationCannotBeRegisteredTwice() {
            JsonOperationTable table = new JsonOperationTable().add("GetWidget", (in, call) -> JsonResult.none());
            assertThatThrownBy(() -> table.add("GetWidget", (in, call) -> JsonResult.none()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> table.add("Get.Widget", (in, call) -> JsonResult.none()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class UnknownOperations {
        @Test
        void anUnknownOperationIsUnknownOperationException() {
            assertError(call("StealEverything", "{}"), 400, "UnknownOperationException",
                    "Unknown operation StealEverything");
            assertError(call("getWidget", "{}"), 400, "UnknownOperationException", "Unknown operation getWidget");
            assertError(call("", "{}"), 400, "UnknownOperationException");
        }

        @Test
        void aForeignOrMalformedTargetIsUnknownOperationException() {
            assertError(call(widgets, JsonRequests.post("TrentService.GetWidget", "{}")), 400,
                    "UnknownOperationException", "Unknown operation TrentService.GetWidget");
            assertError(call(widgets, JsonRequests.post("GetWidget", "{}")), 400, "UnknownOperationException");
            assertError(call(widgets, JsonRequests.post(WidgetHandler.TARGET_PREFIX + "x.GetWidget", "{}")), 400,
                    "UnknownOperationException");
            assertError(call(widgets, JsonRequests.post("x".repeat(5000), "{}")), 400, "UnknownOperationException",
                    "Unknown operation " + "x".repeat(64) + "...");
        }

        @Test
        void aMissingOrRepeatedTargetIsUnknownOperationException() {
            assertError(call(widgets, JsonRequests.request("POST", Map.of(), "{}".getBytes())), 400,
                    "UnknownOperationException", "The request has no X-Amz-Target header");
            assertError(call(widgets, JsonRequests.request("POST",
                            Map.of("X-Amz-Target", List.of(PREFIX + "GetWidget", PREFIX + "DeleteWidget")), "{}".getBytes())),
                    400, "UnknownOperationException", "The request has more than one X-Amz-Target header");
        }

        @Test
        void anyMethodButPostIsUnknownOperationException() {
            for (String method : List.of("GET", "PUT", "DELETE", "HEAD", "post")) {
                assertError(call(widgets, JsonRequests.request(method,
                                Map.of("X-Amz-Target", List.of(PREFIX + "ListWidgets")), new byte[0])),
                        400, "UnknownOperationException",
                        "Operations of this service are called with POST, not " + method);
            }
        }

        @Test
        void aNonJsonContentTypeIsUnknownOperationException() {
            assertError(call(widgets, JsonRequests.request("POST", Map.of("X-Amz-Target", List.of(PREFIX + "ListWidgets"),
                            "Content-Type", List.of("application/x-www-form-urlencoded")), "{}".getBytes())),
                    400, "UnknownOperationException");
        }
    }

    @Nested
    class UnreadableBodies {
        @Test
        void malformedJsonIsSerializationException() {
            assertError(call("ListWidgets", "{"), 400, "SerializationException");
            assertError(call("ListWidgets", "{\"MaxResults\":}"), 400, "SerializationException",
                    "The request body is not valid JSON (line 1, column 15)");
            assertError(call("ListWidgets", "{'MaxResults':1}"), 400, "SerializationException");
            assertError(call("ListWidgets", "{\"MaxResults\":01}"), 400, "SerializationException");
            assertError(call("ListWidgets", "{\"MaxResults\":NaN}"), 400, "SerializationException");
            assertError(call("ListWidgets", "{} {}"), 400, "SerializationException");
            assertError(call("ListWidgets", "{}x"), 400, "SerializationException");
            assertError(call("ListWidgets", "{/*c*/}"), 400, "SerializationException");
        }

        @Test
        void aBodyThatIsNotAnObjectIsSerializationException() {
            assertError(call("ListWidgets", "[]"), 400, "SerializationException",
                    "Start of list found where not expected: the request body must be a JSON object");
            for (String body : List.of("\"x\"", "42", "true", "null")) {
                assertError(call("ListWidgets", body), 400, "SerializationException",
                        "The request body must be a JSON object");
            }
        }

        @Test
        void aMemberTwiceInOneObjectIsSerializationException() {
            assertError(call("CreateWidget", "{\"Name\":\"a\",\"Name\":\"b\"}"), 400, "SerializationException",
                    "The request body has a member twice in one object (line 1, column 19)");
        }

        @Test
        void bytesThatAreNotUtf8AreSerializationException() {
            byte[] latin1 = "{\"Name\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
            assertError(call(widgets, JsonRequests.request("POST", Map.of("X-Amz-Target", List.of(PREFIX + "CreateWidget")),
                    latin1)), 400, "SerializationException", "The request body is not valid UTF-8");
        }

        @Test
        void deepNestingIsSerializationException() {
            String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
            assertError(call("ListWidgets", deep), 400, "SerializationException",
                    "The request body is nested too deeply or holds a number too long");
            String fine = "{\"a\":".repeat(20) + "1" + "}".repeat(20);
            assertThat(call("ListWidgets", fine).status()).isEqualTo(200);
        }

        @Test
        void anOverlongNumberIsSerializationException() {
            assertError(call("ListWidgets", "{\"MaxResults\":" + "9".repeat(100) + "}"), 400, "SerializationException");
        }

        @Test
        void aLoneSurrogateIsSerializationException() {
            assertError(call("CreateWidget", "{\"Name\":\"a\",\"Labels\":[\"\\ud800\"]}"), 400, "SerializationException",
                    "Invalid Unicode (a lone surrogate) at 'labels.1.member'");
            assertError(call("CreateWidget", "{\"Name\":\"a\",\"Attributes\":{\"\\udc00\":\"v\"}}"), 400,
                    "SerializationException");
        }
    }

    @Nested
    class WrongTypes {
        @Test
        void aScalarOfTheWrongTypeIsSerializationException() {
            assertError(call("CreateWidget", "{\"Name\":5}"), 400, "SerializationException",
                    "NUMBER_VALUE can not be converted to a string at 'name'");
            assertError(call("CreateWidget", "{\"Name\":\"a\",\"Size\":\"5\"}"), 400, "SerializationException",
                    "STRING_VALUE can not be converted to an integer at 'size'");
            assertError(call("CreateWidget", "{\"Name\":\"a\",\"Size\":5.5}"), 400, "SerializationException",
                    "NUMBER_VALUE can not be converted to an integer at 'size'");
            assertError(call("CreateWidget", "{\"Name\":\"a\",\"Size\":4294967296}"), 400, "SerializationException",
                    "NUMBER_VALUE can not be converted to an integer at 'size'");
            assertError(call("CreateWidget", "{\"Name\":\"a\",\"Public\":\"true\"}"), 400, "SerializationException",
                    "STRING_VALUE can not be converted to a boolean at 'public'");
            assertError(call("CreateWidget", "{\"Name\":true}"), 400, "SerializationException",
                    "TRUE_VALUE can not be converted to a string at 'name'");
        }

        @Test
        void aStructureOrListWhereAScalarBelongsIsSerializationException() {
            assertError(call("CreateWidget", "{\"Name\":{\"a\":1}}"), 400, "SerializationException",
                    "Start of structure or map found where not expected: 'name' must be a string");
            assertError(call("CreateWidget", "{\"Name\":[\"a\"]}"), 400, "SerializationException",
                    "Start of list found where not expected: 'name' must be a string");
        }

        @Test
        void listsMapsAndStructuresOfTheWrongTypeAreSerializationException() {
            assertError(call("CreateWidget", "{\"Name\":\"a\",\"Tags\":{}}"), 400, "SerializationException",
                    "Start of structure or map found where not expected: 'tags' must be a list");
            assertError(call("CreateWidget", "{\"Name\":\"a\",\"Tags\":[\"x\"]}"), 400, "SerializationException",
                    "STRING_VALUE can not be converted to a structure at 'tags.1.member'");
            assertError(call("CreateWidget", "{\"Name\":\"a\",\"Labels\":[1]}"), 400, "SerializationException",
                    "NUMBER_VALUE can not be converted to a string at 'labels.1.member'");
            assertError(call("CreateWidget", "{\"Name\":\"a\",\"Attributes\":[]}"), 400, "SerializationException",
                    "Start of list found where not expected: 'attributes' must be a map");
            assertError(call("CreateWidget", "{\"Name\":\"a\",\"Attributes\":{\"k\":1}}"), 400, "SerializationException",
                    "NUMBER_VALUE can not be converted to a string at 'attributes.k'");
            assertError(call("CreateWidget", "{\"Name\":\"a\",\"Tags\":[{\"Key\":1,\"Value\":\"v\"}]}"), 400,
                    "SerializationException", "NUMBER_VALUE can not be converted to a string at 'tags.1.member.key'");
        }
    }

    @Nested
    class ConstraintViolations {
        @Test
        void aMissingRequiredMemberIsValidationException() {
            assertError(call("CreateWidget", "{}"), 400, "ValidationException",
                    "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null");
            assertError(call("CreateWidget", "{\"Name\":null}"), 400, "ValidationException",
                    "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null");
            assertError(call("CreateWidget", "{\"Name\":\"a\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"},{\"Value\":\"v\"}]}"),
                    400, "ValidationException", "1 validation error detected: Value null at 'tags.2.member.key' failed"
                            + " to satisfy constraint: Member must not be null");
        }

        @Test
        void aValueOutsideTheEnumIsValidationException() {
            assertError(call("CreateWidget", "{\"Name\":\"a\",\"Color\":\"PURPLE\"}"), 400, "ValidationException",
                    "1 validation error detected: Value 'PURPLE' at 'color' failed to satisfy constraint: Member must"
                            + " satisfy enum value set: [RED, GREEN, BLUE]");
            assertError(call("CreateWidget", "{\"Name\":\"a\",\"Color\":\"red\"}"), 400, "ValidationException");
            assertError(call("CreateWidget", "{\"Name\":\"a\",\"Shape\":\"oval\"}"), 400, "ValidationException",
                    "1 validation error detected: Value 'oval' at 'shape' failed to satisfy constraint: Member must"
                            + " satisfy enum value set: [round, square]");
        }

        @Test
        void lengthsAndPatternsAreValidationException() {
            assertError(call("CreateWidget", "{\"Name\":\"\"}"), 400, "ValidationException",
                    "1 validation error detected: Value '' at 'name' failed to satisfy constraint: Member must have"
                            + " length greater than or equal to 1");
            assertError(call("CreateWidget", "{\"Name\":\"" + "a".repeat(17) + "\"}"), 400, "ValidationException",
                    "1 validation error detected: Value '" + "a".repeat(17) + "' at 'name' failed to satisfy"
                            + " constraint: Member must have length less than or equal to 16");
            assertError(call("CreateWidget", "{\"Name\":\"Upper\"}"), 400, "ValidationException",
                    "1 validation error detected: Value 'Upper' at 'name' failed to satisfy constraint: Member must"
                            + " satisfy regular expression pattern: ^[a-z0-9-]+$");
            assertError(call("CreateWidget", "{\"Name\":\"a\",\"Labels\":[\"1\",\"2\",\"3\",\"4\"]}"), 400,
                    "ValidationException", "1 validation error detected: Value at 'labels' failed to satisfy"
                            + " constraint: Member must have length less than or equal to 3");
            assertError(call("CreateWidget", "{\"Name\":\"a\",\"Labels\":[\"123456789\"]}"), 400, "ValidationException",
                    "1 validation error detected: Value '123456789' at 'labels.1.member' failed to satisfy constraint:"
                            + " Member must have length less than or equal to 8");
        }

        @Test
        void lengthCountsCharactersNotUtf16Units() {
            String eightEmoji = "\uD83D\uDE00".repeat(8);
            assertThat(call("CreateWidget", "{\"Name\":\"a\",\"Labels\":[\"" + eightEmoji + "\"]}").status()).isEqualTo(200);
        }

        @Test
        void numbersOutOfRangeAreValidationException() {
            assertError(call("CreateWidget", "{\"Name\":\"a\",\"Size\":0}"), 400, "ValidationException",
                    "1 validation error detected: Value '0' at 'size' failed to satisfy constraint: Member must have"
                            + " value greater than or equal to 1");
            assertError(call("CreateWidget", "{\"Name\":\"a\",\"Size\":101}"), 400, "ValidationException",
                    "1 validation error detected: Value '101' at 'size' failed to satisfy constraint: Member must have"
                            + " value less than or equal to 100");
            assertError(call("ListWidgets", "{\"MaxResults\":-1}"), 400, "ValidationException");
        }

        @Test
        void aBlobOutOfBoundsIsValidationExceptionWithoutItsBytes() {
            String secret = java.util.Base64.getEncoder().encodeToString(new byte[33]);
            ApiResponse response = call("CreateWidget", "{\"Name\":\"a\",\"Secret\":\"" + secret + "\"}");
            assertError(response, 400, "ValidationException", "1 validation error detected: Value at 'secret' failed"
                    + " to satisfy constraint: Member must have length less than or equal to 32");
        }

        @Test
        void anUnsupportedMemberIsRefused() {
            assertError(call("CreateWidget", "{\"Name\":\"a\",\"DryRun\":true}"), 400, "ValidationException",
                    "The parameter DryRun is not supported by this service");
            assertThat(call("CreateWidget", "{\"Name\":\"a\",\"DryRun\":null}").status()).isEqualTo(200);
        }

        @Test
        void anOperationsOwnCheckUsesTheServiceVocabulary() {
            call("CreateWidget", "{\"Name\":\"t\"}");
            assertError(call("TagWidget", "{\"Name\":\"t\",\"Tags\":[]}"), 400, "ValidationException",
                    "1 validation error detected: Value '[]' at 'tags' failed to satisfy constraint: Member must have"
                            + " at least one tag");
        }

        @Test
        void theDomainsValidationErrorBecomesTheServicesOwn() {
            assertError(call("ValidateInDomain", "{}"), 400, "ValidationException", "The domain refused the value");
        }
    }

    @Nested
    class Values {
        @Test
        void timestampsAreEpochSecondsWithAMillisecondFraction() {
            ApiResponse response = call("CreateWidget", "{\"Name\":\"t\",\"ExpiresAt\":1767225600}");
            assertThat(JsonRequests.text(response)).contains("\"ExpiresAt\":1767225600,")
                    .contains("\"CreatedAt\":1767225600.123}");
            JsonNode widget = JsonRequests.body(response).get("Widget");
            assertThat(widget.get("ExpiresAt").isIntegralNumber()).isTrue();
            assertThat(widget.get("CreatedAt").isDouble()).isTrue();
        }

        @Test
        void fractionalTimestampsAreReadToTheMillisecond() {
            ApiResponse response = call("CreateWidget", "{\"Name\":\"t\",\"ExpiresAt\":1767225600.5}");
            assertThat(JsonRequests.text(response)).contains("\"ExpiresAt\":1767225600.5,");
            ApiResponse rounded = call("CreateWidget", "{\"Name\":\"u\",\"ExpiresAt\":1.7672256001236E9}");
            assertThat(JsonRequests.text(rounded)).contains("\"ExpiresAt\":1767225600.124,");
        }

        @Test
        void aTimestampThatIsNotANumberInRangeIsSerializationException() {
            assertError(call("CreateWidget", "{\"Name\":\"t\",\"ExpiresAt\":\"2026-01-01T00:00:00Z\"}"), 400,
                    "SerializationException",
                    "STRING_VALUE can not be converted to a timestamp in epoch seconds at 'expiresAt'");
            assertError(call("CreateWidget", "{\"Name\":\"t\",\"ExpiresAt\":1e20}"), 400, "SerializationException",
                    "NUMBER_VALUE is out of the timestamp range at 'expiresAt'");
            assertError(call("CreateWidget", "{\"Name\":\"t\",\"ExpiresAt\":1e400}"), 400, "SerializationException");
            assertError(call("CreateWidget", "{\"Name\":\"t\",\"ExpiresAt\":-99999999999999}"), 400,
                    "SerializationException");
        }

        @Test
        void blobsAreBase64() {
            ApiResponse response = call("CreateWidget", "{\"Name\":\"b\",\"Secret\":\"AAEC/w==\"}");
            assertThat(JsonRequests.body(response).at("/Widget/Secret").asText()).isEqualTo("AAEC/w==");
            assertError(call("CreateWidget", "{\"Name\":\"c\",\"Secret\":\"not base64!\"}"), 400,
                    "SerializationException", "Invalid base64 at 'secret'");
            assertError(call("CreateWidget", "{\"Name\":\"c\",\"Secret\":7}"), 400, "SerializationException");
        }

        @Test
        void listsMapsAndNestedStructuresRoundTrip() {
            String input = "{\"Name\":\"r\",\"Labels\":[\"x\",\"\u00e9\"],\"Attributes\":{\"k\":\"v\",\"\\\"q\\\"\":\"\\n\"},"
                    + "\"Tags\":[{\"Key\":\"team\",\"Value\":\"\"}]}";
            JsonNode widget = JsonRequests.body(call("CreateWidget", input)).get("Widget");
            assertThat(widget.get("Labels").toString()).isEqualTo("[\"x\",\"\u00e9\"]");
            assertThat(widget.get("Attributes").toString()).isEqualTo("{\"k\":\"v\",\"\\\"q\\\"\":\"\\n\"}");
            assertThat(widget.get("Tags").toString()).isEqualTo("[{\"Key\":\"team\",\"Value\":\"\"}]");
        }
    }

    @Nested
    class ServiceErrors {
        @Test
        void aDomainErrorKeepsItsCodeStatusAndMessage() {
            assertError(call("GetWidget", "{\"Name\":\"nope\"}"), 400, "WidgetNotFoundException",
                    "Widget nope does not exist");
        }

        @Test
        void anUnexpectedFailureIsAnInternalFailureThatRevealsNothing() {
            List<Throwable> causes = new ArrayList<>();
            for (String operation : List.of("Explode", "ExplodeWhileWriting")) {
                ApiRequest request = JsonRequests.post(PREFIX + operation, "{}");
                AwsException error = (AwsException) org.assertj.core.api.Assertions.catchThrowable(
                        () -> widgets.handle(request, CALL));
                assertThat(error.code()).isEqualTo("InternalFailure");
                assertThat(error.httpStatus()).isEqualTo(500);
                causes.add(error.getCause());
                ApiResponse response = widgets.renderError(request, error);
                assertError(response, 500, "InternalFailure",
                        "The request processing has failed because of an unknown error.");
                assertThat(JsonRequests.text(response)).doesNotContain("hunter2").doesNotContain("10.0.0.7")
                        .doesNotContain("Partial");
            }
            assertThat(causes).allSatisfy(cause -> assertThat(cause).isInstanceOf(IllegalStateException.class));
        }

        @Test
        void aServerSideAwsExceptionHidesItsMessage() {
            ApiResponse response = call("FailOnOurSide", "{}");
            assertError(response, 500, "InternalFailure", "The request processing has failed because of an unknown error.");
            assertThat(JsonRequests.text(response)).doesNotContain("sda1");
        }

        @Test
        void extraMembersOfADetailedErrorAreWritten() {
            call("CreateWidget", "{\"Name\":\"t\"}");
            ApiResponse response = call("TagWidget", "{\"Name\":\"t\",\"Tags\":[{\"Key\":\"aws:x\",\"Value\":\"v\"}]}");
            assertError(response, 400, "InvalidInputException", "Tag keys may not begin with aws:");
            assertThat(JsonRequests.body(response).get("Reason").asText()).isEqualTo("INVALID_SYSTEM_TAGS_PARAMETER");
        }

        @Test
        void aDetailedErrorCannotOverwriteTheProtocolsMembers() {
            assertThatThrownBy(() -> new DetailedAwsException("X", 400, "m", Map.of("__type", "Y")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new DetailedAwsException("X", 400, "m", Map.of("message", "Y")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** The same fake in the Organizations dialect: InvalidInputException with a Reason, Message, ServiceException. */
    @Nested
    class OrganizationsDialect {
        private final WidgetHandler organizations = new WidgetHandler(WidgetHandler.ORGANIZATIONS_DIALECT);

        private ApiResponse call(String operation, String json) {
            return JsonServiceHandlerTest.call(organizations, JsonRequests.post(PREFIX + operation, json));
        }

        private void assertOrganizationsError(ApiResponse response, int status, String code, String reason,
                                              String message) {
            assertThat(response.status()).as(JsonRequests.text(response)).isEqualTo(status);
            JsonNode body = JsonRequests.body(response);
            assertThat(body.path("__type").asText()).isEqualTo(code);
            assertThat(body.has("message")).as("the message member is spelled Message").isFalse();
            assertThat(body.path("Message").asText()).isEqualTo(message);
            if (reason == null) {
                assertThat(body.has("Reason")).isFalse();
            } else {
                assertThat(body.path("Reason").asText()).isEqualTo(reason);
            }
        }

        @Test
        void constraintViolationsAreInvalidInputExceptionWithAReason() {
            assertOrganizationsError(call("CreateWidget", "{}"), 400, "InvalidInputException", "INPUT_REQUIRED",
                    "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null");
            assertOrganizationsError(call("CreateWidget", "{\"Name\":\"a\",\"Color\":\"PINK\"}"), 400,
                    "InvalidInputException", "INVALID_ENUM", "1 validation error detected: Value 'PINK' at 'color'"
                            + " failed to satisfy constraint: Member must satisfy enum value set: [RED, GREEN, BLUE]");
            assertOrganizationsError(call("CreateWidget", "{\"Name\":\"A\"}"), 400, "InvalidInputException",
                    "INVALID_PATTERN", "1 validation error detected: Value 'A' at 'name' failed to satisfy constraint:"
                            + " Member must satisfy regular expression pattern: ^[a-z0-9-]+$");
            assertOrganizationsError(call("CreateWidget", "{\"Name\":\"\"}"), 400, "InvalidInputException",
                    "MIN_LENGTH_EXCEEDED", "1 validation error detected: Value '' at 'name' failed to satisfy"
                            + " constraint: Member must have length greater than or equal to 1");
            assertOrganizationsError(call("ListWidgets", "{\"MaxResults\":21}"), 400, "InvalidInputException",
                    "MAX_VALUE_EXCEEDED", "1 validation error detected: Value '21' at 'maxResults' failed to satisfy"
                            + " constraint: Member must have value less than or equal to 20");
            assertOrganizationsError(call("CreateWidget", "{\"Name\":\"a\",\"DryRun\":false}"), 400,
                    "InvalidInputException", null, "The parameter DryRun is not supported by this service");
            assertOrganizationsError(call("ValidateInDomain", "{}"), 400, "InvalidInputException", null,
                    "The domain refused the value");
        }

        @Test
        void protocolErrorsKeepTheirCodesInEveryDialect() {
            assertOrganizationsError(call("Nope", "{}"), 400, "UnknownOperationException", null,
                    "Unknown operation Nope");
            assertOrganizationsError(call("ListWidgets", "["), 400, "SerializationException", null,
                    "The request body is not valid JSON (line 1, column 2)");
            assertOrganizationsError(call("CreateWidget", "{\"Name\":1}"), 400, "SerializationException", null,
                    "NUMBER_VALUE can not be converted to a string at 'name'");
        }

        @Test
        void aDomainExceptionsReasonIsAddedByTheServicesHook() {
            for (int i = 0; i < 3; i++) {
                assertThat(call("CreateWidget", "{\"Name\":\"w" + i + "\"}").status()).isEqualTo(200);
            }
            assertOrganizationsError(call("CreateWidget", "{\"Name\":\"w9\"}"), 400, "ConstraintViolationException",
                    "WIDGET_NUMBER_LIMIT_EXCEEDED", "You have too many widgets");
        }

        @Test
        void unexpectedFailuresAreTheServicesOwnInternalCode() {
            assertOrganizationsError(call("Explode", "{}"), 500, "ServiceException", null,
                    "The request processing has failed because of an unknown error.");
            assertOrganizationsError(call("FailOnOurSide", "{}"), 500, "ServiceException", null,
                    "The request processing has failed because of an unknown error.");
        }
    }
}
