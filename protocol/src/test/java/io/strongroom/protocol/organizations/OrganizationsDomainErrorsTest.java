package io.strongroom.protocol.organizations;

import static io.strongroom.protocol.organizations.OrganizationsCalls.INVALID_INPUT;
import static io.strongroom.protocol.organizations.OrganizationsCalls.assertError;
import static io.strongroom.protocol.organizations.OrganizationsCalls.deny;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.organizations.OrganizationsException;
import io.strongroom.protocol.ApiResponse;
import io.strongroom.protocol.support.JsonRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service's own errors through the handler: each with its exact code, its {@code Reason} where the
 * error shape has one, and the members the model gives it.
 */
class OrganizationsDomainErrorsTest {
    private static final String UNKNOWN_ACCOUNT = "999999999999";
    private static final String UNKNOWN_UNIT = "ou-zzzz-zzzzzzzz";
    private static final String UNKNOWN_POLICY = "p-zzzzzzzz";
    private static final String UNKNOWN_ROOT = "r-zzzz";
    private static final String CONSTRAINT_VIOLATION = "ConstraintViolationException";

    private final OrganizationsCalls calls = new OrganizationsCalls();
    private String rootId;
    private String accountId;

    @BeforeEach
    void organization() {
        rootId = calls.rootId();
        accountId = calls.createAccount("analytics");
    }

    // ---- unknown identifiers

    @Test
    void unknownAccounts() {
        assertError(calls.send("DescribeAccount", "AccountId", UNKNOWN_ACCOUNT), "DescribeAccount",
                "AccountNotFoundException", null);
        assertError(calls.send("MoveAccount", "AccountId", UNKNOWN_ACCOUNT, "SourceParentId", rootId,
                "DestinationParentId", rootId), "MoveAccount", "AccountNotFoundException", null);
        assertError(calls.send("ListParents", "ChildId", UNKNOWN_ACCOUNT), "ListParents", "ChildNotFoundException",
                null);
        assertError(calls.send("ListParents", "ChildId", UNKNOWN_UNIT), "ListParents", "ChildNotFoundException", null);
    }

    @Test
    void unknownCreateAccountRequests() {
        assertError(calls.send("DescribeCreateAccountStatus", "CreateAccountRequestId", "car-zzzzzzzz"),
                "DescribeCreateAccountStatus", "CreateAccountStatusNotFoundException", null);
    }

    @Test
    void unknownParents() {
        for (String operation : new String[] {"ListAccountsForParent", "ListOrganizationalUnitsForParent"}) {
            assertError(calls.send(operation, "ParentId", UNKNOWN_UNIT), operation, "ParentNotFoundException", null);
            assertError(calls.send(operation, "ParentId", UNKNOWN_ROOT), operation, "ParentNotFoundException", null);
        }
        assertError(calls.send("ListChildren", "ParentId", UNKNOWN_UNIT, "ChildType", "ACCOUNT"), "ListChildren",
                "ParentNotFoundException", null);
        assertError(calls.send("CreateOrganizationalUnit", "ParentId", UNKNOWN_UNIT, "Name", "research"),
                "CreateOrganizationalUnit", "ParentNotFoundException", null);
        assertError(calls.send("MoveAccount", "AccountId", accountId, "SourceParentId", UNKNOWN_UNIT,
                "DestinationParentId", rootId), "MoveAccount", "SourceParentNotFoundException", null);
        assertError(calls.send("MoveAccount", "AccountId", accountId, "SourceParentId", rootId,
                "DestinationParentId", UNKNOWN_UNIT), "MoveAccount", "DestinationParentNotFoundException", null);
    }

    @Test
    void unknownOrganizationalUnits() {
        for (String operation : new String[] {"UpdateOrganizationalUnit", "DeleteOrganizationalUnit",
                "DescribeOrganizationalUnit"}) {
            assertError(calls.send(operation, "OrganizationalUnitId", UNKNOWN_UNIT), operation,
                    "OrganizationalUnitNotFoundException", null);
        }
    }

