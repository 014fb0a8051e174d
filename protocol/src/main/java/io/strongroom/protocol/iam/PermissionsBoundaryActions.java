package io.strongroom.protocol.iam;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.identity.IdentityService;
import io.strongroom.protocol.query.OperationFamily;
import io.strongroom.protocol.query.OperationTable;
import io.strongroom.protocol.query.QueryResult;

/** Put/Delete{User,Role}PermissionsBoundary. */
final class PermissionsBoundaryActions implements OperationFamily {
    private final IdentityService identities;

    PermissionsBoundaryActions(IdentityService identities) {
        this.identities = requireNonNull(identities, "identities");
    }

    @Override
    public void registerInto(OperationTable table) {
        table.add("PutUserPermissionsBoundary", (p, call) -> {
            identities.putUserPermissionsBoundary(call, p.requiredString("UserName"),
                    p.requiredString("PermissionsBoundary"));
            return QueryResult.none();
        });
        table.add("DeleteUserPermissionsBoundary", (p, call) -> {
            identities.deleteUserPermissionsBoundary(call, p.requiredString("UserName"));
            return QueryResult.none();
        });
        table.add("PutRolePermissionsBoundary", (p, call) -> {
            identities.putRolePermissionsBoundary(call, p.requiredString("RoleName"),
                    p.requiredString("PermissionsBoundary"));
            return QueryResult.none();
        });
        table.add("DeleteRolePermissionsBoundary", (p, call) -> {
            identities.deleteRolePermissionsBoundary(call, p.requiredString("RoleName"));
            return QueryResult.none();
        });
    }
}
