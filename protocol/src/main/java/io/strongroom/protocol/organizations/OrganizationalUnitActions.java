package io.strongroom.protocol.organizations;

import static io.strongroom.protocol.organizations.OrganizationsInputs.page;
import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.organizations.OrganizationsService;
import io.strongroom.protocol.json.JsonInput;
import io.strongroom.protocol.json.JsonOperationFamily;
import io.strongroom.protocol.json.JsonOperationTable;
import io.strongroom.protocol.json.JsonResult;
import java.util.Optional;

/**
 * CreateOrganizationalUnit, UpdateOrganizationalUnit, DeleteOrganizationalUnit,
 * DescribeOrganizationalUnit, ListOrganizationalUnitsForParent.
 */
final class OrganizationalUnitActions implements JsonOperationFamily {
    private final OrganizationsService organizations;

    OrganizationalUnitActions(OrganizationsService organizations) {
        this.organizations = requireNonNull(organizations, "organizations");
    }

    @Override
    public void registerInto(JsonOperationTable table) {
        table.add("CreateOrganizationalUnit", this::createOrganizationalUnit)
                .add("UpdateOrganizationalUnit", this::updateOrganizationalUnit)
                .add("DeleteOrganizationalUnit", this::deleteOrganizationalUnit)
                .add("DescribeOrganizationalUnit", this::describeOrganizationalUnit)
                .add("ListOrganizationalUnitsForParent", this::listOrganizationalUnitsForParent);
    }

    private JsonResult createOrganizationalUnit(JsonInput in, CallContext call) {
        String parentId = in.requiredString("ParentId", OrganizationsInputs.PARENT_ID);
        String name = in.requiredString("Name", OrganizationsInputs.ORGANIZATIONAL_UNIT_NAME);
        OrganizationsInputs.refuseTags(in);
        return OrganizationsShapes.structure("OrganizationalUnit",
                organizations.createOrganizationalUnit(call, parentId, name), OrganizationsShapes::organizationalUnit);
    }

    private JsonResult updateOrganizationalUnit(JsonInput in, CallContext call) {
        String unitId = in.requiredString("OrganizationalUnitId", OrganizationsInputs.ORGANIZATIONAL_UNIT_ID);
        Optional<String> name = in.string("Name", OrganizationsInputs.ORGANIZATIONAL_UNIT_NAME);
        return OrganizationsShapes.structure("OrganizationalUnit",
                organizations.updateOrganizationalUnit(call, unitId, name), OrganizationsShapes::organizationalUnit);
    }

    private JsonResult deleteOrganizationalUnit(JsonInput in, CallContext call) {
        organizations.deleteOrganizationalUnit(call,
                in.requiredString("OrganizationalUnitId", OrganizationsInputs.ORGANIZATIONAL_UNIT_ID));
        return JsonResult.none();
    }

    private JsonResult describeOrganizationalUnit(JsonInput in, CallContext call) {
        String unitId = in.requiredString("OrganizationalUnitId", OrganizationsInputs.ORGANIZATIONAL_UNIT_ID);
        return OrganizationsShapes.structure("OrganizationalUnit",
                organizations.describeOrganizationalUnit(call, unitId), OrganizationsShapes::organizationalUnit);
    }

    private JsonResult listOrganizationalUnitsForParent(JsonInput in, CallContext call) {
        String parentId = in.requiredString("ParentId", OrganizationsInputs.PARENT_ID);
        return OrganizationsShapes.page("OrganizationalUnits",
                organizations.listOrganizationalUnitsForParent(call, parentId, page(in)),
                OrganizationsShapes::organizationalUnit);
    }
}
