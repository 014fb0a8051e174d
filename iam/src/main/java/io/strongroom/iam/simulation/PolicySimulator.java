package io.strongroom.iam.simulation;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.Arn;
import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.IamErrors;
import io.strongroom.iam.identity.IdentityRepository;
import io.strongroom.iam.identity.InlinePolicy;
import io.strongroom.iam.identity.InputValidator;
import io.strongroom.iam.identity.PrincipalKind;
import io.strongroom.iam.identity.TagConditionKeys;
import io.strongroom.iam.simulation.CheckedInput.InputPolicy;
import io.strongroom.iam.simulation.SimulatedPolicies.Origin;
import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyKind;
import io.strongroom.policy.PolicyEvaluator;
import io.strongroom.policy.RequestPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * IAM's policy simulator: SimulatePrincipalPolicy and SimulateCustomPolicy. A simulation decides
 * hypothetical requests with the same evaluator and the same organization guardrails as real requests,
 * without performing them. Its condition keys are only those the request supplies in ContextEntries, as
 * IAM documents it: a key the policies test but the request omits is reported in MissingContextValues.
 *
 * <p>SimulatePrincipalPolicy reveals another identity's permissions, so it is authorised as
 * {@code iam:SimulatePrincipalPolicy} on that identity's ARN (with its tags), inside the transaction that
 * reads its policies; SimulateCustomPolicy only reads what the request carries and is authorised as
 * {@code iam:SimulateCustomPolicy} on {@code *}. Input is checked before either.
 */
public final class PolicySimulator {
    /**
     * Evaluations (an action on a resource) one page may cost: with many resources a page holds fewer
     * results than MaxItems, which IAM documents it may do, and the Marker continues.
     */
    static final int MAX_EVALUATIONS_PER_PAGE = 1000;

    private final IdentityRepository repository;
    private final Transactor transactor;
    private final AccessAuthorizer authorizer;
    private final PolicyEvaluator evaluator;

    public PolicySimulator(IdentityRepository repository, Transactor transactor, AccessAuthorizer authorizer,
                           PolicyEvaluator evaluator) {
        this.repository = requireNonNull(repository, "repository");
        this.transactor = requireNonNull(transactor, "transactor");
        this.authorizer = requireNonNull(authorizer, "authorizer");
        this.evaluator = requireNonNull(evaluator, "evaluator");
    }

    /**
     * Simulates the policies of a user (its inline and attached policies, its groups' and its permissions
     * boundary), a group (its policies) or a role (its policies and boundary), plus the request's
     * PolicyInputList; PermissionsBoundaryPolicyInputList replaces the entity's boundary.
     *
     * @param policySourceArn the user's, group's or role's ARN, in the caller's account
     */
    public SimulationPage simulatePrincipalPolicy(CallContext call, String policySourceArn, SimulationInput input) {
        requireNonNull(input, "input");
        InputValidator.arn("policySourceArn", policySourceArn);
        CheckedInput.checkShape(input);
        String account = call.principal().accountId();
        PolicySource source = PolicySource.parse(policySourceArn);
        CheckedInput checked = CheckedInput.parse(account, input);
        if (checked.resourcePolicy().isPresent()) {
            if (source.kind() == PrincipalKind.ROLE) {
                throw IamErrors.invalidInput("Simulation of resource-based policies isn't supported for IAM roles.");
            }
            if (source.kind() == PrincipalKind.GROUP && checked.callerArn().isEmpty()) {
                throw IamErrors.invalidInput("CallerArn is required with a ResourcePolicy when PolicySourceArn is not"
                        + " an IAM user: the resource policy's Principal element needs a caller to match.");
            }
        }
        Loaded loaded = transactor.inTransaction(() -> {
            Optional<Entity> entity = find(account, source);
            authorizer.authorize(call, "iam:SimulatePrincipalPolicy",
                    entity.map(Entity::arn).orElse(policySourceArn),
                    entity.map(e -> TagConditionKeys.resource(e.tags())).orElseGet(Map::of));
            Entity found = entity.orElseThrow(() -> IamErrors.noSuchEntity("The " + lower(source.kind())
                    + " with name " + source.name() + " cannot be found."));
            return new Loaded(found, policiesOf(account, found, checked));
        });
        Entity entity = loaded.entity();
        RequestPrincipal principal = checked.callerArn().map(arn -> RequestPrincipal.iamIdentity(account, arn))
                .orElseGet(() -> switch (entity.kind()) {
                    case USER -> RequestPrincipal.iamIdentity(account, entity.arn());
                    case ROLE -> new RequestPrincipal(Set.of(RequestPrincipal.accountRoot(account), entity.arn()),
                            Set.of(), Set.of(), Set.of(), RequestPrincipal.Kind.ROLE_SESSION);
                    case GROUP -> accountMember(account);
                });
        return run(account, principal, loaded.policies(), checked);
    }

