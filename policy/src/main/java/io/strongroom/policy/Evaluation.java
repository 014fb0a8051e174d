package io.strongroom.policy;

import io.strongroom.policy.Decision.MatchedStatement;
import io.strongroom.policy.Explanation.LevelResult;
import io.strongroom.policy.Explanation.TypeOutcome;
import io.strongroom.policy.Explanation.TypeResult;
import io.strongroom.policy.RequestPrincipal.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One request decided against every policy that bears on it, following the AWS evaluation logic:
 * <ol>
 *   <li>an applicable Deny in any policy of any type is an explicit deny;</li>
 *   <li>each level of the resource account's RCP chain must allow (RCPs bind every caller, service principals
 *       included);</li>
 *   <li>each level of the caller's SCP chain must allow (SCPs bind the principals of member accounts: not
 *       service principals, anonymous or federated callers);</li>
 *   <li>within one account, a resource-based policy that names the caller itself (the user, the role
 *       session, {@code *}) grants on its own; one that names the caller's role grants like an identity-based
 *       policy, so the role's permissions boundary and session policies still bound it; one that names only
 *       the account delegates to the identity-based policies, which then must allow, within the boundary and
 *       the session policies;</li>
 *   <li>across accounts the caller's side (identity-based policies, boundary, session policies) and the
 *       resource-based policy must both allow;</li>
 *   <li>service principals and anonymous callers have no identity-based policies: only the resource-based
 *       policy can allow them.</li>
 * </ol>
 * An implicit deny names the first policy type, in AWS's evaluation order, whose missing Allow decided.
 *
 * <p>Each group of policies is scanned once. In the lean mode only what a {@link Decision} names is kept;
 * the explain mode also lists every matching Allow and the missing condition keys.
 */
final class Evaluation {
    private static final StatementMatches[] NO_LEVELS = new StatementMatches[0];

    private final PolicySet policies;
    private final AccessScope scope;
    private final Kind kind;
    private final EvaluationContext context;
    private final StatementMatches identity;
    private final StatementMatches boundary;
    private final StatementMatches session;
    private final StatementMatches resource;
    private final StatementMatches[] resourceControl;
    private final StatementMatches[] serviceControl;

    /**
     * @param scope null for an identity-only decision: a principal acting on its own account's resources,
     *              no guardrails and no resource policy
     */
    Evaluation(AuthorizationRequest request, PolicySet policies, AccessScope scope, boolean explaining) {
        this.policies = policies;
        this.scope = scope;
        this.kind = scope == null ? Kind.IAM_USER : scope.caller().kind();
        this.context = new EvaluationContext(request);
        if (explaining) {
            context.collectMissingKeys();
        }
        boolean hasBoundary = !policies.boundaries().isEmpty();
        if (scope == null) {
            resourceControl = NO_LEVELS;
            serviceControl = NO_LEVELS;
            resource = StatementMatches.NONE;
        } else {
            RequestPrincipal caller = scope.caller();
            resourceControl = resourceControlApplies()
                    ? scanChain(scope.resourceControlPolicies(), PolicyType.RESOURCE_CONTROL, caller, explaining)
                    : NO_LEVELS;
            serviceControl = serviceControlApplies()
                    ? scanChain(scope.serviceControlPolicies(), PolicyType.SERVICE_CONTROL, null, explaining)
                    : NO_LEVELS;
            resource = scope.resourcePolicy().isPresent()
                    ? StatementMatches.scanForCaller(List.of(scope.resourcePolicy().get()), PolicyType.RESOURCE,
                    context, caller, hasBoundary, true)
                    : StatementMatches.NONE;
        }
        identity = StatementMatches.scan(policies.identity(), PolicyType.IDENTITY, context, true);
        boundary = StatementMatches.scan(policies.boundaries(), PolicyType.PERMISSIONS_BOUNDARY, context, explaining);
        session = StatementMatches.scan(policies.session(), PolicyType.SESSION, context, explaining);
    }

    private boolean resourceControlApplies() {
        // RCPs bind every caller of the resource, AWS service principals included (AWS's confused-deputy RCPs
        // rely on it); the exemptions (service-linked roles, AWS managed keys) are the assembler's empty chain.
        return scope != null && scope.resourceControlPolicies().applies();
    }

