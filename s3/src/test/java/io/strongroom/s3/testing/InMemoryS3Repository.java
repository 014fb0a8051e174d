package io.strongroom.s3.testing;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.identity.DuplicateEntityException;
import io.strongroom.s3.Bucket;
import io.strongroom.s3.ObjectLock;
import io.strongroom.s3.ObjectVersion;
import io.strongroom.s3.S3Repository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.Set;

/**
 * The {@link S3Repository} contract over maps, for tests. It behaves as the JDBC store does where the
 * interface leaves room: instants are kept to the millisecond; a version must name a bucket that
 * exists ({@link IllegalArgumentException}) and a bucket that holds versions cannot be deleted
 * ({@link IllegalStateException}); a version-id marker that no longer exists lists every remaining
 * version of its key. {@link #snapshot()} and {@link #restore} let {@link InMemoryS3Transactor} roll back.
 */
public final class InMemoryS3Repository implements S3Repository {

    /**
     * Strings by their UTF-8 bytes, which is their code-point order (Java's {@code compareTo} compares
     * UTF-16 units, which puts U+10000 and above before U+E000..U+FFFF).
     */
    static final Comparator<String> UTF8_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    };

    /** A stored version and when it was put: the highest {@code sequence} of a key is its latest. */
    private record Entry(long sequence, ObjectVersion version) {
    }

    /** All state, copied whole for snapshots; stored values are immutable, the per-key lists are copied. */
    private static final class State {
        TreeMap<String, Bucket> buckets = new TreeMap<>(UTF8_ORDER);
        /** Per bucket, per key, the versions oldest first. */
        Map<String, TreeMap<String, List<Entry>>> objects = new HashMap<>();
        long nextSequence = 1;
        Map<String, String> configs = new HashMap<>();
        /** Object Lock state by bucket, key and version id ({@link #lockId}). */
        Map<List<String>, ObjectLock> locks = new HashMap<>();

        State copy() {
            State copy = new State();
            copy.configs = new HashMap<>(configs);
            copy.locks = new HashMap<>(locks);
            copy.buckets = new TreeMap<>(buckets);
            objects.forEach((bucket, keys) -> {
                TreeMap<String, List<Entry>> copied = new TreeMap<>(UTF8_ORDER);
                keys.forEach((key, entries) -> copied.put(key, new ArrayList<>(entries)));
                copy.objects.put(bucket, copied);
            });
            copy.nextSequence = nextSequence;
            return copy;
        }
    }

    private State state = new State();

    public synchronized Object snapshot() {
        return state.copy();
    }

    public synchronized void restore(Object snapshot) {
        state = ((State) snapshot).copy();
    }

    // ---- buckets

    @Override
    public synchronized void insertBucket(Bucket bucket) {
        requireNonNull(bucket, "bucket");
        if (state.buckets.containsKey(bucket.name())) {
            throw new DuplicateEntityException("bucket " + bucket.name());
        }
        state.buckets.put(bucket.name(), new Bucket(bucket.name(), bucket.accountId(), bucket.region(),
                millis(bucket.created()), bucket.versioning(), bucket.objectLockEnabled()));
    }

    @Override
    public synchronized Optional<Bucket> findBucket(String name) {
        requireNonNull(name, "name");
        return Optional.ofNullable(state.buckets.get(name));
    }

    @Override
    public synchronized boolean updateBucket(Bucket bucket) {
        requireNonNull(bucket, "bucket");
        Bucket existing = state.buckets.get(bucket.name());
        if (existing == null) {
            return false;
        }
        state.buckets.put(existing.name(), new Bucket(existing.name(), existing.accountId(), bucket.region(),
                existing.created(), bucket.versioning(), bucket.objectLockEnabled()));
        return true;
    }

    @Override
    public synchronized boolean deleteBucket(String name) {
        requireNonNull(name, "name");
        if (!state.buckets.containsKey(name)) {
            return false;
        }
        if (bucketHasVersions(name)) {
            throw new IllegalStateException("bucket " + name + " still holds versions");
        }
        state.buckets.remove(name);
        state.objects.remove(name);
        state.configs.keySet().removeIf(id -> id.startsWith(S3Repository.bucketScope(name) + "\n"));
        return true;
    }

    @Override
    public synchronized void putConfig(String scope, String kind, String document) {
        requireNonNull(document, "document");
        state.configs.put(configId(scope, kind), document);
    }

    @Override
    public synchronized Optional<String> config(String scope, String kind) {
        return Optional.ofNullable(state.configs.get(configId(scope, kind)));
    }

    @Override
    public synchronized boolean deleteConfig(String scope, String kind) {
        return state.configs.remove(configId(scope, kind)) != null;
    }

    @Override
    public synchronized List<String> configScopes(String kind) {
        String suffix = "\n" + requireNonNull(kind, "kind");
        return state.configs.keySet().stream().filter(id -> id.endsWith(suffix))
                .map(id -> id.substring(0, id.length() - suffix.length())).toList();
    }

    private static String configId(String scope, String kind) {
        return requireNonNull(scope, "scope") + "\n" + requireNonNull(kind, "kind");
    }

    @Override
    public synchronized List<Bucket> listBuckets(String accountId, Optional<String> afterName, int limit) {
        requireNonNull(accountId, "accountId");
        requireNonNull(afterName, "afterName");
        NavigableMap<String, Bucket> after = afterName.isPresent()
                ? state.buckets.tailMap(afterName.get(), false) : state.buckets;
        return after.values().stream()
                .filter(b -> b.accountId().equals(accountId))
                .limit(Math.max(limit, 0))
                .toList();
    }

    @Override
    public synchronized boolean bucketHasVersions(String bucket) {
        requireNonNull(bucket, "bucket");
        return !state.objects.getOrDefault(bucket, new TreeMap<>(UTF8_ORDER)).isEmpty();
    }

    // ---- object versions

    @Override
    public synchronized Optional<ObjectVersion> putVersion(ObjectVersion version) {
        requireNonNull(version, "version");
        if (!state.buckets.containsKey(version.bucket())) {
            throw new IllegalArgumentException("no bucket " + version.bucket());
        }
        List<Entry> entries = state.objects.computeIfAbsent(version.bucket(), b -> new TreeMap<>(UTF8_ORDER))
                .computeIfAbsent(version.key(), k -> new ArrayList<>());
        Optional<ObjectVersion> replaced = Optional.empty();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).version().versionId().equals(version.versionId())) {
                replaced = Optional.of(entries.remove(i).version());
                state.locks.remove(lockId(version.bucket(), version.key(), version.versionId()));
                break;
            }
        }
        entries.add(new Entry(state.nextSequence++, stored(version)));
        return replaced;
    }

    @Override
    public synchronized Optional<ObjectVersion> latestVersion(String bucket, String key) {
        List<Entry> entries = entries(bucket, key);
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.getLast().version());
    }

    /** One lock serves: every call of this store is synchronized. */
    @Override
    public synchronized Optional<ObjectVersion> latestVersionForUpdate(String bucket, String key) {
        return latestVersion(bucket, key);
    }

    @Override
    public synchronized Optional<ObjectVersion> findVersion(String bucket, String key, String versionId) {
        requireNonNull(versionId, "versionId");
        return entries(bucket, key).stream().map(Entry::version).filter(v -> v.versionId().equals(versionId))
                .findFirst();
    }

    @Override
    public synchronized boolean updateVersion(ObjectVersion version) {
        requireNonNull(version, "version");
        List<Entry> entries = entries(version.bucket(), version.key());
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (entry.version().versionId().equals(version.versionId())) {
                entries.set(i, new Entry(entry.sequence(), stored(version)));
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized boolean deleteVersion(String bucket, String key, String versionId) {
        requireNonNull(versionId, "versionId");
        List<Entry> entries = entries(bucket, key);
        boolean removed = entries.removeIf(e -> e.version().versionId().equals(versionId));
        if (removed) {
            state.locks.remove(lockId(bucket, key, versionId));
        }
        if (removed && entries.isEmpty()) {
            state.objects.get(bucket).remove(key);
        }
        return removed;
    }

    @Override
    public synchronized boolean putObjectLock(String bucket, String key, String versionId, ObjectLock lock) {
        requireNonNull(lock, "lock");
        Optional<ObjectVersion> version = findVersion(bucket, key, versionId);
        if (version.isEmpty() || version.get().deleteMarker()) {
            return false;
        }
        state.locks.put(lockId(bucket, key, versionId), new ObjectLock(lock.retention().map(r ->
                new ObjectLock.Retention(r.mode(), millis(r.retainUntil()))), lock.legalHold()));
        return true;
    }

    @Override
    public synchronized Optional<ObjectLock> objectLock(String bucket, String key, String versionId) {
        return Optional.ofNullable(state.locks.get(lockId(bucket, key, versionId)));
    }

    private static List<String> lockId(String bucket, String key, String versionId) {
        return List.of(requireNonNull(bucket, "bucket"), requireNonNull(key, "key"),
                requireNonNull(versionId, "versionId"));
    }

    @Override
    public synchronized List<ObjectVersion> listLatest(String bucket, String prefix, String afterKey, int limit) {
        requireNonNull(prefix, "prefix");
        List<ObjectVersion> result = new ArrayList<>();
        for (Map.Entry<String, List<Entry>> key : keysAfter(bucket, afterKey).entrySet()) {
            if (result.size() >= limit || pastPrefix(key.getKey(), prefix)) {
                break;
            }
            ObjectVersion latest = key.getValue().getLast().version();
            if (key.getKey().startsWith(prefix) && !latest.deleteMarker()) {
                result.add(latest);
            }
        }
        return List.copyOf(result);
    }

    @Override
    public synchronized List<ObjectVersion> listVersions(String bucket, String prefix, String afterKey,
                                                         String afterVersionId, int limit) {
        requireNonNull(prefix, "prefix");
        requireNonNull(afterVersionId, "afterVersionId");
        List<ObjectVersion> result = new ArrayList<>();
        if (!afterKey.isEmpty() && !afterVersionId.isEmpty() && afterKey.startsWith(prefix)) {
            // the rest of the marker's key, newest first; all of it when the marker version is gone
            List<Entry> entries = entries(bucket, afterKey);
            long below = entries.stream().filter(e -> e.version().versionId().equals(afterVersionId))
                    .mapToLong(Entry::sequence).findFirst().orElse(Long.MAX_VALUE);
            for (Entry entry : entries.reversed()) {
                if (result.size() < limit && entry.sequence() < below) {
                    result.add(entry.version());
                }
            }
        }
        for (Map.Entry<String, List<Entry>> key : keysAfter(bucket, afterKey).entrySet()) {
            if (result.size() >= limit || pastPrefix(key.getKey(), prefix)) {
                break;
            }
            if (key.getKey().startsWith(prefix)) {
                for (Entry entry : key.getValue().reversed()) {
                    if (result.size() < limit) {
                        result.add(entry.version());
                    }
                }
            }
        }
        return List.copyOf(result);
    }

    @Override
    public synchronized Set<String> referencedBlobs(Set<String> blobIds) {
        requireNonNull(blobIds, "blobIds");
        return state.objects.values().stream().flatMap(keys -> keys.values().stream()).flatMap(List::stream)
                .map(e -> e.version().blobId()).filter(id -> id != null && blobIds.contains(id)).collect(Collectors.toSet());
    }

    // ---- helpers

    /** The key's versions, oldest first (a live list when the key has versions). */
    private List<Entry> entries(String bucket, String key) {
        requireNonNull(bucket, "bucket");
        requireNonNull(key, "key");
        TreeMap<String, List<Entry>> keys = state.objects.get(bucket);
        List<Entry> entries = keys == null ? null : keys.get(key);
        return entries == null ? new ArrayList<>() : entries;
    }

    /** The bucket's keys after {@code afterKey} (all of them when it is empty), in UTF-8 order. */
    private NavigableMap<String, List<Entry>> keysAfter(String bucket, String afterKey) {
        requireNonNull(bucket, "bucket");
        requireNonNull(afterKey, "afterKey");
        TreeMap<String, List<Entry>> keys = state.objects.getOrDefault(bucket, new TreeMap<>(UTF8_ORDER));
        return afterKey.isEmpty() ? keys : keys.tailMap(afterKey, false);
    }

    /** Whether a key and every key after it sort past the keys that start with {@code prefix}. */
    private static boolean pastPrefix(String key, String prefix) {
        return !key.startsWith(prefix) && UTF8_ORDER.compare(key, prefix) > 0;
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static ObjectVersion stored(ObjectVersion v) {
        return new ObjectVersion(v.bucket(), v.key(), v.versionId(), v.deleteMarker(), millis(v.lastModified()),
                v.size(), v.etag(), v.headers(), v.userMetadata(), v.checksum(), v.tags(), v.storageClass(),
                v.encryption(), v.blobId());
    }
}
