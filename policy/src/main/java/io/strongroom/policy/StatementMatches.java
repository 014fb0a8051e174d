package io.strongroom.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The statements of one group of policies (say, the identity policies, or one level of an SCP chain)
 * that apply to a request, split by effect. Lists are allocated only when something matches, and allow
 * statements are only listed when the caller wants them named (otherwise they are merely noted).
 */
final class StatementMatches {
    /** The result of scanning no policies; never recorded into. */
    static final StatementMatches NONE = new StatementMatches(PolicyType.IDENTITY, false);

    private final PolicyType type;
    private final boolean listAllows;
    private boolean anyAllow;
    /** Resource-style scans: a bit per {@link PrincipalMatcher} kind through which some Allow named the caller. */
    private int allowGrants;
    private List<Decision.MatchedStatement> allows;
    private List<Decision.MatchedStatement> denies;

    private StatementMatches(PolicyType type, boolean listAllows) {
        this.type = type;
        this.listAllows = listAllows;
    }

    /**
     * Scans identity-style policies (no Principal element: identity, boundary, session, SCP).
     *
     * @param type       the role these policies play in this evaluation (it names them in the decision)
     * @param context    the evaluation's view of the request, shared by all its scans
     * @param listAllows whether the matching Allow statements are listed or only noted
     */
    static StatementMatches scan(List<NamedPolicy> policies, PolicyType type, EvaluationContext context,
                                 boolean listAllows) {
        if (policies.isEmpty()) {
            return NONE;
        }
        StatementMatches matches = new StatementMatches(type, listAllows);
        Map<String, String> missing = context.missingKeys();
        String service = context.service();
        for (int p = 0, n = policies.size(); p < n; p++) {
            NamedPolicy policy = policies.get(p);
            for (Statement statement : policy.document().candidates(service)) {
                if (!statement.targets(context)) {
                    continue;
                }
                if (missing != null) {
                    statement.collectMissingKeys(context, missing);
                }
                if (statement.conditionsHold(context)) {
                    matches.record(policy, statement, PrincipalMatcher.DIRECT);
                }
            }
        }
        return matches;
    }

    /**
     * Scans resource-style policies (every statement has a Principal: resource policies, RCPs), which
     * apply only where their Principal names the caller.
     *
     * @param callerHasBoundary see {@link Statement#principalMatch}
     */
    static StatementMatches scanForCaller(List<NamedPolicy> policies, PolicyType type, EvaluationContext context,
                                          RequestPrincipal caller, boolean callerHasBoundary, boolean listAllows) {
        if (policies.isEmpty()) {
            return NONE;
        }
        StatementMatches matches = new StatementMatches(type, listAllows);
        Map<String, String> missing = context.missingKeys();
        String service = context.service();
        for (int p = 0, n = policies.size(); p < n; p++) {
            NamedPolicy policy = policies.get(p);
            for (Statement statement : policy.document().candidates(service)) {
                if (!statement.targets(context)) {
                    continue;
                }
                int grant = statement.principalMatch(caller, callerHasBoundary);
                if (grant == PrincipalMatcher.NONE) {
                    continue;
                }
                if (missing != null) {
                    statement.collectMissingKeys(context, missing);
                }
                if (statement.conditionsHold(context)) {
                    matches.record(policy, statement, grant);
                }
            }
        }
        return matches;
    }

    private void record(NamedPolicy policy, Statement statement, int grant) {
        if (statement.effect() == Effect.DENY) {
            denies = add(denies, new Decision.MatchedStatement(policy.source(), statement.sidOrIndex(), type));
            return;
        }
        anyAllow = true;
        allowGrants |= 1 << grant;
        if (listAllows) {
            allows = add(allows, new Decision.MatchedStatement(policy.source(), statement.sidOrIndex(), type));
        }
    }

    private static List<Decision.MatchedStatement> add(List<Decision.MatchedStatement> list,
                                                       Decision.MatchedStatement matched) {
        List<Decision.MatchedStatement> target = list == null ? new ArrayList<>(2) : list;
        target.add(matched);
        return target;
    }

    boolean anyAllow() {
        return anyAllow;
    }

    /** Whether some Allow named the caller in this way ({@link PrincipalMatcher#DIRECT}, ROLE or ACCOUNT). */
    boolean allowsThrough(int grant) {
        return (allowGrants & (1 << grant)) != 0;
    }

    boolean anyDeny() {
        return denies != null;
    }

    /** The listed Allow statements (empty when allows were only noted). */
    List<Decision.MatchedStatement> allows() {
        return allows == null ? List.of() : allows;
    }

    List<Decision.MatchedStatement> denies() {
        return denies == null ? List.of() : denies;
    }
}
