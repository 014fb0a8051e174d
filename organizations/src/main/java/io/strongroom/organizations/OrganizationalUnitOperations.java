package io.strongroom.organizations;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.DuplicateEntityException;
import io.strongroom.organizations.OrganizationGuard.Access;
import io.strongroom.organizations.OrganizationsErrors.ConstraintReason;
import java.util.Optional;

/**
 * CreateOrganizationalUnit, UpdateOrganizationalUnit, DeleteOrganizationalUnit,
 * DescribeOrganizationalUnit, ListOrganizationalUnitsForParent.
 */
final class OrganizationalUnitOperations {
    private final OrganizationsRepository repository;
    private final OrganizationGuard guard;
    private final OrganizationTree tree;

    OrganizationalUnitOperations(OrganizationsRepository repository, OrganizationGuard guard, OrganizationTree tree) {
        this.repository = requireNonNull(repository, "repository");
        this.guard = requireNonNull(guard, "guard");
        this.tree = requireNonNull(tree, "tree");
    }

    /** A new OU under a root or OU, at most five levels deep, with the default policies attached. */
    OrganizationalUnit create(CallContext call, String parentId, String name) {
        OrganizationsInput.parentId(parentId);
        OrganizationsInput.name(name);
        return guard.change(call, Access.of("CreateOrganizationalUnit", context -> context.targetArn(parentId)),
                context -> {
                    if (!tree.containerExists(context, parentId)) {
                        throw OrganizationsErrors.parentNotFound();
                    }
                    if (tree.depth(context, parentId) + 1 > OrganizationTree.MAX_OU_DEPTH) {
                        throw OrganizationsErrors.constraintViolation(ConstraintReason.OU_DEPTH_LIMIT_EXCEEDED);
                    }
                    requireFreeName(parentId, name);
                    String id = newId(context);
                    OrganizationalUnit unit = new OrganizationalUnit(id, context.organizationalUnitArn(id), name,
                            parentId);
                    try {
                        repository.insertOrganizationalUnit(unit);
                    } catch (DuplicateEntityException e) {
                        throw OrganizationsErrors.duplicateOrganizationalUnit();
                    }
                    tree.attachDefaults(context, id, TargetType.ORGANIZATIONAL_UNIT);
                    return unit;
                });
    }

    /** Renames an OU; without a new name it changes nothing and returns the OU. */
    OrganizationalUnit update(CallContext call, String unitId, Optional<String> name) {
        OrganizationsInput.organizationalUnitId(unitId);
        name.ifPresent(OrganizationsInput::name);
        return guard.change(call, Access.of("UpdateOrganizationalUnit",
                context -> context.organizationalUnitArn(unitId)), context -> {
                    OrganizationalUnit unit = find(unitId);
                    if (name.isEmpty() || name.get().equals(unit.name())) {
                        return unit;
                    }
                    requireFreeName(unit.parentId(), name.get());
                    try {
                        repository.renameOrganizationalUnit(unitId, name.get());
                    } catch (DuplicateEntityException e) {
                        throw OrganizationsErrors.duplicateOrganizationalUnit();
                    }
                    return new OrganizationalUnit(unit.id(), unit.arn(), name.get(), unit.parentId());
                });
    }

    /** Deletes an empty OU and its policy attachments. */
    void delete(CallContext call, String unitId) {
        OrganizationsInput.organizationalUnitId(unitId);
        guard.change(call, Access.of("DeleteOrganizationalUnit", context -> context.organizationalUnitArn(unitId)),
                context -> {
                    find(unitId);
                    if (!repository.listOrganizationalUnits(unitId).isEmpty()
                            || !tree.accountsUnder(context, unitId).isEmpty()) {
                        throw OrganizationsErrors.organizationalUnitNotEmpty();
                    }
                    repository.detachAllFromTarget(unitId);
                    repository.deleteOrganizationalUnit(unitId);
                    return null;
                });
    }

    OrganizationalUnit describe(CallContext call, String unitId) {
        OrganizationsInput.organizationalUnitId(unitId);
        return guard.read(call, Access.of("DescribeOrganizationalUnit",
                context -> context.organizationalUnitArn(unitId)), context -> find(unitId));
    }

    Page<OrganizationalUnit> listForParent(CallContext call, String parentId, PageRequest page) {
        OrganizationsInput.parentId(parentId);
        Pages.validate(page);
        return guard.read(call, Access.of("ListOrganizationalUnitsForParent",
                context -> context.targetArn(parentId)), context -> {
                    if (!tree.containerExists(context, parentId)) {
                        throw OrganizationsErrors.parentNotFound();
                    }
                    return Pages.page(repository.listOrganizationalUnits(parentId), OrganizationalUnit::id, page);
                });
    }

    private OrganizationalUnit find(String unitId) {
        return repository.findOrganizationalUnit(unitId).orElseThrow(OrganizationsErrors::organizationalUnitNotFound);
    }

    private void requireFreeName(String parentId, String name) {
        if (repository.listOrganizationalUnits(parentId).stream().anyMatch(u -> u.name().equals(name))) {
            throw OrganizationsErrors.duplicateOrganizationalUnit();
        }
    }

    private String newId(OrganizationContext context) {
        String id;
        do {
            id = OrganizationIds.organizationalUnitId(context.root().id());
        } while (repository.findOrganizationalUnit(id).isPresent());
        return id;
    }
}
