package io.strongroom.iam.simulation;

import static io.strongroom.iam.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.PolicyInfo;
import io.strongroom.iam.identity.Tag;
import io.strongroom.iam.testing.IamFixture;
import io.strongroom.policy.PolicyEvaluator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SimulatePrincipalPolicy over the real identity domain and in-memory fakes. */
class SimulatePrincipalPolicyTest {
    private static final String READ_REPORTS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Reports\","
            + "\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::reports/*\"}]}";
    private static final String NO_DELETES = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\","
            + "\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\"}}";
    private static final String ONLY_S3 = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:*\",\"Resource\":\"*\"}}";

    private final IamFixture f = new IamFixture();
    private final PolicySimulator simulator = new PolicySimulator(f.repository, f.transactor, f.authorizer,
            new PolicyEvaluator());

    private String arn(String kind, String name) {
        return "arn:aws:iam::" + f.account + ":" + kind + "/" + name;
    }

    private EvaluationResult only(String sourceArn, SimulationInput input) {
        SimulationPage page = simulator.simulatePrincipalPolicy(f.admin, sourceArn, input);
        assertThat(page.results()).hasSize(1);
        return page.results().getFirst();
    }

    /** alice: an inline policy, a customer-managed one, an AWS-managed one, and a group with a Deny. */
    private void alice() {
        f.iam.createUser(f.admin, "alice", Optional.of("/team/"), Optional.empty(), List.of());
        f.iam.putUserPolicy(f.admin, "alice", "reports", READ_REPORTS);
        PolicyInfo writers = f.iam.createPolicy(f.admin, "Writers", IamFixture.allow("s3:PutObject", "*"),
                Optional.empty(), Optional.empty());
        f.iam.attachUserPolicy(f.admin, "alice", writers.policy().arn());
        f.iam.attachUserPolicy(f.admin, "alice", f.awsPolicy("IAMReadOnlyAccess"));
        f.iam.createGroup(f.admin, "careful", Optional.empty());
        f.iam.addUserToGroup(f.admin, "careful", "alice");
        f.iam.putGroupPolicy(f.admin, "careful", "no-deletes", NO_DELETES);
        f.iam.attachGroupPolicy(f.admin, "careful", writers.policy().arn()); // the same policy twice counts once
    }

    @Test
    void aUsersInlineAttachedAndGroupPoliciesAreSimulated() {
        alice();
        String alice = arn("user", "team/alice");
        SimulationPage page = simulator.simulatePrincipalPolicy(f.admin, alice, SimulationInput.actions(
                "s3:GetObject", "s3:PutObject", "iam:GetUser", "s3:DeleteObject", "s3:ListBucket")
                .withResources("arn:aws:s3:::reports/q1.csv"));
        assertThat(page.results()).extracting(EvaluationResult::decision).containsExactly(EvalDecision.ALLOWED,
                EvalDecision.ALLOWED, EvalDecision.ALLOWED, EvalDecision.EXPLICIT_DENY, EvalDecision.IMPLICIT_DENY);

        MatchedStatement inline = page.results().get(0).matchedStatements().getFirst();
        assertThat(inline.sourcePolicyId()).isEqualTo("reports");
        assertThat(inline.sourcePolicyType()).isEqualTo(PolicySourceType.USER);
        assertThat(inline.sidOrIndex()).isEqualTo("Reports");
        assertThat(inline.start()).contains(new StatementPosition(1, 39));
        assertThat(page.results().get(1).matchedStatements()).singleElement().satisfies(statement -> {
            assertThat(statement.sourcePolicyId()).isEqualTo("Writers");
            assertThat(statement.sourcePolicyType()).isEqualTo(PolicySourceType.USER_MANAGED);
        });
        assertThat(page.results().get(2).matchedStatements()).first().satisfies(statement -> {
            assertThat(statement.sourcePolicyId()).isEqualTo("IAMReadOnlyAccess");
            assertThat(statement.sourcePolicyType()).isEqualTo(PolicySourceType.AWS_MANAGED);
        });
        assertThat(page.results().get(3).matchedStatements()).singleElement().satisfies(statement -> {
            assertThat(statement.sourcePolicyId()).isEqualTo("no-deletes");
            assertThat(statement.sourcePolicyType()).isEqualTo(PolicySourceType.GROUP);
            assertThat(statement.sidOrIndex()).isEqualTo("0");
        });
        assertThat(page.results().get(4).matchedStatements()).isEmpty();
    }