    private boolean serviceControlApplies() {
        return scope != null && scope.serviceControlPolicies().applies() && hasOwnPolicies();
    }

    /** Whether the caller is a principal of an account (and so has identity-based policies and SCPs). */
    private boolean hasOwnPolicies() {
        return kind != Kind.SERVICE && kind != Kind.ANONYMOUS && kind != Kind.FEDERATED;
    }

    private StatementMatches[] scanChain(PolicyChain chain, PolicyType type, RequestPrincipal caller,
                                         boolean explaining) {
        List<PolicyChain.Level> levels = chain.levels();
        StatementMatches[] scans = new StatementMatches[levels.size()];
        for (int i = 0; i < scans.length; i++) {
            List<NamedPolicy> attached = levels.get(i).policies();
            scans[i] = caller == null
                    ? StatementMatches.scan(attached, type, context, explaining)
                    : StatementMatches.scanForCaller(attached, type, context, caller, false, explaining);
        }
        return scans;
    }

    Decision decision() {
        if (anyDeny()) {
            return Decision.explicitDeny(denies());
        }
        for (StatementMatches level : resourceControl) {
            if (!level.anyAllow()) {
                return Decision.implicitDeny(PolicyType.RESOURCE_CONTROL);
            }
        }
        for (StatementMatches level : serviceControl) {
            if (!level.anyAllow()) {
                return Decision.implicitDeny(PolicyType.SERVICE_CONTROL);
            }
        }
        return grant();
    }

    private boolean anyDeny() {
        if (resource.anyDeny() || identity.anyDeny() || boundary.anyDeny() || session.anyDeny()) {
            return true;
        }
        for (StatementMatches level : resourceControl) {
            if (level.anyDeny()) {
                return true;
            }
        }
        for (StatementMatches level : serviceControl) {
            if (level.anyDeny()) {
                return true;
            }
        }
        return false;
    }

    /** Every matching Deny, in evaluation order: the first one's type is the one AccessDenied names. */
    private List<MatchedStatement> denies() {
        List<MatchedStatement> denies = new ArrayList<>();
        for (StatementMatches level : resourceControl) {
            denies.addAll(level.denies());
        }
        for (StatementMatches level : serviceControl) {
            denies.addAll(level.denies());
        }
        denies.addAll(resource.denies());
        denies.addAll(identity.denies());
        denies.addAll(boundary.denies());
        denies.addAll(session.denies());
        return denies;
    }

    /** No Deny applies and the guardrails allow: does some policy grant? */
    private Decision grant() {
        if (!hasOwnPolicies()) {
            return resource.anyAllow() ? Decision.allow(resource.allows(), PolicyType.RESOURCE)
                    : Decision.implicitDeny(PolicyType.RESOURCE);
        }
        boolean identityAllows = kind == Kind.ROOT || identity.anyAllow();
        boolean boundaryAllows = policies.boundaries().isEmpty() || boundary.anyAllow();
        boolean sessionAllows = policies.session().isEmpty() || session.anyAllow();
        if (scope != null && scope.crossAccount()) {
            if (!identityAllows) {
                return Decision.implicitDeny(PolicyType.IDENTITY);
            }
            if (!boundaryAllows) {
                return Decision.implicitDeny(PolicyType.PERMISSIONS_BOUNDARY);
            }
            if (!sessionAllows) {
                return Decision.implicitDeny(PolicyType.SESSION);
            }
            if (!resource.anyAllow()) {
                return Decision.implicitDeny(PolicyType.RESOURCE);
            }
            List<MatchedStatement> both = new ArrayList<>(resource.allows());
            both.addAll(identity.allows());
            return Decision.allow(both, PolicyType.RESOURCE);
        }
        if (resource.allowsThrough(PrincipalMatcher.DIRECT)) {
            return Decision.allow(resource.allows(), PolicyType.RESOURCE);
        }
        boolean limitsAllow = boundaryAllows && sessionAllows;
        boolean viaRole = resource.allowsThrough(PrincipalMatcher.ROLE);
        if (viaRole && limitsAllow) {
            return Decision.allow(resource.allows(), PolicyType.RESOURCE);
        }
        boolean required = scope != null && (scope.resourcePolicyRequired() || scope.resourcePolicy().isPresent()
                && AccessScope.mustAllow(context.action(), context.resource()));
        boolean identityGrants = identityAllows && (!required || resource.allowsThrough(PrincipalMatcher.ACCOUNT));
        if (identityGrants && limitsAllow) {
            return Decision.allow(identity.allows(), PolicyType.IDENTITY);
        }
        if (required && !resource.anyAllow()) {
            return Decision.implicitDeny(PolicyType.RESOURCE);
        }
        if (!viaRole && !identityAllows) {
            return Decision.implicitDeny(PolicyType.IDENTITY);
        }
        return Decision.implicitDeny(boundaryAllows ? PolicyType.SESSION : PolicyType.PERMISSIONS_BOUNDARY);
    }

