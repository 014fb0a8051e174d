package io.strongroom.policy;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request's condition keys: an unmodifiable map whose lookups ignore case. The evaluator's hot
 * path asks with keys it lower-cased at parse time, which is a plain hash lookup.
 *
 * <p>Every authorised call builds one, so building is kept cheap: one hash map, and the lower-case
 * form of the key names that recur on every call (aws:PrincipalArn, kms:CallerAccount…) is
 * remembered instead of recomputed.
 */
final class ConditionKeyMap extends AbstractMap<String, List<String>> implements PolicyVariableValues {
    private static final int MAX_REMEMBERED_NAMES = 4096;
    private static final Map<String, String> LOWER_CASE_NAMES = new ConcurrentHashMap<>();

    /** By lower-case key: the key as given, with its values. */
    private final Map<String, Entry<String, List<String>>> byLowerCaseKey;

    ConditionKeyMap(Map<String, ? extends List<String>> keys) {
        this(capacityFor(keys.size()));
        keys.forEach(this::putValues);
    }

    private ConditionKeyMap(int capacity) {
        this.byLowerCaseKey = new LinkedHashMap<>(capacity);
    }

    /** Only while building: a later value of a key replaces an earlier one, whatever its case. */
    private void putValues(String key, List<String> values) {
        byLowerCaseKey.put(lowerCase(key), new SimpleImmutableEntry<>(key, List.copyOf(values)));
    }

    /** Values of a key given in lower case; null when absent. */
    List<String> valuesOfLowerCaseKey(String lowerCaseKey) {
        Entry<String, List<String>> entry = byLowerCaseKey.get(lowerCaseKey);
        return entry == null ? null : entry.getValue();
    }

    @Override
    public String singleValue(String lowerCaseKey) {
        List<String> values = valuesOfLowerCaseKey(lowerCaseKey);
        return values != null && values.size() == 1 ? values.getFirst() : null;
    }

    @Override
    public List<String> get(Object key) {
        return key instanceof String text ? valuesOfLowerCaseKey(text.toLowerCase(Locale.ROOT)) : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return byLowerCaseKey.size();
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, List<String>>> iterator() {
                return Collections.unmodifiableCollection(byLowerCaseKey.values()).iterator();
            }

            @Override
            public int size() {
                return byLowerCaseKey.size();
            }
        };
    }

    private static String lowerCase(String key) {
        String known = LOWER_CASE_NAMES.get(key);
        if (known != null) {
            return known;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        // tag and encryption-context names vary without bound; only so many are remembered
        if (LOWER_CASE_NAMES.size() < MAX_REMEMBERED_NAMES) {
            LOWER_CASE_NAMES.put(key, lower);
        }
        return lower;
    }

    private static int capacityFor(int entries) {
        return Math.max(16, (int) (entries / 0.75f) + 1);
    }

    /** Builds a map from several sources without copying each into an intermediate map. */
    static final class Builder implements ConditionKeys.Builder {
        private ConditionKeyMap map = new ConditionKeyMap(64);

        @Override
        public Builder put(String key, List<String> values) {
            requireBuilding().putValues(key, values);
            return this;
        }

        @Override
        public Builder putAll(Map<String, ? extends List<String>> keys) {
            ConditionKeyMap target = requireBuilding();
            keys.forEach(target::putValues);
            return this;
        }

        @Override
        public Map<String, List<String>> build() {
            ConditionKeyMap built = requireBuilding();
            map = null;
            return built;
        }

        private ConditionKeyMap requireBuilding() {
            if (map == null) {
                throw new IllegalStateException("already built");
            }
            return map;
        }
    }
}
