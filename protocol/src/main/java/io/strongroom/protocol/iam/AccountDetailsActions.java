package io.strongroom.protocol.iam;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.identity.AccountAuthorizationDetails;
import io.strongroom.iam.identity.AccountAuthorizationDetails.EntityType;
import io.strongroom.iam.identity.IdentityService;
import io.strongroom.iam.identity.PageRequest;
import io.strongroom.protocol.query.CommonParameters;
import io.strongroom.protocol.query.OperationFamily;
import io.strongroom.protocol.query.OperationTable;
import io.strongroom.protocol.query.QueryParameters;
import io.strongroom.protocol.query.QueryResult;
import io.strongroom.protocol.query.XmlWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** GetAccountAuthorizationDetails: every identity and policy of the account in one answer. */
final class AccountDetailsActions implements OperationFamily {
    private final IdentityService identities;

    AccountDetailsActions(IdentityService identities) {
        this.identities = requireNonNull(identities, "identities");
    }

    @Override
    public void registerInto(OperationTable table) {
        table.add("GetAccountAuthorizationDetails", (p, call) -> {
            PageRequest page = CommonParameters.page(p);
            AccountAuthorizationDetails details = identities.getAccountAuthorizationDetails(call, filter(p));
            return QueryResult.of(xml -> write(xml, details, page));
        });
    }

    private static Set<EntityType> filter(QueryParameters p) {
        Set<EntityType> filter = EnumSet.noneOf(EntityType.class);
        for (String name : p.stringList("Filter")) {
            try {
                filter.add(EntityType.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw AwsException.validation("1 validation error detected: Value '" + name.substring(0, Math.min(64, name.length()))
                        + "' at 'filter' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[User, Role, Group, LocalManagedPolicy, AWSManagedPolicy]");
            }
        }
        return filter;
    }

    /** One page over the four lists taken as one sequence: users, then groups, roles and policies. */
    private static void write(XmlWriter xml, AccountAuthorizationDetails details, PageRequest page) {
        int groupsAt = details.users().size();
        int rolesAt = groupsAt + details.groups().size();
        int policiesAt = rolesAt + details.roles().size();
        WholeListPaging.Window window = WholeListPaging.window(policiesAt + details.policies().size(), page);
        xml.list("UserDetailList", window.of(details.users(), 0), AccountDetailsActions::user);
        xml.list("GroupDetailList", window.of(details.groups(), groupsAt), AccountDetailsActions::group);
        xml.list("RoleDetailList", window.of(details.roles(), rolesAt), AccountDetailsActions::role);
        xml.list("Policies", window.of(details.policies(), policiesAt), AccountDetailsActions::policy);
        xml.element("IsTruncated", window.marker().isPresent());
        xml.element("Marker", window.marker());
    }

    private static void user(XmlWriter xml, AccountAuthorizationDetails.UserDetail detail) {
        var user = detail.user();
        xml.element("Path", user.path())
                .element("UserName", user.userName())
                .element("UserId", user.userId())
                .element("Arn", user.arn())
                .element("CreateDate", user.createDate());
        xml.list("UserPolicyList", detail.inlinePolicies(), IamShapes::inlinePolicyDetail);
        xml.stringList("GroupList", detail.groupNames());
        xml.list("AttachedManagedPolicies", detail.attachedPolicies(), IamShapes::attachedPolicy);
        IamShapes.permissionsBoundary(xml, user.permissionsBoundaryArn());
        IamShapes.tags(xml, "Tags", user.tags());
    }

    private static void group(XmlWriter xml, AccountAuthorizationDetails.GroupDetail detail) {
        IamShapes.group(xml, detail.group());
        xml.list("GroupPolicyList", detail.inlinePolicies(), IamShapes::inlinePolicyDetail);
        xml.list("AttachedManagedPolicies", detail.attachedPolicies(), IamShapes::attachedPolicy);
    }

    private static void role(XmlWriter xml, AccountAuthorizationDetails.RoleDetail detail) {
        var role = detail.role();
        xml.element("Path", role.path())
                .element("RoleName", role.roleName())
                .element("RoleId", role.roleId())
                .element("Arn", role.arn())
                .element("CreateDate", role.createDate())
                .element("AssumeRolePolicyDocument", IamShapes.policyDocument(role.assumeRolePolicyDocument()));
        xml.list("InstanceProfileList", List.of(), (member, none) -> { }); // Strongroom has no instance profiles
        xml.list("RolePolicyList", detail.inlinePolicies(), IamShapes::inlinePolicyDetail);
        xml.list("AttachedManagedPolicies", detail.attachedPolicies(), IamShapes::attachedPolicy);
        IamShapes.permissionsBoundary(xml, role.permissionsBoundaryArn());
        IamShapes.tags(xml, "Tags", role.tags());
    }

    private static void policy(XmlWriter xml, AccountAuthorizationDetails.PolicyDetail detail) {
        IamShapes.policy(xml, detail.info());
        xml.list("PolicyVersionList", detail.versions(), (member, version) -> IamShapes.policyVersion(member, version, true));
    }
}
