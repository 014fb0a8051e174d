package io.strongroom.organizations;

import static io.strongroom.organizations.PolicyOperationsTest.DENY_LEAVE;
import static io.strongroom.organizations.PolicyOperationsTest.DENY_PUBLIC_S3;
import static io.strongroom.organizations.PolicyOperationsTest.RCP;
import static io.strongroom.organizations.PolicyOperationsTest.SCP;
import static io.strongroom.organizations.testing.OrganizationsAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.access.AccessDeniedException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.Account;
import io.strongroom.iam.testing.IamFixture;
import io.strongroom.organizations.testing.OrganizationsFixture;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class AuthorizationTest {
    private static final String ACCESS_DENIED = "AccessDeniedException";
    private final OrganizationsFixture f = new OrganizationsFixture();
    private final String root = f.rootId();
    private final String member = f.newAccount("analytics");
    private final OrganizationalUnit unit = f.organizations.createOrganizationalUnit(f.admin, root, "Workloads");
    private final OrganizationPolicy denyLeave = f.organizations.createPolicy(f.admin, DENY_LEAVE, "", "DenyLeave",
            SCP);

    @Test
    void aMemberAccountMayCallNothingButDescribeOrganization() {
        CallContext memberRoot = f.asRoot(member);
        PageRequest page = PageRequest.first();
        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        calls.put("CreateAccount", () -> f.organizations.createAccount(memberRoot, "x@example.com", "x",
                Optional.empty(), Optional.empty()));
        calls.put("ListCreateAccountStatus", () -> f.organizations.listCreateAccountStatus(memberRoot, List.of(), page));
        calls.put("DescribeCreateAccountStatus",
                () -> f.organizations.describeCreateAccountStatus(memberRoot, "car-0000000000"));
        calls.put("ListAccounts", () -> f.organizations.listAccounts(memberRoot, page));
        calls.put("DescribeAccount", () -> f.organizations.describeAccount(memberRoot, member));
        calls.put("ListAccountsForParent", () -> f.organizations.listAccountsForParent(memberRoot, root, page));
        calls.put("ListRoots", () -> f.organizations.listRoots(memberRoot, page));
        calls.put("CreateOrganizationalUnit", () -> f.organizations.createOrganizationalUnit(memberRoot, root, "X"));
        calls.put("UpdateOrganizationalUnit",
                () -> f.organizations.updateOrganizationalUnit(memberRoot, unit.id(), Optional.of("X")));
        calls.put("DeleteOrganizationalUnit", () -> f.organizations.deleteOrganizationalUnit(memberRoot, unit.id()));
        calls.put("DescribeOrganizationalUnit",
                () -> f.organizations.describeOrganizationalUnit(memberRoot, unit.id()));
        calls.put("ListOrganizationalUnitsForParent",
                () -> f.organizations.listOrganizationalUnitsForParent(memberRoot, root, page));
        calls.put("ListParents", () -> f.organizations.listParents(memberRoot, member, page));
        calls.put("ListChildren", () -> f.organizations.listChildren(memberRoot, root, "ACCOUNT", page));
        calls.put("MoveAccount", () -> f.organizations.moveAccount(memberRoot, member, root, unit.id()));
        calls.put("CreatePolicy", () -> f.organizations.createPolicy(memberRoot, DENY_LEAVE, "", "Mine", SCP));
        calls.put("UpdatePolicy", () -> f.organizations.updatePolicy(memberRoot, denyLeave.id(), Optional.of("X"),
                Optional.empty(), Optional.empty()));
        calls.put("DeletePolicy", () -> f.organizations.deletePolicy(memberRoot, denyLeave.id()));
        calls.put("DescribePolicy", () -> f.organizations.describePolicy(memberRoot, denyLeave.id()));
        calls.put("ListPolicies", () -> f.organizations.listPolicies(memberRoot, SCP, page));
        calls.put("AttachPolicy", () -> f.organizations.attachPolicy(memberRoot, denyLeave.id(), member));
        calls.put("DetachPolicy", () -> f.organizations.detachPolicy(memberRoot, "p-FullAWSAccess", member));
        calls.put("ListPoliciesForTarget", () -> f.organizations.listPoliciesForTarget(memberRoot, member, SCP, page));
        calls.put("ListTargetsForPolicy", () -> f.organizations.listTargetsForPolicy(memberRoot, denyLeave.id(), page));
        calls.put("EnablePolicyType", () -> f.organizations.enablePolicyType(memberRoot, root, RCP));
        calls.put("DisablePolicyType", () -> f.organizations.disablePolicyType(memberRoot, root, SCP));

        calls.forEach((operation, call) -> {
            OrganizationsException error = assertError(f, call, ACCESS_DENIED);
            assertThat(error.getMessage()).as(operation)
                    .isEqualTo("You don't have permissions to access this resource.");
        });
        assertThat(f.organizations.describeOrganization(memberRoot).masterAccountId()).isEqualTo(f.managementAccount);
    }

    @Test
    void aUserWithoutPermissionIsDeniedAndIamsDecisionIsKept() {
        CallContext analyst = f.iam.newUser("analyst");
        OrganizationsException error = assertError(f,
                () -> f.organizations.createOrganizationalUnit(analyst, root, "X"), ACCESS_DENIED);
        assertThat(error.getCause()).isInstanceOf(AccessDeniedException.class);
        assertThat(((AccessDeniedException) error.getCause()).action())
                .isEqualTo("organizations:CreateOrganizationalUnit");
        assertThat(((AccessDeniedException) error.getCause()).resource()).isEqualTo(f.organizations
                .listRoots(f.admin, PageRequest.first()).items().getFirst().arn());
    }

    @Test
    void anAllowedActionIsAllowedAndNoOther() {
        CallContext analyst = f.iam.newUser("analyst");
        f.iam.allowUser("analyst", "read", "organizations:ListAccounts");

        assertThat(f.organizations.listAccounts(analyst, PageRequest.first()).items()).hasSize(2);
        assertError(f, () -> f.organizations.listRoots(analyst, PageRequest.first()), ACCESS_DENIED);
    }

    @Test
    void permissionsCanNameOneOrganizationalUnit() {
        OrganizationalUnit other = f.organizations.createOrganizationalUnit(f.admin, root, "Other");
        CallContext analyst = f.iam.newUser("analyst");
        f.iam.iam.putUserPolicy(f.admin, "analyst", "one-ou",
                IamFixture.allow("organizations:DescribeOrganizationalUnit", unit.arn()));

        assertThat(f.organizations.describeOrganizationalUnit(analyst, unit.id())).isEqualTo(unit);
        assertError(f, () -> f.organizations.describeOrganizationalUnit(analyst, other.id()), ACCESS_DENIED);
    }

    @Test
    void thePolicyTypeConditionKeyIsSet() {
        CallContext author = f.iam.newUser("author");
        f.iam.iam.putUserPolicy(f.admin, "author", "scp-only", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Action\":\"organizations:CreatePolicy\",\"Resource\":\"*\",\"Condition\":"
                + "{\"StringEquals\":{\"organizations:PolicyType\":\"SERVICE_CONTROL_POLICY\"}}}]}");

        assertThat(f.organizations.createPolicy(author, DENY_LEAVE, "", "Mine", SCP).name()).isEqualTo("Mine");
        assertError(f, () -> f.organizations.createPolicy(author, DENY_PUBLIC_S3, "", "Rcp", RCP), ACCESS_DENIED);
    }

    @Test
    void anAccountOutsideTheOrganizationFindsItNotInUse() {
        f.iam.repository.insertAccount(new Account("123123123123", "loner", "loner@example.com", "",
                Instant.parse("2030-01-01T00:00:00Z")));
        assertError(f, () -> f.organizations.describeOrganization(f.asRoot("123123123123")),
                "AWSOrganizationsNotInUseException");
        assertError(f, () -> f.organizations.describeOrganization(f.asRoot("321321321321")),
                "AWSOrganizationsNotInUseException");
    }

    @Test
    void listenersHearOfCommittedChangesOnly() {
        AtomicInteger changes = new AtomicInteger();
        OrganizationsService service = new OrganizationsService(f.iam.repository, f.repository, f.transactor,
                f.iam.authorizer, f.iam.clock, List.of(changes::incrementAndGet));

        service.createOrganizationalUnit(f.admin, root, "Counted");
        assertThat(changes).hasValue(1);
        assertError(f, () -> service.createOrganizationalUnit(f.admin, root, "Counted"),
                "DuplicateOrganizationalUnitException");
        service.listRoots(f.admin, PageRequest.first());
        assertThat(changes).hasValue(1);
    }
}
