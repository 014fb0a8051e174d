package io.strongroom.protocol.kms;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.kms.KeyVersion;
import io.strongroom.kms.KmsKey;
import io.strongroom.kms.KmsService;
import io.strongroom.protocol.json.JsonInput;
import io.strongroom.protocol.json.JsonOperationFamily;
import io.strongroom.protocol.json.JsonOperationTable;
import io.strongroom.protocol.json.JsonResult;

/** EnableKeyRotation, DisableKeyRotation, GetKeyRotationStatus, RotateKeyOnDemand and ListKeyRotations. */
final class RotationActions implements JsonOperationFamily {
    private final KmsService kms;

    RotationActions(KmsService kms) {
        this.kms = requireNonNull(kms, "kms");
    }

    @Override
    public void registerInto(JsonOperationTable table) {
        table.add("EnableKeyRotation", this::enable)
                .add("DisableKeyRotation", this::disable)
                .add("GetKeyRotationStatus", this::status)
                .add("RotateKeyOnDemand", this::rotateOnDemand)
                .add("ListKeyRotations", this::list);
    }

    private JsonResult enable(JsonInput in, CallContext call) {
        kms.enableKeyRotation(call, in.requiredString("KeyId", KmsShapes.KEY_ID), in.integer("RotationPeriodInDays"));
        return JsonResult.of(out -> { });
    }

    private JsonResult disable(JsonInput in, CallContext call) {
        kms.disableKeyRotation(call, in.requiredString("KeyId", KmsShapes.KEY_ID));
        return JsonResult.of(out -> { });
    }

    private JsonResult status(JsonInput in, CallContext call) {
        KmsKey key = kms.getKeyRotationStatus(call, in.requiredString("KeyId", KmsShapes.KEY_ID));
        return JsonResult.of(out -> {
            out.bool("KeyRotationEnabled", key.rotation().enabled()).string("KeyId", key.arn());
            if (key.rotation().enabled()) {
                key.rotation().periodDays().ifPresent(days -> out.number("RotationPeriodInDays", days));
                out.timestamp("NextRotationDate", key.rotation().nextRotationDate());
            }
            // OnDemandRotationStartDate is only shown while an on-demand rotation runs; ours complete
            // within the call
        });
    }

    private JsonResult rotateOnDemand(JsonInput in, CallContext call) {
        KmsKey key = kms.rotateKeyOnDemand(call, in.requiredString("KeyId", KmsShapes.KEY_ID));
        return JsonResult.of(out -> out.string("KeyId", key.arn()));
    }

    private JsonResult list(JsonInput in, CallContext call) {
        String keyId = in.requiredString("KeyId", KmsShapes.KEY_ID);
        KmsService.KeyRotations rotations = kms.listKeyRotations(call, keyId, KmsShapes.marker(in),
                KmsShapes.limit(in, 1000, 100));
        String keyArn = rotations.keyArn();
        KmsService.Page<KeyVersion> page = rotations.page();
        return JsonResult.of(out -> {
            out.objectList("Rotations", page.items(), (entry, version) -> entry.string("KeyId", keyArn)
                    .timestamp("RotationDate", version.createdAt())
                    .string("RotationType", version.rotationType().orElseThrow()));
            KmsShapes.page(out, page);
        });
    }
}
