package io.strongroom.organizations;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.organizations.OrganizationGuard.Access;
import java.util.ArrayList;
import java.util.List;

/**
 * EnablePolicyType and DisablePolicyType on the root. Enabling attaches the type's full-access
 * policy to the root, every OU and every account, as AWS does, so nothing is restricted until a
 * customer policy is attached; disabling detaches every policy of the type everywhere.
 */
final class PolicyTypeOperations {
    private final OrganizationsRepository repository;
    private final OrganizationGuard guard;
    private final OrganizationTree tree;
    private final HierarchyOperations hierarchy;

    PolicyTypeOperations(OrganizationsRepository repository, OrganizationGuard guard, OrganizationTree tree,
                         HierarchyOperations hierarchy) {
        this.repository = requireNonNull(repository, "repository");
        this.guard = requireNonNull(guard, "guard");
        this.tree = requireNonNull(tree, "tree");
        this.hierarchy = requireNonNull(hierarchy, "hierarchy");
    }

    RootDescription enable(CallContext call, String rootId, String policyType) {
        OrganizationsInput.rootId(rootId);
        OrganizationPolicyType type = OrganizationsInput.policyType(policyType);
        Access access = Access.of("EnablePolicyType", context -> context.rootArn(rootId)).withPolicyType(type);
        return guard.change(call, access, context -> {
            requireRoot(context, rootId);
            if (repository.listEnabledPolicyTypes(rootId).contains(type)) {
                throw OrganizationsErrors.policyTypeAlreadyEnabled();
            }
            repository.enablePolicyType(rootId, type);
            OrganizationPolicy fullAccess = AwsManagedOrganizationPolicies.fullAccess(type);
            if (repository.findPolicy(fullAccess.id()).isEmpty()) {
                repository.insertPolicy(fullAccess);
            }
            attachEverywhere(context, fullAccess.id());
            return hierarchy.describe(context);
        });
    }

    RootDescription disable(CallContext call, String rootId, String policyType) {
        OrganizationsInput.rootId(rootId);
        OrganizationPolicyType type = OrganizationsInput.policyType(policyType);
        Access access = Access.of("DisablePolicyType", context -> context.rootArn(rootId)).withPolicyType(type);
        return guard.change(call, access, context -> {
            requireRoot(context, rootId);
            if (!repository.listEnabledPolicyTypes(rootId).contains(type)) {
                throw OrganizationsErrors.policyTypeNotEnabled();
            }
            for (OrganizationPolicy policy : repository.listPolicies(type)) {
                for (PolicyAttachment attachment : repository.listAttachmentsForPolicy(policy.id())) {
                    repository.detachPolicy(policy.id(), attachment.targetId());
                }
            }
            repository.disablePolicyType(rootId, type);
            return hierarchy.describe(context);
        });
    }

    private static void requireRoot(OrganizationContext context, String rootId) {
        if (!context.root().id().equals(rootId)) {
            throw OrganizationsErrors.rootNotFound();
        }
    }

    private void attachEverywhere(OrganizationContext context, String policyId) {
        tree.attachIfAbsent(policyId, context.root().id(), TargetType.ROOT);
        // Level by level, no deeper than an OU tree may be: a corrupt parent cycle cannot loop forever.
        List<String> level = List.of(context.root().id());
        for (int depth = 0; depth < OrganizationTree.MAX_OU_DEPTH && !level.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            for (String container : level) {
                for (OrganizationalUnit unit : repository.listOrganizationalUnits(container)) {
                    tree.attachIfAbsent(policyId, unit.id(), TargetType.ORGANIZATIONAL_UNIT);
                    next.add(unit.id());
                }
            }
            level = next;
        }
        for (AccountMembership membership : tree.memberships(context)) {
            tree.attachIfAbsent(policyId, membership.accountId(), TargetType.ACCOUNT);
        }
    }
}
