package io.strongroom.iam.simulation;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.Arn;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.access.ProtectedResource;
import io.strongroom.policy.AccessScope;
import io.strongroom.policy.AuthorizationRequest;
import io.strongroom.policy.Decision;
import io.strongroom.policy.Explanation;
import io.strongroom.policy.Explanation.TypeOutcome;
import io.strongroom.policy.NamedPolicy;
import io.strongroom.policy.PolicyChain;
import io.strongroom.policy.PolicyEvaluator;
import io.strongroom.policy.PolicySet;
import io.strongroom.policy.PolicyType;
import io.strongroom.policy.RequestPrincipal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Simulates every requested action on every requested resource for one principal with its policies.
 * Each request is explained twice: by the authorizer, with the organization's guardrails of the
 * principal's account (the decision and whether the guardrails allow), and by the evaluator without them,
 * for the condition keys the principal's own and the resource's policies miss. The guardrails' own
 * statements and keys are never reported: members of an account may not read its SCPs.
 */
final class SimulationRun {
    /** The keys of EvalDecisionDetails: each side of a cross-account request. */
    static final String IDENTITY_SIDE = "IAM Policy";
    static final String RESOURCE_SIDE = "Resource Policy";

    private final AccessAuthorizer authorizer;
    private final PolicyEvaluator evaluator;
    private final String account;
    private final RequestPrincipal principal;
    private final SimulatedPolicies policies;
    private final PolicySet policySet;
    private final List<ProtectedResource> resources;
    private final AuthorizationRequest context;
    private final boolean inOrganization;

    /**
     * @param account   the simulated principal's account, whose guardrails apply
     * @param principal the simulated caller as resource-based policies see it
     */
    SimulationRun(AccessAuthorizer authorizer, PolicyEvaluator evaluator, String account, RequestPrincipal principal,
                  SimulatedPolicies policies, CheckedInput input) {
        this.authorizer = requireNonNull(authorizer, "authorizer");
        this.evaluator = requireNonNull(evaluator, "evaluator");
        this.account = requireNonNull(account, "account");
        this.principal = requireNonNull(principal, "principal");
        this.policies = requireNonNull(policies, "policies");
        this.policySet = policies.policySet();
        Optional<NamedPolicy> resourcePolicy = input.resourcePolicy()
                .map(policy -> policies.resourcePolicy(policy.text(), policy.document()));
        this.resources = input.resources().stream()
                .map(arn -> new ProtectedResource(arn, owner(arn, input.resourceOwner()), resourcePolicy, false))
                .toList();
        // One request whose condition keys every simulated action and resource shares.
        this.context = new AuthorizationRequest("simulation:Context", "*", input.conditionKeys());
        this.inOrganization = authorizer.guardrails().placement(account).isPresent();
    }

    /** The aggregate result of one action over every resource, with each resource's own when resources were named. */
    EvaluationResult simulate(String action) {
        List<ResourceSpecificResult> perResource = new ArrayList<>(resources.size());
        for (ProtectedResource resource : resources) {
            perResource.add(simulate(action, resource));
        }
        EvalDecision decision = EvalDecision.ALLOWED;
        for (ResourceSpecificResult result : perResource) {
            decision = decision.strictest(result.decision());
        }
        List<MatchedStatement> matched = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        Set<String> missingLowerCase = new LinkedHashSet<>();
        for (ResourceSpecificResult result : perResource) {
            if (result.decision() == decision) {
                result.matchedStatements().stream().filter(s -> !matched.contains(s)).forEach(matched::add);
            }
            for (String key : result.missingContextValues()) {
                if (missingLowerCase.add(key.toLowerCase(Locale.ROOT))) {
                    missing.add(key);
                }
            }
        }
        boolean named = !(resources.size() == 1 && resources.getFirst().arn().equals("*"));
        return new EvaluationResult(action, resources.size() == 1 ? resources.getFirst().arn() : "*", decision,
                matched, List.copyOf(missing),
                allOf(perResource.stream().map(ResourceSpecificResult::allowedByOrganizations).toList()),
                allOf(perResource.stream().map(ResourceSpecificResult::allowedByPermissionsBoundary).toList()),
                strictestDetails(perResource), named ? perResource : List.of());
    }

