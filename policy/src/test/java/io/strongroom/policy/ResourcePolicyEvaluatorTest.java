package io.strongroom.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.policy.Decision.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Role trust policies: Principal forms, NotPrincipal and conditions such as sts:ExternalId. */
class ResourcePolicyEvaluatorTest {
    private static final String ACCOUNT = "123456789012";
    private static final String ROLE = "arn:aws:iam::123456789012:role/Analyst";
    private static final RequestPrincipal ALICE = RequestPrincipal.iamIdentity(ACCOUNT, "arn:aws:iam::123456789012:user/alice");
    private static final RequestPrincipal OUTSIDER = RequestPrincipal.iamIdentity("999999999999", "arn:aws:iam::999999999999:user/eve");
    private static final RequestPrincipal SESSION = RequestPrincipal.assumedRole(ACCOUNT, "arn:aws:iam::123456789012:role/Ops",
            "arn:aws:sts::123456789012:assumed-role/Ops/build-42");
    private static final AuthorizationRequest ASSUME = new AuthorizationRequest("sts:AssumeRole", ROLE);

    private final ResourcePolicyEvaluator evaluator = new ResourcePolicyEvaluator();

    private static NamedPolicy trust(String principal) {
        return new NamedPolicy(PolicyType.RESOURCE, ROLE, PolicyDocument.parse("""
                {"Version":"2012-10-17","Statement":{"Sid":"Trust","Effect":"Allow","Principal":%s,"Action":"sts:AssumeRole"}}"""
                .formatted(principal), PolicyKind.TRUST));
    }

    @ParameterizedTest(name = "{0}: alice={1} outsider={2} session={3}")
    @CsvSource(delimiter = '|', value = {
            "{\"AWS\":\"123456789012\"}|true|false|true",
            "{\"AWS\":\"arn:aws:iam::123456789012:root\"}|true|false|true",
            "{\"AWS\":\"arn:aws:iam::123456789012:user/alice\"}|true|false|false",
            "{\"AWS\":[\"arn:aws:iam::999999999999:root\",\"arn:aws:iam::123456789012:user/alice\"]}|true|true|false",
            "{\"AWS\":\"arn:aws:iam::123456789012:role/Ops\"}|false|false|true",
            "{\"AWS\":\"arn:aws:sts::123456789012:assumed-role/Ops/build-42\"}|false|false|true",
            "{\"AWS\":\"arn:aws:sts::123456789012:assumed-role/Ops/other\"}|false|false|false",
            "{\"AWS\":\"*\"}|true|true|true",
            "\"*\"|true|true|true",
            "{\"Service\":\"ec2.amazonaws.com\"}|false|false|false",
    })
    void principalForms(String principal, boolean alice, boolean outsider, boolean session) {
        NamedPolicy policy = trust(principal);
        assertThat(evaluator.evaluate(ASSUME, ALICE, policy).allowed()).as("alice").isEqualTo(alice);
        assertThat(evaluator.evaluate(ASSUME, OUTSIDER, policy).allowed()).as("outsider").isEqualTo(outsider);
        assertThat(evaluator.evaluate(ASSUME, SESSION, policy).allowed()).as("session").isEqualTo(session);
    }

    @Test
    void servicePrincipals() {
        NamedPolicy policy = trust("{\"Service\":[\"ec2.amazonaws.com\",\"lambda.amazonaws.com\"]}");
        assertThat(evaluator.evaluate(ASSUME, RequestPrincipal.service("lambda.amazonaws.com"), policy).allowed()).isTrue();
        assertThat(evaluator.evaluate(ASSUME, RequestPrincipal.service("ecs.amazonaws.com"), policy).allowed()).isFalse();
    }

    @Test
    void starFormsMatchAnonymousCallersButNamedPrincipalsDoNot() {
        // IAM User Guide, Principal element: for anonymous users "*" and {"AWS": "*"} are equivalent.
        assertThat(evaluator.evaluate(ASSUME, RequestPrincipal.anonymous(), trust("\"*\"")).allowed()).isTrue();
        assertThat(evaluator.evaluate(ASSUME, RequestPrincipal.anonymous(), trust("{\"AWS\":\"*\"}")).allowed()).isTrue();
        assertThat(evaluator.evaluate(ASSUME, RequestPrincipal.anonymous(), trust("{\"AWS\":\"123456789012\"}")).allowed())
                .isFalse();
        assertThat(evaluator.evaluate(ASSUME, RequestPrincipal.anonymous(),
                trust("{\"Service\":\"ec2.amazonaws.com\"}")).allowed()).isFalse();
    }