    /**
     * Simulates the request's PolicyInputList (and PermissionsBoundaryPolicyInputList) as the policies of a
     * principal of the caller's account: the user CallerArn names, or an unnamed one.
     */
    public SimulationPage simulateCustomPolicy(CallContext call, SimulationInput input) {
        requireNonNull(input, "input");
        CheckedInput.checkShape(input);
        String account = call.principal().accountId();
        CheckedInput checked = CheckedInput.parse(account, input);
        if (checked.policyInputs().isEmpty()) {
            throw IamErrors.invalidInput("PolicyInputList must hold at least one policy.");
        }
        if (checked.resourcePolicy().isPresent() && checked.callerArn().isEmpty()) {
            throw IamErrors.invalidInput("CallerArn is required with a ResourcePolicy: the resource policy's"
                    + " Principal element needs a caller to match.");
        }
        authorizer.authorize(call, "iam:SimulateCustomPolicy", "*");
        SimulatedPolicies policies = new SimulatedPolicies();
        addInputs(policies, checked);
        RequestPrincipal principal = checked.callerArn().map(arn -> RequestPrincipal.iamIdentity(account, arn))
                .orElseGet(() -> accountMember(account));
        return run(account, principal, policies, checked);
    }

    private SimulationPage run(String account, RequestPrincipal principal, SimulatedPolicies policies,
                               CheckedInput input) {
        SimulationRun run = new SimulationRun(authorizer, evaluator, account, principal, policies, input);
        int total = input.actions().size();
        int affordable = Math.max(1, MAX_EVALUATIONS_PER_PAGE / input.resources().size());
        int end = Math.min(total, input.firstAction() + Math.min(input.maxItems(), affordable));
        List<EvaluationResult> results = new ArrayList<>(end - input.firstAction());
        for (String action : input.actions().subList(input.firstAction(), end)) {
            results.add(run.simulate(action));
        }
        return new SimulationPage(results, end < total ? Optional.of(CheckedInput.marker(end)) : Optional.empty());
    }

    private SimulatedPolicies policiesOf(String account, Entity entity, CheckedInput input) {
        SimulatedPolicies policies = new SimulatedPolicies();
        addPoliciesOf(policies, account, entity.kind(), entity.name());
        if (entity.kind() == PrincipalKind.USER) {
            repository.listGroupsForUser(account, entity.name())
                    .forEach(group -> addPoliciesOf(policies, account, PrincipalKind.GROUP, group.groupName()));
        }
        entity.permissionsBoundaryArn().ifPresent(arn -> setStoredBoundary(policies, arn));
        addInputs(policies, input);
        return policies;
    }

    /** The request's own documents; a boundary given in the request replaces the entity's. */
    private static void addInputs(SimulatedPolicies policies, CheckedInput input) {
        for (InputPolicy policy : input.policyInputs()) {
            policies.addIdentity(policy.id(), inputOrigin(policy), policy.document());
        }
        input.boundaryInput().ifPresent(policy -> policies.setBoundary(policy.id(), inputOrigin(policy),
                policy.document()));
    }

    private static Origin inputOrigin(InputPolicy policy) {
        return new Origin(policy.id(), PolicySourceType.NONE, Optional.of(policy.text()));
    }

    private void addPoliciesOf(SimulatedPolicies policies, String account, PrincipalKind kind, String name) {
        PolicySourceType inlineType = switch (kind) {
            case USER -> PolicySourceType.USER;
            case GROUP -> PolicySourceType.GROUP;
            case ROLE -> PolicySourceType.ROLE;
        };
        for (InlinePolicy inline : repository.listInlinePolicies(account, kind, name)) {
            policies.addIdentity(lower(kind) + "/" + name + "/" + inline.policyName(),
                    new Origin(inline.policyName(), inlineType, Optional.of(inline.document())),
                    PolicyDocument.parse(inline.document()));
        }
        for (String arn : repository.listAttachedPolicies(account, kind, name)) {
            // A policy deleted since it was attached grants nothing, as in real requests.
            managed(arn).ifPresent(m -> policies.addIdentity(arn, m.origin(), m.document()));
        }
    }

