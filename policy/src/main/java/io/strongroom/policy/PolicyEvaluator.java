package io.strongroom.policy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides a request against a {@link PolicySet} as the AWS policy-evaluation logic does for a
 * principal in its own account:
 * <ol>
 *   <li>an applicable Deny statement in any policy (identity, boundary, session) is an explicit deny;</li>
 *   <li>otherwise an identity-based Allow is required;</li>
 *   <li>when a permissions boundary is set it must allow too, and so must a session policy;</li>
 *   <li>anything else is an implicit deny, naming the first policy type that lacked an allow.</li>
 * </ol>
 * Each group is scanned once by {@link StatementMatches}; guardrails (SCP/RCP chains) and resource
 * policies become further groups checked in the same way.
 */
public final class PolicyEvaluator {

    public Decision evaluate(AuthorizationRequest request, PolicySet policies) {
        requireNonNull(request, "request");
        requireNonNull(policies, "policies");
        EvaluationContext context = new EvaluationContext(request.context());
        StatementMatches identity = StatementMatches.scan(policies.identity(), PolicyType.IDENTITY, request,
                context, null);
        StatementMatches boundary = StatementMatches.scan(policies.boundaries(), PolicyType.PERMISSIONS_BOUNDARY,
                request, context, null);
        StatementMatches session = StatementMatches.scan(policies.session(), PolicyType.SESSION, request,
                context, null);

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
}
