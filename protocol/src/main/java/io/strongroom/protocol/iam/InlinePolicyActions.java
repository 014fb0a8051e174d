package io.strongroom.protocol.iam;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.IdentityService;
import io.strongroom.iam.identity.InlinePolicy;
import io.strongroom.iam.identity.Page;
import io.strongroom.iam.identity.PageRequest;
import io.strongroom.protocol.query.CommonParameters;
import io.strongroom.protocol.query.OperationFamily;
import io.strongroom.protocol.query.OperationTable;
import io.strongroom.protocol.query.QueryResult;

/**
 * Put/Get/List/Delete{User,Group,Role}Policy. The three principal kinds differ only in the name
 * parameter and the service method, so one small table per kind describes them.
 */
final class InlinePolicyActions implements OperationFamily {
    private final IdentityService identities;

    InlinePolicyActions(IdentityService identities) {
        this.identities = requireNonNull(identities, "identities");
    }

    /** How one kind of principal is named on the wire and reached in the service. */
    private record Kind(String action, String nameParameter, Putter put, Getter get, Lister list, Deleter delete) {
    }

    @FunctionalInterface
    private interface Putter {
        void put(CallContext call, String principal, String policyName, String document);
    }

    @FunctionalInterface
    private interface Getter {
        InlinePolicy get(CallContext call, String principal, String policyName);
    }

    @FunctionalInterface
    private interface Lister {
        Page<String> list(CallContext call, String principal, PageRequest page);
    }

    @FunctionalInterface
    private interface Deleter {
        void delete(CallContext call, String principal, String policyName);
    }

    @Override
    public void registerInto(OperationTable table) {
        register(table, new Kind("User", "UserName", identities::putUserPolicy, identities::getUserPolicy,
                identities::listUserPolicies, identities::deleteUserPolicy));
        register(table, new Kind("Group", "GroupName", identities::putGroupPolicy, identities::getGroupPolicy,
                identities::listGroupPolicies, identities::deleteGroupPolicy));
        register(table, new Kind("Role", "RoleName", identities::putRolePolicy, identities::getRolePolicy,
                identities::listRolePolicies, identities::deleteRolePolicy));
    }

    private static void register(OperationTable table, Kind kind) {
        String name = kind.nameParameter();
        table.add("Put" + kind.action() + "Policy", (p, call) -> {
            kind.put().put(call, p.requiredString(name), p.requiredString("PolicyName"), p.requiredString("PolicyDocument"));
            return QueryResult.none();
        });
        table.add("Get" + kind.action() + "Policy", (p, call) -> {
            InlinePolicy policy = kind.get().get(call, p.requiredString(name), p.requiredString("PolicyName"));
            return QueryResult.of(xml -> xml.element(name, policy.principalName())
                    .element("PolicyName", policy.policyName())
                    .element("PolicyDocument", IamShapes.policyDocument(policy.document())));
        });
        table.add("List" + kind.action() + "Policies", (p, call) -> {
            Page<String> page = kind.list().list(call, p.requiredString(name), CommonParameters.page(p));
            return QueryResult.of(xml -> {
                xml.stringList("PolicyNames", page.items());
                IamShapes.pageEnd(xml, page);
            });
        });
        table.add("Delete" + kind.action() + "Policy", (p, call) -> {
            kind.delete().delete(call, p.requiredString(name), p.requiredString("PolicyName"));
            return QueryResult.none();
        });
    }
}
