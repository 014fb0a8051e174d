package io.strongroom.protocol.organizations;

import static io.strongroom.protocol.organizations.OrganizationsCalls.INVALID_INPUT;
import static io.strongroom.protocol.organizations.OrganizationsCalls.assertError;
import static io.strongroom.protocol.organizations.OrganizationsCalls.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.support.BotocoreModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input the model's constraints refuse: each is an InvalidInputException with the Reason
 * Organizations gives (or a SerializationException for a member of the wrong JSON type), and
 * members Strongroom does not implement are refused rather than ignored.
 */
class OrganizationsInputValidationTest {
    /** For every operation with required members: a request holding exactly those, each well formed. */
    private static final Map<String, Map<String, Object>> REQUIRED_MEMBERS = requiredMembers();

    private final OrganizationsCalls calls = new OrganizationsCalls();

    private static Map<String, Map<String, Object>> requiredMembers() {
        Map<String, Map<String, Object>> inputs = new LinkedHashMap<>();
        inputs.put("CreateAccount", Map.of("Email", "team@example.com", "AccountName", "team"));
        inputs.put("DescribeCreateAccountStatus", Map.of("CreateAccountRequestId", "car-12345678"));
        inputs.put("ListAccountsForParent", Map.of("ParentId", "r-abcd"));
        inputs.put("DescribeAccount", Map.of("AccountId", "123456789012"));
        inputs.put("CreateOrganizationalUnit", Map.of("ParentId", "r-abcd", "Name", "research"));
        inputs.put("UpdateOrganizationalUnit", Map.of("OrganizationalUnitId", "ou-abcd-12345678"));
        inputs.put("DeleteOrganizationalUnit", Map.of("OrganizationalUnitId", "ou-abcd-12345678"));
        inputs.put("DescribeOrganizationalUnit", Map.of("OrganizationalUnitId", "ou-abcd-12345678"));
        inputs.put("ListOrganizationalUnitsForParent", Map.of("ParentId", "r-abcd"));
        inputs.put("ListParents", Map.of("ChildId", "123456789012"));
        inputs.put("ListChildren", Map.of("ParentId", "r-abcd", "ChildType", "ACCOUNT"));
        inputs.put("MoveAccount", Map.of("AccountId", "123456789012", "SourceParentId", "r-abcd",
                "DestinationParentId", "ou-abcd-12345678"));
        inputs.put("CreatePolicy", Map.of("Content", OrganizationsCalls.deny("s3:*"), "Description", "",
                "Name", "guardrail", "Type", "SERVICE_CONTROL_POLICY"));
        inputs.put("UpdatePolicy", Map.of("PolicyId", "p-12345678"));
        inputs.put("DeletePolicy", Map.of("PolicyId", "p-12345678"));
        inputs.put("DescribePolicy", Map.of("PolicyId", "p-12345678"));
        inputs.put("ListPolicies", Map.of("Filter", "SERVICE_CONTROL_POLICY"));
        inputs.put("AttachPolicy", Map.of("PolicyId", "p-12345678", "TargetId", "r-abcd"));
        inputs.put("DetachPolicy", Map.of("PolicyId", "p-12345678", "TargetId", "r-abcd"));
        inputs.put("ListPoliciesForTarget", Map.of("TargetId", "r-abcd", "Filter", "SERVICE_CONTROL_POLICY"));
        inputs.put("ListTargetsForPolicy", Map.of("PolicyId", "p-12345678"));
        inputs.put("EnablePolicyType", Map.of("RootId", "r-abcd", "PolicyType", "RESOURCE_CONTROL_POLICY"));
        inputs.put("DisablePolicyType", Map.of("RootId", "r-abcd", "PolicyType", "RESOURCE_CONTROL_POLICY"));
        return inputs;
    }

    @Test
    void theRequiredMembersAreTheModels() {
        BotocoreModel model = OrganizationsCalls.model().orElse(null);
        Assumptions.assumeTrue(model != null, "python3 with botocore is not installed");
        for (String operation : calls.handler.operations()) {
            Set<String> required = new HashSet<>();
            JsonNode input = model.operation(operation).path("input");
            if (!input.isMissingNode()) {
                model.shape(input.path("shape").asText()).orElseThrow().path("required")
                        .forEach(member -> required.add(member.asText()));
            }
            assertThat(REQUIRED_MEMBERS.getOrDefault(operation, Map.of()).keySet()).as(operation)
                    .containsExactlyInAnyOrderElementsOf(required);
        }
    }