    Explanation explanation() {
        Decision decision = decision();
        List<TypeResult> types = new ArrayList<>(6);
        types.add(chainResult(PolicyType.RESOURCE_CONTROL, resourceControlApplies(),
                scope == null ? PolicyChain.NONE : scope.resourceControlPolicies(), resourceControl));
        types.add(chainResult(PolicyType.SERVICE_CONTROL, serviceControlApplies(),
                scope == null ? PolicyChain.NONE : scope.serviceControlPolicies(), serviceControl));
        types.add(result(PolicyType.RESOURCE, scope != null && scope.resourcePolicy().isPresent(), resource));
        if (kind == Kind.ROOT && !identity.anyDeny()) {
            // The root user needs no identity-based policy: within its account it may do everything.
            types.add(new TypeResult(PolicyType.IDENTITY, TypeOutcome.ALLOW, identity.allows(), List.of(), List.of()));
        } else {
            types.add(result(PolicyType.IDENTITY, hasOwnPolicies(), identity));
        }
        types.add(result(PolicyType.PERMISSIONS_BOUNDARY, !policies.boundaries().isEmpty(), boundary));
        types.add(result(PolicyType.SESSION, !policies.session().isEmpty(), session));
        Map<String, String> missing = context.missingKeys();
        return new Explanation(decision, types, missing == null ? List.of() : List.copyOf(missing.values()));
    }

    private static TypeResult result(PolicyType type, boolean applies, StatementMatches matches) {
        return new TypeResult(type, outcome(applies, matches), matches.allows(), matches.denies(), List.of());
    }

    private static TypeOutcome outcome(boolean applies, StatementMatches matches) {
        if (!applies) {
            return TypeOutcome.NOT_APPLICABLE;
        }
        if (matches.anyDeny()) {
            return TypeOutcome.EXPLICIT_DENY;
        }
        return matches.anyAllow() ? TypeOutcome.ALLOW : TypeOutcome.IMPLICIT_DENY;
    }

    private static TypeResult chainResult(PolicyType type, boolean applies, PolicyChain chain,
                                          StatementMatches[] scans) {
        if (!applies) {
            return new TypeResult(type, TypeOutcome.NOT_APPLICABLE, List.of(), List.of(), List.of());
        }
        List<LevelResult> levels = new ArrayList<>(scans.length);
        List<MatchedStatement> allows = new ArrayList<>();
        List<MatchedStatement> denies = new ArrayList<>();
        boolean anyDeny = false;
        boolean everyLevelAllows = true;
        for (int i = 0; i < scans.length; i++) {
            StatementMatches level = scans[i];
            levels.add(new LevelResult(chain.levels().get(i).target(), outcome(true, level), level.allows(),
                    level.denies()));
            allows.addAll(level.allows());
            denies.addAll(level.denies());
            anyDeny |= level.anyDeny();
            everyLevelAllows &= level.anyAllow();
        }
        TypeOutcome outcome = anyDeny ? TypeOutcome.EXPLICIT_DENY
                : everyLevelAllows ? TypeOutcome.ALLOW : TypeOutcome.IMPLICIT_DENY;
        return new TypeResult(type, outcome, allows, denies, levels);
    }
}
