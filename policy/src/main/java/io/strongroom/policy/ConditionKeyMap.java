package io.strongroom.policy;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The request's condition keys: an unmodifiable map whose lookups ignore case. The evaluator's hot
 * path asks with keys it lower-cased at parse time, which is a plain hash lookup.
 */
final class ConditionKeyMap extends AbstractMap<String, List<String>> implements PolicyVariableValues {
    private final Map<String, List<String>> byLowerCaseKey;
    private final Map<String, List<String>> asGiven;

    ConditionKeyMap(Map<String, ? extends List<String>> keys) {
        Map<String, List<String>> lower = new HashMap<>();
        Map<String, List<String>> given = new LinkedHashMap<>();
        keys.forEach((key, values) -> {
            List<String> copy = List.copyOf(values);
            lower.put(key.toLowerCase(Locale.ROOT), copy);
            given.put(key, copy);
        });
        this.byLowerCaseKey = lower;
        this.asGiven = Collections.unmodifiableMap(given);
    }

    /** Values of a key given in lower case; null when absent. */
    List<String> valuesOfLowerCaseKey(String lowerCaseKey) {
        return byLowerCaseKey.get(lowerCaseKey);
    }

    @Override
    public String singleValue(String lowerCaseKey) {
        List<String> values = byLowerCaseKey.get(lowerCaseKey);
        return values != null && values.size() == 1 ? values.getFirst() : null;
    }

    @Override
    public List<String> get(Object key) {
        return key instanceof String text ? byLowerCaseKey.get(text.toLowerCase(Locale.ROOT)) : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
        return asGiven.entrySet();
    }
}