    @Test
    void policyInputsAddToTheEntitysAndABoundaryInputReplacesItsBoundary() {
        alice();
        String alice = arn("user", "team/alice");
        EvaluationResult listed = only(alice, SimulationInput.actions("s3:ListBucket").withPolicyInputs(ONLY_S3));
        assertThat(listed.decision()).isEqualTo(EvalDecision.ALLOWED);
        assertThat(listed.matchedStatements()).extracting(MatchedStatement::sourcePolicyId)
                .containsExactly("PolicyInputList.1");

        PolicyInfo boundary = f.iam.createPolicy(f.admin, "OnlyS3", ONLY_S3, Optional.empty(), Optional.empty());
        f.iam.putUserPermissionsBoundary(f.admin, "alice", boundary.policy().arn());
        EvaluationResult iam = only(alice, SimulationInput.actions("iam:GetUser"));
        assertThat(iam.decision()).isEqualTo(EvalDecision.IMPLICIT_DENY);
        assertThat(iam.allowedByPermissionsBoundary()).contains(false);
        EvaluationResult reports = only(alice, SimulationInput.actions("s3:GetObject")
                .withResources("arn:aws:s3:::reports/q1.csv"));
        assertThat(reports.decision()).isEqualTo(EvalDecision.ALLOWED);
        assertThat(reports.allowedByPermissionsBoundary()).contains(true);

        EvaluationResult replaced = only(alice, SimulationInput.actions("iam:GetUser")
                .withPermissionsBoundaryInputs(IamFixture.allow("iam:*", "*")));
        assertThat(replaced.decision()).isEqualTo(EvalDecision.ALLOWED);
        assertThat(replaced.allowedByPermissionsBoundary()).contains(true);
    }

    @Test
    void aGroupsPoliciesAndARolesPoliciesAndBoundaryAreSimulated() {
        alice();
        EvaluationResult group = only(arn("group", "careful"), SimulationInput.actions("s3:DeleteObject"));
        assertThat(group.decision()).isEqualTo(EvalDecision.EXPLICIT_DENY);
        assertThat(group.allowedByPermissionsBoundary()).isEmpty();

        f.iam.createRole(f.admin, "analyst", trust(), Optional.of("/svc/"), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of());
        f.iam.putRolePolicy(f.admin, "analyst", "read", READ_REPORTS);
        EvaluationResult role = only(arn("role", "svc/analyst"), SimulationInput.actions("s3:GetObject")
                .withResources("arn:aws:s3:::reports/q1.csv"));
        assertThat(role.decision()).isEqualTo(EvalDecision.ALLOWED);
        assertThat(role.matchedStatements()).singleElement().satisfies(statement -> {
            assertThat(statement.sourcePolicyId()).isEqualTo("read");
            assertThat(statement.sourcePolicyType()).isEqualTo(PolicySourceType.ROLE);
        });
        f.iam.putRolePermissionsBoundary(f.admin, "analyst", f.awsPolicy("IAMReadOnlyAccess"));
        EvaluationResult bounded = only(arn("role", "svc/analyst"), SimulationInput.actions("s3:GetObject"));
        assertThat(bounded.decision()).isEqualTo(EvalDecision.IMPLICIT_DENY);
        assertThat(bounded.allowedByPermissionsBoundary()).contains(false);
    }

    @Test
    void callerArnSimulatesAnotherUserWithTheseUsersPolicies() {
        alice();
        String bob = arn("user", "bob");
        String bucketPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + bob + "\"},\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::reports\"}}";
        SimulationInput input = SimulationInput.actions("s3:ListBucket").withResources("arn:aws:s3:::reports")
                .withResourcePolicy(bucketPolicy);
        assertThat(only(arn("user", "team/alice"), input).decision()).isEqualTo(EvalDecision.IMPLICIT_DENY);
        assertThat(only(arn("user", "team/alice"), input.withCallerArn(bob)).decision())
                .isEqualTo(EvalDecision.ALLOWED);
        assertThat(only(arn("group", "careful"), input.withCallerArn(bob)).decision())
                .isEqualTo(EvalDecision.ALLOWED);
    }

