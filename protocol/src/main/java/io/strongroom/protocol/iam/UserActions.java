package io.strongroom.protocol.iam;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.IdentityService;
import io.strongroom.iam.identity.Page;
import io.strongroom.iam.identity.User;
import io.strongroom.protocol.query.CommonParameters;
import io.strongroom.protocol.query.OperationFamily;
import io.strongroom.protocol.query.OperationTable;
import io.strongroom.protocol.query.QueryParameters;
import io.strongroom.protocol.query.QueryResult;

/** CreateUser, GetUser, ListUsers, UpdateUser, DeleteUser. */
final class UserActions implements OperationFamily {
    private final IdentityService identities;

    UserActions(IdentityService identities) {
        this.identities = requireNonNull(identities, "identities");
    }

    @Override
    public void registerInto(OperationTable table) {
        table.add("CreateUser", this::createUser)
                .add("GetUser", this::getUser)
                .add("ListUsers", this::listUsers)
                .add("UpdateUser", this::updateUser)
                .add("DeleteUser", this::deleteUser);
    }

    private QueryResult createUser(QueryParameters p, CallContext call) {
        User user = identities.createUser(call, p.requiredString("UserName"), p.string("Path"),
                p.string("PermissionsBoundary"), CommonParameters.tags(p, "Tags"));
        return QueryResult.of(xml -> {
            xml.start("User");
            IamShapes.user(xml, user, true);
            xml.end();
        });
    }

    private QueryResult getUser(QueryParameters p, CallContext call) {
        User user = identities.getUser(call, p.string("UserName"));
        return QueryResult.of(xml -> {
            xml.start("User");
            IamShapes.user(xml, user, true);
            xml.end();
        });
    }

    private QueryResult listUsers(QueryParameters p, CallContext call) {
        Page<User> page = identities.listUsers(call, p.string("PathPrefix"), CommonParameters.page(p));
        return QueryResult.of(xml -> {
            xml.list("Users", page.items(), (member, user) -> IamShapes.user(member, user, false));
            IamShapes.pageEnd(xml, page);
        });
    }

    private QueryResult updateUser(QueryParameters p, CallContext call) {
        identities.updateUser(call, p.requiredString("UserName"), p.string("NewUserName"), p.string("NewPath"));
        return QueryResult.none();
    }

    private QueryResult deleteUser(QueryParameters p, CallContext call) {
        identities.deleteUser(call, p.requiredString("UserName"));
        return QueryResult.none();
    }
}
