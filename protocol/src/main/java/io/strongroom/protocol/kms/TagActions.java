package io.strongroom.protocol.kms;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.kms.KmsService;
import io.strongroom.protocol.json.JsonInput;
import io.strongroom.protocol.json.JsonOperationFamily;
import io.strongroom.protocol.json.JsonOperationTable;
import io.strongroom.protocol.json.JsonResult;
import io.strongroom.protocol.json.StringConstraints;
import java.util.Map;

/** TagResource, UntagResource and ListResourceTags. */
final class TagActions implements JsonOperationFamily {
    private final KmsService kms;

    TagActions(KmsService kms) {
        this.kms = requireNonNull(kms, "kms");
    }

    @Override
    public void registerInto(JsonOperationTable table) {
        table.add("TagResource", this::tag)
                .add("UntagResource", this::untag)
                .add("ListResourceTags", this::list);
    }

    private JsonResult tag(JsonInput in, CallContext call) {
        in.requiredObjectList("Tags", 0, 200);
        kms.tagResource(call, in.requiredString("KeyId", KmsShapes.KEY_ID), KeyActions.tags(in));
        return JsonResult.of(out -> { });
    }

    private JsonResult untag(JsonInput in, CallContext call) {
        kms.untagResource(call, in.requiredString("KeyId", KmsShapes.KEY_ID),
                in.requiredStringList("TagKeys", 0, 200, StringConstraints.length(1, 128)));
        return JsonResult.of(out -> { });
    }

    private JsonResult list(JsonInput in, CallContext call) {
        KmsService.Page<Map.Entry<String, String>> page = kms.listResourceTags(call,
                in.requiredString("KeyId", KmsShapes.KEY_ID), KmsShapes.marker(in), KmsShapes.limit(in, 50, 50));
        return JsonResult.of(out -> {
            out.objectList("Tags", page.items(), (entry, tag) -> entry.string("TagKey", tag.getKey())
                    .string("TagValue", tag.getValue()));
            KmsShapes.page(out, page);
        });
    }
}
