package io.strongroom.policy;

import static io.strongroom.policy.Policies.identity;
import static io.strongroom.policy.Policies.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.policy.Decision.MatchedStatement;
import io.strongroom.policy.Decision.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyEvaluatorTest {
    private static final String USER = "arn:aws:iam::123456789012:user/alice";
    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    private static final NamedPolicy S3_READ = identity("arn:aws:iam::123456789012:policy/S3Read", """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"ReadBucket","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],
               "Resource":["arn:aws:s3:::data","arn:aws:s3:::data/*"]}]}""");
    private static final NamedPolicy DENY_SECRETS = identity("user/alice/deny-secrets", """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::data/secret/*"}]}""");

    private Decision decide(String action, String resource, PolicySet policies) {
        return evaluator.evaluate(new AuthorizationRequest(action, resource), policies);
    }

    @Test
    void allowNamesTheAllowingStatement() {
        Decision decision = decide("s3:GetObject", "arn:aws:s3:::data/report.csv", PolicySet.identityOnly(List.of(S3_READ)));
        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(decision.deciderType()).isEqualTo(PolicyType.IDENTITY);
        assertThat(decision.deciding()).containsExactly(
                new MatchedStatement("arn:aws:iam::123456789012:policy/S3Read", "ReadBucket", PolicyType.IDENTITY));
        assertThat(decision.reasonClause("s3:GetObject")).isEmpty();
    }

    @Test
    void nothingApplicableIsAnImplicitDeny() {
        Decision decision = decide("s3:PutObject", "arn:aws:s3:::data/report.csv", PolicySet.identityOnly(List.of(S3_READ)));
        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(decision.deciding()).isEmpty();
        assertThat(decision.accessDeniedMessage(USER, "s3:PutObject", "arn:aws:s3:::data/report.csv")).isEqualTo(
                "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: s3:PutObject on resource: "
                        + "arn:aws:s3:::data/report.csv because no identity-based policy allows the s3:PutObject action");
    }

    @Test
    void noPoliciesAtAllIsAnImplicitDeny() {
        assertThat(decide("s3:GetObject", "*", PolicySet.identityOnly(List.of())).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void explicitDenyBeatsAllowWhicheverPolicyComesFirst() {
        for (List<NamedPolicy> order : List.of(List.of(S3_READ, DENY_SECRETS), List.of(DENY_SECRETS, S3_READ))) {
            Decision decision = decide("s3:GetObject", "arn:aws:s3:::data/secret/key", PolicySet.identityOnly(order));
            assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
            assertThat(decision.deciding()).containsExactly(
                    new MatchedStatement("user/alice/deny-secrets", "0", PolicyType.IDENTITY));
            assertThat(decision.reasonClause("s3:GetObject")).isEqualTo("with an explicit deny in an identity-based policy");
        }
        assertThat(decide("s3:GetObject", "arn:aws:s3:::data/open/key",
                PolicySet.identityOnly(List.of(DENY_SECRETS, S3_READ))).allowed()).isTrue();
    }

    @Test
    void actionsMatchCaseInsensitivelyAndResourcesCaseSensitively() {
        PolicySet set = PolicySet.identityOnly(List.of(S3_READ));
        assertThat(decide("S3:getobject", "arn:aws:s3:::data/x", set).allowed()).isTrue();
        assertThat(decide("s3:GetObject", "arn:aws:s3:::DATA/x", set).allowed()).isFalse();
    }

    @Test
    void wildcardActionAndResource() {
        NamedPolicy admin = identity("AdministratorAccess",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}");
        assertThat(decide("iam:CreateUser", "arn:aws:iam::123456789012:user/bob", PolicySet.identityOnly(List.of(admin))).allowed()).isTrue();
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource({
            "iam:CreateUser, arn:aws:iam::123456789012:user/bob, true",
            "iam:GetUser, arn:aws:iam::123456789012:user/bob, false",
            "iam:getuser, arn:aws:iam::123456789012:user/bob, false",
            "s3:GetObject, arn:aws:s3:::data/x, true",
    })
    void notActionAllowsEverythingElse(String action, String resource, boolean expected) {
        NamedPolicy policy = identity("not-action",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"NotAction\":\"iam:Get*\",\"Resource\":\"*\"}}");
        assertThat(decide(action, resource, PolicySet.identityOnly(List.of(policy))).allowed()).isEqualTo(expected);
    }

    @Test
    void notResourceDenyProtectsEverythingOutsideTheList() {
        NamedPolicy allowAll = identity("all",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}");
        NamedPolicy onlyData = identity("only-data", """
                {"Version":"2012-10-17","Statement":{"Sid":"OutsideData","Effect":"Deny","Action":"s3:*",
                 "NotResource":["arn:aws:s3:::data","arn:aws:s3:::data/*"]}}""");
        PolicySet set = PolicySet.identityOnly(List.of(allowAll, onlyData));
        assertThat(decide("s3:GetObject", "arn:aws:s3:::data/x", set).allowed()).isTrue();
        Decision denied = decide("s3:GetObject", "arn:aws:s3:::other/x", set);
        assertThat(denied.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(denied.deciding()).extracting(MatchedStatement::sidOrIndex).containsExactly("OutsideData");
    }

    @Test
    void resourceVariablesGiveEachUserTheirOwnHome() {
        NamedPolicy home = identity("home", """
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*",
                 "Resource":"arn:aws:s3:::homes/${aws:username}/*"}}""");
        PolicySet set = PolicySet.identityOnly(List.of(home));
        var alice = Map.of("aws:username", List.of("alice"));
        assertThat(evaluator.evaluate(new AuthorizationRequest("s3:GetObject", "arn:aws:s3:::homes/alice/a", alice), set).allowed()).isTrue();
        assertThat(evaluator.evaluate(new AuthorizationRequest("s3:GetObject", "arn:aws:s3:::homes/bob/a", alice), set).allowed()).isFalse();
        assertThat(evaluator.evaluate(new AuthorizationRequest("s3:GetObject", "arn:aws:s3:::homes/${aws:username}/a"), set)
                .allowed()).as("an unresolvable variable matches nothing, not its own text").isFalse();
    }

    @Test
    void permissionsBoundaryMustAlsoAllow() {
        NamedPolicy boundary = named(PolicyType.PERMISSIONS_BOUNDARY, "arn:aws:iam::123456789012:policy/Boundary",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}}");
        PolicySet set = new PolicySet(List.of(S3_READ), List.of(boundary), List.of());
        assertThat(decide("s3:ListBucket", "arn:aws:s3:::data", set).allowed()).isTrue();
        Decision denied = decide("s3:GetObject", "arn:aws:s3:::data/x", set);
        assertThat(denied.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(denied.deciderType()).isEqualTo(PolicyType.PERMISSIONS_BOUNDARY);
        assertThat(denied.reasonClause("s3:GetObject")).isEqualTo("because no permissions boundary allows the s3:GetObject action");
        Decision boundaryOnly = decide("iam:CreateUser", "*", new PolicySet(List.of(S3_READ), List.of(boundary), List.of()));
        assertThat(boundaryOnly.deciderType()).as("the identity policy is checked first").isEqualTo(PolicyType.IDENTITY);
    }

    @Test
    void denyInABoundaryIsAnExplicitDenyFromTheBoundary() {
        NamedPolicy boundary = named(PolicyType.PERMISSIONS_BOUNDARY, "boundary", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
                 {"Sid":"NoDelete","Effect":"Deny","Action":"s3:Delete*","Resource":"*"}]}""");
        NamedPolicy admin = identity("admin", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}");
        Decision decision = decide("s3:DeleteObject", "arn:aws:s3:::data/x", new PolicySet(List.of(admin), List.of(boundary), List.of()));
        assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
        assertThat(decision.deciding()).containsExactly(new MatchedStatement("boundary", "NoDelete", PolicyType.PERMISSIONS_BOUNDARY));
        assertThat(decision.reasonClause("s3:DeleteObject")).isEqualTo("with an explicit deny in a permissions boundary");
    }

    @Test
    void sessionPolicyNarrowsARoleSession() {
        NamedPolicy session = named(PolicyType.SESSION, "session",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}}");
        PolicySet set = new PolicySet(List.of(S3_READ), List.of(), List.of(session));
        assertThat(decide("s3:ListBucket", "arn:aws:s3:::data", set).allowed()).isTrue();
        Decision denied = decide("s3:GetObject", "arn:aws:s3:::data/x", set);
        assertThat(denied.deciderType()).isEqualTo(PolicyType.SESSION);
        assertThat(denied.reasonClause("s3:GetObject")).isEqualTo("because no session policy allows the s3:GetObject action");
        assertThat(decide("iam:ListUsers", "*", set).deciderType())
                .as("a session policy cannot grant what the identity policies do not").isEqualTo(PolicyType.IDENTITY);
    }

    @Test
    void allTheIntersectionsMustAllow() {
        NamedPolicy everything = named(PolicyType.PERMISSIONS_BOUNDARY, "b",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}");
        NamedPolicy session = named(PolicyType.SESSION, "s",
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"*\"}}");
        Decision decision = decide("s3:GetObject", "arn:aws:s3:::data/x", new PolicySet(List.of(S3_READ), List.of(everything), List.of(session)));
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.deciding()).extracting(MatchedStatement::type).containsOnly(PolicyType.IDENTITY);
    }

    @Test
    void conditionsAreEvaluatedAgainstTheRequest() {
        NamedPolicy fromOffice = identity("office", """
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*",
                 "Condition":{"IpAddress":{"aws:SourceIp":"192.0.2.0/24"},"Bool":{"aws:SecureTransport":"true"}}}}""");
        PolicySet set = PolicySet.identityOnly(List.of(fromOffice));
        var inOffice = Map.of("aws:SourceIp", List.of("192.0.2.10"), "aws:SecureTransport", List.of("true"));
        var atHome = Map.of("aws:SourceIp", List.of("198.51.100.10"), "aws:SecureTransport", List.of("true"));
        assertThat(evaluator.evaluate(new AuthorizationRequest("s3:GetObject", "*", inOffice), set).allowed()).isTrue();
        assertThat(evaluator.evaluate(new AuthorizationRequest("s3:GetObject", "*", atHome), set).allowed()).isFalse();
    }

    @Test
    void requestConditionKeysAreCaseInsensitive() {
        var request = new AuthorizationRequest("s3:GetObject", "*", Map.of("AWS:SourceIp", List.of("192.0.2.1")));
        assertThat(request.values("aws:sourceip")).contains(List.of("192.0.2.1"));
        assertThat(request.conditionKeys().get("aws:SOURCEIP")).containsExactly("192.0.2.1");
        assertThat(request.values("aws:username")).isEmpty();
    }

    @Test
    void everyPolicyTypeHasAwsWording() {
        assertThat(Decision.implicitDeny(PolicyType.RESOURCE).reasonClause("sts:AssumeRole"))
                .isEqualTo("because no resource-based policy allows the sts:AssumeRole action");
        assertThat(Decision.implicitDeny(PolicyType.SERVICE_CONTROL).reasonClause("s3:GetObject"))
                .isEqualTo("because no service control policy allows the s3:GetObject action");
        assertThat(Decision.explicitDeny(List.of(new MatchedStatement("p", "0", PolicyType.RESOURCE_CONTROL)))
                .reasonClause("s3:GetObject")).isEqualTo("with an explicit deny in a resource control policy");
        assertThat(Decision.explicitDeny(List.of(new MatchedStatement("p", "0", PolicyType.SESSION)))
                .reasonClause("s3:GetObject")).isEqualTo("with an explicit deny in a session policy");
    }
}
