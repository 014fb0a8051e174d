package io.strongroom.iam.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.access.OrganizationGuardrails;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.auth.PrincipalType;
import io.strongroom.iam.identity.Account;
import io.strongroom.iam.testing.IamFixture;
import io.strongroom.iam.testing.MapGuardrails;
import io.strongroom.policy.NamedPolicy;
import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyEvaluator;
import io.strongroom.policy.PolicyType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The simulated principal's account guardrails apply as in real requests, but a simulation discloses only
 * whether they allow: never their statements or the condition keys they test.
 */
class SimulationGuardrailsTest {
    private static final String MEMBER = "222233334444";
    private static final String FULL_ACCESS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"*\",\"Resource\":\"*\"}]}";
    private static final String REGION_LOCK = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"RegionLock\","
            + "\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":"
            + "{\"aws:RequestedRegion\":\"eu-west-1\"}}},{\"Sid\":\"KeepRoles\",\"Effect\":\"Deny\",\"Action\":\"iam:DeleteRole\","
            + "\"Resource\":\"*\"}]}";

    private final MapGuardrails guardrails = new MapGuardrails();
    private final IamFixture f = new IamFixture(guardrails);
    private final PolicySimulator simulator = new PolicySimulator(f.repository, f.transactor, f.authorizer,
            new PolicyEvaluator());
    private final CallContext memberRoot;

    SimulationGuardrailsTest() {
        f.repository.insertAccount(new Account(MEMBER, "team", "team@example.com", f.bootstrap.organizationId(),
                f.clock.instant()));
        guardrails.scps.put(MEMBER, List.of(List.of(scp("FullAWSAccess", FULL_ACCESS)),
                List.of(scp("FullAWSAccess", FULL_ACCESS), scp("region-lock", REGION_LOCK))));
        guardrails.placements.put(MEMBER, new OrganizationGuardrails.AccountPlacement("o-abcdefghij",
                "o-abcdefghij/r-ab12/ou-ab12-11111111/"));
        guardrails.placements.put(f.account, new OrganizationGuardrails.AccountPlacement("o-abcdefghij",
                "o-abcdefghij/r-ab12/"));
        Principal root = new Principal(PrincipalType.ROOT, MEMBER, "arn:aws:iam::" + MEMBER + ":root",
                "arn:aws:iam::" + MEMBER + ":root", MEMBER, MEMBER, "AKIAROOT" + MEMBER, Map.of(), Optional.empty());
        memberRoot = new CallContext("r", root, "10.0.0.1", "", true, "us-east-1", f.clock.instant());
    }

    @Test
    void anScpDenyDecidesWithoutDisclosingItsStatementsOrKeys() {
        f.iam.createUser(memberRoot, "alice", Optional.empty(), Optional.empty(), List.of());
        f.iam.attachUserPolicy(memberRoot, "alice", f.awsPolicy("AdministratorAccess"));
        SimulationPage page = simulator.simulatePrincipalPolicy(memberRoot, "arn:aws:iam::" + MEMBER + ":user/alice",
                SimulationInput.actions("iam:DeleteRole", "iam:CreateGroup", "s3:GetObject")
                        .withResources("arn:aws:s3:::data/x"));

        EvaluationResult deleteRole = page.results().get(0);
        assertThat(deleteRole.decision()).isEqualTo(EvalDecision.EXPLICIT_DENY);
        assertThat(deleteRole.allowedByOrganizations()).contains(false);
        assertThat(deleteRole.matchedStatements()).isEmpty(); // the SCP's statement is not the member's to read
        assertThat(deleteRole.decisionDetails()).isEmpty(); // IAM ends the evaluation at the guardrails

        EvaluationResult createGroup = page.results().get(1);
        assertThat(createGroup.decision()).isEqualTo(EvalDecision.ALLOWED);
        assertThat(createGroup.allowedByOrganizations()).contains(true);
        assertThat(createGroup.matchedStatements()).extracting(MatchedStatement::sourcePolicyId)
                .containsExactly("AdministratorAccess");

        // Without aws:RequestedRegion the region lock's negated condition holds (IAM's rule for a missing
        // key), so its Deny applies; the key, tested only by the SCP, is not named as missing.
        EvaluationResult read = page.results().get(2);
        assertThat(read.decision()).isEqualTo(EvalDecision.EXPLICIT_DENY);
        assertThat(read.missingContextValues()).isEmpty();
        assertThat(read.resourceSpecificResults().getFirst().allowedByOrganizations()).contains(false);

        EvaluationResult inTheRegion = simulator.simulatePrincipalPolicy(memberRoot,
                "arn:aws:iam::" + MEMBER + ":user/alice", SimulationInput.actions("s3:GetObject")
                        .withContextEntries(ContextEntry.of("aws:RequestedRegion", "string", "eu-west-1")))
                .results().getFirst();
        assertThat(inTheRegion.decision()).isEqualTo(EvalDecision.ALLOWED);
        assertThat(inTheRegion.allowedByOrganizations()).contains(true);
    }

    @Test
    void theManagementAccountIsInTheOrganizationButNotBoundByScps() {
        EvaluationResult result = simulator.simulateCustomPolicy(f.admin, SimulationInput.actions("iam:CreateUser")
                .withPolicyInputs(IamFixture.allow("iam:*", "*"))).results().getFirst();
        assertThat(result.decision()).isEqualTo(EvalDecision.ALLOWED);
        assertThat(result.allowedByOrganizations()).contains(true);
    }

    @Test
    void aLevelWithoutAnAllowDeniesImplicitly() {
        // The account's own level allows IAM only (so the simulation itself may be called): S3 has no Allow there.
        guardrails.scps.put(MEMBER, List.of(List.of(scp("FullAWSAccess", FULL_ACCESS)),
                List.of(scp("iam-only", IamFixture.allow("iam:*", "*")))));
        EvaluationResult result = simulator.simulateCustomPolicy(memberRoot, SimulationInput.actions("s3:GetObject")
                .withPolicyInputs(IamFixture.allow("s3:*", "*"))).results().getFirst();
        assertThat(result.decision()).isEqualTo(EvalDecision.IMPLICIT_DENY);
        assertThat(result.allowedByOrganizations()).contains(false);
        assertThat(result.matchedStatements()).isEmpty();
    }

    private static NamedPolicy scp(String name, String json) {
        return new NamedPolicy(PolicyType.SERVICE_CONTROL, name, PolicyDocument.parse(json));
    }
}
