package io.strongroom.bench.policy;

import io.strongroom.policy.AuthorizationRequest;
import io.strongroom.policy.Decision;
import io.strongroom.policy.NamedPolicy;
import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyEvaluator;
import io.strongroom.policy.PolicySet;
import io.strongroom.policy.PolicyType;
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
 * Policy decisions for a principal with 10 attached policies of 10 statements each, every statement
 * carrying realistic conditions, against a one-statement baseline measured in the same run.
 *
 * <p>Run: {@code java -jar bench/target/strongroom-bench.jar PolicyEvaluationBenchmark -f 1 -wi 3 -i 5 -t 1}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PolicyEvaluationBenchmark {
    private static final String ACCOUNT = "123456789012";
    private static final String[] SERVICES = {"s3", "kms", "iam", "sts", "sqs", "sns", "ec2", "logs", "dynamodb", "glue"};

    private final PolicyEvaluator evaluator = new PolicyEvaluator();
    private PolicySet tenPolicies;
    private PolicySet baseline;
    private AuthorizationRequest allowedByLastPolicy;
    private AuthorizationRequest deniedImplicitly;
    private AuthorizationRequest actionNotGranted;
    private AuthorizationRequest baselineRequest;

    @Setup
    public void setUp() {
        List<NamedPolicy> policies = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            policies.add(new NamedPolicy(PolicyType.IDENTITY, "arn:aws:iam::" + ACCOUNT + ":policy/Team" + p,
                    PolicyDocument.parseManaged(policy(p))));
        }
        tenPolicies = PolicySet.identityOnly(policies);
        baseline = PolicySet.identityOnly(List.of(new NamedPolicy(PolicyType.IDENTITY, "baseline",
                PolicyDocument.parseManaged("""
                        {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject",
                         "Resource":"arn:aws:s3:::bucket/*"}}"""))));

        // Every policy has a glue statement whose action and resource match both requests; its conditions
        // are evaluated in full and only the last one (the team tag) tells the policies apart.
        allowedByLastPolicy = new AuthorizationRequest("glue:GetTable",
                "arn:aws:glue:eu-west-1:" + ACCOUNT + ":table/data/alice/t9", keys("team9"));
        deniedImplicitly = new AuthorizationRequest("glue:GetTable",
                "arn:aws:glue:eu-west-1:" + ACCOUNT + ":table/data/alice/t9", keys("team42"));
        // The common case of a request the policies do not speak about: the glue statements are visited
        // but their actions do not match, so no resource or condition is tested.
        actionNotGranted = new AuthorizationRequest("glue:DeleteTable",
                "arn:aws:glue:eu-west-1:" + ACCOUNT + ":table/data/alice/t9", keys("team9"));
        baselineRequest = new AuthorizationRequest("s3:GetObject", "arn:aws:s3:::bucket/key", keys("team9"));
        check(evaluator.evaluate(allowedByLastPolicy, tenPolicies), Decision.Outcome.ALLOW);
        check(evaluator.evaluate(deniedImplicitly, tenPolicies), Decision.Outcome.IMPLICIT_DENY);
        check(evaluator.evaluate(actionNotGranted, tenPolicies), Decision.Outcome.IMPLICIT_DENY);
        check(evaluator.evaluate(baselineRequest, baseline), Decision.Outcome.ALLOW);
    }

    private static Map<String, List<String>> keys(String team) {
        return Map.of(
                "aws:username", List.of("alice"),
                "aws:PrincipalTag/team", List.of(team),
                "aws:PrincipalTag/env", List.of("prod"),
                "aws:SourceIp", List.of("10.20.30.40"),
                "aws:SecureTransport", List.of("true"),
                "aws:CurrentTime", List.of("2026-03-14T09:26:53Z"),
                "aws:RequestedRegion", List.of("eu-west-1"));
    }

    /** Policy p: 10 statements, one per service, each with five condition operators (six keys). */
    private static String policy(int p) {
        StringBuilder json = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (int s = 0; s < 10; s++) {
            if (s > 0) {
                json.append(',');
            }
            json.append("""
                    {"Sid":"P%1$dS%2$d","Effect":"Allow",
                     "Action":["%3$s:Get*","%3$s:List*","%3$s:Describe*"],
                     "Resource":"arn:aws:%3$s:*:%4$s:*/data/${aws:username}/*",
                     "Condition":{
                       "IpAddress":{"aws:SourceIp":["192.168.0.0/16","10.0.0.0/8"]},
                       "Bool":{"aws:SecureTransport":"true"},
                       "DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"},
                       "StringLike":{"aws:PrincipalTag/env":["stag?","prod*"]},
                       "StringEquals":{"aws:RequestedRegion":"eu-west-1","aws:PrincipalTag/team":"team%1$d"}}}"""
                    .formatted(p, s, SERVICES[s], ACCOUNT));
        }
        return json.append("]}").toString();
    }

    private static void check(Decision decision, Decision.Outcome expected) {
        if (decision.outcome() != expected) {
            throw new IllegalStateException("benchmark set-up is wrong: expected " + expected + ", got " + decision);
        }
    }

    @Benchmark
    public Decision tenPoliciesAllowFromLastPolicy() {
        return evaluator.evaluate(allowedByLastPolicy, tenPolicies);
    }

    @Benchmark
    public Decision tenPoliciesImplicitDeny() {
        return evaluator.evaluate(deniedImplicitly, tenPolicies);
    }

    @Benchmark
    public Decision tenPoliciesActionNotGranted() {
        return evaluator.evaluate(actionNotGranted, tenPolicies);
    }

    @Benchmark
    public Decision baselineOneStatement() {
        return evaluator.evaluate(baselineRequest, baseline);
    }
}
