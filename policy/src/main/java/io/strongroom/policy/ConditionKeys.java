package io.strongroom.policy;

import java.util.List;
import java.util.Map;

/**
 * Assembles a request's condition keys from their sources (the call, the resource, the service) into
 * the case-insensitive map an {@link AuthorizationRequest} takes as it is, without a further copy.
 */
public final class ConditionKeys {
    private ConditionKeys() {
    }

    public static Builder builder() {
        return new ConditionKeyMap.Builder();
    }

    /** Collects keys; a later value of a key replaces an earlier one, whatever its case. */
    public interface Builder {
        Builder put(String key, List<String> values);

        Builder putAll(Map<String, ? extends List<String>> keys);

        /** The keys, unmodifiable, looked up case-insensitively; the builder is spent. */
        Map<String, List<String>> build();
    }
}
