package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * S3 Bucket Keys held in memory: plaintext bucket-level keys from KMS, each reused for a short time
 * and a bounded number of objects, never written anywhere. Entries are per caller, so a principal
 * reuses only a key KMS gave (or opened for) that principal itself: the bucket key saves KMS calls,
 * never a KMS authorisation. Evicted and expired keys are wiped.
 */
final class BucketKeys {
    /** How long a bucket key is reused after KMS made or opened it (AWS: time-limited). */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    /** How many objects one bucket key may encrypt before KMS is asked for another. */
    static final int DEFAULT_MAX_USES = 10_000;
    static final int MAX_ENTRIES = 1_000;

    /** A bucket key: its plaintext (not to be changed), its wrapped form and the KMS key that wraps it. */
    record Entry(byte[] plaintext, byte[] wrapped, String kmsKeyArn, Instant expires, int[] uses) {
    }

    private final Clock clock;
    private final Duration lifetime;
    private final int maxUses;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    BucketKeys(Clock clock, Duration lifetime, int maxUses) {
        this.clock = requireNonNull(clock, "clock");
        this.lifetime = requireNonNull(lifetime, "lifetime");
        this.maxUses = maxUses;
    }

    /**
     * The entry under {@code cacheKey} if still fresh, with a copy of its plaintext that the caller
     * wipes after use (the cached one may be wiped at any time by an eviction); counts one use.
     */
    synchronized Optional<Entry> use(String cacheKey) {
        Entry entry = entries.get(cacheKey);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires()) || entry.uses()[0] >= maxUses) {
            remove(cacheKey);
            return Optional.empty();
        }
        entry.uses()[0]++;
        return Optional.of(new Entry(entry.plaintext().clone(), entry.wrapped(), entry.kmsKeyArn(), entry.expires(),
                entry.uses()));
    }

    /** Keeps a copy of a bucket key, counting the caller's use of it (the caller keeps and wipes its own). */
    synchronized void put(String cacheKey, byte[] plaintext, byte[] wrapped, String kmsKeyArn) {
        remove(cacheKey);
        Entry entry = new Entry(plaintext.clone(), wrapped, kmsKeyArn, clock.instant().plus(lifetime), new int[] {1});
        entries.put(cacheKey, entry);
        while (entries.size() > MAX_ENTRIES) {
            remove(entries.keySet().iterator().next());
        }
    }

    /** Drops (and wipes) every entry whose KMS key matches. */
    synchronized void forget(Predicate<String> kmsKeyArn) {
        for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Entry entry = it.next().getValue();
            if (kmsKeyArn.test(entry.kmsKeyArn())) {
                Arrays.fill(entry.plaintext(), (byte) 0);
                it.remove();
            }
        }
    }

    synchronized int size() {
        return entries.size();
    }

    private void remove(String cacheKey) {
        Entry gone = entries.remove(cacheKey);
        if (gone != null) {
            Arrays.fill(gone.plaintext(), (byte) 0);
        }
    }
}
