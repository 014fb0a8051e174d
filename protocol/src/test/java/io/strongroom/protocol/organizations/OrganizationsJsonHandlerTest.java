package io.strongroom.protocol.organizations;

import static io.strongroom.protocol.organizations.OrganizationsCalls.deny;
import static io.strongroom.protocol.organizations.OrganizationsCalls.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.organizations.OrganizationsService;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.support.BotocoreModel;
import io.strongroom.protocol.support.JsonRequests;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every Organizations operation through the handler against the real service, each answer checked
 * against the botocore model's output shape.
 */
class OrganizationsJsonHandlerTest {
    private static final String SCP = deny("s3:DeleteBucket");
    /** The fixture's clock: 2030-01-01T00:00:00Z. */
    private static final long NOW_EPOCH_SECONDS = Instant.parse("2030-01-01T00:00:00Z").getEpochSecond();

    private final OrganizationsCalls calls = new OrganizationsCalls();

    @Test
    void identifiesItself() {
        assertThat(calls.handler.signingName()).isEqualTo("organizations");
        assertThat(calls.handler.operationName(JsonRequests.post("AWSOrganizationsV20161128.ListRoots", "{}")))
                .isEqualTo("ListRoots");
        assertThat(calls.handler.operationName(JsonRequests.post("TrentService.ListKeys", "{}"))).isEqualTo("Unknown");
    }

