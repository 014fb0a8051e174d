package io.strongroom.protocol.iam;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.AttachedPolicy;
import io.strongroom.iam.identity.IdentityService;
import io.strongroom.iam.identity.Page;
import io.strongroom.iam.identity.PageRequest;
import io.strongroom.protocol.query.CommonParameters;
import io.strongroom.protocol.query.OperationFamily;
import io.strongroom.protocol.query.OperationTable;
import io.strongroom.protocol.query.QueryResult;
import java.util.Optional;

/** Attach/Detach/ListAttached{User,Group,Role}Policies. */
final class PolicyAttachmentActions implements OperationFamily {
    private final IdentityService identities;

    PolicyAttachmentActions(IdentityService identities) {
        this.identities = requireNonNull(identities, "identities");
    }

    private record Kind(String principal, String nameParameter, Change attach, Change detach, Lister list) {
    }

    @FunctionalInterface
    private interface Change {
        void apply(CallContext call, String principalName, String policyArn);
    }

    @FunctionalInterface
    private interface Lister {
        Page<AttachedPolicy> list(CallContext call, String principalName, Optional<String> pathPrefix, PageRequest page);
    }

    @Override
    public void registerInto(OperationTable table) {
        register(table, new Kind("User", "UserName", identities::attachUserPolicy, identities::detachUserPolicy,
                identities::listAttachedUserPolicies));
        register(table, new Kind("Group", "GroupName", identities::attachGroupPolicy, identities::detachGroupPolicy,
                identities::listAttachedGroupPolicies));
        register(table, new Kind("Role", "RoleName", identities::attachRolePolicy, identities::detachRolePolicy,
                identities::listAttachedRolePolicies));
    }

    private static void register(OperationTable table, Kind kind) {
        String name = kind.nameParameter();
        table.add("Attach" + kind.principal() + "Policy", (p, call) -> {
            kind.attach().apply(call, p.requiredString(name), p.requiredString("PolicyArn"));
            return QueryResult.none();
        });
        table.add("Detach" + kind.principal() + "Policy", (p, call) -> {
            kind.detach().apply(call, p.requiredString(name), p.requiredString("PolicyArn"));
            return QueryResult.none();
        });
        table.add("ListAttached" + kind.principal() + "Policies", (p, call) -> {
            Page<AttachedPolicy> page = kind.list().list(call, p.requiredString(name), p.string("PathPrefix"),
                    CommonParameters.page(p));
            return QueryResult.of(xml -> {
                xml.list("AttachedPolicies", page.items(), IamShapes::attachedPolicy);
                IamShapes.pageEnd(xml, page);
            });
        });
    }
}