    @Test
    void unknownPolicies() {
        for (String operation : new String[] {"UpdatePolicy", "DeletePolicy", "DescribePolicy",
                "ListTargetsForPolicy"}) {
            assertError(calls.send(operation, "PolicyId", UNKNOWN_POLICY), operation, "PolicyNotFoundException", null);
        }
        assertError(calls.send("AttachPolicy", "PolicyId", UNKNOWN_POLICY, "TargetId", rootId), "AttachPolicy",
                "PolicyNotFoundException", null);
        assertError(calls.send("DetachPolicy", "PolicyId", UNKNOWN_POLICY, "TargetId", rootId), "DetachPolicy",
                "PolicyNotFoundException", null);
    }

    @Test
    void unknownTargets() {
        assertError(calls.send("AttachPolicy", "PolicyId", "p-FullAWSAccess", "TargetId", UNKNOWN_UNIT),
                "AttachPolicy", "TargetNotFoundException", null);
        assertError(calls.send("DetachPolicy", "PolicyId", "p-FullAWSAccess", "TargetId", UNKNOWN_ACCOUNT),
                "DetachPolicy", "TargetNotFoundException", null);
        assertError(calls.send("ListPoliciesForTarget", "TargetId", UNKNOWN_ROOT, "Filter", "SERVICE_CONTROL_POLICY"),
                "ListPoliciesForTarget", "TargetNotFoundException", null);
    }

    @Test
    void unknownRoots() {
        assertError(calls.send("EnablePolicyType", "RootId", UNKNOWN_ROOT, "PolicyType", "RESOURCE_CONTROL_POLICY"),
                "EnablePolicyType", "RootNotFoundException", null);
        assertError(calls.send("DisablePolicyType", "RootId", UNKNOWN_ROOT, "PolicyType", "SERVICE_CONTROL_POLICY"),
                "DisablePolicyType", "RootNotFoundException", null);
    }

    // ---- conflicts with what exists

    @Test
    void duplicates() {
        String unitId = calls.createUnit(rootId, "research");
        assertError(calls.send("CreateOrganizationalUnit", "ParentId", rootId, "Name", "research"),
                "CreateOrganizationalUnit", "DuplicateOrganizationalUnitException", null);
        calls.createUnit(rootId, "science");
        assertError(calls.send("UpdateOrganizationalUnit", "OrganizationalUnitId", unitId, "Name", "science"),
                "UpdateOrganizationalUnit", "DuplicateOrganizationalUnitException", null);

        String policyId = calls.createPolicy("guardrail", deny("s3:*"));
        assertError(calls.send("CreatePolicy", "Name", "guardrail", "Description", "", "Type",
                "SERVICE_CONTROL_POLICY", "Content", deny("s3:*")), "CreatePolicy", "DuplicatePolicyException", null);
        calls.createPolicy("other", deny("s3:*"));
        assertError(calls.send("UpdatePolicy", "PolicyId", policyId, "Name", "other"), "UpdatePolicy",
                "DuplicatePolicyException", null);

        calls.ok("AttachPolicy", "PolicyId", policyId, "TargetId", accountId);
        assertError(calls.send("AttachPolicy", "PolicyId", policyId, "TargetId", accountId), "AttachPolicy",
                "DuplicatePolicyAttachmentException", null);

        assertError(calls.send("MoveAccount", "AccountId", accountId, "SourceParentId", rootId,
                "DestinationParentId", rootId), "MoveAccount", "DuplicateAccountException", null);
    }

    @Test
    void organizationalUnitsInUse() {
        String unitId = calls.createUnit(rootId, "research");
        calls.createUnit(unitId, "nested");
        assertError(calls.send("DeleteOrganizationalUnit", "OrganizationalUnitId", unitId),
                "DeleteOrganizationalUnit", "OrganizationalUnitNotEmptyException", null);
    }

    @Test
    void policiesInUseOrNotAttached() {
        String policyId = calls.createPolicy("guardrail", deny("s3:*"));
        assertError(calls.send("DetachPolicy", "PolicyId", policyId, "TargetId", accountId), "DetachPolicy",
                "PolicyNotAttachedException", null);
        calls.ok("AttachPolicy", "PolicyId", policyId, "TargetId", accountId);
        assertError(calls.send("DeletePolicy", "PolicyId", policyId), "DeletePolicy", "PolicyInUseException", null);
    }

