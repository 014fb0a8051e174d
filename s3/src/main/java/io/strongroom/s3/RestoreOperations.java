package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.s3.naming.ObjectKeys;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * RestoreObject of a GLACIER or DEEP_ARCHIVE version, and the scheduler's work on restores. A request
 * is only recorded (202 Accepted, {@code ongoing-request="true"}); the next scheduler pass copies the
 * archived ciphertext into the normal store, which makes the version readable until the copy's expiry
 * (the completion plus the days, rounded up to midnight UTC), when a pass deletes the copy again.
 */
final class RestoreOperations {
    private static final Logger LOG = Logger.getLogger(RestoreOperations.class.getName());
    static final String RESTORED = "S3.RESTORE.OBJECT";
    static final String RESTORE_EXPIRED = "ObjectRestore:Delete";
    static final Set<String> TIERS = Set.of("Standard", "Bulk", "Expedited");

    private final S3Repository repository;
    private final MultipartRepository multipart;
    private final RestoreRepository restores;
    private final ObjectBodies bodies;
    private final AccessAuthorizer authorizer;
    private final AccessControlOperations access;
    private final Transactor transactor;
    private final Clock clock;
    private final S3Events events;

    RestoreOperations(S3Repository repository, MultipartRepository multipart, RestoreRepository restores,
                      ObjectBodies bodies, AccessAuthorizer authorizer, AccessControlOperations access,
                      Transactor transactor, Clock clock, S3Events events) {
        this.repository = requireNonNull(repository, "repository");
        this.multipart = requireNonNull(multipart, "multipart");
        this.restores = requireNonNull(restores, "restores");
        this.bodies = requireNonNull(bodies, "bodies");
        this.authorizer = requireNonNull(authorizer, "authorizer");
        this.access = requireNonNull(access, "access");
        this.transactor = requireNonNull(transactor, "transactor");
        this.clock = requireNonNull(clock, "clock");
        this.events = requireNonNull(events, "events");
    }

