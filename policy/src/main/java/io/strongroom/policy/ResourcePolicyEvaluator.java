package io.strongroom.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Decides a request against one resource-based policy alone (a role trust policy, later bucket and key
 * policies): statements apply only when their Principal (or NotPrincipal) element matches the caller.
 * An applicable Deny is an explicit deny, else an applicable Allow allows, else an implicit deny.
 * To combine a resource policy with the caller's own policies and guardrails, use
 * {@link PolicyEvaluator#evaluate(AuthorizationRequest, PolicySet, AccessScope)}.
 */
public final class ResourcePolicyEvaluator {

    public Decision evaluate(AuthorizationRequest request, RequestPrincipal caller, NamedPolicy policy) {
        requireNonNull(request, "request");
        requireNonNull(caller, "caller");
        requireNonNull(policy, "policy");
        StatementMatches matches = StatementMatches.scanForCaller(List.of(policy), PolicyType.RESOURCE,
                new EvaluationContext(request), caller, false, true);
        if (matches.anyDeny()) {
            return Decision.explicitDeny(matches.denies());
        }
        if (matches.anyAllow()) {
            return Decision.allow(matches.allows(), PolicyType.RESOURCE);
        }
        return Decision.implicitDeny(PolicyType.RESOURCE);
    }
}
