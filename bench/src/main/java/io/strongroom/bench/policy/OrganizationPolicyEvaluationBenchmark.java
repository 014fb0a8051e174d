package io.strongroom.bench.policy;

import io.strongroom.policy.AccessScope;
import io.strongroom.policy.AuthorizationRequest;
import io.strongroom.policy.Decision;
import io.strongroom.policy.Explanation;
import io.strongroom.policy.NamedPolicy;
import io.strongroom.policy.PolicyChain;
import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyEvaluator;
import io.strongroom.policy.PolicyKind;
import io.strongroom.policy.PolicySet;
import io.strongroom.policy.PolicyType;
import io.strongroom.policy.RequestPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The complete decision for a role session of a member account: an SCP chain of three levels (root, OU,
 * account; FullAWSAccess plus a conditional guardrail at each), the bucket's policy (two conditional denies,
 * a grant to the account, a grant to another role), a permissions boundary and 20 identity-based policies of
 * 10 statements with five condition operators each. Beside it, in the same run, the identity-only decision
 * for the same principal (identity policies and boundary, no scope), which is what every call paid before
 * guardrails existed.
 *
 * <p>Run: {@code java -jar bench/target/strongroom-bench.jar OrganizationPolicyEvaluationBenchmark -f 1 -wi 3 -i 5 -w 2s -r 3s -t 1}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OrganizationPolicyEvaluationBenchmark {
    private static final String ACCOUNT = "111122223333";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/DataScientist";
    private static final String SESSION = "arn:aws:sts::" + ACCOUNT + ":assumed-role/DataScientist/alice";
    private static final String[] SERVICES = {"s3", "kms", "glue", "athena", "sqs", "sns", "logs", "dynamodb",
            "sagemaker", "secretsmanager"};
    private static final int IDENTITY_POLICIES = 20;

    private final PolicyEvaluator evaluator = new PolicyEvaluator();
    private PolicySet principalPolicies;
    private AccessScope scope;
    private AuthorizationRequest allowedByLastPolicy;
    private AuthorizationRequest deniedImplicitly;

    @Setup
    public void setUp() {
        List<NamedPolicy> identity = new ArrayList<>();
        for (int p = 0; p < IDENTITY_POLICIES; p++) {
            identity.add(new NamedPolicy(PolicyType.IDENTITY, "arn:aws:iam::" + ACCOUNT + ":policy/Team" + p,
                    PolicyDocument.parseManaged(identityPolicy(p))));
        }
        NamedPolicy boundary = new NamedPolicy(PolicyType.PERMISSIONS_BOUNDARY,
                "arn:aws:iam::" + ACCOUNT + ":policy/DataBoundary", PolicyDocument.parseManaged("""
                {"Version":"2012-10-17","Statement":[
                  {"Sid":"Data","Effect":"Allow","Action":["s3:*","kms:Decrypt","kms:GenerateDataKey*","glue:*",
                   "athena:*","logs:*","sagemaker:*"],"Resource":"*"},
                  {"Sid":"NoIam","Effect":"Deny","Action":["iam:*","organizations:*","account:*"],"Resource":"*"}]}"""));
        principalPolicies = new PolicySet(identity, List.of(boundary), List.of());

        PolicyChain scps = new PolicyChain(List.of(
                new PolicyChain.Level("r-abcd", List.of(fullAwsAccess(), scp("p-regions", """
                        {"Version":"2012-10-17","Statement":{"Sid":"DenyOutsideEu","Effect":"Deny",
                         "NotAction":["iam:*","organizations:*","sts:*","support:*"],"Resource":"*",
                         "Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1","eu-central-1"]}}}}"""))),
                new PolicyChain.Level("ou-abcd-data", List.of(fullAwsAccess(), scp("p-guardrails", """
                        {"Version":"2012-10-17","Statement":[
                          {"Sid":"NoLeaving","Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"},
                          {"Sid":"NoPlainText","Effect":"Deny","Action":"s3:*","Resource":"*",
                           "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"""))),
                new PolicyChain.Level(ACCOUNT, List.of(fullAwsAccess(), scp("p-keys", """
                        {"Version":"2012-10-17","Statement":{"Sid":"ProtectKeys","Effect":"Deny",
                         "Action":["kms:ScheduleKeyDeletion","kms:DisableKey"],"Resource":"*",
                         "Condition":{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/KeyCustodian"}}}}""")))));
        NamedPolicy bucketPolicy = new NamedPolicy(PolicyType.RESOURCE, "arn:aws:s3:::lake-curated",
                PolicyDocument.parse("""
                        {"Version":"2012-10-17","Statement":[
                          {"Sid":"TlsOnly","Effect":"Deny","Principal":"*","Action":"s3:*",
                           "Resource":["arn:aws:s3:::lake-curated","arn:aws:s3:::lake-curated/*"],
                           "Condition":{"Bool":{"aws:SecureTransport":"false"}}},
                          {"Sid":"OrgOnly","Effect":"Deny","Principal":"*","Action":"s3:*",
                           "Resource":["arn:aws:s3:::lake-curated","arn:aws:s3:::lake-curated/*"],
                           "Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}},
                          {"Sid":"Account","Effect":"Allow","Principal":{"AWS":"%s"},
                           "Action":["s3:GetObject","s3:ListBucket"],
                           "Resource":["arn:aws:s3:::lake-curated","arn:aws:s3:::lake-curated/*"]},
                          {"Sid":"Loader","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:role/Loader"},
                           "Action":"s3:PutObject","Resource":"arn:aws:s3:::lake-curated/*"}]}"""
                        .formatted(ACCOUNT, ACCOUNT), PolicyKind.RESOURCE));
        scope = AccessScope.sameAccount(RequestPrincipal.assumedRole(ACCOUNT, ROLE, SESSION))
                .withServiceControlPolicies(scps)
                .withResourcePolicy(bucketPolicy);

        String object = "arn:aws:s3:::lake-curated/alice/2026/part-0001.parquet";
        allowedByLastPolicy = new AuthorizationRequest("s3:GetObject", object, keys("team" + (IDENTITY_POLICIES - 1)));
        deniedImplicitly = new AuthorizationRequest("s3:GetObject", object, keys("team42"));
        check(evaluator.evaluate(allowedByLastPolicy, principalPolicies, scope), Decision.Outcome.ALLOW);
        check(evaluator.evaluate(allowedByLastPolicy, principalPolicies), Decision.Outcome.ALLOW);
        check(evaluator.evaluate(deniedImplicitly, principalPolicies, scope), Decision.Outcome.IMPLICIT_DENY);
        check(evaluator.explain(allowedByLastPolicy, principalPolicies, scope).decision(), Decision.Outcome.ALLOW);
    }

    private static NamedPolicy fullAwsAccess() {
        return scp("p-FullAWSAccess", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}");
    }

    private static NamedPolicy scp(String id, String json) {
        return new NamedPolicy(PolicyType.SERVICE_CONTROL, id, PolicyDocument.parse(json));
    }

    private static Map<String, List<String>> keys(String team) {
        return Map.ofEntries(
                Map.entry("aws:username", List.of("alice")),
                Map.entry("aws:PrincipalArn", List.of(ROLE)),
                Map.entry("aws:PrincipalAccount", List.of(ACCOUNT)),
                Map.entry("aws:PrincipalOrgID", List.of("o-a1b2c3d4e5")),
                Map.entry("aws:PrincipalTag/team", List.of(team)),
                Map.entry("aws:PrincipalTag/env", List.of("prod")),
                Map.entry("aws:SourceIp", List.of("10.20.30.40")),
                Map.entry("aws:SecureTransport", List.of("true")),
                Map.entry("aws:CurrentTime", List.of("2026-03-14T09:26:53Z")),
                Map.entry("aws:RequestedRegion", List.of("eu-west-1")));
    }

    /** Policy p: 10 statements, one per service, each with five condition operators (six keys). */
    private static String identityPolicy(int p) {
        StringBuilder json = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (int s = 0; s < SERVICES.length; s++) {
            if (s > 0) {
                json.append(',');
            }
            String service = SERVICES[s];
            String resource = service.equals("s3") ? "arn:aws:s3:::lake-*/${aws:username}/*"
                    : "arn:aws:" + service + ":*:" + ACCOUNT + ":*/data/${aws:username}/*";
            json.append("""
                    {"Sid":"P%1$dS%2$d","Effect":"Allow",
                     "Action":["%3$s:Get*","%3$s:List*","%3$s:Describe*"],
                     "Resource":"%4$s",
                     "Condition":{
                       "IpAddress":{"aws:SourceIp":["192.168.0.0/16","10.0.0.0/8"]},
                       "Bool":{"aws:SecureTransport":"true"},
                       "DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"},
                       "StringLike":{"aws:PrincipalTag/env":["stag?","prod*"]},
                       "StringEquals":{"aws:RequestedRegion":"eu-west-1","aws:PrincipalTag/team":"team%1$d"}}}"""
                    .formatted(p, s, service, resource));
        }
        return json.append("]}").toString();
    }

    private static void check(Decision decision, Decision.Outcome expected) {
        if (decision.outcome() != expected) {
            throw new IllegalStateException("benchmark set-up is wrong: expected " + expected + ", got " + decision);
        }
    }

    @Benchmark
    public Decision identityOnlyAllow() {
        return evaluator.evaluate(allowedByLastPolicy, principalPolicies);
    }

    @Benchmark
    public Decision organizationAllow() {
        return evaluator.evaluate(allowedByLastPolicy, principalPolicies, scope);
    }

    @Benchmark
    public Decision organizationImplicitDeny() {
        return evaluator.evaluate(deniedImplicitly, principalPolicies, scope);
    }

    @Benchmark
    public Explanation organizationExplain() {
        return evaluator.explain(allowedByLastPolicy, principalPolicies, scope);
    }
}
