package io.strongroom.protocol.kms;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.kms.KeyAlias;
import io.strongroom.kms.KmsService;
import io.strongroom.protocol.json.JsonInput;
import io.strongroom.protocol.json.JsonOperationFamily;
import io.strongroom.protocol.json.JsonOperationTable;
import io.strongroom.protocol.json.JsonResult;
import io.strongroom.protocol.json.StringConstraints;

/** CreateAlias, UpdateAlias, DeleteAlias and ListAliases. */
final class AliasActions implements JsonOperationFamily {
    private static final StringConstraints ALIAS_NAME = StringConstraints.length(1, 256);

    private final KmsService kms;

    AliasActions(KmsService kms) {
        this.kms = requireNonNull(kms, "kms");
    }

    @Override
    public void registerInto(JsonOperationTable table) {
        table.add("CreateAlias", this::createAlias)
                .add("UpdateAlias", this::updateAlias)
                .add("DeleteAlias", this::deleteAlias)
                .add("ListAliases", this::listAliases);
    }

    private JsonResult createAlias(JsonInput in, CallContext call) {
        kms.createAlias(call, in.requiredString("AliasName", ALIAS_NAME), in.requiredString("TargetKeyId", KmsShapes.KEY_ID));
        return JsonResult.of(out -> { });
    }

    private JsonResult updateAlias(JsonInput in, CallContext call) {
        kms.updateAlias(call, in.requiredString("AliasName", ALIAS_NAME), in.requiredString("TargetKeyId", KmsShapes.KEY_ID));
        return JsonResult.of(out -> { });
    }

    private JsonResult deleteAlias(JsonInput in, CallContext call) {
        kms.deleteAlias(call, in.requiredString("AliasName", ALIAS_NAME));
        return JsonResult.of(out -> { });
    }

    private JsonResult listAliases(JsonInput in, CallContext call) {
        KmsService.Page<KeyAlias> page = kms.listAliases(call, in.string("KeyId", KmsShapes.KEY_ID),
                KmsShapes.marker(in), KmsShapes.limit(in, 100, 50));
        return JsonResult.of(out -> {
            out.objectList("Aliases", page.items(), (entry, alias) -> entry.string("AliasName", alias.aliasName())
                    .string("AliasArn", alias.arn())
                    .string("TargetKeyId", alias.targetKeyId())
                    .timestamp("CreationDate", alias.creationDate())
                    .timestamp("LastUpdatedDate", alias.lastUpdatedDate()));
            KmsShapes.page(out, page);
        });
    }
}
