package io.strongroom.iam.access;

import static io.strongroom.iam.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.auth.PrincipalType;
import io.strongroom.iam.identity.Account;
import io.strongroom.iam.sts.AssumeRoleRequest;
import io.strongroom.iam.sts.AssumeRoleResult;
import io.strongroom.iam.testing.IamFixture;
import io.strongroom.iam.testing.MapGuardrails;
import io.strongroom.policy.NamedPolicy;
import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyKind;
import io.strongroom.policy.PolicyType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The organization's guardrails as the authorizer applies them: SCPs bind every principal of a member
 * account (its root too) and never the management account; roles are assumed across accounts when the
 * trust policy and the caller's policies both allow; the org condition keys reach every policy.
 */
class GuardrailsAuthorizationTest {
    private static final String MEMBER = "222233334444";
    private static final String FULL_ACCESS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"*\",\"Resource\":\"*\"}]}";
    private static final String DENY_CREATE_USER = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoUsers\","
            + "\"Effect\":\"Deny\",\"Action\":\"iam:CreateUser\",\"Resource\":\"*\",\"Condition\":{\"ArnNotLike\":"
            + "{\"aws:PrincipalArn\":\"arn:aws:iam::*:role/BreakGlass*\"}}}]}";

    private final MapGuardrails guardrails = new MapGuardrails();
    private final IamFixture f = new IamFixture(guardrails);
    private final CallContext memberRoot;

    GuardrailsAuthorizationTest() {
        f.repository.insertAccount(new Account(MEMBER, "team", "team@example.com", f.bootstrap.organizationId(),
                f.clock.instant()));
        guardrails.scps.put(MEMBER, List.of(List.of(scp("FullAWSAccess", FULL_ACCESS)),
                List.of(scp("FullAWSAccess", FULL_ACCESS), scp("no-users", DENY_CREATE_USER))));
        memberRoot = root(MEMBER);
    }

    @Test
    void anScpBindsTheMemberAccountRootAndItsPrincipalsButNotTheManagementAccount() {
        assertAwsError(() -> f.iam.createUser(memberRoot, "x", Optional.empty(), Optional.empty(), List.of()),
                "AccessDenied", 403)
                .hasMessage("User: arn:aws:iam::" + MEMBER + ":root is not authorized to perform: iam:CreateUser on "
                        + "resource: arn:aws:iam::" + MEMBER + ":user/x with an explicit deny in a service control policy");
        assertThat(f.repository.findUser(MEMBER, "x")).isEmpty();
        f.iam.createGroup(memberRoot, "analysts", Optional.empty()); // what the SCP is silent on stays allowed

        f.iam.createUser(f.admin, "x", Optional.empty(), Optional.empty(), List.of()); // management account: exempt
    }

    @Test
    void aLevelWithoutAnAllowDeniesEvenTheRoot() {
        guardrails.scps.put(MEMBER, List.of(List.of(scp("FullAWSAccess", FULL_ACCESS)), List.of()));
        assertAwsError(() -> f.iam.createGroup(memberRoot, "g", Optional.empty()), "AccessDenied", 403)
                .hasMessageEndingWith("because no service control policy allows the iam:CreateGroup action");
    }

    @Test
    void aRoleIsAssumedAcrossAccountsWhenTrustAndIdentityAllowAndTheBreakGlassExemptionHolds() {
        String trustManagement = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"arn:aws:iam::" + f.account + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
        for (String name : List.of("OrganizationAccountAccessRole", "BreakGlassAdmin")) {
            f.iam.createRole(memberRoot, name, trustManagement, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of());
            f.iam.attachRolePolicy(memberRoot, name, f.awsPolicy("AdministratorAccess"));
        }
        CallContext access = assume(f.admin, "arn:aws:iam::" + MEMBER + ":role/OrganizationAccountAccessRole");
        assertThat(access.principal().accountId()).isEqualTo(MEMBER);
        assertAwsError(() -> f.iam.createUser(access, "y", Optional.empty(), Optional.empty(), List.of()),
                "AccessDenied", 403).hasMessageEndingWith("with an explicit deny in a service control policy");

        CallContext breakGlass = assume(f.admin, "arn:aws:iam::" + MEMBER + ":role/BreakGlassAdmin");
        f.iam.createUser(breakGlass, "y", Optional.empty(), Optional.empty(), List.of());
        assertThat(f.repository.findUser(MEMBER, "y")).isPresent();

        // A user of the management account without an identity allow is refused despite the trust policy.
        CallContext carol = f.newUser("carol");
        assertAwsError(() -> assume(carol, "arn:aws:iam::" + MEMBER + ":role/BreakGlassAdmin"), "AccessDenied", 403)
                .hasMessageContaining("because no identity-based policy allows the sts:AssumeRole action");
        // A member-account role whose trust policy does not name the caller's account is out of reach.
        f.iam.createRole(memberRoot, "Local", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + MEMBER + ":root\"},\"Action\":\"sts:AssumeRole\"}]}",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        assertAwsError(() -> assume(f.admin, "arn:aws:iam::" + MEMBER + ":role/Local"), "AccessDenied", 403);
    }

    @Test
    void organizationConditionKeysDescribeBothSides() {
        guardrails.placements.put(f.account, new OrganizationGuardrails.AccountPlacement("o-abcdefghij", "o-abcdefghij/r-ab12/"));
        guardrails.placements.put(MEMBER, new OrganizationGuardrails.AccountPlacement("o-abcdefghij",
                "o-abcdefghij/r-ab12/ou-ab12-11111111/"));
        f.iam.putUserPolicy(f.admin, "admin", "only-into-research", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Deny\",\"Action\":\"iam:GetUser\",\"Resource\":\"*\",\"Condition\":{"
                + "\"ForAnyValue:StringNotLike\":{\"aws:ResourceOrgPaths\":\"o-abcdefghij/r-ab12/ou-ab12-11111111/*\"}}}]}");
        Map<String, List<String>> keys = f.authorizer.globalConditionKeys(f.admin);
        assertThat(keys).containsEntry("aws:PrincipalOrgID", List.of("o-abcdefghij"))
                .containsEntry("aws:PrincipalOrgPaths", List.of("o-abcdefghij/r-ab12/"));
        assertAwsError(() -> f.authorizer.authorize(f.admin, "iam:GetUser",
                "arn:aws:iam::" + f.account + ":user/admin"), "AccessDenied", 403);
    }

    private CallContext assume(CallContext caller, String roleArn) {
        AssumeRoleResult result = f.sts.assumeRole(caller, AssumeRoleRequest.of(roleArn, "session"));
        return f.callAs(result.credentials().accessKeyId());
    }

    private CallContext root(String account) {
        Principal root = new Principal(PrincipalType.ROOT, account, "arn:aws:iam::" + account + ":root",
                "arn:aws:iam::" + account + ":root", account, account, "AKIAROOT" + account, Map.of(), Optional.empty());
        return new CallContext("r", root, "10.0.0.1", "", true, "us-east-1", f.clock.instant());
    }

    private static NamedPolicy scp(String name, String json) {
        return new NamedPolicy(PolicyType.SERVICE_CONTROL, name, PolicyDocument.parse(json, PolicyKind.IDENTITY));
    }
}
