package io.strongroom.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.protocol.ApiRequest;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.support.BotocoreModel;
import io.strongroom.protocol.support.JsonRequests;
import io.strongroom.protocol.support.JsonShapeConformance;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON conformance checker against the real Organizations and KMS models, with small
 * handlers built on the framework the way those services' handlers will be: their outputs and
 * errors must read as botocore reads them, and the checker must catch what would not.
 * Skipped, with a notice, where python3 or botocore is missing.
 */
class JsonModelConformanceTest {
    private static final String ORGANIZATIONS_PREFIX = "AWSOrganizationsV20161128";
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00.123Z");
    private static final CallContext CALL = JsonRequests.rootCallAt(NOW);

    private static BotocoreModel organizationsModel;
    private static BotocoreModel kmsModel;

    @BeforeAll
    static void loadModels() {
        organizationsModel = BotocoreModel.load("organizations", "2016-11-28").orElse(null);
        kmsModel = BotocoreModel.load("kms", "2014-11-01").orElse(null);
        if (organizationsModel == null || kmsModel == null) {
            System.out.println("NOTICE: python3 with botocore not found; skipping the JSON model conformance test");
        }
        Assumptions.assumeTrue(organizationsModel != null && kmsModel != null, "python3 with botocore is not installed");
    }

    /** A handler in the Organizations dialect with three operations, as the Organizations handler will be built. */
    private static final class OrganizationsLike extends JsonServiceHandler {
        static final JsonService SERVICE = JsonService.builder(ORGANIZATIONS_PREFIX)
                .messageMember("Message")
                .internalFailureCode("ServiceException")
                .validationErrors(ValidationErrors.withReason("InvalidInputException", constraint ->
                        Optional.ofNullable(switch (constraint) {
                            case REQUIRED -> "INPUT_REQUIRED";
                            case PATTERN -> "INVALID_PATTERN";
                            case MAX_VALUE -> "MAX_VALUE_EXCEEDED";
                            default -> null;
                        })))
                .build();

        OrganizationsLike() {
            super("organizations", SERVICE, List.of(table -> table
                    .add("DescribeOrganization", (in, call) -> JsonResult.of(out -> out.object("Organization", o -> o
                            .string("Id", "o-exampleorgid")
                            .string("Arn", "arn:aws:organizations::111122223333:organization/o-exampleorgid")
                            .string("FeatureSet", "ALL")
                            .string("MasterAccountArn",
                                    "arn:aws:organizations::111122223333:account/o-exampleorgid/111122223333")
                            .string("MasterAccountId", "111122223333")
                            .string("MasterAccountEmail", "admin@example.com")
                            .objectList("AvailablePolicyTypes", List.of("SERVICE_CONTROL_POLICY"),
                                    (t, type) -> t.string("Type", type).string("Status", "ENABLED")))))
                    .add("DescribePolicy", (in, call) -> {
                        in.requiredString("PolicyId", StringConstraints.length(0, 130).pattern("^p-[0-9a-zA-Z_]{8,128}$"));
                        throw new AwsException("PolicyNotFoundException", 400, "We can't find a policy with the PolicyId that you specified.");
                    })
                    .add("DescribeAccount", (in, call) -> JsonResult.of(out -> out.object("Account", a -> a
                            .string("Id", "111122223333")
                            .string("Arn", "arn:aws:organizations::111122223333:account/o-exampleorgid/111122223333")
                            .string("Email", "admin@example.com")
                            .string("Name", "Management")
                            .string("State", "ACTIVE")
                            .string("JoinedMethod", "CREATED")
                            .timestamp("JoinedTimestamp", call.receivedAt()))))
                    .add("AttachPolicy", (in, call) -> JsonResult.none())));
        }
    }

    /** A handler in the KMS dialect. */
    private static final class KmsLike extends JsonServiceHandler {
        KmsLike(String messageMember) {
            super("kms", JsonService.builder("TrentService").messageMember(messageMember)
                    .internalFailureCode("KMSInternalException").build(), List.of(table -> table
                    .add("DescribeKey", (in, call) -> {
                        String keyId = in.requiredString("KeyId", StringConstraints.length(1, 2048));
                        if (!keyId.equals("1234abcd-12ab-34cd-56ef-1234567890ab")) {
                            throw new AwsException("NotFoundException", 400, "Key '" + keyId + "' does not exist");
                        }
                        return JsonResult.of(out -> out.object("KeyMetadata", k -> k
                                .string("AWSAccountId", "111122223333")
                                .string("KeyId", keyId)
                                .string("Arn", "arn:aws:kms:us-east-1:111122223333:key/" + keyId)
                                .timestamp("CreationDate", call.receivedAt())
                                .bool("Enabled", true)
                                .string("KeyUsage", "ENCRYPT_DECRYPT")
                                .string("KeyState", "Enabled")
                                .string("Origin", "AWS_KMS")
                                .string("KeyManager", "CUSTOMER")
                                .string("KeySpec", "SYMMETRIC_DEFAULT")
                                .stringList("EncryptionAlgorithms", List.of("SYMMETRIC_DEFAULT"))
                                .bool("MultiRegion", false)));
                    })));
        }
    }

