package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A RestoreObject of an archived version: requested, then (by the scheduler) completed as a temporary
 * readable copy in the normal blob store, which the scheduler deletes at its expiry. Kept apart from the
 * version itself, and bound to the archived body it copies, so that a version later replaced under the
 * same id (the "null" version) never reads another body's copy.
 *
 * @param archivedBlobId the version's blob id in the archive when the restore was asked for
 * @param days           how long the copy is kept once made
 * @param tier           Standard, Bulk or Expedited (recorded; every tier is served the same way here)
 * @param restoredBlobId the copy's blob id in the normal store; empty while the restore is in progress
 * @param expiry         when the copy goes: midnight UTC after completion plus the days
 */
public record ObjectRestore(String bucket, String key, String versionId, String archivedBlobId, int days,
                            String tier, Instant requested, Optional<String> restoredBlobId,
                            Optional<Instant> expiry) {
    public ObjectRestore {
        requireNonNull(bucket, "bucket");
        requireNonNull(key, "key");
        requireNonNull(versionId, "versionId");
        requireNonNull(archivedBlobId, "archivedBlobId");
        requireNonNull(tier, "tier");
        requireNonNull(requested, "requested");
        requireNonNull(restoredBlobId, "restoredBlobId");
        requireNonNull(expiry, "expiry");
        if (restoredBlobId.isPresent() != expiry.isPresent()) {
            throw new IllegalArgumentException("a completed restore has both a copy and an expiry");
        }
    }

    public boolean ongoing() {
        return restoredBlobId.isEmpty();
    }

    /** Whether this restore is of the body the version now has. */
    public boolean of(ObjectVersion version) {
        return archivedBlobId.equals(version.blobId());
    }

    ObjectRestore completed(String copyBlobId, Instant copyExpiry) {
        return new ObjectRestore(bucket, key, versionId, archivedBlobId, days, tier, requested,
                Optional.of(copyBlobId), Optional.of(copyExpiry));
    }

    ObjectRestore extended(int newDays, Instant newExpiry) {
        return new ObjectRestore(bucket, key, versionId, archivedBlobId, newDays, tier, requested, restoredBlobId,
                Optional.of(newExpiry));
    }
}