    static Stream<Arguments> requiredMemberOfEachOperation() {
        return REQUIRED_MEMBERS.entrySet().stream().flatMap(operation -> operation.getValue().keySet().stream()
                .map(member -> Arguments.of(operation.getKey(), member)));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredMemberOfEachOperation")
    void aMissingRequiredMemberIsInputRequired(String operation, String member) {
        Map<String, Object> input = new LinkedHashMap<>(REQUIRED_MEMBERS.get(operation));
        input.remove(member);
        JsonNode error = assertError(calls.sendJson(calls.fixture.admin, operation, OrganizationsCalls.json(input)),
                operation, INVALID_INPUT, "INPUT_REQUIRED");
        assertThat(error.path("Message").asText()).contains("at '" + lowerFirst(member) + "'")
                .contains("Member must not be null");
    }

    @Test
    void aRequiredMemberSentAsNullIsMissing() {
        ApiResponse response = calls.sendJson(calls.fixture.admin, "DescribeAccount", "{\"AccountId\":null}");
        assertError(response, "DescribeAccount", INVALID_INPUT, "INPUT_REQUIRED");
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                // identifiers: the model's patterns and lengths
                Arguments.of("DescribeAccount", "AccountId", "12345", "INVALID_PATTERN"),
                Arguments.of("DescribeAccount", "AccountId", "1234567890123", "MAX_LENGTH_EXCEEDED"),
                Arguments.of("MoveAccount", "AccountId", "abcdefghijkl", "INVALID_PATTERN"),
                Arguments.of("ListAccountsForParent", "ParentId", "p-12345678", "INVALID_PATTERN"),
                Arguments.of("ListChildren", "ParentId", "123456789012", "INVALID_PATTERN"),
                Arguments.of("CreateOrganizationalUnit", "ParentId", "", "INVALID_PATTERN"),
                Arguments.of("ListOrganizationalUnitsForParent", "ParentId", "R-ABCD", "INVALID_PATTERN"),
                Arguments.of("MoveAccount", "SourceParentId", "root", "INVALID_PATTERN"),
                Arguments.of("MoveAccount", "DestinationParentId", "r-" + "a".repeat(99), "MAX_LENGTH_EXCEEDED"),
                Arguments.of("ListParents", "ChildId", "r-abcd", "INVALID_PATTERN"),
                Arguments.of("DescribeOrganizationalUnit", "OrganizationalUnitId", "ou-ab-12345678", "INVALID_PATTERN"),
                Arguments.of("UpdateOrganizationalUnit", "OrganizationalUnitId", "OU-ABCD-12345678", "INVALID_PATTERN"),
                Arguments.of("DeleteOrganizationalUnit", "OrganizationalUnitId", "ou-abcd-" + "1".repeat(61),
                        "MAX_LENGTH_EXCEEDED"),
                Arguments.of("DescribePolicy", "PolicyId", "p-short", "INVALID_SYNTAX_POLICY_ID"),
                Arguments.of("AttachPolicy", "PolicyId", "FullAWSAccess", "INVALID_SYNTAX_POLICY_ID"),
                Arguments.of("DeletePolicy", "PolicyId", "p-" + "a".repeat(129), "MAX_LENGTH_EXCEEDED"),
                Arguments.of("AttachPolicy", "TargetId", "o-abcdefghij", "INVALID_PATTERN_TARGET_ID"),
                Arguments.of("DetachPolicy", "TargetId", "ou-abcd", "INVALID_PATTERN_TARGET_ID"),
                Arguments.of("ListPoliciesForTarget", "TargetId", "arn:aws:organizations::111122223333:root",
                        "INVALID_PATTERN_TARGET_ID"),
                Arguments.of("EnablePolicyType", "RootId", "r-AB", "INVALID_PATTERN"),
                Arguments.of("DisablePolicyType", "RootId", "r-" + "a".repeat(33), "MAX_LENGTH_EXCEEDED"),
                Arguments.of("DescribeCreateAccountStatus", "CreateAccountRequestId", "car-SHOUTING1", "INVALID_PATTERN"),
                // CreateAccount's members
                Arguments.of("CreateAccount", "Email", "analytics", "INVALID_PATTERN"),
                Arguments.of("CreateAccount", "Email", "a@b.c", "MIN_LENGTH_EXCEEDED"),
                Arguments.of("CreateAccount", "Email", "a".repeat(53) + "@example.com", "MAX_LENGTH_EXCEEDED"),
                Arguments.of("CreateAccount", "AccountName", "", "MIN_LENGTH_EXCEEDED"),
                Arguments.of("CreateAccount", "AccountName", "a".repeat(51), "MAX_LENGTH_EXCEEDED"),
                Arguments.of("CreateAccount", "AccountName", "\t", "INVALID_PATTERN"),
                Arguments.of("CreateAccount", "AccountName", "naïve", "INVALID_PATTERN"),
                Arguments.of("CreateAccount", "RoleName", "!!!", "INVALID_ROLE_NAME"),
                Arguments.of("CreateAccount", "RoleName", "admin role", "INVALID_ROLE_NAME"),
                Arguments.of("CreateAccount", "RoleName", "AWSServiceRoleForSupport", "INVALID_ROLE_NAME"),
                Arguments.of("CreateAccount", "RoleName", "r".repeat(65), "MAX_LENGTH_EXCEEDED"),
                // names, descriptions, content
                Arguments.of("CreateOrganizationalUnit", "Name", "", "MIN_LENGTH_EXCEEDED"),
                Arguments.of("UpdateOrganizationalUnit", "Name", "n".repeat(129), "MAX_LENGTH_EXCEEDED"),
                Arguments.of("CreatePolicy", "Name", "", "MIN_LENGTH_EXCEEDED"),
                Arguments.of("UpdatePolicy", "Name", "n".repeat(129), "MAX_LENGTH_EXCEEDED"),
                Arguments.of("CreatePolicy", "Description", "d".repeat(513), "MAX_LENGTH_EXCEEDED"),
                Arguments.of("UpdatePolicy", "Description", "d".repeat(513), "MAX_LENGTH_EXCEEDED"),
                Arguments.of("CreatePolicy", "Content", "", "MIN_LENGTH_EXCEEDED"),
                Arguments.of("UpdatePolicy", "Content", "", "MIN_LENGTH_EXCEEDED"),
                // paging
                Arguments.of("ListRoots", "MaxResults", 0, "MIN_VALUE_EXCEEDED"),
                Arguments.of("ListAccounts", "MaxResults", 21, "MAX_VALUE_EXCEEDED"),
                Arguments.of("ListChildren", "MaxResults", -1, "MIN_VALUE_EXCEEDED"),
                Arguments.of("ListTargetsForPolicy", "MaxResults", 1000, "MAX_VALUE_EXCEEDED"),
                Arguments.of("ListPolicies", "NextToken", "not-a-token-we-gave", "INVALID_NEXT_TOKEN"),
                Arguments.of("ListCreateAccountStatus", "NextToken", "x".repeat(100_001), "MAX_LENGTH_EXCEEDED"),
                // enums
                Arguments.of("ListChildren", "ChildType", "ACCOUNTS", "INVALID_ENUM"),
                Arguments.of("ListChildren", "ChildType", "account", "INVALID_ENUM"),
                Arguments.of("CreateAccount", "IamUserAccessToBilling", "MAYBE", "INVALID_ENUM"),
                Arguments.of("ListCreateAccountStatus", "States", List.of("SUCCEEDED", "DONE"), "INVALID_ENUM"),
                Arguments.of("CreatePolicy", "Type", "SCP", "INVALID_ENUM_POLICY_TYPE"),
                Arguments.of("ListPolicies", "Filter", "service_control_policy", "INVALID_ENUM_POLICY_TYPE"),
                Arguments.of("ListPoliciesForTarget", "Filter", "ANY", "INVALID_ENUM_POLICY_TYPE"),
                Arguments.of("EnablePolicyType", "PolicyType", "SERVICE_CONTROL", "INVALID_ENUM_POLICY_TYPE"),
                Arguments.of("DisablePolicyType", "PolicyType", "", "INVALID_ENUM_POLICY_TYPE"));
    }

