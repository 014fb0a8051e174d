package io.strongroom.s3.testing;

import static java.util.Objects.requireNonNull;

import io.strongroom.s3.ObjectRestore;
import io.strongroom.s3.RestoreRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.Set;

/** A {@link RestoreRepository} in memory, for domain tests. */
public final class InMemoryRestoreRepository implements RestoreRepository {
    private final Map<List<String>, ObjectRestore> restores = new LinkedHashMap<>();

    @Override
    public synchronized void putRestore(ObjectRestore restore) {
        requireNonNull(restore, "restore");
        restores.put(List.of(restore.bucket(), restore.key(), restore.versionId()), restore);
    }

    @Override
    public synchronized Optional<ObjectRestore> findRestore(String bucket, String key, String versionId) {
        return Optional.ofNullable(restores.get(List.of(bucket, key, versionId)));
    }

    @Override
    public synchronized boolean deleteRestore(String bucket, String key, String versionId) {
        return restores.remove(List.of(bucket, key, versionId)) != null;
    }

    @Override
    public synchronized List<ObjectRestore> ongoingRestores(int limit) {
        return restores.values().stream().filter(ObjectRestore::ongoing)
                .sorted(Comparator.comparing(ObjectRestore::requested)).limit(limit).toList();
    }

    @Override
    public synchronized List<ObjectRestore> expiredRestores(Instant now, int limit) {
        return restores.values().stream().filter(r -> r.expiry().filter(e -> !e.isAfter(now)).isPresent())
                .sorted(Comparator.comparing(r -> r.expiry().orElseThrow())).limit(limit).toList();
    }

    @Override
    public synchronized Set<String> referencedBlobs(Set<String> blobIds) {
        return restores.values().stream().flatMap(r -> r.restoredBlobId().stream()).filter(blobIds::contains)
                .collect(Collectors.toSet());
    }

    /** A copy of the current state, for a transaction to go back to. */
    synchronized Object snapshot() {
        return new LinkedHashMap<>(restores);
    }

    @SuppressWarnings("unchecked")
    synchronized void restore(Object snapshot) {
        restores.clear();
        restores.putAll((Map<List<String>, ObjectRestore>) snapshot);
    }
}