    private static ApiResponse call(JsonServiceHandler handler, String target, String json) {
        ApiRequest request = JsonRequests.post(target, json);
        try {
            return handler.handle(request, CALL);
        } catch (AwsException e) {
            return handler.renderError(request, e);
        }
    }

    @Test
    void organizationsShapedOutputsConform() {
        JsonShapeConformance conformance = new JsonShapeConformance(organizationsModel);
        OrganizationsLike handler = new OrganizationsLike();
        assertThat(organizationsModel.metadata().get("targetPrefix").asText()).isEqualTo(ORGANIZATIONS_PREFIX);
        assertThat(handler.operations()).allSatisfy(operation ->
                assertThat(organizationsModel.hasOperation(operation)).as(operation).isTrue());
        for (String operation : List.of("DescribeOrganization", "DescribeAccount", "AttachPolicy")) {
            ApiResponse response = call(handler, ORGANIZATIONS_PREFIX + "." + operation, "{}");
            assertThat(conformance.responseViolations(operation, response)).as(operation).isEmpty();
        }
    }

    @Test
    void organizationsShapedErrorsConform() {
        JsonShapeConformance conformance = new JsonShapeConformance(organizationsModel);
        OrganizationsLike handler = new OrganizationsLike();
        for (String body : List.of("{}", "{\"PolicyId\":\"nope\"}", "{\"PolicyId\":\"p-12345678\"}", "{\"PolicyId\":1}")) {
            ApiResponse response = call(handler, ORGANIZATIONS_PREFIX + ".DescribePolicy", body);
            assertThat(response.status()).isEqualTo(400);
            assertThat(conformance.errorViolations("DescribePolicy", response)).as(body).isEmpty();
        }
        ApiResponse unknown = call(handler, ORGANIZATIONS_PREFIX + ".StealEverything", "{}");
        assertThat(conformance.errorViolations("DescribePolicy", unknown)).isEmpty();
        ApiResponse internal = handler.renderError(JsonRequests.post(ORGANIZATIONS_PREFIX + ".DescribePolicy", "{}"),
                AwsException.internal("boom", null));
        assertThat(conformance.errorViolations("DescribePolicy", internal)).isEmpty();
        ApiResponse denied = handler.renderError(JsonRequests.post(ORGANIZATIONS_PREFIX + ".DescribePolicy", "{}"),
                AwsException.accessDenied("You don't have permissions to access this resource."));
        assertThat(conformance.errorViolations("DescribePolicy", denied)).isEmpty();
    }

    @Test
    void kmsShapedOutputsAndErrorsConform() {
        JsonShapeConformance conformance = new JsonShapeConformance(kmsModel);
        KmsLike handler = new KmsLike("message");
        ApiResponse described = call(handler, "TrentService.DescribeKey",
                "{\"KeyId\":\"1234abcd-12ab-34cd-56ef-1234567890ab\"}");
        assertThat(conformance.responseViolations("DescribeKey", described)).isEmpty();
        ApiResponse missing = call(handler, "TrentService.DescribeKey", "{\"KeyId\":\"alias/nope\"}");
        assertThat(conformance.errorViolations("DescribeKey", missing)).isEmpty();
        ApiResponse invalid = call(handler, "TrentService.DescribeKey", "{}");
        assertThat(JsonRequests.body(invalid).get("__type").asText()).isEqualTo("ValidationException");
        assertThat(conformance.errorViolations("DescribeKey", invalid)).isEmpty();
    }

    @Test
    void theCheckerCatchesAMessageMemberSpelledAsAnotherServiceSpellsIt() {
        JsonShapeConformance conformance = new JsonShapeConformance(kmsModel);
        ApiResponse missing = call(new KmsLike("Message"), "TrentService.DescribeKey", "{\"KeyId\":\"alias/nope\"}");
        assertThat(conformance.errorViolations("DescribeKey", missing)).containsExactly(
                "NotFoundException/Message is not a member of the model's error shape [message]");
    }

