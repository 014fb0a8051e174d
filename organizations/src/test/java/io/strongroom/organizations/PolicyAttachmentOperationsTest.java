package io.strongroom.organizations;

import static io.strongroom.organizations.PolicyOperationsTest.DENY_LEAVE;
import static io.strongroom.organizations.PolicyOperationsTest.DENY_PUBLIC_S3;
import static io.strongroom.organizations.PolicyOperationsTest.RCP;
import static io.strongroom.organizations.PolicyOperationsTest.SCP;
import static io.strongroom.organizations.testing.OrganizationsAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.organizations.testing.OrganizationsFixture;
import org.junit.jupiter.api.Test;

class PolicyAttachmentOperationsTest {
    private static final String INVALID_INPUT = "InvalidInputException";
    private final OrganizationsFixture f = new OrganizationsFixture();
    private final String root = f.rootId();
    private final String member = f.newAccount("analytics");
    private final OrganizationalUnit unit = f.organizations.createOrganizationalUnit(f.admin, root, "Workloads");
    private final OrganizationPolicy denyLeave = f.organizations.createPolicy(f.admin, DENY_LEAVE, "", "DenyLeave",
            SCP);

    @Test
    void attachToEachKindOfTargetAndListBothWays() {
        f.organizations.attachPolicy(f.admin, denyLeave.id(), root);
        f.organizations.attachPolicy(f.admin, denyLeave.id(), unit.id());
        f.organizations.attachPolicy(f.admin, denyLeave.id(), member);

        assertThat(f.organizations.listPoliciesForTarget(f.admin, member, SCP, PageRequest.first()).items())
                .extracting(PolicySummary::id).containsExactlyInAnyOrder("p-FullAWSAccess", denyLeave.id());
        assertThat(f.organizations.listTargetsForPolicy(f.admin, denyLeave.id(), PageRequest.first()).items())
                .containsExactlyInAnyOrder(
                        new PolicyTargetSummary(root, "arn:aws:organizations::" + f.managementAccount + ":root/"
                                + f.organizationId + "/" + root, "Root", TargetType.ROOT),
                        new PolicyTargetSummary(unit.id(), unit.arn(), "Workloads", TargetType.ORGANIZATIONAL_UNIT),
                        new PolicyTargetSummary(member, "arn:aws:organizations::" + f.managementAccount + ":account/"
                                + f.organizationId + "/" + member, "analytics", TargetType.ACCOUNT));
    }

    @Test
    void attachTwice() {
        f.organizations.attachPolicy(f.admin, denyLeave.id(), unit.id());
        assertError(f, () -> f.organizations.attachPolicy(f.admin, denyLeave.id(), unit.id()),
                "DuplicatePolicyAttachmentException");
    }

    @Test
    void attachAnUnknownPolicy() {
        assertError(f, () -> f.organizations.attachPolicy(f.admin, "p-12345678", unit.id()),
                "PolicyNotFoundException");
    }

    @Test
    void attachToAnUnknownTarget() {
        assertError(f, () -> f.organizations.attachPolicy(f.admin, denyLeave.id(), "ou-abcd-12345678"),
                "TargetNotFoundException");
        assertError(f, () -> f.organizations.attachPolicy(f.admin, denyLeave.id(), "999999999999"),
                "TargetNotFoundException");
        assertError(f, () -> f.organizations.attachPolicy(f.admin, denyLeave.id(), "r-zzzz"),
                "TargetNotFoundException");
    }

    @Test
    void attachRefusesAMalformedTargetId() {
        assertError(f, () -> f.organizations.attachPolicy(f.admin, denyLeave.id(), "o-abcdefghij"), INVALID_INPUT,
                "INVALID_PATTERN_TARGET_ID");
    }

    @Test
    void attachRefusesAMalformedPolicyId() {
        assertError(f, () -> f.organizations.attachPolicy(f.admin, "p-1", unit.id()), INVALID_INPUT,
                "INVALID_SYNTAX_POLICY_ID");
    }

    @Test
    void attachAPolicyWhoseTypeIsNotEnabled() {
        OrganizationPolicy rcp = f.organizations.createPolicy(f.admin, DENY_PUBLIC_S3, "", "TlsOnly", RCP);
        assertError(f, () -> f.organizations.attachPolicy(f.admin, rcp.id(), unit.id()),
                "PolicyTypeNotEnabledException");
    }

    @Test
    void atMostFiveServiceControlPoliciesPerTarget() {
        for (int i = 1; i <= 4; i++) {
            OrganizationPolicy policy = f.organizations.createPolicy(f.admin, DENY_LEAVE, "", "Deny" + i, SCP);
            f.organizations.attachPolicy(f.admin, policy.id(), unit.id());
        }
        assertError(f, () -> f.organizations.attachPolicy(f.admin, denyLeave.id(), unit.id()),
                "ConstraintViolationException", "MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED");
    }

    @Test
    void detachWhileAnotherServiceControlPolicyRemains() {
        f.organizations.attachPolicy(f.admin, denyLeave.id(), unit.id());
        f.organizations.detachPolicy(f.admin, "p-FullAWSAccess", unit.id());
        assertThat(f.organizations.listPoliciesForTarget(f.admin, unit.id(), SCP, PageRequest.first()).items())
                .extracting(PolicySummary::id).containsExactly(denyLeave.id());
    }

    @Test
    void detachingTheLastServiceControlPolicyIsRefused() {
        OrganizationsException error = assertError(f,
                () -> f.organizations.detachPolicy(f.admin, "p-FullAWSAccess", unit.id()),
                "ConstraintViolationException", "MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED");
        assertThat(error.getMessage()).startsWith("You attempted to detach a policy from an entity");
        assertError(f, () -> f.organizations.detachPolicy(f.admin, "p-FullAWSAccess", root),
                "ConstraintViolationException", "MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED");
    }

    @Test
    void detachAPolicyThatIsNotAttached() {
        assertError(f, () -> f.organizations.detachPolicy(f.admin, denyLeave.id(), unit.id()),
                "PolicyNotAttachedException");
    }

    @Test
    void detachFromAnUnknownTarget() {
        assertError(f, () -> f.organizations.detachPolicy(f.admin, denyLeave.id(), "ou-abcd-12345678"),
                "TargetNotFoundException");
    }

    @Test
    void detachAnUnknownPolicy() {
        assertError(f, () -> f.organizations.detachPolicy(f.admin, "p-12345678", unit.id()),
                "PolicyNotFoundException");
    }

    @Test
    void rcpFullAwsAccessCannotBeDetached() {
        f.organizations.enablePolicyType(f.admin, root, RCP);
        assertError(f, () -> f.organizations.detachPolicy(f.admin, "p-RCPFullAWSAccess", unit.id()), INVALID_INPUT,
                "NON_DETACHABLE_POLICY");
    }

    @Test
    void listPoliciesForAnUnknownTarget() {
        assertError(f, () -> f.organizations.listPoliciesForTarget(f.admin, "999999999999", SCP, PageRequest.first()),
                "TargetNotFoundException");
    }

    @Test
    void listPoliciesForTargetRefusesAnUnknownFilter() {
        assertError(f, () -> f.organizations.listPoliciesForTarget(f.admin, member, "SCP", PageRequest.first()),
                INVALID_INPUT, "INVALID_ENUM_POLICY_TYPE");
    }

    @Test
    void listTargetsForAnUnknownPolicy() {
        assertError(f, () -> f.organizations.listTargetsForPolicy(f.admin, "p-12345678", PageRequest.first()),
                "PolicyNotFoundException");
    }
}
