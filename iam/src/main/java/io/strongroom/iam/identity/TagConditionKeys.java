package io.strongroom.iam.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place tags become condition keys: {@code aws:RequestTag/…} and {@code aws:TagKeys} for tags a
 * request carries, {@code aws:ResourceTag/…} and {@code iam:ResourceTag/…} for tags a target already has.
 * IAM and STS both use it, so a tag-based Deny reads the same keys on every action.
 */
public final class TagConditionKeys {
    private TagConditionKeys() {
    }

    public static Map<String, List<String>> request(List<Tag> tags) {
        Map<String, List<String>> keys = new HashMap<>();
        if (tags.isEmpty()) {
            return keys;
        }
        tags.forEach(tag -> keys.put("aws:RequestTag/" + tag.key(), List.of(tag.value())));
        keys.put("aws:TagKeys", tags.stream().map(Tag::key).toList());
        return keys;
    }

    /** The keys of a user's or role's current tags, under both the global and the IAM prefix. */
    public static Map<String, List<String>> resource(Map<String, String> tags) {
        Map<String, List<String>> keys = new HashMap<>();
        tags.forEach((key, value) -> {
            keys.put("aws:ResourceTag/" + key, List.of(value));
            keys.put("iam:ResourceTag/" + key, List.of(value));
        });
        return keys;
    }

    /** Both maps' keys; where both name a key, {@code b}'s value wins. */
    public static Map<String, List<String>> merge(Map<String, List<String>> a, Map<String, List<String>> b) {
        Map<String, List<String>> merged = new HashMap<>(a);
        merged.putAll(b);
        return merged;
    }
}
