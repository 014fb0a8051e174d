package io.strongroom.protocol.iam;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.IdentityService;
import io.strongroom.iam.identity.Page;
import io.strongroom.iam.identity.Role;
import io.strongroom.protocol.query.CommonParameters;
import io.strongroom.protocol.query.OperationFamily;
import io.strongroom.protocol.query.OperationTable;
import io.strongroom.protocol.query.QueryParameters;
import io.strongroom.protocol.query.QueryResult;

/** CreateRole, GetRole, ListRoles, UpdateRole, UpdateAssumeRolePolicy, DeleteRole. */
final class RoleActions implements OperationFamily {
    private final IdentityService identities;

    RoleActions(IdentityService identities) {
        this.identities = requireNonNull(identities, "identities");
    }

    @Override
    public void registerInto(OperationTable table) {
        table.add("CreateRole", this::createRole)
                .add("GetRole", this::getRole)
                .add("ListRoles", this::listRoles)
                .add("UpdateRole", this::updateRole)
                .add("UpdateAssumeRolePolicy", this::updateAssumeRolePolicy)
                .add("DeleteRole", this::deleteRole);
    }

    private QueryResult createRole(QueryParameters p, CallContext call) {
        Role role = identities.createRole(call, p.requiredString("RoleName"), p.requiredString("AssumeRolePolicyDocument"),
                p.string("Path"), p.string("Description"), p.integer("MaxSessionDuration"),
                p.string("PermissionsBoundary"), CommonParameters.tags(p, "Tags"));
        return singleRole(role);
    }

    private QueryResult getRole(QueryParameters p, CallContext call) {
        return singleRole(identities.getRole(call, p.requiredString("RoleName")));
    }

    private QueryResult listRoles(QueryParameters p, CallContext call) {
        Page<Role> page = identities.listRoles(call, p.string("PathPrefix"), CommonParameters.page(p));
        return QueryResult.of(xml -> {
            xml.list("Roles", page.items(), (member, role) -> IamShapes.role(member, role, false));
            IamShapes.pageEnd(xml, page);
        });
    }

    /** UpdateRole answers an empty result element, unlike most updates. */
    private QueryResult updateRole(QueryParameters p, CallContext call) {
        identities.updateRole(call, p.requiredString("RoleName"), p.string("Description"),
                p.integer("MaxSessionDuration"));
        return QueryResult.of(xml -> { });
    }

    private QueryResult updateAssumeRolePolicy(QueryParameters p, CallContext call) {
        identities.updateAssumeRolePolicy(call, p.requiredString("RoleName"), p.requiredString("PolicyDocument"));
        return QueryResult.none();
    }

    private QueryResult deleteRole(QueryParameters p, CallContext call) {
        identities.deleteRole(call, p.requiredString("RoleName"));
        return QueryResult.none();
    }

    private static QueryResult singleRole(Role role) {
        return QueryResult.of(xml -> {
            xml.start("Role");
            IamShapes.role(xml, role, true);
            xml.end();
        });
    }
}