    private ResourceSpecificResult simulate(String action, ProtectedResource resource) {
        AuthorizationRequest request = context.withTarget(action, resource.arn());
        boolean crossAccount = resource.ownerAccount().filter(owner -> !owner.equals(account)).isPresent();
        Explanation full = authorizer.explain(account, principal, policySet, request, resource);
        Explanation own = evaluator.explain(request, policySet, new AccessScope(principal, crossAccount,
                PolicyChain.NONE, PolicyChain.NONE, resource.policy(), false));
        Decision decision = full.decision();
        List<MatchedStatement> matched = new ArrayList<>();
        for (Decision.MatchedStatement statement : decision.deciding()) {
            if (!isGuardrail(statement.type())) {
                MatchedStatement described = policies.describe(statement);
                if (!matched.contains(described)) {
                    matched.add(described);
                }
            }
        }
        return new ResourceSpecificResult(resource.arn(), EvalDecision.of(decision), matched,
                own.missingContextValues(), details(full, resource, crossAccount),
                policies.hasBoundary() ? Optional.of(full.allowedByPermissionsBoundary()) : Optional.empty(),
                inOrganization ? Optional.of(full.allowedByOrganizations()) : Optional.empty());
    }

    /**
     * How each side of a cross-account request decided; an empty map within one account for a named
     * resource; nothing for {@code *}, nor when the guardrails denied (IAM ends the evaluation there).
     */
    private static Optional<Map<String, EvalDecision>> details(Explanation full, ProtectedResource resource,
                                                               boolean crossAccount) {
        Decision decision = full.decision();
        if (!decision.allowed() && isGuardrail(decision.deciderType())) {
            return Optional.empty();
        }
        if (crossAccount) {
            Map<String, EvalDecision> sides = new LinkedHashMap<>();
            sides.put(IDENTITY_SIDE, identitySide(full));
            sides.put(RESOURCE_SIDE, switch (full.type(PolicyType.RESOURCE).outcome()) {
                case EXPLICIT_DENY -> EvalDecision.EXPLICIT_DENY;
                case ALLOW -> EvalDecision.ALLOWED;
                case IMPLICIT_DENY, NOT_APPLICABLE -> EvalDecision.IMPLICIT_DENY;
            });
            return Optional.of(sides);
        }
        return resource.arn().equals("*") ? Optional.empty() : Optional.of(Map.of());
    }

    /** The caller's side: its identity-based policies within its permissions boundary. */
    private static EvalDecision identitySide(Explanation full) {
        TypeOutcome identity = full.type(PolicyType.IDENTITY).outcome();
        TypeOutcome boundary = full.type(PolicyType.PERMISSIONS_BOUNDARY).outcome();
        TypeOutcome session = full.type(PolicyType.SESSION).outcome();
        if (identity == TypeOutcome.EXPLICIT_DENY || boundary == TypeOutcome.EXPLICIT_DENY
                || session == TypeOutcome.EXPLICIT_DENY) {
            return EvalDecision.EXPLICIT_DENY;
        }
        boolean limitsAllow = passes(boundary) && passes(session);
        return identity == TypeOutcome.ALLOW && limitsAllow ? EvalDecision.ALLOWED : EvalDecision.IMPLICIT_DENY;
    }

    private static boolean passes(TypeOutcome outcome) {
        return outcome == TypeOutcome.ALLOW || outcome == TypeOutcome.NOT_APPLICABLE;
    }

    private static boolean isGuardrail(PolicyType type) {
        return type == PolicyType.SERVICE_CONTROL || type == PolicyType.RESOURCE_CONTROL;
    }

    /** Every resource's detail, per key the strictest; absent when no resource reports any. */
    private static Optional<Map<String, EvalDecision>> strictestDetails(List<ResourceSpecificResult> results) {
        Map<String, EvalDecision> merged = null;
        for (ResourceSpecificResult result : results) {
            if (result.decisionDetails().isEmpty()) {
                continue;
            }
            if (merged == null) {
                merged = new LinkedHashMap<>();
            }
            for (Map.Entry<String, EvalDecision> side : result.decisionDetails().get().entrySet()) {
                merged.merge(side.getKey(), side.getValue(), EvalDecision::strictest);
            }
        }
        return Optional.ofNullable(merged);
    }

    /** True when every present flag is; absent when none is present. */
    private static Optional<Boolean> allOf(List<Optional<Boolean>> flags) {
        Optional<Boolean> all = Optional.empty();
        for (Optional<Boolean> flag : flags) {
            if (flag.isPresent()) {
                all = Optional.of(all.orElse(true) && flag.get());
            }
        }
        return all;
    }

    /**
     * The account owning a simulated resource: the one its ARN names; for an ARN without an account (an S3
     * bucket) ResourceOwner, else the simulated principal's account, as IAM documents; for {@code *} only an
     * explicit ResourceOwner; none for an ARN whose account field is not an account ({@code aws}, a wildcard).
     */
    private Optional<String> owner(String arn, Optional<String> resourceOwner) {
        if (arn.equals("*")) {
            return resourceOwner;
        }
        String named = Arn.parse(arn).accountId();
        if (named.isEmpty()) {
            return Optional.of(resourceOwner.orElse(account));
        }
        return named.length() == 12 && named.chars().allMatch(Character::isDigit) ? Optional.of(named)
                : Optional.empty();
    }
}
