package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.Statement;
import software.amazon.awssdk.services.sts.StsClient;

/** The IAM policy simulator through the SDK's IamClient: decisions, matched statements, missing context values. */
@ExtendWith(StrongroomExtension.class)
class PolicySimulationEndToEndTest {

    private static final String OFFICE_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Sid\":\"ReadFromOffice\",\"Effect\":\"Allow\",\"Action\":\"iam:Get*\",\"Resource\":\"*\","
            + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}},"
            + "{\"Sid\":\"NeverDelete\",\"Effect\":\"Deny\",\"Action\":\"iam:Delete*\",\"Resource\":\"*\"}]}";

    private static String userArn;

    @BeforeAll
    static void analyst(IamClient iam, StsClient sts) {
        userArn = iam.createUser(r -> r.userName("simulated")).user().arn();
        iam.putUserPolicy(r -> r.userName("simulated").policyName("office").policyDocument(OFFICE_POLICY));
    }

    @Test
    void simulatePrincipalPolicyReportsTheDecidingStatementAndMissingContext(IamClient iam) {
        EvaluationResult withoutContext = iam.simulatePrincipalPolicy(r -> r.policySourceArn(userArn)
                .actionNames("iam:GetUser")).evaluationResults().getFirst();
        assertThat(withoutContext.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(withoutContext.missingContextValues()).containsExactly("aws:SourceIp");

        EvaluationResult fromOffice = iam.simulatePrincipalPolicy(r -> r.policySourceArn(userArn)
                .actionNames("iam:GetUser").contextEntries(c -> c.contextKeyName("aws:SourceIp")
                        .contextKeyType(ContextKeyTypeEnum.IP).contextKeyValues("10.1.2.3")))
                .evaluationResults().getFirst();
        assertThat(fromOffice.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(fromOffice.matchedStatements()).extracting(Statement::sourcePolicyId).containsExactly("office");

        EvaluationResult delete = iam.simulatePrincipalPolicy(r -> r.policySourceArn(userArn)
                .actionNames("iam:DeleteUser")).evaluationResults().getFirst();
        assertThat(delete.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.EXPLICIT_DENY);
    }

    @Test
    void simulateCustomPolicyEvaluatesTheGivenDocuments(IamClient iam) {
        var results = iam.simulateCustomPolicy(r -> r.policyInputList(OFFICE_POLICY)
                .actionNames("iam:DeleteRole", "iam:CreateUser")).evaluationResults();
        assertThat(results).extracting(EvaluationResult::evalDecision).containsExactly(
                PolicyEvaluationDecisionType.EXPLICIT_DENY, PolicyEvaluationDecisionType.IMPLICIT_DENY);
        Statement deny = results.getFirst().matchedStatements().getFirst();
        assertThat(deny.startPosition().line()).isPositive();
    }

    @Test
    void badInputGetsIamsErrors(IamClient iam) {
        assertAwsError(() -> iam.simulatePrincipalPolicy(r -> r.policySourceArn(userArn.replace("simulated", "nobody"))
                .actionNames("iam:GetUser")), "NoSuchEntity", 404);
        assertAwsError(() -> iam.simulateCustomPolicy(r -> r.policyInputList("{\"Statement\":")
                .actionNames("iam:GetUser")), "MalformedPolicyDocument", 400);
    }
}