    @Test
    void theCallerNeedsSimulatePrincipalPolicyOnTheSourceEntity() {
        alice();
        f.iam.createUser(f.admin, "dave", Optional.empty(), Optional.empty(), List.of(new Tag("team", "red")));
        CallContext carol = f.newUser("carol");
        f.iam.putUserPolicy(f.admin, "carol", "simulate-alice", IamFixture.allow("iam:SimulatePrincipalPolicy",
                arn("user", "team/alice")));
        SimulationInput input = SimulationInput.actions("s3:GetObject");
        assertThat(simulator.simulatePrincipalPolicy(carol, arn("user", "team/alice"), input).results()).hasSize(1);
        assertAwsError(() -> simulator.simulatePrincipalPolicy(carol, arn("user", "dave"), input), "AccessDenied", 403)
                .hasMessageContaining("iam:SimulatePrincipalPolicy on resource: " + arn("user", "dave"));
        // Denied, a caller learns nothing of whether the entity exists.
        assertAwsError(() -> simulator.simulatePrincipalPolicy(carol, arn("user", "nobody"), input),
                "AccessDenied", 403);

        f.iam.putUserPolicy(f.admin, "carol", "simulate-red", "{\"Version\":\"2012-10-17\",\"Statement\":{"
                + "\"Effect\":\"Allow\",\"Action\":\"iam:SimulatePrincipalPolicy\",\"Resource\":\"*\",\"Condition\":{"
                + "\"StringEquals\":{\"aws:ResourceTag/team\":\"red\"}}}}");
        assertThat(simulator.simulatePrincipalPolicy(carol, arn("user", "dave"), input).results()).hasSize(1);
    }

    @Test
    void anEntityOfAnotherAccountIsOutOfReach() {
        assertAwsError(() -> simulator.simulatePrincipalPolicy(f.admin, "arn:aws:iam::444455556666:user/alice",
                SimulationInput.actions("s3:GetObject")), "AccessDenied", 403);
    }

    @Test
    void anEntityThatDoesNotExistIsNoSuchEntity() {
        alice();
        SimulationInput input = SimulationInput.actions("s3:GetObject");
        assertAwsError(() -> simulator.simulatePrincipalPolicy(f.admin, arn("user", "nobody"), input),
                "NoSuchEntity", 404).hasMessage("The user with name nobody cannot be found.");
        assertAwsError(() -> simulator.simulatePrincipalPolicy(f.admin, arn("user", "alice"), input),
                "NoSuchEntity", 404); // alice lives at /team/
        assertAwsError(() -> simulator.simulatePrincipalPolicy(f.admin, arn("group", "nobody"), input),
                "NoSuchEntity", 404).hasMessage("The group with name nobody cannot be found.");
        assertAwsError(() -> simulator.simulatePrincipalPolicy(f.admin, arn("role", "nobody"), input),
                "NoSuchEntity", 404).hasMessage("The role with name nobody cannot be found.");
    }

    @Test
    void refusesSourcesThatAreNotUsersGroupsOrRolesAndUnsupportedResourcePolicies() {
        alice();
        SimulationInput input = SimulationInput.actions("s3:GetObject");
        for (String bad : List.of("this is not an ARN at all", "arn:aws:iam::" + f.account + ":root",
                "arn:aws:iam::" + f.account + ":policy/Writers", "arn:aws:sts::" + f.account + ":assumed-role/r/s",
                "arn:aws:s3:::bucket/user/alice", "arn:aws:iam::" + f.account + ":user/")) {
            assertAwsError(() -> simulator.simulatePrincipalPolicy(f.admin, bad, input), "InvalidInput", 400)
                    .hasMessageContaining("PolicySourceArn");
        }
        assertAwsError(() -> simulator.simulatePrincipalPolicy(f.admin, "arn:aws:iam::1:u", input),
                "ValidationError", 400).hasMessageContaining("'policySourceArn'");

        String bucketPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}}";
        assertAwsError(() -> simulator.simulatePrincipalPolicy(f.admin, arn("role", "analyst"),
                input.withResourcePolicy(bucketPolicy)), "InvalidInput", 400)
                .hasMessage("Simulation of resource-based policies isn't supported for IAM roles.");
        assertAwsError(() -> simulator.simulatePrincipalPolicy(f.admin, arn("group", "careful"),
                input.withResourcePolicy(bucketPolicy)), "InvalidInput", 400)
                .hasMessageContaining("CallerArn is required");
        assertAwsError(() -> simulator.simulatePrincipalPolicy(f.admin, arn("user", "team/alice"),
                input.withPolicyInputs("{")), "MalformedPolicyDocument", 400);
        assertAwsError(() -> simulator.simulatePrincipalPolicy(f.admin, arn("user", "team/alice"),
                input.withPermissionsBoundaryInputs("[]")), "MalformedPolicyDocument", 400);
        assertAwsError(() -> simulator.simulatePrincipalPolicy(f.admin, arn("user", "team/alice"),
                SimulationInput.actions("s3:GetObject", "nope")), "InvalidInput", 400);
    }

    private String trust() {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + f.account + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
    }
}
