package io.strongroom.protocol.kms;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.kms.KmsErrors;
import io.strongroom.kms.KmsKey;
import io.strongroom.kms.KmsService;
import io.strongroom.protocol.json.JsonInput;
import io.strongroom.protocol.json.JsonOperationFamily;
import io.strongroom.protocol.json.JsonOperationTable;
import io.strongroom.protocol.json.JsonResult;
import io.strongroom.protocol.json.StringConstraints;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CreateKey, DescribeKey, ListKeys, EnableKey, DisableKey, UpdateKeyDescription, the key-policy
 * operations, ScheduleKeyDeletion and CancelKeyDeletion.
 */
final class KeyActions implements JsonOperationFamily {
    private static final StringConstraints POLICY = StringConstraints.length(1, 131_072);
    private static final StringConstraints POLICY_NAME = StringConstraints.length(1, 128);

    private final KmsService kms;

    KeyActions(KmsService kms) {
        this.kms = requireNonNull(kms, "kms");
    }

    @Override
    public void registerInto(JsonOperationTable table) {
        table.add("CreateKey", this::createKey)
                .add("DescribeKey", this::describeKey)
                .add("ListKeys", this::listKeys)
                .add("EnableKey", this::enableKey)
                .add("DisableKey", this::disableKey)
                .add("UpdateKeyDescription", this::updateKeyDescription)
                .add("GetKeyPolicy", this::getKeyPolicy)
                .add("PutKeyPolicy", this::putKeyPolicy)
                .add("ListKeyPolicies", this::listKeyPolicies)
                .add("ScheduleKeyDeletion", this::scheduleKeyDeletion)
                .add("CancelKeyDeletion", this::cancelKeyDeletion);
    }

    private JsonResult createKey(JsonInput in, CallContext call) {
        if (in.string("Origin").filter(origin -> !origin.equals("AWS_KMS")).isPresent()
                || in.has("CustomKeyStoreId") || in.has("XksKeyId")) {
            throw KmsErrors.unsupported("Only keys with origin AWS_KMS are supported by this"
                    + " installation.");
        }
        if (in.bool("MultiRegion").orElse(false)) {
            throw KmsErrors.unsupported("Multi-Region keys are not supported by this installation.");
        }
        Optional<String> keySpec = in.string("KeySpec").or(() -> in.string("CustomerMasterKeySpec"));
        KmsKey key = kms.createKey(call, new KmsService.CreateKeyRequest(
                in.string("Description", StringConstraints.length(0, 8192)).orElse(""),
                in.string("KeyUsage"), keySpec, in.string("Policy", POLICY),
                in.bool("BypassPolicyLockoutSafetyCheck").orElse(false), tags(in)));
        return JsonResult.of(out -> KmsShapes.keyMetadata(out, key));
    }

    private JsonResult describeKey(JsonInput in, CallContext call) {
        KmsKey key = kms.describeKey(call, in.requiredString("KeyId", KmsShapes.KEY_ID), KmsShapes.grantTokens(in));
        return JsonResult.of(out -> KmsShapes.keyMetadata(out, key));
    }

    private JsonResult listKeys(JsonInput in, CallContext call) {
        KmsService.Page<KmsKey> page = kms.listKeys(call, KmsShapes.marker(in), KmsShapes.limit(in, 1000, 100));
        return JsonResult.of(out -> {
            out.objectList("Keys", page.items(), (entry, key) -> entry.string("KeyId", key.keyId())
                    .string("KeyArn", key.arn()));
            KmsShapes.page(out, page);
        });
    }

    private JsonResult enableKey(JsonInput in, CallContext call) {
        kms.enableKey(call, in.requiredString("KeyId", KmsShapes.KEY_ID));
        return JsonResult.of(out -> { });
    }

    private JsonResult disableKey(JsonInput in, CallContext call) {
        kms.disableKey(call, in.requiredString("KeyId", KmsShapes.KEY_ID));
        return JsonResult.of(out -> { });
    }

    private JsonResult updateKeyDescription(JsonInput in, CallContext call) {
        kms.updateKeyDescription(call, in.requiredString("KeyId", KmsShapes.KEY_ID),
                in.requiredString("Description", StringConstraints.length(0, 8192)));
        return JsonResult.of(out -> { });
    }

    private JsonResult getKeyPolicy(JsonInput in, CallContext call) {
        String policyName = in.string("PolicyName", POLICY_NAME).orElse("default");
        String policy = kms.getKeyPolicy(call, in.requiredString("KeyId", KmsShapes.KEY_ID), policyName);
        return JsonResult.of(out -> out.string("Policy", policy).string("PolicyName", policyName));
    }

    private JsonResult putKeyPolicy(JsonInput in, CallContext call) {
        kms.putKeyPolicy(call, in.requiredString("KeyId", KmsShapes.KEY_ID),
                in.string("PolicyName", POLICY_NAME).orElse("default"), in.requiredString("Policy", POLICY),
                in.bool("BypassPolicyLockoutSafetyCheck").orElse(false));
        return JsonResult.of(out -> { });
    }

    private JsonResult listKeyPolicies(JsonInput in, CallContext call) {
        KmsShapes.limit(in, 1000, 100);
        KmsShapes.marker(in);
        var names = kms.listKeyPolicies(call, in.requiredString("KeyId", KmsShapes.KEY_ID));
        return JsonResult.of(out -> out.stringList("PolicyNames", names).bool("Truncated", false));
    }

    private JsonResult scheduleKeyDeletion(JsonInput in, CallContext call) {
        KmsKey key = kms.scheduleKeyDeletion(call, in.requiredString("KeyId", KmsShapes.KEY_ID),
                in.integer("PendingWindowInDays"));
        return JsonResult.of(out -> {
            out.string("KeyId", key.arn());
            out.timestamp("DeletionDate", key.deletionDate());
            out.string("KeyState", key.state().wireName());
            key.pendingWindowDays().ifPresent(days -> out.number("PendingWindowInDays", days));
        });
    }

    private JsonResult cancelKeyDeletion(JsonInput in, CallContext call) {
        KmsKey key = kms.cancelKeyDeletion(call, in.requiredString("KeyId", KmsShapes.KEY_ID));
        return JsonResult.of(out -> out.string("KeyId", key.arn()));
    }

    /** The Tags member: a list of TagKey/TagValue; a key given twice is a TagException, as in AWS. */
    static Map<String, String> tags(JsonInput in) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonInput tag : in.objectList("Tags")) {
            String key = tag.requiredString("TagKey", StringConstraints.length(1, 128));
            String value = tag.requiredString("TagValue", StringConstraints.length(0, 256));
            if (tags.put(key, value) != null) {
                throw KmsErrors.tag("Duplicate tag key " + key);
            }
        }
        return tags;
    }
}
