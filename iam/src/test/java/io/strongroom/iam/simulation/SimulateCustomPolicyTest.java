package io.strongroom.iam.simulation;

import static io.strongroom.iam.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.PageRequest;
import io.strongroom.iam.testing.IamFixture;
import io.strongroom.policy.PolicyEvaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SimulateCustomPolicy over the real identity domain and in-memory fakes. */
class SimulateCustomPolicyTest {
    static final String DYNAMODB_AFTER_AUGUST = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Action\":\"dynamodb:*\",\"Resource\":\"*\",\"Condition\":{\"DateGreaterThan\":{\"aws:CurrentTime\":"
            + "\"2018-08-16T12:00:00Z\"}}}}";
    static final String READ_DATA = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\",\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::data/*\"},{\"Effect\":\"Deny\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::data/secret/*\"}]}";

    private final IamFixture f = new IamFixture();
    private final PolicySimulator simulator = new PolicySimulator(f.repository, f.transactor, f.authorizer,
            new PolicyEvaluator());

    private SimulationPage simulate(SimulationInput input) {
        return simulator.simulateCustomPolicy(f.admin, input);
    }

    private EvaluationResult only(SimulationInput input) {
        SimulationPage page = simulate(input);
        assertThat(page.results()).hasSize(1);
        assertThat(page.truncated()).isFalse();
        return page.results().getFirst();
    }

    @Test
    void answersIamsOwnExampleWithTheStatementsPosition() {
        EvaluationResult result = only(SimulationInput.actions("dynamodb:CreateBackup")
                .withPolicyInputs(DYNAMODB_AFTER_AUGUST)
                .withContextEntries(ContextEntry.of("aws:CurrentTime", "date", "2019-04-25T11:00:00Z")));
        assertThat(result.actionName()).isEqualTo("dynamodb:CreateBackup");
        assertThat(result.resourceName()).isEqualTo("*");
        assertThat(result.decision()).isEqualTo(EvalDecision.ALLOWED);
        assertThat(result.matchedStatements()).containsExactly(new MatchedStatement("PolicyInputList.1",
                PolicySourceType.NONE, "0", Optional.of(new StatementPosition(1, 38)),
                Optional.of(new StatementPosition(1, 167))));
        assertThat(result.missingContextValues()).isEmpty();
        assertThat(result.decisionDetails()).isEmpty(); // one account, all resources: not returned
        assertThat(result.resourceSpecificResults()).isEmpty();
        assertThat(result.allowedByOrganizations()).isEmpty(); // no organization guardrails on this server
        assertThat(result.allowedByPermissionsBoundary()).isEmpty();

        EvaluationResult before = only(SimulationInput.actions("dynamodb:CreateBackup")
                .withPolicyInputs(DYNAMODB_AFTER_AUGUST)
                .withContextEntries(ContextEntry.of("aws:CurrentTime", "date", "2014-04-25T11:00:00Z")));
        assertThat(before.decision()).isEqualTo(EvalDecision.IMPLICIT_DENY);
        assertThat(before.matchedStatements()).isEmpty();
    }