    /**
     * RestoreObject: true when a restore starts (202), false when the version is already restored and
     * its copy's expiry was moved to {@code days} from now (200).
     */
    boolean request(CallContext call, String bucketName, String key, Optional<String> versionId, int days,
                    String tier) {
        ObjectKeys.validate(key);
        Bucket bucket = repository.findBucket(bucketName).orElseThrow(S3Errors::noSuchBucket);
        Optional<ObjectVersion> found = versionId.isPresent()
                ? repository.findVersion(bucketName, key, versionId.get())
                : repository.latestVersion(bucketName, key);
        authorizer.authorize(call, "s3:RestoreObject",
                access.resource(call, bucket, ObjectOperations.objectArn(bucket, key)),
                versionId.map(id -> Map.of("s3:versionid", List.of(id))).orElse(Map.of()));
        ObjectVersion version = found.orElseThrow(versionId.isPresent() ? S3Errors::noSuchVersion : S3Errors::noSuchKey);
        if (version.deleteMarker()) {
            throw new DeleteMarkerException(versionId.isPresent() ? S3Errors.methodNotAllowed() : S3Errors.noSuchKey(),
                    version);
        }
        if (!StorageClasses.archived(version.storageClass())) {
            throw new AwsException("InvalidObjectState", 403,
                    "Restore is not allowed for the object's current storage class");
        }
        if (days < 1) {
            throw S3Errors.invalidArgument("The Days parameter must be a positive integer");
        }
        if (!TIERS.contains(tier)) {
            throw S3Errors.malformedXml();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Outcome outcome = transactor.inTransaction(() -> {
            Optional<ObjectRestore> existing = restores.findRestore(bucketName, key, version.versionId());
            if (existing.filter(r -> r.of(version)).isPresent()) {
                ObjectRestore restore = existing.get();
                if (restore.ongoing()) {
                    throw new AwsException("RestoreAlreadyInProgress", 409, "Object restore is already in progress");
                }
                restores.putRestore(restore.extended(days, expiry(now, days)));
                return new Outcome(false, Optional.empty());
            }
            restores.putRestore(new ObjectRestore(bucketName, key, version.versionId(), version.blobId(), days, tier,
                    now, Optional.empty(), Optional.empty()));
            // a restore of a body the version no longer has (a replaced "null" version) leaves its copy
            return new Outcome(true, existing.flatMap(ObjectRestore::restoredBlobId));
        });
        outcome.staleCopy().ifPresent(copy -> bodies.delete(bodies.standard(), copy));
        return outcome.started();
    }

    private record Outcome(boolean started, Optional<String> staleCopy) {
    }

    /** The version's restore, when it is one of the body the version has now. */
    Optional<ObjectRestore> of(ObjectVersion version) {
        if (version.deleteMarker() || !StorageClasses.archived(version.storageClass())) {
            return Optional.empty();
        }
        return restores.findRestore(version.bucket(), version.key(), version.versionId()).filter(r -> r.of(version));
    }

    /** Completes requested restores, then deletes expired copies; at most {@code budget} of them. */
    int run(int budget) {
        int done = 0;
        for (ObjectRestore restore : restores.ongoingRestores(budget)) {
            if (complete(restore)) {
                done++;
            }
        }
        if (done < budget) {
            for (ObjectRestore restore : restores.expiredRestores(clock.instant(), budget - done)) {
                if (expire(restore)) {
                    done++;
                }
            }
        }
        return done;
    }

    private boolean complete(ObjectRestore restore) {
        Optional<ObjectVersion> version = repository.findVersion(restore.bucket(), restore.key(), restore.versionId())
                .filter(v -> !v.deleteMarker() && restore.of(v) && StorageClasses.archived(v.storageClass()));
        Optional<Bucket> bucket = repository.findBucket(restore.bucket());
        if (version.isEmpty() || bucket.isEmpty()) {
            // the version went or changed since the request: nothing is left to restore
            transactor.inTransaction(() -> restores.deleteRestore(restore.bucket(), restore.key(), restore.versionId()));
            return false;
        }
        ObjectBodies.Copy copy;
        try {
            copy = bodies.copy(restore.archivedBlobId(), bodies.archive(), bodies.standard());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "An archived body could not be restored now; a later pass tries again", e);
            return false;
        }
        Instant now = clock.instant();
        boolean completed;
        try {
            completed = transactor.inTransaction(() -> {
                Optional<ObjectRestore> still = restores.findRestore(restore.bucket(), restore.key(), restore.versionId())
                        .filter(r -> r.ongoing() && r.archivedBlobId().equals(restore.archivedBlobId()));
                if (still.isEmpty()) {
                    return false;
                }
                if (!copy.parts().isEmpty()) {
                    multipart.putObjectParts(copy.blobId(), copy.parts());
                }
                restores.putRestore(still.get().completed(copy.blobId(), expiry(now, still.get().days())));
                events.lifecycleAction(bucket.get(), restore.key(), restore.versionId(), RESTORED);
                return true;
            });
        } catch (RuntimeException e) {
            bodies.discard(bodies.standard(), copy);
            throw e;
        }
        if (!completed) {
            bodies.discard(bodies.standard(), copy);
        }
        return completed;
    }

    private boolean expire(ObjectRestore restore) {
        Optional<Bucket> bucket = repository.findBucket(restore.bucket());
        Instant now = clock.instant();
        boolean expired = transactor.inTransaction(() -> {
            Optional<ObjectRestore> still = restores.findRestore(restore.bucket(), restore.key(), restore.versionId())
                    .filter(r -> r.restoredBlobId().equals(restore.restoredBlobId())
                            && !r.expiry().orElseThrow().isAfter(now));
            if (still.isEmpty()) {
                return false;
            }
            restores.deleteRestore(restore.bucket(), restore.key(), restore.versionId());
            bucket.ifPresent(b -> events.lifecycleAction(b, restore.key(), restore.versionId(), RESTORE_EXPIRED));
            return true;
        });
        if (expired) {
            bodies.delete(bodies.standard(), restore.restoredBlobId().orElseThrow());
        }
        return expired;
    }

    /** S3 keeps a restored copy for the days from now, until the following midnight UTC. */
    static Instant expiry(Instant from, int days) {
        return LifecycleOperations.roundUp(from.plus(Duration.ofDays(days)));
    }
}
