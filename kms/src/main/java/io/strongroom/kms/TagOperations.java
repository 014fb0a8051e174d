package io.strongroom.kms;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.Tag;
import io.strongroom.iam.identity.TagConditionKeys;
import io.strongroom.kms.KeyAccess.KeyView;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** TagResource, UntagResource and ListResourceTags; tags reach policies as {@code aws:ResourceTag/…}. */
final class TagOperations {
    private final KeyAccess access;
    private final KeyOperations keys;

    TagOperations(KeyAccess access, KeyOperations keys) {
        this.access = requireNonNull(access, "access");
        this.keys = requireNonNull(keys, "keys");
    }

    void tag(CallContext call, String keyId, Map<String, String> tags) {
        Tags.validate(tags);
        Map<String, List<String>> conditionKeys = TagConditionKeys.request(
                tags.entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toList());
        keys.change(call, keyId, "TagResource", key -> {
            KeyStates.requireNotPendingDeletion(key);
            Map<String, String> merged = new LinkedHashMap<>(key.tags());
            merged.putAll(tags);
            Tags.requireWithinLimit(merged.size());
            return key.withTags(merged);
        }, conditionKeys);
    }

    void untag(CallContext call, String keyId, List<String> tagKeys) {
        Map<String, List<String>> conditionKeys = new HashMap<>();
        conditionKeys.put("aws:TagKeys", List.copyOf(tagKeys));
        keys.change(call, keyId, "UntagResource", key -> {
            KeyStates.requireNotPendingDeletion(key);
            Map<String, String> remaining = new LinkedHashMap<>(key.tags());
            tagKeys.forEach(remaining::remove);
            return key.withTags(remaining);
        }, conditionKeys);
    }

    KmsService.Page<Map.Entry<String, String>> list(CallContext call, String keyId, Optional<String> marker,
                                                    int limit) {
        KeyView view = access.resolve(call, keyId);
        access.authorize(call, view, "ListResourceTags", Map.of());
        List<Map.Entry<String, String>> sorted = List.copyOf(new TreeMap<>(view.key().tags()).entrySet());
        return KmsService.Page.after(sorted, marker, limit, Map.Entry::getKey);
    }
}