    @Test
    void conditionKeysComeOnlyFromContextEntriesAndTheMissingOnesAreNamed() {
        // The caller's own request carries aws:CurrentTime, aws:SourceIp…; a simulation uses none of them.
        EvaluationResult result = only(SimulationInput.actions("dynamodb:CreateBackup")
                .withPolicyInputs(DYNAMODB_AFTER_AUGUST));
        assertThat(result.decision()).isEqualTo(EvalDecision.IMPLICIT_DENY);
        assertThat(result.missingContextValues()).containsExactly("aws:CurrentTime");

        String byUserName = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}}";
        EvaluationResult home = only(SimulationInput.actions("s3:GetObject").withPolicyInputs(byUserName)
                .withResources("arn:aws:s3:::home/alice/notes.txt")
                .withContextEntries(ContextEntry.of("aws:username", "string", "alice")));
        assertThat(home.decision()).isEqualTo(EvalDecision.ALLOWED);
    }

    @Test
    void anExplicitDenyListsOnlyTheDenyStatementsAndEachResourceHasItsOwnResult() {
        EvaluationResult result = only(SimulationInput.actions("s3:GetObject").withPolicyInputs(READ_DATA)
                .withResources("arn:aws:s3:::data/report.csv", "arn:aws:s3:::data/secret/keys", "arn:aws:s3:::other/x"));
        assertThat(result.resourceName()).isEqualTo("*");
        assertThat(result.decision()).isEqualTo(EvalDecision.EXPLICIT_DENY);
        assertThat(result.matchedStatements()).extracting(MatchedStatement::sidOrIndex).containsExactly("1");
        assertThat(result.decisionDetails()).contains(Map.of()); // one account, named resources: present, empty
        assertThat(result.resourceSpecificResults()).extracting(ResourceSpecificResult::resourceName,
                ResourceSpecificResult::decision).containsExactly(
                org.assertj.core.groups.Tuple.tuple("arn:aws:s3:::data/report.csv", EvalDecision.ALLOWED),
                org.assertj.core.groups.Tuple.tuple("arn:aws:s3:::data/secret/keys", EvalDecision.EXPLICIT_DENY),
                org.assertj.core.groups.Tuple.tuple("arn:aws:s3:::other/x", EvalDecision.IMPLICIT_DENY));
        ResourceSpecificResult allowed = result.resourceSpecificResults().getFirst();
        assertThat(allowed.matchedStatements()).singleElement().satisfies(statement -> {
            assertThat(statement.sourcePolicyId()).isEqualTo("PolicyInputList.1");
            assertThat(statement.sidOrIndex()).isEqualTo("Read");
            assertThat(statement.start()).contains(new StatementPosition(1, 39));
        });
        assertThat(allowed.decisionDetails()).contains(Map.of());
    }

    @Test
    void aSingleNamedResourceIsTheResultsResourceName() {
        EvaluationResult result = only(SimulationInput.actions("s3:GetObject").withPolicyInputs(READ_DATA)
                .withResources("arn:aws:s3:::data/report.csv"));
        assertThat(result.resourceName()).isEqualTo("arn:aws:s3:::data/report.csv");
        assertThat(result.decision()).isEqualTo(EvalDecision.ALLOWED);
        assertThat(result.resourceSpecificResults()).singleElement()
                .extracting(ResourceSpecificResult::decision).isEqualTo(EvalDecision.ALLOWED);
    }

    @Test
    void aPermissionsBoundaryInputLimitsThePolicies() {
        String boundary = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:List*\","
                + "\"Resource\":\"*\"}}";
        EvaluationResult result = only(SimulationInput.actions("s3:GetObject").withPolicyInputs(READ_DATA)
                .withPermissionsBoundaryInputs(boundary).withResources("arn:aws:s3:::data/report.csv"));
        assertThat(result.decision()).isEqualTo(EvalDecision.IMPLICIT_DENY);
        assertThat(result.allowedByPermissionsBoundary()).contains(false);
        assertThat(result.resourceSpecificResults().getFirst().allowedByPermissionsBoundary()).contains(false);

        String denyingBoundary = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Resource\":\"*\"},{\"Sid\":\"NoReads\",\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
        EvaluationResult denied = only(SimulationInput.actions("s3:GetObject").withPolicyInputs(READ_DATA)
                .withPermissionsBoundaryInputs(denyingBoundary));
        assertThat(denied.decision()).isEqualTo(EvalDecision.EXPLICIT_DENY);
        assertThat(denied.matchedStatements()).singleElement().satisfies(statement -> {
            assertThat(statement.sourcePolicyId()).isEqualTo("PermissionsBoundaryPolicyInputList.1");
            assertThat(statement.sourcePolicyType()).isEqualTo(PolicySourceType.NONE);
            assertThat(statement.sidOrIndex()).isEqualTo("NoReads");
        });
    }

    @Test
    void aResourcePolicyNamingTheCallerGrantsWithinTheAccount() {
        String alice = "arn:aws:iam::" + f.account + ":user/alice";
        String bucketPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"Alice\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"" + alice + "\"},\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::drop/*\"}}";
        EvaluationResult result = only(SimulationInput.actions("s3:PutObject").withPolicyInputs(READ_DATA)
                .withResources("arn:aws:s3:::drop/upload.csv").withResourcePolicy(bucketPolicy).withCallerArn(alice));
        assertThat(result.decision()).isEqualTo(EvalDecision.ALLOWED);
        assertThat(result.matchedStatements()).singleElement().satisfies(statement -> {
            assertThat(statement.sourcePolicyId()).isEqualTo("ResourcePolicy");
            assertThat(statement.sourcePolicyType()).isEqualTo(PolicySourceType.RESOURCE);
            assertThat(statement.start()).isPresent();
        });
        // Another caller is not named by the bucket policy and has no identity-based allow.
        EvaluationResult bob = only(SimulationInput.actions("s3:PutObject").withPolicyInputs(READ_DATA)
                .withResources("arn:aws:s3:::drop/upload.csv").withResourcePolicy(bucketPolicy)
                .withCallerArn("arn:aws:iam::" + f.account + ":user/bob"));
        assertThat(bob.decision()).isEqualTo(EvalDecision.IMPLICIT_DENY);
    }

    @Test
    void aResourceOfAnotherAccountNeedsBothSidesAndReportsEach() {
        String owner = "444455556666";
        String alice = "arn:aws:iam::" + f.account + ":user/alice";
        String bucketPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + f.account + "\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::shared/*\"}}";
        String readShared = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::shared/*\"}}";
        EvaluationResult both = only(SimulationInput.actions("s3:GetObject").withPolicyInputs(readShared)
                .withResources("arn:aws:s3:::shared/a").withResourcePolicy(bucketPolicy).withCallerArn(alice)
                .withResourceOwner("arn:aws:iam::" + owner + ":root"));
        assertThat(both.decision()).isEqualTo(EvalDecision.ALLOWED);
        assertThat(both.decisionDetails()).contains(Map.of("IAM Policy", EvalDecision.ALLOWED,
                "Resource Policy", EvalDecision.ALLOWED));
        assertThat(both.matchedStatements()).extracting(MatchedStatement::sourcePolicyId)
                .containsExactly("ResourcePolicy", "PolicyInputList.1");

        EvaluationResult identityOnly = only(SimulationInput.actions("s3:GetObject").withPolicyInputs(readShared)
                .withResources("arn:aws:s3:::shared/a").withResourceOwner(owner));
        assertThat(identityOnly.decision()).isEqualTo(EvalDecision.IMPLICIT_DENY);
        assertThat(identityOnly.decisionDetails()).contains(Map.of("IAM Policy", EvalDecision.ALLOWED,
                "Resource Policy", EvalDecision.IMPLICIT_DENY));

        // An ARN that names its account needs no ResourceOwner.
        EvaluationResult role = only(SimulationInput.actions("iam:GetRole")
                .withPolicyInputs(IamFixture.allow("iam:GetRole", "*"))
                .withResources("arn:aws:iam::" + owner + ":role/auditor"));
        assertThat(role.decision()).isEqualTo(EvalDecision.IMPLICIT_DENY);
        assertThat(role.decisionDetails()).contains(Map.of("IAM Policy", EvalDecision.ALLOWED,
                "Resource Policy", EvalDecision.IMPLICIT_DENY));
    }

    @Test
    void pagesByActionWithMaxItemsAndMarker() {
        SimulationInput input = SimulationInput.actions("s3:GetObject", "s3:PutObject", "s3:ListBucket")
                .withPolicyInputs(READ_DATA).withPage(new PageRequest(Optional.empty(), Optional.of(2)));
        SimulationPage first = simulate(input);
        assertThat(first.results()).extracting(EvaluationResult::actionName)
                .containsExactly("s3:GetObject", "s3:PutObject");
        assertThat(first.marker()).isPresent();
        SimulationPage second = simulate(input.withPage(new PageRequest(first.marker(), Optional.of(2))));
        assertThat(second.results()).extracting(EvaluationResult::actionName).containsExactly("s3:ListBucket");
        assertThat(second.truncated()).isFalse();
    }

    @Test
    void manyResourcesMakeShorterPages() {
        List<String> resources = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            resources.add("arn:aws:s3:::data/object-" + i);
        }
        SimulationPage page = simulate(SimulationInput.actions("s3:GetObject", "s3:PutObject", "s3:ListBucket",
                "s3:DeleteObject").withPolicyInputs(READ_DATA).withResources(resources.toArray(String[]::new)));
        assertThat(page.results()).hasSize(PolicySimulator.MAX_EVALUATIONS_PER_PAGE / 400);
        assertThat(page.truncated()).isTrue();
        assertThat(page.results().getFirst().resourceSpecificResults()).hasSize(400)
                .allSatisfy(r -> assertThat(r.decision()).isEqualTo(EvalDecision.ALLOWED));
    }

    @Test
    void theCallerNeedsSimulateCustomPolicy() {
        CallContext carol = f.newUser("carol");
        SimulationInput input = SimulationInput.actions("s3:GetObject").withPolicyInputs(READ_DATA);
        assertAwsError(() -> simulator.simulateCustomPolicy(carol, input), "AccessDenied", 403)
                .hasMessageContaining("iam:SimulateCustomPolicy on resource: *");
        f.allowUser("carol", "simulate", "iam:SimulateCustomPolicy");
        assertThat(simulator.simulateCustomPolicy(carol, input).results()).hasSize(1);
    }

    @Test
    void refusesInvalidInputWithIamsCodes() {
        SimulationInput ok = SimulationInput.actions("s3:GetObject").withPolicyInputs(READ_DATA);
        assertAwsError(() -> simulate(SimulationInput.actions("s3:GetObject")), "InvalidInput", 400)
                .hasMessageContaining("PolicyInputList");
        assertAwsError(() -> simulate(SimulationInput.actions().withPolicyInputs(READ_DATA)), "InvalidInput", 400)
                .hasMessageContaining("ActionNames");
        assertAwsError(() -> simulate(SimulationInput.actions("GetObject").withPolicyInputs(READ_DATA)),
                "InvalidInput", 400).hasMessageContaining("service:Operation");
        assertAwsError(() -> simulate(SimulationInput.actions("s3:Get*").withPolicyInputs(READ_DATA)),
                "InvalidInput", 400);
        assertAwsError(() -> simulate(ok.withResources("bucket/key")), "InvalidInput", 400)
                .hasMessage("Resource bucket/key must be in ARN format or \"*\".");
        assertAwsError(() -> simulate(ok.withResourcePolicy(bucketPolicy())), "InvalidInput", 400)
                .hasMessageContaining("CallerArn is required");
        assertAwsError(() -> simulate(ok.withCallerArn("arn:aws:iam::" + f.account + ":role/r")), "InvalidInput", 400)
                .hasMessageContaining("is not the ARN of an IAM user");
        assertAwsError(() -> simulate(ok.withCallerArn("arn:aws:sts::" + f.account + ":assumed-role/r/s")),
                "InvalidInput", 400);
        assertAwsError(() -> simulate(ok.withCallerArn("arn:aws:iam::444455556666:user/eve")), "InvalidInput", 400)
                .hasMessageContaining("must name a user of account " + f.account);
        String[] tooMany = java.util.stream.IntStream.rangeClosed(0, PolicySimulator.MAX_EVALUATIONS_PER_PAGE)
                .mapToObj(i -> "arn:aws:s3:::bucket/" + i).toArray(String[]::new);
        assertAwsError(() -> simulate(ok.withResources(tooMany)), "InvalidInput", 400)
                .hasMessageContaining("At most 1000 resources");
        assertAwsError(() -> simulate(ok.withResourceOwner("4444")), "InvalidInput", 400)
                .hasMessageContaining("ResourceOwner");
        assertAwsError(() -> simulate(ok.withPermissionsBoundaryInputs(READ_DATA, READ_DATA)), "InvalidInput", 400)
                .hasMessageContaining("one permissions boundary");
        assertAwsError(() -> simulate(ok.withResourceHandlingOption("EC2-VPC-InstanceStore")), "InvalidInput", 400)
                .hasMessageContaining("Amazon EC2");
        assertAwsError(() -> simulate(ok.withPage(new PageRequest(Optional.of("bm90IG91cnM"), Optional.empty()))),
                "InvalidInput", 400).hasMessageContaining("Marker");
        assertAwsError(() -> simulate(ok.withPage(new PageRequest(Optional.of(CheckedInput.marker(1)),
                Optional.empty()))), "InvalidInput", 400).hasMessageContaining("Marker");
        assertAwsError(() -> simulate(ok.withContextEntries(ContextEntry.of("aws:SourceIp", "ip", "nowhere"))),
                "InvalidInput", 400);
    }

    @Test
    void refusesMalformedDocuments() {
        SimulationInput ok = SimulationInput.actions("s3:GetObject").withPolicyInputs(READ_DATA);
        assertAwsError(() -> simulate(SimulationInput.actions("s3:GetObject").withPolicyInputs(READ_DATA, "{\"Statement\":")),
                "MalformedPolicyDocument", 400);
        assertAwsError(() -> simulate(ok.withPermissionsBoundaryInputs("{\"Version\":\"2012-10-17\"}")),
                "MalformedPolicyDocument", 400);
        String withPrincipal = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}}";
        assertAwsError(() -> simulate(SimulationInput.actions("s3:GetObject").withPolicyInputs(withPrincipal)),
                "MalformedPolicyDocument", 400);
        assertAwsError(() -> simulate(ok.withResourcePolicy(READ_DATA)
                .withCallerArn("arn:aws:iam::" + f.account + ":user/alice")), "MalformedPolicyDocument", 400);
    }

    @Test
    void theModelsConstraintsAreValidationErrors() {
        SimulationInput ok = SimulationInput.actions("s3:GetObject").withPolicyInputs(READ_DATA);
        assertAwsError(() -> simulate(SimulationInput.actions("s3").withPolicyInputs(READ_DATA)), "ValidationError", 400)
                .hasMessageContaining("'actionNames.1.member'");
        assertAwsError(() -> simulate(ok.withResources("*", "")), "ValidationError", 400)
                .hasMessageContaining("'resourceArns.2.member'");
        assertAwsError(() -> simulate(SimulationInput.actions("s3:GetObject").withPolicyInputs("")),
                "ValidationError", 400).hasMessageContaining("'policyInputList.1.member'");
        assertAwsError(() -> simulate(ok.withResourcePolicy("{\u0100}")), "ValidationError", 400)
                .hasMessageContaining("'resourcePolicy'");
        assertAwsError(() -> simulate(ok.withResourceHandlingOption("x".repeat(65))), "ValidationError", 400);
        assertAwsError(() -> simulate(ok.withCallerArn("")), "ValidationError", 400);
        assertAwsError(() -> simulate(ok.withResourceOwner("")), "ValidationError", 400);
        assertAwsError(() -> simulate(ok.withPage(new PageRequest(Optional.empty(), Optional.of(0)))),
                "ValidationError", 400);
        assertAwsError(() -> simulate(ok.withPage(new PageRequest(Optional.of(""), Optional.empty()))),
                "ValidationError", 400);
    }

    private String bucketPolicy() {
        return "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::data/*\"}}";
    }
}
