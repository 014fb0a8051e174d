package io.strongroom.protocol.iam;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.IdentityService;
import io.strongroom.iam.identity.Page;
import io.strongroom.iam.identity.PageRequest;
import io.strongroom.iam.identity.Tag;
import io.strongroom.protocol.query.CommonParameters;
import io.strongroom.protocol.query.OperationFamily;
import io.strongroom.protocol.query.OperationTable;
import io.strongroom.protocol.query.QueryResult;
import java.util.List;

/** Tag/Untag/List{User,Role}Tags. */
final class TagActions implements OperationFamily {
    private final IdentityService identities;

    TagActions(IdentityService identities) {
        this.identities = requireNonNull(identities, "identities");
    }

    private record Kind(String principal, String nameParameter, Tagger tag, Untagger untag, Lister list) {
    }

    @FunctionalInterface
    private interface Tagger {
        void tag(CallContext call, String principalName, List<Tag> tags);
    }

    @FunctionalInterface
    private interface Untagger {
        void untag(CallContext call, String principalName, List<String> tagKeys);
    }

    @FunctionalInterface
    private interface Lister {
        Page<Tag> list(CallContext call, String principalName, PageRequest page);
    }

    @Override
    public void registerInto(OperationTable table) {
        register(table, new Kind("User", "UserName", identities::tagUser, identities::untagUser,
                identities::listUserTags));
        register(table, new Kind("Role", "RoleName", identities::tagRole, identities::untagRole,
                identities::listRoleTags));
    }

    private static void register(OperationTable table, Kind kind) {
        String name = kind.nameParameter();
        table.add("Tag" + kind.principal(), (p, call) -> {
            String principalName = p.requiredString(name);
            p.requiredStructureList("Tags");
            kind.tag().tag(call, principalName, CommonParameters.tags(p, "Tags"));
            return QueryResult.none();
        });
        table.add("Untag" + kind.principal(), (p, call) -> {
            kind.untag().untag(call, p.requiredString(name), p.requiredStringList("TagKeys"));
            return QueryResult.none();
        });
        table.add("List" + kind.principal() + "Tags", (p, call) -> {
            Page<Tag> page = kind.list().list(call, p.requiredString(name), CommonParameters.page(p));
            return QueryResult.of(xml -> {
                xml.list("Tags", page.items(), (member, tag) ->
                        member.element("Key", tag.key()).element("Value", tag.value()));
                IamShapes.pageEnd(xml, page);
            });
        });
    }
}
