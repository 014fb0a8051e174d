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
 *
 * <p>An invalidation must win over a load that was already running when it happened (that load may
 * have read the state the invalidation is about, e.g. a key just deleted). Each invalidation bumps a
 * generation; a load keeps its value out of the cache when the generation moved while it ran.
 */
public final class ExpiringCache<K, V> {
    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    /** Guarded by {@code this}: bumped by every invalidation, compared by every store. */
    private long generation;

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

    /**
     * The cached value, or a freshly loaded one. A loader failure is not cached, nor is a value whose
     * load overlapped an invalidation (it is still returned: the caller's request began before it).
     */
    public V get(K key, Function<K, V> loader) {
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry != null && now.isBefore(entry.expiresAt())) {
            return entry.value();
        }
        long startedIn = currentGeneration();
        V value = loader.apply(key);
        if (!ttl.isZero()) {
            store(key, new Entry<>(value, now.plus(ttl)), startedIn);
        }
        return value;
    }

    /** Drops {@code key}, and keeps any load running now from storing what it read. */
    public synchronized void invalidate(K key) {
        generation++;
        entries.remove(key);
    }

    /** Drops everything, and keeps any load running now from storing what it read. */
    public synchronized void invalidateAll() {
        generation++;
        entries.clear();
    }

    private synchronized long currentGeneration() {
        return generation;
    }

    private synchronized void store(K key, Entry<V> entry, long startedIn) {
        if (generation != startedIn) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, entry);
    }

    public int size() {
        return entries.size();
    }
}
