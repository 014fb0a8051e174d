package io.strongroom.organizations.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.organizations.OrganizationPolicy;
import io.strongroom.organizations.OrganizationPolicyType;
import io.strongroom.organizations.PolicyContentRules;
import io.strongroom.organizations.guardrails.BaselineGuardrails.Guardrail;
import io.strongroom.organizations.testing.OrganizationsFixture;
import io.strongroom.policy.AuthorizationRequest;
import io.strongroom.policy.Decision;
import io.strongroom.policy.NamedPolicy;
import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyEvaluator;
import io.strongroom.policy.PolicySet;
import io.strongroom.policy.PolicyType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselineGuardrailsTest {
    private static final String ANALYST = "arn:aws:iam::111122223333:role/Analyst";
    private static final String BREAK_GLASS = "arn:aws:iam::111122223333:role/BreakGlassAdmin";
    private static final String ALLOW_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"*\",\"Resource\":\"*\"}]}";

    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    @Test
    void thereAreFiveAndEachIsAValidScpWithinTheSizeQuota() {
        List<Guardrail> all = BaselineGuardrails.all();
        assertThat(all).extracting(Guardrail::name).containsExactly("DenyAccountPublicAccessBlockChanges",
                "ProtectAuditTrail", "ProtectRestrictedKeys", "RequireS3Encryption", "DenyLeaveOrganization");
        for (Guardrail guardrail : all) {
            PolicyDocument document = PolicyContentRules.parse(guardrail.document(),
                    OrganizationPolicyType.SERVICE_CONTROL_POLICY);
            assertThat(document.statementCount()).as(guardrail.name()).isPositive();
            assertThat(guardrail.document().length()).isLessThanOrEqualTo(PolicyContentRules.MAX_CONTENT_LENGTH);
            assertThat(guardrail.document()).as(guardrail.name()).contains(BaselineGuardrails.BREAK_GLASS_ROLE_PATTERN);
            assertThat(guardrail.description()).isNotBlank();
            assertThat(guardrail.threat()).isNotBlank();
        }
    }

    @Test
    void theyBindAMemberAccountAlongsideFullAwsAccess() {
        OrganizationsFixture f = new OrganizationsFixture();
        String member = f.newAccount("analytics");
        String unit = f.organizations.createOrganizationalUnit(f.admin, f.rootId(), "Workloads").id();
        f.organizations.moveAccount(f.admin, member, f.rootId(), unit);
        List<Guardrail> all = BaselineGuardrails.all();
        for (int i = 0; i < all.size(); i++) {
            Guardrail guardrail = all.get(i);
            OrganizationPolicy policy = f.organizations.createPolicy(f.admin, guardrail.document(),
                    guardrail.description(), guardrail.name(), "SERVICE_CONTROL_POLICY");
            // five SCPs per target at most, FullAWSAccess included: four on the root, the last on the OU
            f.organizations.attachPolicy(f.admin, policy.id(), i < 4 ? f.rootId() : unit);
        }

        List<List<NamedPolicy>> chain = levels(f.guardrails.serviceControlChain(member));
        assertThat(chain).hasSize(3);
        assertThat(chain.get(0)).hasSize(5);
        assertThat(chain.get(1)).hasSize(2);
        // every level keeps its allow, so only the guardrails' denies restrict the account
        assertThat(chain).allSatisfy(level -> assertThat(level).extracting(NamedPolicy::source)
                .contains("arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess"));
    }

    @Test
    void accountPublicAccessBlockChanges() {
        Guardrail guardrail = named("DenyAccountPublicAccessBlockChanges");
        assertDenied(guardrail, "s3:PutAccountPublicAccessBlock", Map.of());
        assertAllowed(guardrail, "s3:PutBucketPublicAccessBlock", Map.of(), ANALYST);
    }

    @Test
    void auditTrailTampering() {
        Guardrail guardrail = named("ProtectAuditTrail");
        for (String action : List.of("cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail",
                "cloudtrail:PutEventSelectors")) {
            assertDenied(guardrail, action, Map.of());
        }
        assertAllowed(guardrail, "cloudtrail:LookupEvents", Map.of(), ANALYST);
    }

    @Test
    void restrictedKeysCannotBeDisabledOrDeleted() {
        Guardrail guardrail = named("ProtectRestrictedKeys");
        Map<String, List<String>> restricted = Map.of("aws:ResourceTag/DataClassification", List.of("restricted"));
        assertDenied(guardrail, "kms:ScheduleKeyDeletion", restricted);
        assertDenied(guardrail, "kms:DisableKey", restricted);
        assertAllowed(guardrail, "kms:DisableKey",
                Map.of("aws:ResourceTag/DataClassification", List.of("internal")), ANALYST);
        assertAllowed(guardrail, "kms:ScheduleKeyDeletion", Map.of(), ANALYST);
        assertAllowed(guardrail, "kms:Encrypt", restricted, ANALYST);
        // nor declassified first: the restricted tag cannot be removed or overwritten
        Map<String, List<String>> touchingTheTag = Map.of("aws:ResourceTag/DataClassification", List.of("restricted"),
                "aws:TagKeys", List.of("Owner", "DataClassification"));
        assertDenied(guardrail, "kms:UntagResource", touchingTheTag);
        assertDenied(guardrail, "kms:TagResource", touchingTheTag);
        assertAllowed(guardrail, "kms:TagResource", Map.of("aws:ResourceTag/DataClassification", List.of("restricted"),
                "aws:TagKeys", List.of("Owner")), ANALYST);
    }

    @Test
    void objectsMustBeWrittenWithServerSideEncryption() {
        Guardrail guardrail = named("RequireS3Encryption");
        assertDenied(guardrail, "s3:PutObject", Map.of());
        assertDenied(guardrail, "s3:PutObject", Map.of("s3:x-amz-server-side-encryption", List.of("aws:kms:dsse")));
        assertAllowed(guardrail, "s3:PutObject", Map.of("s3:x-amz-server-side-encryption", List.of("aws:kms")),
                ANALYST);
        assertAllowed(guardrail, "s3:PutObject", Map.of("s3:x-amz-server-side-encryption", List.of("AES256")),
                ANALYST);
        assertAllowed(guardrail, "s3:GetObject", Map.of(), ANALYST);
    }

    @Test
    void accountsCannotLeaveTheOrganization() {
        Guardrail guardrail = named("DenyLeaveOrganization");
        assertDenied(guardrail, "organizations:LeaveOrganization", Map.of());
        assertAllowed(guardrail, "organizations:DescribeOrganization", Map.of(), ANALYST);
    }

    @Test
    void nobodyButTheOrganizationsAccessRoleMayCreateOrChangeTheExemptRoles() {
        String accessRole = "arn:aws:iam::111122223333:role/OrganizationAccountAccessRole";
        for (Guardrail guardrail : BaselineGuardrails.all()) {
            for (String role : List.of("arn:aws:iam::111122223333:role/BreakGlassMine", accessRole)) {
                for (String action : List.of("iam:CreateRole", "iam:UpdateAssumeRolePolicy", "iam:AttachRolePolicy",
                        "iam:DeleteRole")) {
                    for (String caller : List.of(ANALYST, BREAK_GLASS)) {
                        assertThat(decide(guardrail, action, role, Map.of(), caller).outcome())
                                .as(guardrail.name() + ": " + caller + " " + action + " " + role)
                                .isEqualTo(Decision.Outcome.EXPLICIT_DENY);
                    }
                    assertThat(decide(guardrail, action, role, Map.of(), accessRole).outcome())
                            .as(guardrail.name() + ": the access role " + action + " " + role)
                            .isEqualTo(Decision.Outcome.ALLOW);
                }
            }
            assertThat(decide(guardrail, "iam:CreateRole", "arn:aws:iam::111122223333:role/Analyst", Map.of(), ANALYST)
                    .outcome()).isEqualTo(Decision.Outcome.ALLOW);
        }
    }

    /** Denied to an ordinary role, allowed to the break-glass role. */
    private void assertDenied(Guardrail guardrail, String action, Map<String, List<String>> keys) {
        assertThat(decide(guardrail, action, keys, ANALYST).outcome()).as(guardrail.name() + " " + action)
                .isEqualTo(Decision.Outcome.EXPLICIT_DENY);
        assertAllowed(guardrail, action, keys, BREAK_GLASS);
    }

    private void assertAllowed(Guardrail guardrail, String action, Map<String, List<String>> keys, String principal) {
        assertThat(decide(guardrail, action, keys, principal).outcome()).as(guardrail.name() + " " + action + " by "
                + principal).isEqualTo(Decision.Outcome.ALLOW);
    }

    /** The guardrail beside an allow-everything policy: only its denies can refuse. */
    private Decision decide(Guardrail guardrail, String action, Map<String, List<String>> keys, String principalArn) {
        return decide(guardrail, action, "*", keys, principalArn);
    }

    private Decision decide(Guardrail guardrail, String action, String resource, Map<String, List<String>> keys,
                            String principalArn) {
        Map<String, List<String>> all = new HashMap<>(keys);
        all.put("aws:PrincipalArn", List.of(principalArn));
        PolicySet policies = PolicySet.identityOnly(List.of(
                new NamedPolicy(PolicyType.IDENTITY, "allow-all", PolicyDocument.parse(ALLOW_ALL)),
                new NamedPolicy(PolicyType.SERVICE_CONTROL, guardrail.name(), PolicyContentRules.parse(
                        guardrail.document(), OrganizationPolicyType.SERVICE_CONTROL_POLICY))));
        return evaluator.evaluate(new AuthorizationRequest(action, resource, all), policies);
    }

    private static Guardrail named(String name) {
        return BaselineGuardrails.all().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    /** The policies of each level, root first. */
    private static List<List<NamedPolicy>> levels(io.strongroom.policy.PolicyChain chain) {
        return chain.levels().stream().map(io.strongroom.policy.PolicyChain.Level::policies).toList();
    }
}
