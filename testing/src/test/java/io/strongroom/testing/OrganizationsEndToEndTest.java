package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Organizations through the SDK's OrganizationsClient: a member account reached through the role
 * CreateAccount makes, an SCP on an OU that binds its administrators, and the refusals AWS gives.
 */
@ExtendWith(StrongroomExtension.class)
class OrganizationsEndToEndTest {

    private static String management;
    private static String member;
    private static String rootId;

    @BeforeAll
    static void memberAccount(OrganizationsClient organizations, StsClient sts) {
        management = sts.getCallerIdentity().account();
        CreateAccountStatus status = organizations.createAccount(r -> r.email("research@example.com")
                .accountName("research")).createAccountStatus();
        status = organizations.describeCreateAccountStatus(r -> r.createAccountRequestId(
                organizations.listCreateAccountStatus(l -> l.states(CreateAccountState.SUCCEEDED))
                        .createAccountStatuses().getFirst().id())).createAccountStatus();
        assertThat(status.state()).isEqualTo(CreateAccountState.SUCCEEDED);
        member = status.accountId();
        rootId = organizations.listRoots().roots().getFirst().id();
    }

    @Test
    void theOrganizationLooksAsAwsDescribesANewOne(OrganizationsClient organizations) {
        var organization = organizations.describeOrganization().organization();
        assertThat(organization.id()).matches("o-[a-z0-9]{10}");
        assertThat(organization.masterAccountId()).isEqualTo(management);
        assertThat(organizations.listAccounts().accounts()).extracting(a -> a.id()).contains(management, member);
        assertThat(organizations.listPoliciesForTarget(r -> r.targetId(member).filter(PolicyType.SERVICE_CONTROL_POLICY))
                .policies()).extracting(PolicySummary::name).containsExactly("FullAWSAccess");
    }

    @Test
    void anScpOnAnOuBindsTheMemberAccountsAdministratorButNotTheManagementAccount(
            OrganizationsClient organizations, StsClient sts, IamClient iam, StrongroomTestServer server) {
        String ou = organizations.createOrganizationalUnit(r -> r.parentId(rootId).name("restricted"))
                .organizationalUnit().id();
        organizations.moveAccount(r -> r.accountId(member).sourceParentId(rootId).destinationParentId(ou));
        String policyId = organizations.createPolicy(r -> r.name("no-groups").description("no IAM groups")
                .type(PolicyType.SERVICE_CONTROL_POLICY)
                .content(Policies.deny("iam:CreateGroup", "*"))).policy().policySummary().id();
        organizations.attachPolicy(r -> r.policyId(policyId).targetId(ou));

        Credentials credentials = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + member
                + ":role/OrganizationAccountAccessRole").roleSessionName("platform")).credentials();
        AwsClients memberAdmin = server.clientsFor(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken());
        assertThat(memberAdmin.sts().getCallerIdentity().account()).isEqualTo(member);
        memberAdmin.iam().listUsers();
        var denied = assertAwsError(() -> memberAdmin.iam().createGroup(r -> r.groupName("shadow")), "AccessDenied",
                403);
        assertThat(denied.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::" + member
                + ":assumed-role/OrganizationAccountAccessRole/platform is not authorized to perform: iam:CreateGroup"
                + " on resource: arn:aws:iam::" + member + ":group/shadow with an explicit deny in a service control"
                + " policy");
        // Member accounts may look at their organization, not change it.
        assertThat(memberAdmin.organizations().describeOrganization().organization().masterAccountId())
                .isEqualTo(management);
        assertAwsError(() -> memberAdmin.organizations().detachPolicy(r -> r.policyId(policyId).targetId(ou)),
                "AccessDeniedException", 400);

        iam.createGroup(r -> r.groupName("management-only"));
        organizations.detachPolicy(r -> r.policyId(policyId).targetId(ou));
        organizations.moveAccount(r -> r.accountId(member).sourceParentId(ou).destinationParentId(rootId));
        organizations.deleteOrganizationalUnit(r -> r.organizationalUnitId(ou));
        organizations.deletePolicy(r -> r.policyId(policyId));
    }

    @Test
    void badInputGetsOrganizationsErrorsAndChangesNothing(OrganizationsClient organizations) {
        assertAwsError(() -> organizations.attachPolicy(r -> r.policyId("p-FullAWSAccess").targetId("ou-zz99-abcdefgh")),
                "TargetNotFoundException", 400);
        assertAwsError(() -> organizations.detachPolicy(r -> r.policyId("p-FullAWSAccess").targetId(member)),
                "ConstraintViolationException", 400);
        assertAwsError(() -> organizations.createPolicy(r -> r.name("huge").description("")
                .type(PolicyType.SERVICE_CONTROL_POLICY).content(Policies.document(
                        Policies.statement("Deny", "s3:" + "x".repeat(5200), "*", "")))),
                "ConstraintViolationException", 400);
        assertAwsError(() -> organizations.createPolicy(r -> r.name("bad").description("")
                .type(PolicyType.SERVICE_CONTROL_POLICY).content("{\"Statement\":")),
                "MalformedPolicyDocumentException", 400);
        assertAwsError(() -> organizations.describePolicy(r -> r.policyId("not-a-policy")), "InvalidInputException",
                400);
        assertThat(organizations.listPolicies(r -> r.filter(PolicyType.SERVICE_CONTROL_POLICY)).policies())
                .extracting(PolicySummary::name).doesNotContain("huge", "bad");
        assertThat(organizations.listPoliciesForTarget(r -> r.targetId(member).filter(PolicyType.SERVICE_CONTROL_POLICY))
                .policies()).extracting(PolicySummary::name).containsExactly("FullAWSAccess");
    }
}