    @ParameterizedTest(name = "{0} with {1} = {2}: {3}")
    @MethodSource("invalidValues")
    void anInvalidValueIsInvalidInputWithItsReason(String operation, String member, Object value, String reason) {
        Map<String, Object> input = new LinkedHashMap<>(REQUIRED_MEMBERS.getOrDefault(operation, Map.of()));
        input.put(member, value);
        assertError(calls.sendJson(calls.fixture.admin, operation, OrganizationsCalls.json(input)), operation,
                INVALID_INPUT, reason);
    }

    @Test
    void theMessageNamesTheMemberAndTheConstraint() {
        JsonNode error = assertError(calls.send("DescribePolicy", "PolicyId", "policy"), "DescribePolicy",
                INVALID_INPUT, "INVALID_SYNTAX_POLICY_ID");
        assertThat(error.path("Message").asText()).isEqualTo("1 validation error detected: Value 'policy' at"
                + " 'policyId' failed to satisfy constraint: Member must satisfy regular expression pattern:"
                + " ^p-[0-9a-zA-Z_]{8,128}$");
    }

    static Stream<Arguments> wronglyTypedMembers() {
        return Stream.of(
                Arguments.of("ListAccounts", "{\"MaxResults\":\"5\"}"),
                Arguments.of("ListAccounts", "{\"MaxResults\":2.5}"),
                Arguments.of("DescribeAccount", "{\"AccountId\":123456789012}"),
                Arguments.of("ListCreateAccountStatus", "{\"States\":\"SUCCEEDED\"}"),
                Arguments.of("CreateAccount", "{\"Email\":\"team@example.com\",\"AccountName\":\"team\",\"Tags\":\"x\"}"),
                Arguments.of("ListRoots", "[]"),
                Arguments.of("ListRoots", "{\"MaxResults\":"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wronglyTypedMembers")
    void aMemberOfTheWrongJsonTypeIsASerializationError(String operation, String body) {
        assertError(calls.sendJson(calls.fixture.admin, operation, body), operation, "SerializationException", null);
    }

    @Test
    void anOperationOfTheModelThatIsNotOfferedIsUnknown() {
        assertError(calls.send("CreateOrganization", "FeatureSet", "ALL"), "CreateOrganization",
                "UnknownOperationException", null);
        assertError(calls.send("TagResource", "ResourceId", "r-abcd", "Tags", List.of()), "TagResource",
                "UnknownOperationException", null);
    }

    // ---- members Strongroom does not implement

    private static final List<Map<String, String>> TAGS = List.of(Map.of("Key", "team", "Value", "risk"));

    @Test
    void createAccountRefusesTagsAndCreatesNothing() {
        int accounts = calls.ok("ListAccounts").path("Accounts").size();
        JsonNode error = assertError(calls.send("CreateAccount", "Email", "team@example.com", "AccountName", "team",
                "Tags", TAGS), "CreateAccount", INVALID_INPUT, null);
        assertThat(error.path("Message").asText()).contains("Tags");
        assertThat(calls.ok("ListAccounts").path("Accounts")).hasSize(accounts);
        assertThat(calls.ok("ListCreateAccountStatus").path("CreateAccountStatuses")).isEmpty();
    }

    @Test
    void createOrganizationalUnitRefusesTagsAndCreatesNothing() {
        String rootId = calls.rootId();
        assertError(calls.send("CreateOrganizationalUnit", "ParentId", rootId, "Name", "research", "Tags", TAGS),
                "CreateOrganizationalUnit", INVALID_INPUT, null);
        assertThat(calls.ok("ListOrganizationalUnitsForParent", "ParentId", rootId).path("OrganizationalUnits"))
                .isEmpty();
    }

    @Test
    void createPolicyRefusesTagsAndCreatesNothing() {
        assertError(calls.send("CreatePolicy", "Content", OrganizationsCalls.deny("s3:*"), "Description", "",
                "Name", "guardrail", "Type", "SERVICE_CONTROL_POLICY", "Tags", TAGS), "CreatePolicy", INVALID_INPUT,
                null);
        assertThat(texts(calls.ok("ListPolicies", "Filter", "SERVICE_CONTROL_POLICY").path("Policies"), "Name"))
                .containsExactly("FullAWSAccess");
    }

    @Test
    void anEmptyTagListAsksForNothingAndIsAccepted() {
        String rootId = calls.rootId();
        calls.ok("CreateOrganizationalUnit", "ParentId", rootId, "Name", "research", "Tags", List.of());
        calls.ok("CreatePolicy", "Content", OrganizationsCalls.deny("s3:*"), "Description", "", "Name", "guardrail",
                "Type", "SERVICE_CONTROL_POLICY", "Tags", new ArrayList<>());
    }

    private static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
