package io.strongroom.iam.access;

import static io.strongroom.iam.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.access.RequestExplainer.ExplainRequest;
import io.strongroom.iam.testing.IamFixture;
import io.strongroom.policy.Decision;
import io.strongroom.policy.Explanation;
import io.strongroom.policy.PolicyType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code strongroom explain}'s engine: a request named by ARNs, decided as the server decides it, with its path. */
class RequestExplainerTest {
    private final IamFixture f = new IamFixture();
    private final RequestExplainer explainer = new RequestExplainer(f.repository, f.transactor, f.authorizer, f.clock);

    RequestExplainerTest() {
        f.newUser("alice");
        f.iam.putUserPolicy(f.admin, "alice", "office-only", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":"
                + "\"ReadFromOffice\",\"Effect\":\"Allow\",\"Action\":\"iam:Get*\",\"Resource\":\"*\",\"Condition\":"
                + "{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}},{\"Sid\":\"NeverDelete\",\"Effect\":\"Deny\","
                + "\"Action\":\"iam:Delete*\",\"Resource\":\"*\"}]}");
    }

    @Test
    void explainsAnAllowAndTheStatementThatGaveIt() {
        Explanation explanation = explainer.explain(request("iam:GetUser", Map.of("aws:SourceIp", List.of("10.1.2.3"))));
        assertThat(explanation.decision().allowed()).isTrue();
        assertThat(explanation.type(PolicyType.IDENTITY).allows())
                .extracting(Decision.MatchedStatement::sidOrIndex).containsExactly("ReadFromOffice");
        assertThat(explanation.render("iam:GetUser", user("x"))).contains("ReadFromOffice");
    }

    @Test
    void theDefaultSourceAddressIsLoopbackAndTheContextOverridesIt() {
        Explanation fromLoopback = explainer.explain(request("iam:GetUser", Map.of()));
        assertThat(fromLoopback.decision().outcome()).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
        assertThat(fromLoopback.decision().reasonClause("iam:GetUser"))
                .isEqualTo("because no identity-based policy allows the iam:GetUser action");
    }

    @Test
    void explainsAnExplicitDeny() {
        Explanation explanation = explainer.explain(request("iam:DeleteUser", Map.of()));
        assertThat(explanation.decision().outcome()).isEqualTo(Decision.Outcome.EXPLICIT_DENY);
        assertThat(explanation.type(PolicyType.IDENTITY).denies())
                .extracting(Decision.MatchedStatement::sidOrIndex).containsExactly("NeverDelete");
    }

    @Test
    void unknownPrincipalsAndOtherArnsAreRefused() {
        assertAwsError(() -> explainer.explain(new ExplainRequest("arn:aws:iam::" + f.account + ":user/nobody",
                "iam:GetUser", "*", Map.of(), Optional.empty(), Optional.empty(), "us-east-1")), "NoSuchEntity", 404);
        assertAwsError(() -> explainer.explain(new ExplainRequest("arn:aws:s3:::bucket", "iam:GetUser", "*", Map.of(),
                Optional.empty(), Optional.empty(), "us-east-1")), "ValidationError", 400);
        assertAwsError(() -> explainer.explain(new ExplainRequest("alice", "iam:GetUser", "*", Map.of(),
                Optional.empty(), Optional.empty(), "us-east-1")), "ValidationError", 400);
    }

    private ExplainRequest request(String action, Map<String, List<String>> context) {
        return new ExplainRequest(user("alice"), action, user("x"), context, Optional.empty(), Optional.empty(),
                "us-east-1");
    }

    private String user(String name) {
        return "arn:aws:iam::" + f.account + ":user/" + name;
    }
}
