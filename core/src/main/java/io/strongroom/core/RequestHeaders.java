package io.strongroom.core;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A request's header values by case-insensitive name, in arrival order, unmodifiable; names that
 * differ only in case are merged, keeping arrival order. Built once per request and then handed
 * on as it is: {@link #copyOf} returns an instance of this class unchanged, so the layers that each
 * insist on such a map (the API request, the signed request) no longer copy the headers each time.
 */
public final class RequestHeaders extends AbstractMap<String, List<String>> {
    /** Values are unmodifiable lists; the map itself is never changed after construction. */
    private final TreeMap<String, List<String>> byName;

    private RequestHeaders(TreeMap<String, List<String>> byName) {
        this.byName = byName;
    }

    /** The headers as this class holds them: the argument itself when it already is one, else a copy. */
    public static RequestHeaders copyOf(Map<String, ? extends List<String>> headers) {
        if (headers instanceof RequestHeaders ready) {
            return ready;
        }
        Builder builder = builder();
        headers.forEach((name, values) -> values.forEach(value -> builder.add(name, value)));
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<String> get(Object name) {
        return name instanceof String text ? byName.get(text) : null;
    }

    @Override
    public boolean containsKey(Object name) {
        return get(name) != null;
    }

    @Override
    public int size() {
        return byName.size();
    }

    @Override
    public Set<Entry<String, List<String>>> entrySet() {
        return Collections.unmodifiableMap(byName).entrySet();
    }

    /** Collects headers in arrival order; used once. */
    public static final class Builder {
        private TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        private Builder() {
        }

        public Builder add(String name, String value) {
            List<String> earlier = building().putIfAbsent(name, List.of(value));
            if (earlier != null) {
                List<String> all = new ArrayList<>(earlier.size() + 1);
                all.addAll(earlier);
                all.add(value);
                byName.put(name, List.copyOf(all));
            }
            return this;
        }

        public RequestHeaders build() {
            RequestHeaders built = new RequestHeaders(building());
            byName = null;
            return built;
        }

        private TreeMap<String, List<String>> building() {
            if (byName == null) {
                throw new IllegalStateException("already built");
            }
            return byName;
        }
    }
}
