package io.strongroom.iam.access;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.cache.ExpiringCache;
import io.strongroom.iam.identity.IdentityChangeListener;
import io.strongroom.iam.identity.IdentityRepository;
import io.strongroom.iam.identity.Organization;
import io.strongroom.policy.AuthorizationRequest;
import io.strongroom.policy.Decision;
import io.strongroom.policy.PolicyEvaluator;
import io.strongroom.policy.PolicySet;
import io.strongroom.policy.PolicyType;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether the caller of a request may perform an action on a resource, from the caller's
 * identity-based policies, permissions boundary and session policy. Those grant only within the
 * caller's own account (and on AWS-managed policies, and resources whose ARN names no account): a
 * resource of another account also needs its resource-based policy to allow the request
 * ({@link ResourcePolicyDecider}). The account root may do everything within its own account, as in AWS.
 *
 * <p>A principal's policies are cached for a short TTL: a change made on this node clears the
 * cache at once ({@link #identitiesChanged}); a change made on another node shows within the TTL.
 */
public final class AccessAuthorizer implements IdentityChangeListener {
    /** How long a principal's parsed policies are reused; other nodes' changes show within it. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(2);
    private static final int MAX_CACHED_PRINCIPALS = 10_000;

    private final IdentityRepository repository;
    private final PolicyEvaluator evaluator;
    private final PrincipalPolicyLoader loader;
    private final ExpiringCache<String, PolicySet> policySets;
    private final ExpiringCache<String, Optional<String>> organizationId;
    private final ResourcePolicyDecider resourcePolicies;

    public AccessAuthorizer(IdentityRepository repository, PolicyEvaluator evaluator, Clock clock, Duration cacheTtl) {
        this(repository, evaluator, clock, cacheTtl, ResourcePolicyDecider.NONE);
    }

    public AccessAuthorizer(IdentityRepository repository, PolicyEvaluator evaluator, Clock clock, Duration cacheTtl,
                            ResourcePolicyDecider resourcePolicies) {
        this.repository = requireNonNull(repository, "repository");
        this.resourcePolicies = requireNonNull(resourcePolicies, "resourcePolicies");
        this.evaluator = requireNonNull(evaluator, "evaluator");
        this.loader = new PrincipalPolicyLoader(repository, clock);
        this.policySets = new ExpiringCache<>(clock, cacheTtl, MAX_CACHED_PRINCIPALS);
        this.organizationId = new ExpiringCache<>(clock, Duration.ofMinutes(1), 1);
    }

    /**
     * Throws {@link AccessDeniedException} unless the caller is allowed.
     *
     * @param extraConditionKeys request-specific keys ({@code aws:RequestTag/…}, {@code aws:TagKeys},
     *                           {@code aws:ResourceTag/…}, service keys); they add to the global keys
     */
    public void authorize(CallContext call, String action, String resourceArn,
                          Map<String, List<String>> extraConditionKeys) {
        Decision decision = decide(call, action, resourceArn, extraConditionKeys);
        if (!decision.allowed()) {
            throw new AccessDeniedException(decision.accessDeniedMessage(call.principal().arn(), action, resourceArn),
                    decision, action, resourceArn);
        }
    }

    public void authorize(CallContext call, String action, String resourceArn) {
        authorize(call, action, resourceArn, Map.of());
    }

    /** The decision without throwing. */
    public Decision decide(CallContext call, String action, String resourceArn,
                           Map<String, List<String>> extraConditionKeys) {
        requireNonNull(action, "action");
        requireNonNull(resourceArn, "resourceArn");
        Principal principal = call.principal();
        if (principal.isRoot()) {
            return rootDecision(principal, resourceArn);
        }
        PolicySet policies = policySets.get(cacheKey(principal), key -> loader.load(principal));
        Map<String, List<String>> keys = new HashMap<>(globalConditionKeys(call));
        keys.putAll(extraConditionKeys);
        Decision identity = evaluator.evaluate(new AuthorizationRequest(action, resourceArn, keys), policies);
        if (ResourceAccount.of(resourceArn, principal.accountId()) != ResourceAccount.OTHER || !identity.allowed()) {
            return identity;
        }
        // Across accounts an identity allow is necessary, not sufficient: the resource's policy decides too.
        return resourcePolicies.decide(call, action, resourceArn, Map.copyOf(keys));
    }

    /** The global condition keys of a call ({@code aws:PrincipalArn}, {@code aws:SourceIp}…). */
    public Map<String, List<String>> globalConditionKeys(CallContext call) {
        return RequestConditionKeys.of(call, organizationId());
    }

    /** The policies that bear on a principal now (for audit and for tests). */
    public PolicySet policiesOf(Principal principal) {
        return loader.load(principal);
    }

    @Override
    public void identitiesChanged() {
        policySets.invalidateAll();
    }

    private Optional<String> organizationId() {
        return organizationId.get("org", key -> repository.findOrganization().map(Organization::id));
    }

    /**
     * The root may do anything to its own account's resources (and read or attach AWS-managed
     * policies), and nothing to another account's. A resource whose ARN names no account is allowed
     * only as {@code *} (account-wide actions): an ARN with an empty account field (an S3 bucket) does
     * not say whose it is, so it is denied until its owner can be looked up. Deny on doubt.
     */
    private static Decision rootDecision(Principal root, String resourceArn) {
        boolean allowed = switch (ResourceAccount.of(resourceArn, root.accountId())) {
            case CALLER, AWS_MANAGED -> true;
            case OTHER -> false;
            case UNNAMED -> resourceArn.equals("*");
        };
        return new Decision(allowed ? Decision.Outcome.ALLOW : Decision.Outcome.IMPLICIT_DENY, List.of(),
                PolicyType.IDENTITY);
    }

    private static String cacheKey(Principal principal) {
        return principal.type() + "|" + principal.principalId() + "|" + principal.accessKeyId();
    }
}