    private void setStoredBoundary(SimulatedPolicies policies, String boundaryArn) {
        Optional<Managed> boundary = managed(boundaryArn);
        if (boundary.isPresent()) {
            policies.setBoundary(boundaryArn, boundary.get().origin(), boundary.get().document());
        } else {
            // A boundary that cannot be read allows nothing, as in real requests; it has no text to point into.
            String name = boundaryArn.substring(boundaryArn.lastIndexOf('/') + 1);
            policies.setBoundary(boundaryArn, new Origin(name, PolicySourceType.USER_MANAGED, Optional.empty()),
                    PolicyDocument.denyAll(PolicyKind.IDENTITY));
        }
    }

    private Optional<Managed> managed(String policyArn) {
        return repository.findManagedPolicy(policyArn).flatMap(policy ->
                repository.findPolicyVersion(policy.arn(), policy.defaultVersionId()).map(version -> new Managed(
                        new Origin(policy.policyName(), policy.awsManaged() ? PolicySourceType.AWS_MANAGED
                                : PolicySourceType.USER_MANAGED, Optional.of(version.document())),
                        PolicyDocument.parse(version.document()))));
    }

    /** The user, group or role the ARN names, when it exists in the caller's account at that path. */
    private Optional<Entity> find(String account, PolicySource source) {
        if (!source.accountId().equals(account)) {
            return Optional.empty();
        }
        return switch (source.kind()) {
            case USER -> repository.findUser(account, source.name()).filter(u -> u.path().equals(source.path()))
                    .map(u -> new Entity(PrincipalKind.USER, u.userName(), u.arn(), u.tags(),
                            u.permissionsBoundaryArn()));
            case GROUP -> repository.findGroup(account, source.name()).filter(g -> g.path().equals(source.path()))
                    .map(g -> new Entity(PrincipalKind.GROUP, g.groupName(), g.arn(), Map.of(), Optional.empty()));
            case ROLE -> repository.findRole(account, source.name()).filter(r -> r.path().equals(source.path()))
                    .map(r -> new Entity(PrincipalKind.ROLE, r.roleName(), r.arn(), r.tags(),
                            r.permissionsBoundaryArn()));
        };
    }

    /** A principal of the account that no ARN names: what a group's or unattached policies are simulated as. */
    private static RequestPrincipal accountMember(String account) {
        return new RequestPrincipal(Set.of(RequestPrincipal.accountRoot(account)), Set.of(), Set.of(), Set.of(),
                RequestPrincipal.Kind.IAM_USER);
    }

    private static String lower(PrincipalKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** What PolicySourceArn names: {@code arn:aws:iam::<account>:user|group|role<path><name>}. */
    record PolicySource(PrincipalKind kind, String accountId, String path, String name) {
        static PolicySource parse(String arn) {
            if (Arn.isArn(arn)) {
                Arn parsed = Arn.parse(arn);
                String resource = parsed.resource();
                int slash = resource.indexOf('/');
                int last = resource.lastIndexOf('/');
                Optional<PrincipalKind> kind = slash < 0 ? Optional.empty() : kindNamed(resource.substring(0, slash));
                boolean valid = parsed.partition().equals(Arn.PARTITION) && parsed.service().equals("iam")
                        && parsed.region().isEmpty() && kind.isPresent() && last < resource.length() - 1;
                if (valid) {
                    return new PolicySource(kind.get(), parsed.accountId(), resource.substring(slash, last + 1),
                            resource.substring(last + 1));
                }
            }
            throw IamErrors.invalidInput("PolicySourceArn " + InputValidator.abbreviated(arn)
                    + " is not the ARN of an IAM user, group or role.");
        }

        private static Optional<PrincipalKind> kindNamed(String prefix) {
            return switch (prefix) {
                case "user" -> Optional.of(PrincipalKind.USER);
                case "group" -> Optional.of(PrincipalKind.GROUP);
                case "role" -> Optional.of(PrincipalKind.ROLE);
                default -> Optional.empty();
            };
        }
    }

    private record Entity(PrincipalKind kind, String name, String arn, Map<String, String> tags,
                          Optional<String> permissionsBoundaryArn) {
    }

    private record Managed(Origin origin, PolicyDocument document) {
    }

    private record Loaded(Entity entity, SimulatedPolicies policies) {
    }
}
