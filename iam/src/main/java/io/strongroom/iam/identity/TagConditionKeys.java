package io.strongroom.iam.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The tag condition keys a request contributes: {@code aws:RequestTag/…}, {@code aws:TagKeys}, {@code aws:ResourceTag/…}. */
final class TagConditionKeys {
    private TagConditionKeys() {
    }

    static Map<String, List<String>> request(List<Tag> tags) {
        Map<String, List<String>> keys = new HashMap<>();
        if (tags.isEmpty()) {
            return keys;
        }
        tags.forEach(tag -> keys.put("aws:RequestTag/" + tag.key(), List.of(tag.value())));
        keys.put("aws:TagKeys", tags.stream().map(Tag::key).toList());
        return keys;
    }

    static Map<String, List<String>> resource(Map<String, String> tags) {
        Map<String, List<String>> keys = new HashMap<>();
        tags.forEach((key, value) -> {
            keys.put("aws:ResourceTag/" + key, List.of(value));
            keys.put("iam:ResourceTag/" + key, List.of(value));
        });
        return keys;
    }

    static Map<String, List<String>> merge(Map<String, List<String>> a, Map<String, List<String>> b) {
        Map<String, List<String>> merged = new HashMap<>(a);
        merged.putAll(b);
        return merged;
    }
}