    @Test
    void malformedPolicyDocuments() {
        assertError(calls.send("CreatePolicy", "Name", "bad", "Description", "", "Type", "SERVICE_CONTROL_POLICY",
                "Content", "{not json"), "CreatePolicy", "MalformedPolicyDocumentException", null);
        String policyId = calls.createPolicy("guardrail", deny("s3:*"));
        assertError(calls.send("UpdatePolicy", "PolicyId", policyId, "Content", "{\"Statement\":[]}"),
                "UpdatePolicy", "MalformedPolicyDocumentException", null);
    }

    @Test
    void awsManagedPoliciesCannotBeChangedOrDeleted() {
        assertError(calls.send("UpdatePolicy", "PolicyId", "p-FullAWSAccess", "Name", "Mine"), "UpdatePolicy",
                INVALID_INPUT, "IMMUTABLE_POLICY");
        assertError(calls.send("DeletePolicy", "PolicyId", "p-FullAWSAccess"), "DeletePolicy", INVALID_INPUT,
                "IMMUTABLE_POLICY");
    }

    @Test
    void rcpFullAwsAccessCannotBeDetached() {
        calls.ok("EnablePolicyType", "RootId", rootId, "PolicyType", "RESOURCE_CONTROL_POLICY");
        assertError(calls.send("DetachPolicy", "PolicyId", "p-RCPFullAWSAccess", "TargetId", accountId),
                "DetachPolicy", INVALID_INPUT, "NON_DETACHABLE_POLICY");
    }

    // ---- policy types

    @Test
    void policyTypesEnabledTwiceNotEnabledOrNotOffered() {
        assertError(calls.send("EnablePolicyType", "RootId", rootId, "PolicyType", "SERVICE_CONTROL_POLICY"),
                "EnablePolicyType", "PolicyTypeAlreadyEnabledException", null);
        assertError(calls.send("DisablePolicyType", "RootId", rootId, "PolicyType", "RESOURCE_CONTROL_POLICY"),
                "DisablePolicyType", "PolicyTypeNotEnabledException", null);
        assertError(calls.send("EnablePolicyType", "RootId", rootId, "PolicyType", "TAG_POLICY"),
                "EnablePolicyType", "PolicyTypeNotAvailableForOrganizationException", null);
        assertError(calls.send("CreatePolicy", "Name", "tags", "Description", "", "Type", "TAG_POLICY",
                "Content", "{}"), "CreatePolicy", "PolicyTypeNotAvailableForOrganizationException", null);

        JsonNode rcp = calls.ok("CreatePolicy", "Name", "rcp", "Description", "", "Type", "RESOURCE_CONTROL_POLICY",
                "Content", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
                        + "\"Action\":\"s3:*\",\"Resource\":\"*\"}]}");
        String rcpId = rcp.path("Policy").path("PolicySummary").path("Id").asText();
        assertError(calls.send("AttachPolicy", "PolicyId", rcpId, "TargetId", accountId), "AttachPolicy",
                "PolicyTypeNotEnabledException", null);
    }

    // ---- quotas: ConstraintViolationException with its Reason

    @Test
    void theLastServiceControlPolicyCannotBeDetached() {
        assertError(calls.send("DetachPolicy", "PolicyId", "p-FullAWSAccess", "TargetId", rootId), "DetachPolicy",
                CONSTRAINT_VIOLATION, "MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED");
    }

    @Test
    void atMostFivePoliciesOfATypeAreAttachedToATarget() {
        for (int i = 1; i <= 4; i++) {
            calls.ok("AttachPolicy", "PolicyId", calls.createPolicy("guardrail" + i, deny("s3:*")),
                    "TargetId", accountId);
        }
        String sixth = calls.createPolicy("guardrail5", deny("s3:*"));
        assertError(calls.send("AttachPolicy", "PolicyId", sixth, "TargetId", accountId), "AttachPolicy",
                CONSTRAINT_VIOLATION, "MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED");
    }

