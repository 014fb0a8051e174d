package io.strongroom.policy;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Everything about a request that is not the principal's own policies ({@link PolicySet}): who the caller
 * is, whether the resource belongs to another account, the organization's guardrails on both sides and
 * the resource's own policy. Built per request by the service that owns the resource; an identity-only
 * decision needs none of it ({@link PolicyEvaluator#evaluate(AuthorizationRequest, PolicySet)}).
 *
 * @param caller                  the caller as resource-based policies and RCPs see it
 * @param crossAccount            whether the resource belongs to an account other than the caller's: then the
 *                                caller's policies and the resource policy must both allow
 * @param serviceControlPolicies  the SCP chain of the caller's account ({@link PolicyChain#NONE} when SCPs do
 *                                not apply: no organization, the management account, a service-linked role)
 * @param resourceControlPolicies the RCP chain of the resource's account ({@link PolicyChain#NONE} when RCPs do
 *                                not apply)
 * @param resourcePolicy          the resource-based policy (bucket policy, key policy, trust policy), if any
 * @param resourcePolicyRequired  true where the resource policy must allow by itself, as KMS key policies and
 *                                role trust policies must: naming the caller grants, naming the caller's account
 *                                delegates to its identity-based policies, and no mention denies even when
 *                                identity policies allow. False (S3 and most services): within one account an
 *                                identity-based allow suffices without the resource policy. When a resource
 *                                policy is given, the evaluator also applies the rule by itself wherever
 *                                {@link #resourcePolicyMustAllow} says so; set it to require a policy that is absent
 */
public record AccessScope(RequestPrincipal caller, boolean crossAccount, PolicyChain serviceControlPolicies,
                          PolicyChain resourceControlPolicies, Optional<NamedPolicy> resourcePolicy,
                          boolean resourcePolicyRequired) {

    public AccessScope {
        requireNonNull(caller, "caller");
        requireNonNull(serviceControlPolicies, "serviceControlPolicies");
        requireNonNull(resourceControlPolicies, "resourceControlPolicies");
        requireNonNull(resourcePolicy, "resourcePolicy");
    }

    /** A request for a resource of the caller's own account, without guardrails or resource policy yet. */
    public static AccessScope sameAccount(RequestPrincipal caller) {
        return new AccessScope(caller, false, PolicyChain.NONE, PolicyChain.NONE, Optional.empty(), false);
    }

    /** A request for another account's resource, without guardrails or resource policy yet. */
    public static AccessScope crossAccount(RequestPrincipal caller) {
        return new AccessScope(caller, true, PolicyChain.NONE, PolicyChain.NONE, Optional.empty(), false);
    }

    public AccessScope withServiceControlPolicies(PolicyChain chain) {
        return new AccessScope(caller, crossAccount, chain, resourceControlPolicies, resourcePolicy,
                resourcePolicyRequired);
    }

    public AccessScope withResourceControlPolicies(PolicyChain chain) {
        return new AccessScope(caller, crossAccount, serviceControlPolicies, chain, resourcePolicy,
                resourcePolicyRequired);
    }

    public AccessScope withResourcePolicy(NamedPolicy policy) {
        return new AccessScope(caller, crossAccount, serviceControlPolicies, resourceControlPolicies,
                Optional.of(policy), resourcePolicyRequired);
    }

    /**
     * Whether AWS requires the resource's own policy to allow this request even within one account: KMS key
     * policies ({@code arn:…:kms:…:key/…}) and role trust policies (the {@code sts:AssumeRole*},
     * {@code sts:TagSession} and {@code sts:SetSourceIdentity} actions on a role).
     */
    public static boolean resourcePolicyMustAllow(String action, String resource) {
        return mustAllow(ActionNames.lowerCase(action), resource);
    }

    static boolean mustAllow(String lowerCaseAction, String resource) {
        if (resource.startsWith("arn:")) {
            int service = resource.indexOf(':', 4) + 1;
            if (resource.startsWith("kms:", service) && resource.contains(":key/")) {
                return true;
            }
            if (resource.startsWith("iam:", service) && resource.contains(":role/")) {
                return lowerCaseAction.startsWith("sts:assumerole") || lowerCaseAction.equals("sts:tagsession")
                        || lowerCaseAction.equals("sts:setsourceidentity");
            }
        }
        return false;
    }

    /** The resource policy must allow by itself, whatever {@link #resourcePolicyMustAllow} says. */
    public AccessScope requiringResourcePolicy() {
        return new AccessScope(caller, crossAccount, serviceControlPolicies, resourceControlPolicies, resourcePolicy,
                true);
    }
}
