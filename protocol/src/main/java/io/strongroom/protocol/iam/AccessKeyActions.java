package io.strongroom.protocol.iam;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.AccessKey;
import io.strongroom.iam.identity.AccessKeyLastUsedInfo;
import io.strongroom.iam.identity.CreatedAccessKey;
import io.strongroom.iam.identity.IdentityService;
import io.strongroom.iam.identity.Page;
import io.strongroom.iam.identity.PageRequest;
import io.strongroom.protocol.query.CommonParameters;
import io.strongroom.protocol.query.OperationFamily;
import io.strongroom.protocol.query.OperationTable;
import io.strongroom.protocol.query.QueryParameters;
import io.strongroom.protocol.query.QueryResult;
import java.util.List;

/** CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey, GetAccessKeyLastUsed. */
final class AccessKeyActions implements OperationFamily {
    /** What IAM answers for the service and region of a key that was never used. */
    private static final String NEVER_USED = "N/A";

    private final IdentityService identities;

    AccessKeyActions(IdentityService identities) {
        this.identities = requireNonNull(identities, "identities");
    }

    @Override
    public void registerInto(OperationTable table) {
        table.add("CreateAccessKey", this::createAccessKey)
                .add("ListAccessKeys", this::listAccessKeys)
                .add("UpdateAccessKey", this::updateAccessKey)
                .add("DeleteAccessKey", this::deleteAccessKey)
                .add("GetAccessKeyLastUsed", this::getAccessKeyLastUsed);
    }

    /** The one response that carries a secret access key; it goes nowhere but the response body. */
    private QueryResult createAccessKey(QueryParameters p, CallContext call) {
        CreatedAccessKey created = identities.createAccessKey(call, p.string("UserName"));
        AccessKey key = created.key();
        return QueryResult.of(xml -> {
            xml.start("AccessKey");
            if (!created.userName().isEmpty()) {
                xml.element("UserName", created.userName());
            }
            xml.element("AccessKeyId", key.accessKeyId())
                    .element("Status", IamShapes.status(key))
                    .element("SecretAccessKey", created.secretAccessKey())
                    .element("CreateDate", key.createDate());
            xml.end();
        });
    }

    /** A user has at most two keys, so the listing is never truncated; Marker and MaxItems are still checked. */
    private QueryResult listAccessKeys(QueryParameters p, CallContext call) {
        PageRequest request = CommonParameters.page(p);
        Page<AccessKey> keys = WholeListPaging.page(identities.listAccessKeys(call, p.string("UserName")), request);
        return QueryResult.of(xml -> {
            xml.list("AccessKeyMetadata", keys.items(), IamShapes::accessKeyMetadata);
            IamShapes.pageEnd(xml, keys);
        });
    }

    private QueryResult updateAccessKey(QueryParameters p, CallContext call) {
        identities.updateAccessKey(call, p.string("UserName"), p.requiredString("AccessKeyId"),
                p.requiredString("Status"));
        return QueryResult.none();
    }

    private QueryResult deleteAccessKey(QueryParameters p, CallContext call) {
        identities.deleteAccessKey(call, p.string("UserName"), p.requiredString("AccessKeyId"));
        return QueryResult.none();
    }

    private QueryResult getAccessKeyLastUsed(QueryParameters p, CallContext call) {
        AccessKeyLastUsedInfo info = identities.getAccessKeyLastUsed(call, p.requiredString("AccessKeyId"));
        return QueryResult.of(xml -> {
            xml.element("UserName", info.userName().filter(name -> !name.isEmpty()));
            xml.start("AccessKeyLastUsed");
            info.lastUsed().ifPresentOrElse(
                    used -> xml.element("LastUsedDate", used.date())
                            .element("ServiceName", used.serviceName())
                            .element("Region", used.region()),
                    () -> xml.element("ServiceName", NEVER_USED).element("Region", NEVER_USED));
            xml.end();
        });
    }
}
