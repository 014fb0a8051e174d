package io.strongroom.iam.access;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.cache.ExpiringCache;
import io.strongroom.iam.identity.IdentityChangeListener;
import io.strongroom.iam.identity.IdentityRepository;
import io.strongroom.iam.identity.Organization;
import io.strongroom.policy.AccessScope;
import io.strongroom.policy.AuthorizationRequest;
import io.strongroom.policy.ConditionKeys;
import io.strongroom.policy.Decision;
import io.strongroom.policy.Explanation;
import io.strongroom.policy.PolicyChain;
import io.strongroom.policy.PolicyEvaluator;
import io.strongroom.policy.PolicySet;
import io.strongroom.policy.PolicyType;
import io.strongroom.policy.RequestPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Decides whether the caller of a request may perform an action on a resource, following the AWS
 * evaluation logic over every policy type: the organization's guardrails (the SCPs of the caller's
 * account, the RCPs of the resource's account), the resource's own policy, and the caller's
 * identity-based policies, permissions boundary and session policy. Identity-based policies grant
 * only within the caller's own account: another account's resource also needs its resource-based
 * policy to allow. The account root may do everything within its own account, as in AWS, yet SCPs
 * bind the root of a member account like any other principal of it.
 *
 * <p>Nothing is exempt from the guardrails but the management account, as in AWS: Strongroom's own
 * automation calls in as ordinary principals.
 *
 * <p>A principal's policies are cached for a short TTL: a change made on this node clears the
 * cache at once ({@link #identitiesChanged}); a change made on another node shows within the TTL.
 */
public final class AccessAuthorizer implements IdentityChangeListener {
    /** How long a principal's parsed policies are reused; other nodes' changes show within it. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(2);
    private static final int MAX_CACHED_PRINCIPALS = 10_000;
    /** The services whose resources resource control policies protect (AWS's list, as far as Strongroom serves it). */
    private static final Set<String> RCP_SERVICES = Set.of("s3", "sts", "kms", "sqs", "secretsmanager");

    private final IdentityRepository repository;
    private final PolicyEvaluator evaluator;
    private final PrincipalPolicyLoader loader;
    private final ExpiringCache<String, PolicySet> policySets;
    private final ExpiringCache<String, Optional<String>> organizationId;
    private final OrganizationGuardrails guardrails;

    public AccessAuthorizer(IdentityRepository repository, PolicyEvaluator evaluator, Clock clock, Duration cacheTtl) {
        this(repository, evaluator, clock, cacheTtl, OrganizationGuardrails.NONE);
    }

    public AccessAuthorizer(IdentityRepository repository, PolicyEvaluator evaluator, Clock clock, Duration cacheTtl,
                            OrganizationGuardrails guardrails) {
        this.repository = requireNonNull(repository, "repository");
        this.evaluator = requireNonNull(evaluator, "evaluator");
        this.guardrails = requireNonNull(guardrails, "guardrails");
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
        authorize(call, action, ProtectedResource.of(resourceArn), extraConditionKeys);
    }

    public void authorize(CallContext call, String action, String resourceArn) {
        authorize(call, action, resourceArn, Map.of());
    }

    /** As {@link #authorize(CallContext, String, String, Map)}, for a resource with its own policy. */
    public void authorize(CallContext call, String action, ProtectedResource resource,
                          Map<String, List<String>> extraConditionKeys) {
        Decision decision = decide(call, action, resource, extraConditionKeys);
        if (!decision.allowed()) {
            throw new AccessDeniedException(decision.accessDeniedMessage(call.principal().arn(), action,
                    resource.arn()), decision, action, resource.arn());
        }
    }

    /** The decision without throwing. */
    public Decision decide(CallContext call, String action, String resourceArn,
                           Map<String, List<String>> extraConditionKeys) {
        return decide(call, action, ProtectedResource.of(resourceArn), extraConditionKeys);
    }

    /** The decision without throwing, for a resource with its own policy. */
    public Decision decide(CallContext call, String action, ProtectedResource resource,
                           Map<String, List<String>> extraConditionKeys) {
        requireNonNull(action, "action");
        requireNonNull(resource, "resource");
        Principal principal = call.principal();
        ResourceAccount relation = relation(resource, principal.accountId());
        if (rootOnUnownedResource(principal, resource, relation)) {
            return Decision.implicitDeny(PolicyType.IDENTITY);
        }
        AuthorizationRequest request = new AuthorizationRequest(action, resource.arn(),
                conditionKeys(call, resource, extraConditionKeys));
        PolicySet policies = policiesOf(principal);
        AccessScope scope = scope(principal.accountId(), requestPrincipal(principal), action, resource, relation,
                true);
        if (scope == null) {
            return principal.isRoot() ? Decision.allow(List.of(), PolicyType.IDENTITY)
                    : evaluator.evaluate(request, policies);
        }
        return evaluator.evaluate(request, policies, scope);
    }

    /** The decision with every step that led to it, for {@code strongroom explain} and the IAM simulator. */
    public Explanation explain(CallContext call, String action, ProtectedResource resource,
                               Map<String, List<String>> extraConditionKeys) {
        Principal principal = call.principal();
        AuthorizationRequest request = new AuthorizationRequest(action, resource.arn(),
                conditionKeys(call, resource, extraConditionKeys));
        ResourceAccount relation = relation(resource, principal.accountId());
        AccessScope scope = scope(principal.accountId(), requestPrincipal(principal), action, resource, relation,
                true);
        Explanation explanation = evaluator.explain(request, policiesOf(principal),
                scope == null ? AccessScope.sameAccount(requestPrincipal(principal)) : scope);
        if (rootOnUnownedResource(principal, resource, relation)) {
            return new Explanation(Decision.implicitDeny(PolicyType.IDENTITY), explanation.types(),
                    explanation.missingContextValues());
        }
        return explanation;
    }

    /**
     * Explains a request made by any principal of an account with the given policies (the IAM simulator
     * evaluates the policies of a user, group or role that is not the caller). Only that account's own
     * guardrails take part: another account's resource control policies are that account's business, and
     * a simulation must not become a way to probe them.
     */
    public Explanation explain(String accountId, RequestPrincipal principal, PolicySet policies,
                               AuthorizationRequest request, ProtectedResource resource) {
        ResourceAccount relation = relation(resource, accountId);
        AccessScope scope = scope(accountId, principal, request.action(), resource, relation, false);
        return evaluator.explain(request, policies, scope == null ? AccessScope.sameAccount(principal) : scope);
    }

    /** Whether an account exists: what S3 checks of the canonical user id an ACL grant names. */
    public boolean accountExists(String accountId) {
        return repository.findAccount(accountId).isPresent();
    }

    /** The global condition keys of a call ({@code aws:PrincipalArn}, {@code aws:SourceIp}…). */
    public Map<String, List<String>> globalConditionKeys(CallContext call) {
        Map<String, List<String>> keys = new HashMap<>();
        addGlobalConditionKeys(keys::put, call);
        return keys;
    }

    private void addGlobalConditionKeys(BiConsumer<String, List<String>> keys, CallContext call) {
        Optional<OrganizationGuardrails.AccountPlacement> placement = guardrails.placement(call.principal().accountId());
        RequestConditionKeys.addTo(keys, call,
                placement.map(OrganizationGuardrails.AccountPlacement::organizationId).or(this::organizationId));
        placement.ifPresent(p -> keys.accept("aws:PrincipalOrgPaths", List.of(p.orgPath())));
    }

    /** The policies that bear on a principal now (for audit and for tests). */
    public PolicySet policiesOf(Principal principal) {
        return policySets.get(cacheKey(principal), key -> loader.load(principal));
    }

    /** The guardrails this authorizer applies. */
    public OrganizationGuardrails guardrails() {
        return guardrails;
    }

    @Override
    public void identitiesChanged() {
        policySets.invalidateAll();
    }

    /**
     * What besides the principal's own policies bears on the request, or null when nothing does: a
     * principal of an account no guardrail binds, acting on its own account's resources (or AWS-managed
     * ones, or account-wide actions) that carry no policy. That is the common case and the fast path.
     */
    private AccessScope scope(String accountId, RequestPrincipal caller, String action, ProtectedResource resource,
                              ResourceAccount relation, boolean otherAccountsGuardrails) {
        PolicyChain serviceControl = guardrails.serviceControlChain(accountId);
        PolicyChain resourceControl = resource.ownerAccount().filter(owner -> rcpProtects(action))
                .filter(owner -> otherAccountsGuardrails || owner.equals(accountId))
                .map(guardrails::resourceControlChain)
                .orElse(PolicyChain.NONE);
        boolean crossAccount = relation == ResourceAccount.OTHER;
        if (!crossAccount && resource.policy().isEmpty() && !serviceControl.applies() && !resourceControl.applies()) {
            return null;
        }
        return new AccessScope(caller, crossAccount, serviceControl, resourceControl, resource.policy(),
                resource.policyRequired());
    }

    /**
     * The root's rights end at its own account, and an ARN with an empty account field (an S3 bucket)
     * does not say whose it is: deny on doubt until the service names the owner.
     */
    private static boolean rootOnUnownedResource(Principal principal, ProtectedResource resource,
                                                 ResourceAccount relation) {
        return principal.isRoot() && relation == ResourceAccount.UNNAMED && !resource.arn().equals("*");
    }

    private static boolean rcpProtects(String action) {
        int colon = action.indexOf(':');
        return colon > 0 && RCP_SERVICES.contains(action.substring(0, colon).toLowerCase(java.util.Locale.ROOT));
    }

    private Map<String, List<String>> conditionKeys(CallContext call, ProtectedResource resource,
                                                    Map<String, List<String>> extraConditionKeys) {
        ConditionKeys.Builder keys = ConditionKeys.builder();
        addGlobalConditionKeys(keys::put, call);
        resource.ownerAccount().ifPresent(owner -> {
            keys.put("aws:ResourceAccount", List.of(owner));
            guardrails.placement(owner).ifPresent(placement -> {
                keys.put("aws:ResourceOrgID", List.of(placement.organizationId()));
                keys.put("aws:ResourceOrgPaths", List.of(placement.orgPath()));
            });
        });
        return keys.putAll(extraConditionKeys).build();
    }

    private static ResourceAccount relation(ProtectedResource resource, String callerAccount) {
        return resource.ownerAccount()
                .map(owner -> owner.equals(callerAccount) ? ResourceAccount.CALLER : ResourceAccount.OTHER)
                .orElseGet(() -> ResourceAccount.of(resource.arn(), callerAccount));
    }

    /** The caller as resource-based policies and RCPs see it. */
    public static RequestPrincipal requestPrincipal(Principal principal) {
        return switch (principal.type()) {
            case ASSUMED_ROLE -> RequestPrincipal.assumedRole(principal.accountId(), principal.principalArn(),
                    principal.arn());
            case ROOT -> RequestPrincipal.root(principal.accountId());
            case IAM_USER -> RequestPrincipal.iamIdentity(principal.accountId(), principal.arn());
        };
    }

    private Optional<String> organizationId() {
        return organizationId.get("org", key -> repository.findOrganization().map(Organization::id));
    }

    private static String cacheKey(Principal principal) {
        return principal.type() + "|" + principal.principalId() + "|" + principal.accessKeyId();
    }
}
