package io.strongroom.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements of one group of policies (say, the identity policies) that apply to a request,
 * split by effect. Lists are allocated only when something matches.
 */
final class StatementMatches {
    private final PolicyType type;
    private List<Decision.MatchedStatement> allows;
    private List<Decision.MatchedStatement> denies;

    private StatementMatches(PolicyType type) {
        this.type = type;
    }

    /**
     * @param type    the role these policies play in this evaluation (it names them in the decision)
     * @param context the evaluation's view of the request's condition keys, shared by all its scans
     * @param caller  null for identity-based policies; the requester for resource-based ones
     */
    static StatementMatches scan(List<NamedPolicy> policies, PolicyType type, AuthorizationRequest request,
                                 EvaluationContext context, RequestPrincipal caller) {
        StatementMatches matches = new StatementMatches(type);
        if (policies.isEmpty()) {
            return matches;
        }
        String action = request.action();
        String resource = request.resource();
        String service = StatementIndex.serviceOf(action);
        for (int p = 0, n = policies.size(); p < n; p++) {
            NamedPolicy policy = policies.get(p);
            for (Statement statement : policy.document().candidates(service)) {
                if (statement.applies(action, resource, context, caller)) {
                    matches.record(policy, statement);
                }
            }
        }
        return matches;
    }

    private void record(NamedPolicy policy, Statement statement) {
        var matched = new Decision.MatchedStatement(policy.source(), statement.sidOrIndex(), type);
        if (statement.effect() == Effect.DENY) {
            denies = add(denies, matched);
        } else {
            allows = add(allows, matched);
        }
    }

    private static List<Decision.MatchedStatement> add(List<Decision.MatchedStatement> list,
                                                       Decision.MatchedStatement matched) {
        List<Decision.MatchedStatement> target = list == null ? new ArrayList<>(2) : list;
        target.add(matched);
        return target;
    }

    boolean anyAllow() {
        return allows != null;
    }

    boolean anyDeny() {
        return denies != null;
    }

    List<Decision.MatchedStatement> allows() {
        return allows == null ? List.of() : allows;
    }

    List<Decision.MatchedStatement> denies() {
        return denies == null ? List.of() : denies;
    }
}