    @Test
    void theCheckerFindsStrayMissingAndMistypedMembers() {
        JsonShapeConformance conformance = new JsonShapeConformance(organizationsModel);
        ApiResponse organization = json(200, "{\"Organization\":{\"Id\":\"o-exampleorgid\",\"Arn\":5,"
                + "\"FeatureSet\":\"SOME\",\"MasterAccountId\":\"12\",\"Secret\":\"x\","
                + "\"AvailablePolicyTypes\":{\"Type\":\"X\"}},\"Extra\":null}");
        assertThat(conformance.responseViolations("DescribeOrganization", organization)).containsExactlyInAnyOrder(
                "DescribeOrganization/Organization/Arn should be a string but is NUMBER",
                "DescribeOrganization/Organization/FeatureSet = 'SOME' is not one of the enum values"
                        + " [\"ALL\",\"CONSOLIDATED_BILLING\"]",
                "DescribeOrganization/Organization/MasterAccountId = '12' does not match the pattern ^\\d{12}$",
                "DescribeOrganization/Organization/Secret is not a member of the model's shape",
                "DescribeOrganization/Organization/AvailablePolicyTypes should be an array (list) but is OBJECT",
                "DescribeOrganization/Extra is not a member of the model's shape");

        ApiResponse account = json(200, "{\"Account\":{\"Id\":\"111122223333\",\"JoinedTimestamp\":"
                + "\"2026-01-01T00:00:00Z\",\"Name\":null}}");
        assertThat(conformance.responseViolations("DescribeAccount", account)).containsExactlyInAnyOrder(
                "DescribeAccount/Account/JoinedTimestamp = \"2026-01-01T00:00:00Z\" is not a timestamp in unixTimestamp form",
                "DescribeAccount/Account/Name is null (absent members are left out, not null)");

        ApiResponse tags = json(200, "{\"Tags\":[{\"Key\":\"k\"}]}");
        assertThat(conformance.responseViolations("ListTagsForResource", tags)).containsExactly(
                "ListTagsForResource/Tags[0]/Value is required by the model but missing");

        ApiResponse noOutput = json(200, "{\"Done\":true}");
        assertThat(conformance.responseViolations("AttachPolicy", noOutput)).containsExactly(
                "AttachPolicy has no output in the model but answered {\"Done\":true}");

        ApiResponse badHeaders = new ApiResponse(200, Map.of("Content-Type", "application/json"), "{}".getBytes());
        assertThat(conformance.responseViolations("DescribeOrganization", badHeaders)).containsExactlyInAnyOrder(
                "Content-Type is application/json, not application/x-amz-json-1.1",
                "x-amzn-RequestId header is missing");
    }

    @Test
    void theCheckerFindsErrorsTheModelDoesNotHave() {
        JsonShapeConformance conformance = new JsonShapeConformance(organizationsModel);
        assertThat(conformance.errorViolations("DescribePolicy", json(400,
                "{\"__type\":\"InvalidInputException\",\"message\":\"x\",\"Reason\":\"NOPE\"}"))).containsExactlyInAnyOrder(
                "InvalidInputException/message is not a member of the model's error shape [Message, Reason]",
                "InvalidInputException/Reason = 'NOPE' is not one of the enum values "
                        + organizationsModel.shape("InvalidInputExceptionReason").orElseThrow().get("enum"));
        assertThat(conformance.errorViolations("DescribePolicy", json(500,
                "{\"__type\":\"DuplicatePolicyException\",\"Message\":\"x\"}"))).containsExactlyInAnyOrder(
                "DuplicatePolicyException is not among the errors the model lists for DescribePolicy",
                "DuplicatePolicyException answered status 500, the model says 400");
        assertThat(conformance.errorViolations("DescribePolicy", json(400, "{\"__type\":\"MadeUpException\"}")))
                .containsExactly("MadeUpException is neither an error of the model nor a common error");
        assertThat(conformance.errorViolations("DescribePolicy", json(400, "{\"message\":\"no type\"}")))
                .containsExactly("error body has no __type string: {\"message\":\"no type\"}");
    }

    private static ApiResponse json(int status, String body) {
        return new ApiResponse(status, Map.of("Content-Type", "application/x-amz-json-1.1", "x-amzn-RequestId", "r"),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
