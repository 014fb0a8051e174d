package io.strongroom.policy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides requests as the AWS policy-evaluation logic does (see {@link Evaluation} for the rules).
 *
 * <p>The principal's own policies come as a {@link PolicySet}; everything else (the caller as resource
 * policies see it, cross-account or not, SCP and RCP chains, the resource policy) as an {@link AccessScope}.
 * {@link #evaluate} keeps only what a {@link Decision} names and is the hot path; {@link #explain} answers
 * the same and also reports every policy type's outcome, every matched statement and the condition keys
 * the request lacks. Stateless and thread-safe.
 */
public final class PolicyEvaluator {

    /**
     * An identity-only decision: a principal in its own account, its identity-based policies, permissions
     * boundary and session policies, no guardrails and no resource policy.
     */
    public Decision evaluate(AuthorizationRequest request, PolicySet policies) {
        requireNonNull(request, "request");
        requireNonNull(policies, "policies");
        // The hot path of every call: the same rules as Evaluation for this case, without its bookkeeping.
        EvaluationContext context = new EvaluationContext(request);
        StatementMatches identity = StatementMatches.scan(policies.identity(), PolicyType.IDENTITY, context, true);
        StatementMatches boundary = StatementMatches.scan(policies.boundaries(), PolicyType.PERMISSIONS_BOUNDARY,
                context, false);
        StatementMatches session = StatementMatches.scan(policies.session(), PolicyType.SESSION, context, false);
        if (identity.anyDeny() || boundary.anyDeny() || session.anyDeny()) {
            List<Decision.MatchedStatement> denies = new ArrayList<>(identity.denies());
            denies.addAll(boundary.denies());
            denies.addAll(session.denies());
            return Decision.explicitDeny(denies);
        }
        if (!identity.anyAllow()) {
            return Decision.implicitDeny(PolicyType.IDENTITY);
        }
        if (!policies.boundaries().isEmpty() && !boundary.anyAllow()) {
            return Decision.implicitDeny(PolicyType.PERMISSIONS_BOUNDARY);
        }
        if (!policies.session().isEmpty() && !session.anyAllow()) {
            return Decision.implicitDeny(PolicyType.SESSION);
        }
        return Decision.allow(identity.allows(), PolicyType.IDENTITY);
    }

    /** The complete decision: the principal's policies, the organization's guardrails and the resource policy. */
    public Decision evaluate(AuthorizationRequest request, PolicySet policies, AccessScope scope) {
        requireNonNull(request, "request");
        requireNonNull(policies, "policies");
        requireNonNull(scope, "scope");
        return new Evaluation(request, policies, scope, false).decision();
    }

    /** {@link #evaluate(AuthorizationRequest, PolicySet)} with everything that led to the decision. */
    public Explanation explain(AuthorizationRequest request, PolicySet policies) {
        requireNonNull(request, "request");
        requireNonNull(policies, "policies");
        return new Evaluation(request, policies, null, true).explanation();
    }

    /** {@link #evaluate(AuthorizationRequest, PolicySet, AccessScope)} with everything that led to the decision. */
    public Explanation explain(AuthorizationRequest request, PolicySet policies, AccessScope scope) {
        requireNonNull(request, "request");
        requireNonNull(policies, "policies");
        requireNonNull(scope, "scope");
        return new Evaluation(request, policies, scope, true).explanation();
    }
}