    @Test
    void mapsEveryOperationTheServiceOffersAndOnlyOperationsOfTheModel() {
        Set<String> offered = Arrays.stream(OrganizationsService.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName)
                .filter(name -> !name.equals("ensureInitialised"))
                .map(name -> Character.toUpperCase(name.charAt(0)) + name.substring(1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(calls.handler.operations()).containsExactlyInAnyOrderElementsOf(offered);
        assertThat(calls.handler.operations()).hasSize(27);
        OrganizationsCalls.model().ifPresent(model -> assertThat(calls.handler.operations())
                .allSatisfy(operation -> assertThat(model.hasOperation(operation)).as(operation).isTrue()));
        OrganizationsCalls.model().map(BotocoreModel::metadata).ifPresent(metadata -> {
            assertThat(metadata.path("targetPrefix").asText()).isEqualTo(OrganizationsJsonHandler.TARGET_PREFIX);
            assertThat(metadata.path("signingName").asText(metadata.path("endpointPrefix").asText()))
                    .isEqualTo(OrganizationsJsonHandler.SIGNING_NAME);
        });
    }

    @Test
    void everyOperationAnswersItsOutputShape() {
        JsonNode organization = calls.ok("DescribeOrganization").path("Organization");
        assertThat(organization.path("Id").asText()).isEqualTo(calls.fixture.organizationId);
        assertThat(organization.path("MasterAccountId").asText()).isEqualTo(calls.fixture.managementAccount);
        assertThat(organization.path("FeatureSet").asText()).isEqualTo("ALL");
        assertThat(organization.path("AvailablePolicyTypes").get(0).path("Type").asText())
                .isEqualTo("SERVICE_CONTROL_POLICY");

        JsonNode root = calls.ok("ListRoots").path("Roots").get(0);
        String rootId = root.path("Id").asText();
        assertThat(root.path("Name").asText()).isEqualTo("Root");
        assertThat(root.path("PolicyTypes").get(0).path("Status").asText()).isEqualTo("ENABLED");

        // accounts
        JsonNode status = calls.ok("CreateAccount", "Email", "analytics@example.com", "AccountName", "analytics",
                "RoleName", "OrganizationAccountAccessRole", "IamUserAccessToBilling", "DENY", "Tags", List.of())
                .path("CreateAccountStatus");
        String requestId = status.path("Id").asText();
        String accountId = status.path("AccountId").asText();
        assertThat(status.path("State").asText()).isEqualTo("SUCCEEDED");
        assertThat(status.path("RequestedTimestamp").isNumber()).isTrue();
        assertThat(status.path("RequestedTimestamp").asLong()).isEqualTo(NOW_EPOCH_SECONDS);
        assertThat(calls.ok("DescribeCreateAccountStatus", "CreateAccountRequestId", requestId)
                .path("CreateAccountStatus").path("AccountId").asText()).isEqualTo(accountId);
        assertThat(texts(calls.ok("ListCreateAccountStatus", "States", List.of("SUCCEEDED"))
                .path("CreateAccountStatuses"), "Id")).containsExactly(requestId);
        assertThat(texts(calls.ok("ListAccounts").path("Accounts"), "Id"))
                .containsExactlyInAnyOrder(calls.fixture.managementAccount, accountId);
        JsonNode account = calls.ok("DescribeAccount", "AccountId", accountId).path("Account");
        assertThat(account.path("Email").asText()).isEqualTo("analytics@example.com");
        assertThat(account.path("Name").asText()).isEqualTo("analytics");
        assertThat(account.path("JoinedMethod").asText()).isEqualTo("CREATED");
        assertThat(account.path("Status").asText()).isEqualTo("ACTIVE");
        assertThat(account.path("State").asText()).isEqualTo("ACTIVE");
        assertThat(account.path("JoinedTimestamp").asLong()).isEqualTo(NOW_EPOCH_SECONDS);
        assertThat(texts(calls.ok("ListAccountsForParent", "ParentId", rootId).path("Accounts"), "Id"))
                .contains(accountId);

        // organizational units and the tree
        JsonNode unit = calls.ok("CreateOrganizationalUnit", "ParentId", rootId, "Name", "research")
                .path("OrganizationalUnit");
        String unitId = unit.path("Id").asText();
        assertThat(unit.path("Name").asText()).isEqualTo("research");
        assertThat(unit.path("Arn").asText()).endsWith(":ou/" + calls.fixture.organizationId + "/" + unitId);
        assertThat(calls.ok("UpdateOrganizationalUnit", "OrganizationalUnitId", unitId, "Name", "science")
                .path("OrganizationalUnit").path("Name").asText()).isEqualTo("science");
        assertThat(calls.ok("DescribeOrganizationalUnit", "OrganizationalUnitId", unitId)
                .path("OrganizationalUnit").path("Name").asText()).isEqualTo("science");
        assertThat(texts(calls.ok("ListOrganizationalUnitsForParent", "ParentId", rootId)
                .path("OrganizationalUnits"), "Id")).containsExactly(unitId);
        assertThat(calls.send("MoveAccount", "AccountId", accountId, "SourceParentId", rootId,
                "DestinationParentId", unitId).body()).isEmpty();
        calls.ok("MoveAccount", "AccountId", accountId, "SourceParentId", unitId, "DestinationParentId", rootId);
        calls.ok("MoveAccount", "AccountId", accountId, "SourceParentId", rootId, "DestinationParentId", unitId);
        JsonNode parents = calls.ok("ListParents", "ChildId", accountId).path("Parents");
        assertThat(texts(parents, "Id")).containsExactly(unitId);
        assertThat(texts(parents, "Type")).containsExactly("ORGANIZATIONAL_UNIT");
        JsonNode children = calls.ok("ListChildren", "ParentId", unitId, "ChildType", "ACCOUNT").path("Children");
        assertThat(texts(children, "Id")).containsExactly(accountId);
        assertThat(texts(children, "Type")).containsExactly("ACCOUNT");
        assertThat(texts(calls.ok("ListChildren", "ParentId", rootId, "ChildType", "ORGANIZATIONAL_UNIT")
                .path("Children"), "Id")).containsExactly(unitId);

        // policies
        JsonNode policy = calls.ok("CreatePolicy", "Content", SCP, "Description", "no deleting buckets",
                "Name", "NoBucketDeletion", "Type", "SERVICE_CONTROL_POLICY").path("Policy");
        String policyId = policy.path("PolicySummary").path("Id").asText();
        assertThat(policy.path("Content").asText()).isEqualTo(SCP);
        assertThat(policy.path("PolicySummary").path("AwsManaged").isBoolean()).isTrue();
        assertThat(policy.path("PolicySummary").path("AwsManaged").asBoolean()).isFalse();
        assertThat(policy.path("PolicySummary").path("Type").asText()).isEqualTo("SERVICE_CONTROL_POLICY");
        String updatedContent = deny("s3:PutBucketPolicy");
        JsonNode updated = calls.ok("UpdatePolicy", "PolicyId", policyId, "Name", "Guardrail",
                "Description", "no bucket policies", "Content", updatedContent).path("Policy");
        assertThat(updated.path("PolicySummary").path("Name").asText()).isEqualTo("Guardrail");
        assertThat(calls.ok("DescribePolicy", "PolicyId", policyId).path("Policy").path("Content").asText())
                .isEqualTo(updatedContent);
        assertThat(texts(calls.ok("ListPolicies", "Filter", "SERVICE_CONTROL_POLICY").path("Policies"), "Id"))
                .containsExactlyInAnyOrder("p-FullAWSAccess", policyId);

        // attachments
        assertThat(calls.send("AttachPolicy", "PolicyId", policyId, "TargetId", unitId).body()).isEmpty();
        calls.ok("AttachPolicy", "PolicyId", policyId, "TargetId", accountId);
        assertThat(texts(calls.ok("ListPoliciesForTarget", "TargetId", unitId, "Filter", "SERVICE_CONTROL_POLICY")
                .path("Policies"), "Id")).containsExactlyInAnyOrder("p-FullAWSAccess", policyId);
        JsonNode targets = calls.ok("ListTargetsForPolicy", "PolicyId", policyId).path("Targets");
        assertThat(texts(targets, "TargetId")).containsExactlyInAnyOrder(unitId, accountId);
        assertThat(texts(targets, "Type")).containsExactlyInAnyOrder("ORGANIZATIONAL_UNIT", "ACCOUNT");
        assertThat(texts(targets, "Name")).containsExactlyInAnyOrder("science", "analytics");
        calls.ok("DetachPolicy", "PolicyId", policyId, "TargetId", accountId);
        calls.ok("DetachPolicy", "PolicyId", policyId, "TargetId", unitId);
        calls.ok("DeletePolicy", "PolicyId", policyId);

        // policy types
        JsonNode enabled = calls.ok("EnablePolicyType", "RootId", rootId, "PolicyType", "RESOURCE_CONTROL_POLICY")
                .path("Root");
        assertThat(texts(enabled.path("PolicyTypes"), "Type"))
                .containsExactlyInAnyOrder("SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY");
        JsonNode disabled = calls.ok("DisablePolicyType", "RootId", rootId, "PolicyType", "RESOURCE_CONTROL_POLICY")
                .path("Root");
        assertThat(texts(disabled.path("PolicyTypes"), "Type")).containsExactly("SERVICE_CONTROL_POLICY");

        calls.ok("MoveAccount", "AccountId", accountId, "SourceParentId", unitId, "DestinationParentId", rootId);
        ApiResponse deleted = calls.send("DeleteOrganizationalUnit", "OrganizationalUnitId", unitId);
        OrganizationsCalls.assertConforms("DeleteOrganizationalUnit", deleted);
        assertThat(deleted.body()).isEmpty();
    }

    @Test
    void managedPoliciesAndTheirArnsAreDescribed() {
        JsonNode summary = calls.ok("DescribePolicy", "PolicyId", "p-FullAWSAccess").path("Policy")
                .path("PolicySummary");
        assertThat(summary.path("Arn").asText())
                .isEqualTo("arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess");
        assertThat(summary.path("AwsManaged").asBoolean()).isTrue();
    }

    @Test
    void listingsPageWithNextTokenAndMaxResults() {
        String rootId = calls.rootId();
        for (String name : List.of("alpha", "beta", "gamma")) {
            calls.createUnit(rootId, name);
        }
        JsonNode first = calls.ok("ListOrganizationalUnitsForParent", "ParentId", rootId, "MaxResults", 2);
        assertThat(first.path("OrganizationalUnits")).hasSize(2);
        String token = first.path("NextToken").asText();
        assertThat(token).isNotEmpty();

        JsonNode second = calls.ok("ListOrganizationalUnitsForParent", "ParentId", rootId, "MaxResults", 2,
                "NextToken", token);
        assertThat(second.path("OrganizationalUnits")).hasSize(1);
        assertThat(second.has("NextToken")).isFalse();
        List<String> all = new ArrayList<>(texts(first.path("OrganizationalUnits"), "Name"));
        all.addAll(texts(second.path("OrganizationalUnits"), "Name"));
        assertThat(all).containsExactlyInAnyOrder("alpha", "beta", "gamma");
    }

    @Test
    void aFailedAccountCreationIsAStatusNotAnError() {
        calls.createAccount("analytics");
        JsonNode status = calls.ok("CreateAccount", "Email", "analytics@example.com", "AccountName", "again")
                .path("CreateAccountStatus");
        assertThat(status.path("State").asText()).isEqualTo("FAILED");
        assertThat(status.path("FailureReason").asText()).isEqualTo("EMAIL_ALREADY_EXISTS");
        assertThat(status.has("AccountId")).isFalse();
        assertThat(texts(calls.ok("ListCreateAccountStatus", "States", List.of("FAILED"))
                .path("CreateAccountStatuses"), "Id")).containsExactly(status.path("Id").asText());
    }

    @Test
    void createAccountMakesTheAccessRoleItIsAskedFor() {
        String accountId = calls.ok("CreateAccount", "Email", "team@example.com", "AccountName", "team",
                "RoleName", "OrgAdmin", "IamUserAccessToBilling", "ALLOW").path("CreateAccountStatus")
                .path("AccountId").asText();
        assertThat(calls.fixture.iam.repository.findRole(accountId, "OrgAdmin")).isPresent();
        assertThat(calls.fixture.iam.repository.findRole(accountId, "OrganizationAccountAccessRole")).isEmpty();
    }

    @Test
    void aValidPolicyTypeThisOrganizationDoesNotOfferListsNothing() {
        JsonNode listed = calls.ok("ListPolicies", "Filter", "TAG_POLICY");
        assertThat(listed.path("Policies")).isEmpty();
    }

    @Test
    void memberAccountsMayDescribeTheOrganizationOnly() {
        String member = calls.createAccount("analytics");
        ApiResponse described = calls.sendAs(calls.fixture.asRoot(member), "DescribeOrganization");
        assertThat(described.status()).isEqualTo(200);
        OrganizationsCalls.assertConforms("DescribeOrganization", described);
        OrganizationsCalls.assertError(calls.sendAs(calls.fixture.asRoot(member), "ListRoots"), "ListRoots",
                "AccessDeniedException", null);
    }

    @Test
    void theBodyIsEmptyForOperationsWithoutOutputAndJsonOtherwise() {
        ApiResponse listed = calls.send("ListRoots");
        assertThat(listed.headers()).containsEntry("Content-Type", "application/x-amz-json-1.1")
                .containsKey("x-amzn-RequestId");
        assertThat(JsonRequests.text(listed)).startsWith("{\"Roots\":[{");

        String unitId = calls.createUnit(calls.rootId(), "research");
        ApiResponse deleted = calls.send("DeleteOrganizationalUnit", "OrganizationalUnitId", unitId);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.headers()).containsEntry("Content-Type", "application/x-amz-json-1.1");
        assertThat(deleted.body()).isEmpty();
    }
}
