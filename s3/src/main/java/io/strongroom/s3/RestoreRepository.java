// SPI-READY
package io.strongroom.s3;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Persistence of restores of archived versions ({@link ObjectRestore}), one per version at most. Each
 * call is atomic; callers group calls with {@link io.strongroom.core.spi.Transactor}.
 */
public interface RestoreRepository {

    /** For a service without an archive: nothing is ever restored, and a restore cannot be kept. */
    RestoreRepository UNSUPPORTED = new RestoreRepository() {
        @Override
        public void putRestore(ObjectRestore restore) {
            throw new IllegalStateException("this object store keeps no restores");
        }

        @Override
        public Optional<ObjectRestore> findRestore(String bucket, String key, String versionId) {
            return Optional.empty();
        }

        @Override
        public boolean deleteRestore(String bucket, String key, String versionId) {
            return false;
        }

        @Override
        public List<ObjectRestore> ongoingRestores(int limit) {
            return List.of();
        }

        @Override
        public List<ObjectRestore> expiredRestores(Instant now, int limit) {
            return List.of();
        }

        @Override
        public Set<String> referencedBlobs(Set<String> blobIds) {
            return Set.of();
        }
    };

    /** Stores the version's restore, replacing the one before it. */
    void putRestore(ObjectRestore restore);

    Optional<ObjectRestore> findRestore(String bucket, String key, String versionId);

    /** Forgets the version's restore; false when there was none. */
    boolean deleteRestore(String bucket, String key, String versionId);

    /** Restores still in progress, oldest request first. */
    List<ObjectRestore> ongoingRestores(int limit);

    /** Completed restores whose copy expires at or before {@code now}, soonest first. */
    List<ObjectRestore> expiredRestores(Instant now, int limit);

    /** Whether a restored copy is stored in this blob. */
    default boolean blobReferenced(String blobId) {
        return referencedBlobs(Set.of(blobId)).contains(blobId);
    }

    /** Which of these blobs hold a restored copy. */
    Set<String> referencedBlobs(Set<String> blobIds);
}
