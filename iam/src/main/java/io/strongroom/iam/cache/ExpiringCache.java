package io.strongroom.iam.cache;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small bounded cache whose entries live a short, fixed time. The short lifetime is what lets
 * another node's change (a deleted key, a detached policy) take effect here within seconds.
 * When full, it empties itself rather than tracking recency: simple, and a refill is cheap.
 */
public final class ExpiringCache<K, V> {
    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    private record Entry<V>(V value, Instant expiresAt) {
    }

    public ExpiringCache(Clock clock, Duration ttl, int maxEntries) {
        this.clock = requireNonNull(clock, "clock");
        this.ttl = requireNonNull(ttl, "ttl");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    /** The cached value, or a freshly loaded one; a loader failure is not cached. */
    public V get(K key, Function<K, V> loader) {
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry != null && now.isBefore(entry.expiresAt())) {
            return entry.value();
        }
        V value = loader.apply(key);
        if (!ttl.isZero()) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, now.plus(ttl)));
        }
        return value;
    }

    public void invalidate(K key) {
        entries.remove(key);
    }

    public void invalidateAll() {
        entries.clear();
    }

    public int size() {
        return entries.size();
    }
}