    @Test
    void federatedAndCanonicalUserPrincipals() {
        NamedPolicy policy = trust("{\"Federated\":\"arn:aws:iam::123456789012:saml-provider/corp\"}");
        var federated = new RequestPrincipal(Set.of(), Set.of(), Set.of("arn:aws:iam::123456789012:saml-provider/corp"), Set.of());
        assertThat(evaluator.evaluate(ASSUME, federated, policy).allowed()).isTrue();
        assertThat(evaluator.evaluate(ASSUME, ALICE, policy).allowed()).isFalse();
    }

    @Test
    void notPrincipalDenyExemptsOnlyCallersWhoseEveryIdentityIsListed() {
        // IAM checks the account, then the role, then the session: all must be listed for the caller to be exempt.
        NamedPolicy policy = notPrincipalDeny("\"arn:aws:iam::123456789012:user/alice\",\"arn:aws:iam::123456789012:root\"");
        assertThat(evaluator.evaluate(ASSUME, ALICE, policy).allowed()).isTrue();
        Decision denied = evaluator.evaluate(ASSUME, SESSION, policy);
        assertThat(denied.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(denied.deciding()).extracting(Decision.MatchedStatement::sidOrIndex).containsExactly("OnlyAlice");
        assertThat(denied.reasonClause("sts:AssumeRole")).isEqualTo("with an explicit deny in a resource-based policy");

        NamedPolicy withoutAccount = notPrincipalDeny("\"arn:aws:iam::123456789012:user/alice\"");
        assertThat(evaluator.evaluate(ASSUME, ALICE, withoutAccount).outcome())
                .as("a NotPrincipal naming the user but not the account still denies the user")
                .isEqualTo(Outcome.EXPLICIT_DENY);

        NamedPolicy roleAndAccount = notPrincipalDeny(
                "\"arn:aws:iam::123456789012:role/Ops\",\"arn:aws:iam::123456789012:root\"");
        assertThat(evaluator.evaluate(ASSUME, SESSION, roleAndAccount).outcome())
                .as("a session is exempt only when its session ARN is listed too").isEqualTo(Outcome.EXPLICIT_DENY);
        NamedPolicy wholeSession = notPrincipalDeny("\"arn:aws:iam::123456789012:role/Ops\",\"arn:aws:iam::123456789012:root\","
                + "\"arn:aws:sts::123456789012:assumed-role/Ops/build-42\"");
        assertThat(evaluator.evaluate(ASSUME, SESSION, wholeSession).allowed()).isTrue();
        assertThat(evaluator.evaluate(ASSUME, RequestPrincipal.anonymous(), wholeSession).outcome())
                .isEqualTo(Outcome.EXPLICIT_DENY);
    }

    private static NamedPolicy notPrincipalDeny(String exempt) {
        return new NamedPolicy(PolicyType.RESOURCE, ROLE, PolicyDocument.parse("""
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"},
                  {"Sid":"OnlyAlice","Effect":"Deny","NotPrincipal":{"AWS":[%s]},"Action":"sts:AssumeRole"}]}"""
                .formatted(exempt), PolicyKind.TRUST));
    }

    @Test
    void externalIdCondition() {
        NamedPolicy policy = new NamedPolicy(PolicyType.RESOURCE, ROLE, PolicyDocument.parse("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"999999999999"},
                 "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"Unique-7"}}}}""", PolicyKind.TRUST));
        assertThat(evaluator.evaluate(new AuthorizationRequest("sts:AssumeRole", ROLE,
                Map.of("sts:ExternalId", List.of("Unique-7"))), OUTSIDER, policy).allowed()).isTrue();
        assertThat(evaluator.evaluate(new AuthorizationRequest("sts:AssumeRole", ROLE,
                Map.of("sts:ExternalId", List.of("guess"))), OUTSIDER, policy).allowed()).isFalse();
        Decision none = evaluator.evaluate(ASSUME, OUTSIDER, policy);
        assertThat(none.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(none.reasonClause("sts:AssumeRole")).isEqualTo("because no resource-based policy allows the sts:AssumeRole action");
    }

    @Test
    void otherActionsAreNotGrantedByATrustPolicy() {
        NamedPolicy policy = trust("{\"AWS\":\"123456789012\"}");
        assertThat(evaluator.evaluate(new AuthorizationRequest("sts:TagSession", ROLE), ALICE, policy).allowed()).isFalse();
    }

    @Test
    void anIdentityPolicyGivenAsResourcePolicyGrantsNobody() {
        NamedPolicy identity = new NamedPolicy(PolicyType.RESOURCE, ROLE, PolicyDocument.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}"));
        assertThat(evaluator.evaluate(ASSUME, ALICE, identity).allowed()).isFalse();
    }
}
