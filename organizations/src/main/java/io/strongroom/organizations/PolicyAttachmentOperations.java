package io.strongroom.organizations;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.DuplicateEntityException;
import io.strongroom.organizations.OrganizationGuard.Access;
import io.strongroom.organizations.OrganizationsErrors.ConstraintReason;
import io.strongroom.organizations.OrganizationsErrors.InputReason;
import java.util.List;
import java.util.Optional;

/** AttachPolicy, DetachPolicy, ListPoliciesForTarget, ListTargetsForPolicy. */
final class PolicyAttachmentOperations {
    /** AWS's quota of policies of one type attached to one root, OU or account. */
    static final int MAX_ATTACHED_PER_TYPE = 5;

    private final OrganizationsRepository repository;
    private final OrganizationGuard guard;
    private final OrganizationTree tree;
    private final PolicyOperations policies;

    PolicyAttachmentOperations(OrganizationsRepository repository, OrganizationGuard guard, OrganizationTree tree,
                               PolicyOperations policies) {
        this.repository = requireNonNull(repository, "repository");
        this.guard = requireNonNull(guard, "guard");
        this.tree = requireNonNull(tree, "tree");
        this.policies = requireNonNull(policies, "policies");
    }

    void attach(CallContext call, String policyId, String targetId) {
        OrganizationsInput.policyId(policyId);
        OrganizationsInput.targetId(targetId);
        guard.change(call, policyAndTarget("AttachPolicy", policyId, targetId), context -> {
            OrganizationPolicy policy = PolicyOperations.find(repository, policyId);
            TargetType targetType = requireTarget(context, targetId);
            if (!repository.listEnabledPolicyTypes(context.root().id()).contains(policy.type())) {
                throw OrganizationsErrors.policyTypeNotEnabled();
            }
            List<OrganizationPolicy> attached = attachedOfType(targetId, policy.type());
            if (attached.stream().anyMatch(p -> p.id().equals(policyId))) {
                throw OrganizationsErrors.duplicatePolicyAttachment();
            }
            if (attached.size() >= MAX_ATTACHED_PER_TYPE) {
                throw OrganizationsErrors.constraintViolation(
                        ConstraintReason.MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED);
            }
            try {
                repository.attachPolicy(new PolicyAttachment(policyId, targetId, targetType));
            } catch (DuplicateEntityException e) {
                throw OrganizationsErrors.duplicatePolicyAttachment();
            }
            return null;
        });
    }

    /**
     * Detaches a policy. While SCPs are enabled every target keeps at least one (AWS's minimum), and
     * {@code RCPFullAWSAccess} stays wherever RCPs are enabled.
     */
    void detach(CallContext call, String policyId, String targetId) {
        OrganizationsInput.policyId(policyId);
        OrganizationsInput.targetId(targetId);
        guard.change(call, policyAndTarget("DetachPolicy", policyId, targetId), context -> {
            OrganizationPolicy policy = PolicyOperations.find(repository, policyId);
            requireTarget(context, targetId);
            List<OrganizationPolicy> attached = attachedOfType(targetId, policy.type());
            if (attached.stream().noneMatch(p -> p.id().equals(policyId))) {
                throw OrganizationsErrors.policyNotAttached();
            }
            if (policyId.equals(AwsManagedOrganizationPolicies.RCP_FULL_AWS_ACCESS_ID)) {
                throw OrganizationsErrors.invalidInput(InputReason.NON_DETACHABLE_POLICY);
            }
            if (policy.type() == OrganizationPolicyType.SERVICE_CONTROL_POLICY && attached.size() == 1) {
                throw OrganizationsErrors.constraintViolation(
                        ConstraintReason.MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED);
            }
            repository.detachPolicy(policyId, targetId);
            return null;
        });
    }

    Page<PolicySummary> listForTarget(CallContext call, String targetId, String filter, PageRequest page) {
        OrganizationsInput.targetId(targetId);
        Optional<OrganizationPolicyType> type = PolicyOperations.listingFilter(filter);
        Pages.validate(page);
        Access access = Access.of("ListPoliciesForTarget", context -> context.targetArn(targetId))
                .withPolicyType(context -> type);
        return guard.read(call, access, context -> {
            requireTarget(context, targetId);
            List<PolicySummary> attached = type.map(t -> attachedOfType(targetId, t)).orElseGet(List::of).stream()
                    .map(PolicySummary::of)
                    .toList();
            return Pages.page(attached, PolicySummary::id, page);
        });
    }

    Page<PolicyTargetSummary> listTargets(CallContext call, String policyId, PageRequest page) {
        OrganizationsInput.policyId(policyId);
        Pages.validate(page);
        return guard.read(call, policies.access("ListTargetsForPolicy", policyId), context -> {
            PolicyOperations.find(repository, policyId);
            List<PolicyTargetSummary> targets = repository.listAttachmentsForPolicy(policyId).stream()
                    .map(a -> new PolicyTargetSummary(a.targetId(), context.targetArn(a.targetId()),
                            targetName(context, a.targetId()), a.targetType()))
                    .toList();
            return Pages.page(targets, PolicyTargetSummary::targetId, page);
        });
    }

    /** The policies of one type attached to a target. */
    List<OrganizationPolicy> attachedOfType(String targetId, OrganizationPolicyType type) {
        return repository.listAttachmentsForTarget(targetId).stream()
                .map(a -> repository.findPolicy(a.policyId()))
                .flatMap(Optional::stream)
                .filter(p -> p.type() == type)
                .toList();
    }

    private Access policyAndTarget(String operation, String policyId, String targetId) {
        return Access.ofAll(operation, context -> List.of(PolicyOperations.arn(repository, context, policyId),
                        context.targetArn(targetId)))
                .withPolicyType(context -> repository.findPolicy(policyId).map(OrganizationPolicy::type));
    }

    private TargetType requireTarget(OrganizationContext context, String targetId) {
        TargetType type = OrganizationsInput.targetType(targetId);
        boolean exists = switch (type) {
            case ROOT -> targetId.equals(context.root().id());
            case ORGANIZATIONAL_UNIT -> repository.findOrganizationalUnit(targetId).isPresent();
            case ACCOUNT -> tree.account(context, targetId).isPresent();
        };
        if (!exists) {
            throw OrganizationsErrors.targetNotFound();
        }
        return type;
    }

    private String targetName(OrganizationContext context, String targetId) {
        return switch (OrganizationsInput.targetType(targetId)) {
            case ROOT -> context.root().name();
            case ORGANIZATIONAL_UNIT -> repository.findOrganizationalUnit(targetId).map(OrganizationalUnit::name)
                    .orElse("");
            case ACCOUNT -> tree.account(context, targetId).map(a -> a.name()).orElse("");
        };
    }
}