    @Test
    void organizationalUnitsNestFiveDeep() {
        String parent = rootId;
        for (int depth = 1; depth <= 5; depth++) {
            parent = calls.createUnit(parent, "level" + depth);
        }
        assertError(calls.send("CreateOrganizationalUnit", "ParentId", parent, "Name", "level6"),
                "CreateOrganizationalUnit", CONSTRAINT_VIOLATION, "OU_DEPTH_LIMIT_EXCEEDED");
    }

    @Test
    void policyContentIsAtMost5120Characters() {
        String content = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\"}]}" + " ".repeat(5_100);
        assertError(calls.send("CreatePolicy", "Name", "large", "Description", "", "Type", "SERVICE_CONTROL_POLICY",
                "Content", content), "CreatePolicy", CONSTRAINT_VIOLATION, "POLICY_CONTENT_LIMIT_EXCEEDED");
        String policyId = calls.createPolicy("guardrail", deny("s3:*"));
        assertError(calls.send("UpdatePolicy", "PolicyId", policyId, "Content", content), "UpdatePolicy",
                CONSTRAINT_VIOLATION, "POLICY_CONTENT_LIMIT_EXCEEDED");
    }

    @Test
    void everyDomainErrorThatCarriesAReasonIsRenderedWithIt() {
        // No offered operation raises this one; the rendering is the same for every Organizations error.
        OrganizationsException error = new OrganizationsException("AccessDeniedForDependencyException",
                "Organizations could not create the service-linked role.",
                "ACCESS_DENIED_DURING_CREATE_SERVICE_LINKED_ROLE");
        ApiResponse response = calls.handler.renderError(
                JsonRequests.post(OrganizationsJsonHandler.TARGET_PREFIX + ".CreateOrganization", "{}"), error);
        assertError(response, "CreateOrganization", "AccessDeniedForDependencyException",
                "ACCESS_DENIED_DURING_CREATE_SERVICE_LINKED_ROLE");
    }

    // ---- who may call

    @Test
    void anIamUserWithoutPermissionIsDenied() {
        CallContext bob = calls.fixture.iam.newUser("bob");
        assertError(calls.sendAs(bob, "ListAccounts"), "ListAccounts", "AccessDeniedException", null);
        assertError(calls.sendAs(bob, "CreatePolicy", "Name", "guardrail", "Description", "", "Type",
                "SERVICE_CONTROL_POLICY", "Content", deny("s3:*")), "CreatePolicy", "AccessDeniedException", null);
    }

    @Test
    void memberAccountsMayNotManageTheOrganization() {
        CallContext member = calls.fixture.asRoot(accountId);
        assertError(calls.sendAs(member, "CreateOrganizationalUnit", "ParentId", rootId, "Name", "mine"),
                "CreateOrganizationalUnit", "AccessDeniedException", null);
        assertError(calls.sendAs(member, "DescribeAccount", "AccountId", accountId), "DescribeAccount",
                "AccessDeniedException", null);
    }

    @Test
    void anAccountOutsideTheOrganizationFindsNoneInUse() {
        CallContext stranger = calls.fixture.asRoot(UNKNOWN_ACCOUNT);
        assertError(calls.sendAs(stranger, "DescribeOrganization"), "DescribeOrganization",
                "AWSOrganizationsNotInUseException", null);
        assertError(calls.sendAs(stranger, "ListRoots"), "ListRoots", "AWSOrganizationsNotInUseException", null);
    }

    @Test
    void aDeniedCallDoesNotRevealWhetherTheResourceExists() {
        CallContext bob = calls.fixture.iam.newUser("bob");
        JsonNode error = assertError(calls.sendAs(bob, "DeleteOrganizationalUnit", "OrganizationalUnitId",
                UNKNOWN_UNIT), "DeleteOrganizationalUnit", "AccessDeniedException", null);
        assertThat(error.path("Message").asText()).isEqualTo("You don't have permissions to access this resource.");
    }
}
