package io.strongroom.protocol.iam;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.Group;
import io.strongroom.iam.identity.GroupWithMembers;
import io.strongroom.iam.identity.IdentityService;
import io.strongroom.iam.identity.Page;
import io.strongroom.protocol.query.CommonParameters;
import io.strongroom.protocol.query.OperationFamily;
import io.strongroom.protocol.query.OperationTable;
import io.strongroom.protocol.query.QueryParameters;
import io.strongroom.protocol.query.QueryResult;

/** CreateGroup, GetGroup, ListGroups, DeleteGroup, AddUserToGroup, RemoveUserFromGroup, ListGroupsForUser. */
final class GroupActions implements OperationFamily {
    private final IdentityService identities;

    GroupActions(IdentityService identities) {
        this.identities = requireNonNull(identities, "identities");
    }

    @Override
    public void registerInto(OperationTable table) {
        table.add("CreateGroup", this::createGroup)
                .add("GetGroup", this::getGroup)
                .add("ListGroups", this::listGroups)
                .add("DeleteGroup", this::deleteGroup)
                .add("AddUserToGroup", this::addUserToGroup)
                .add("RemoveUserFromGroup", this::removeUserFromGroup)
                .add("ListGroupsForUser", this::listGroupsForUser);
    }

    private QueryResult createGroup(QueryParameters p, CallContext call) {
        Group group = identities.createGroup(call, p.requiredString("GroupName"), p.string("Path"));
        return QueryResult.of(xml -> {
            xml.start("Group");
            IamShapes.group(xml, group);
            xml.end();
        });
    }

    private QueryResult getGroup(QueryParameters p, CallContext call) {
        GroupWithMembers answer = identities.getGroup(call, p.requiredString("GroupName"), CommonParameters.page(p));
        return QueryResult.of(xml -> {
            xml.start("Group");
            IamShapes.group(xml, answer.group());
            xml.end();
            xml.list("Users", answer.users().items(), (member, user) -> IamShapes.user(member, user, false));
            IamShapes.pageEnd(xml, answer.users());
        });
    }

    private QueryResult listGroups(QueryParameters p, CallContext call) {
        return groupPage(identities.listGroups(call, p.string("PathPrefix"), CommonParameters.page(p)));
    }

    private QueryResult deleteGroup(QueryParameters p, CallContext call) {
        identities.deleteGroup(call, p.requiredString("GroupName"));
        return QueryResult.none();
    }

    private QueryResult addUserToGroup(QueryParameters p, CallContext call) {
        identities.addUserToGroup(call, p.requiredString("GroupName"), p.requiredString("UserName"));
        return QueryResult.none();
    }

    private QueryResult removeUserFromGroup(QueryParameters p, CallContext call) {
        identities.removeUserFromGroup(call, p.requiredString("GroupName"), p.requiredString("UserName"));
        return QueryResult.none();
    }

    private QueryResult listGroupsForUser(QueryParameters p, CallContext call) {
        return groupPage(identities.listGroupsForUser(call, p.requiredString("UserName"), CommonParameters.page(p)));
    }

    private static QueryResult groupPage(Page<Group> page) {
        return QueryResult.of(xml -> {
            xml.list("Groups", page.items(), IamShapes::group);
            IamShapes.pageEnd(xml, page);
        });
    }
}
