package io.strongroom.protocol.organizations;

import static io.strongroom.protocol.organizations.OrganizationsInputs.page;
import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.organizations.OrganizationsService;
import io.strongroom.protocol.json.JsonInput;
import io.strongroom.protocol.json.JsonOperationFamily;
import io.strongroom.protocol.json.JsonOperationTable;
import io.strongroom.protocol.json.JsonResult;

/** ListRoots, ListParents, ListChildren, MoveAccount. */
final class HierarchyActions implements JsonOperationFamily {
    private final OrganizationsService organizations;

    HierarchyActions(OrganizationsService organizations) {
        this.organizations = requireNonNull(organizations, "organizations");
    }

    @Override
    public void registerInto(JsonOperationTable table) {
        table.add("ListRoots", this::listRoots)
                .add("ListParents", this::listParents)
                .add("ListChildren", this::listChildren)
                .add("MoveAccount", this::moveAccount);
    }

    private JsonResult listRoots(JsonInput in, CallContext call) {
        return OrganizationsShapes.page("Roots", organizations.listRoots(call, page(in)), OrganizationsShapes::root);
    }

    private JsonResult listParents(JsonInput in, CallContext call) {
        String childId = in.requiredString("ChildId", OrganizationsInputs.CHILD_ID);
        return OrganizationsShapes.page("Parents", organizations.listParents(call, childId, page(in)),
                OrganizationsShapes::parent);
    }

    private JsonResult listChildren(JsonInput in, CallContext call) {
        String parentId = in.requiredString("ParentId", OrganizationsInputs.PARENT_ID);
        String childType = in.requiredString("ChildType", OrganizationsInputs.CHILD_TYPE);
        return OrganizationsShapes.page("Children", organizations.listChildren(call, parentId, childType, page(in)),
                OrganizationsShapes::child);
    }

    private JsonResult moveAccount(JsonInput in, CallContext call) {
        String accountId = in.requiredString("AccountId", OrganizationsInputs.ACCOUNT_ID);
        String source = in.requiredString("SourceParentId", OrganizationsInputs.PARENT_ID);
        String destination = in.requiredString("DestinationParentId", OrganizationsInputs.PARENT_ID);
        organizations.moveAccount(call, accountId, source, destination);
        return JsonResult.none();
    }
}
