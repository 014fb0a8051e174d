package io.strongroom.organizations;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.Account;
import io.strongroom.organizations.OrganizationGuard.Access;
import java.util.ArrayList;
import java.util.List;

/** ListRoots, ListParents, ListChildren, MoveAccount: walking and rearranging the tree. */
final class HierarchyOperations {
    private final OrganizationsRepository repository;
    private final OrganizationGuard guard;
    private final OrganizationTree tree;
    private final AccountOperations accounts;

    HierarchyOperations(OrganizationsRepository repository, OrganizationGuard guard, OrganizationTree tree,
                        AccountOperations accounts) {
        this.repository = requireNonNull(repository, "repository");
        this.guard = requireNonNull(guard, "guard");
        this.tree = requireNonNull(tree, "tree");
        this.accounts = requireNonNull(accounts, "accounts");
    }

    Page<RootDescription> listRoots(CallContext call, PageRequest page) {
        Pages.validate(page);
        return guard.read(call, Access.anyResource("ListRoots"),
                context -> Pages.page(List.of(describe(context)), RootDescription::id, page));
    }

    RootDescription describe(OrganizationContext context) {
        Root root = context.root();
        return new RootDescription(root.id(), root.arn(), root.name(), accounts.enabledTypes(context));
    }

    /** The one parent of an account or OU. */
    Page<Parent> listParents(CallContext call, String childId, PageRequest page) {
        OrganizationsInput.childId(childId);
        Pages.validate(page);
        return guard.read(call, Access.of("ListParents", context -> context.targetArn(childId)), context -> {
            String parentId = childId.startsWith("ou-")
                    ? repository.findOrganizationalUnit(childId).map(OrganizationalUnit::parentId)
                            .orElseThrow(OrganizationsErrors::childNotFound)
                    : tree.account(context, childId).map(a -> tree.membership(context, a).parentId())
                            .orElseThrow(OrganizationsErrors::childNotFound);
            return Pages.page(List.of(new Parent(parentId, OrganizationTree.parentType(parentId))), Parent::id, page);
        });
    }

    Page<Child> listChildren(CallContext call, String parentId, String childType, PageRequest page) {
        OrganizationsInput.parentId(parentId);
        ChildType type = OrganizationsInput.enumValue(ChildType.class, childType);
        Pages.validate(page);
        return guard.read(call, Access.of("ListChildren", context -> context.targetArn(parentId)), context -> {
            if (!tree.containerExists(context, parentId)) {
                throw OrganizationsErrors.parentNotFound();
            }
            List<Child> children = new ArrayList<>();
            if (type == ChildType.ACCOUNT) {
                tree.accountsUnder(context, parentId)
                        .forEach(m -> children.add(new Child(m.accountId(), ChildType.ACCOUNT)));
            } else {
                repository.listOrganizationalUnits(parentId)
                        .forEach(u -> children.add(new Child(u.id(), ChildType.ORGANIZATIONAL_UNIT)));
            }
            return Pages.page(children, Child::id, page);
        });
    }

    /** Moves an account from the container it is in to another; its own policy attachments go with it. */
    void moveAccount(CallContext call, String accountId, String sourceParentId, String destinationParentId) {
        OrganizationsInput.accountId(accountId);
        OrganizationsInput.parentId(sourceParentId);
        OrganizationsInput.parentId(destinationParentId);
        guard.change(call, Access.ofAll("MoveAccount", context -> List.of(context.accountArn(accountId),
                context.targetArn(sourceParentId), context.targetArn(destinationParentId))), context -> {
                    Account account = tree.account(context, accountId)
                            .orElseThrow(OrganizationsErrors::accountNotFound);
                    if (!tree.containerExists(context, sourceParentId)) {
                        throw OrganizationsErrors.sourceParentNotFound();
                    }
                    if (!tree.containerExists(context, destinationParentId)) {
                        throw OrganizationsErrors.destinationParentNotFound();
                    }
                    AccountMembership membership = tree.membership(context, account);
                    if (membership.parentId().equals(destinationParentId)) {
                        throw OrganizationsErrors.duplicateAccount();
                    }
                    if (!membership.parentId().equals(sourceParentId)) {
                        throw OrganizationsErrors.accountNotFound();
                    }
                    if (repository.findAccountMembership(accountId).isPresent()) {
                        repository.moveAccount(accountId, destinationParentId);
                    } else {
                        repository.insertAccountMembership(new AccountMembership(accountId, destinationParentId,
                                membership.joinedMethod(), membership.joinedTimestamp()));
                    }
                    return null;
                });
    }
}
