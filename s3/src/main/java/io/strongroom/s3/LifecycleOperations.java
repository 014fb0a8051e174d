package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.auth.CallContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Put/Get/DeleteBucketLifecycleConfiguration, and the scheduler's pass that carries the rules out:
 * current versions expired after their days or from their date (deleted in an unversioned bucket,
 * hidden behind a delete marker in a versioned one), noncurrent versions deleted some days after they
 * were superseded, delete markers with nothing behind them removed; current and noncurrent versions
 * moved to another storage class (to the archive store for GLACIER and DEEP_ARCHIVE: the ciphertext is
 * copied there, the index committed, then the original deleted); incomplete multipart uploads aborted
 * some days after their initiation. Each action is its own transaction
 * with its audit record; a pass does at most a bounded number of them and the next one goes on.
 */
final class LifecycleOperations {
    private static final Logger LOG = Logger.getLogger(LifecycleOperations.class.getName());
    private static final int PAGE = 1000;
    static final String EXPIRE = "S3.EXPIRE.OBJECT";
    static final String DELETE_MARKER = "S3.CREATE.DELETEMARKER";
    static final String ABORT_UPLOAD = "S3.DELETE.UPLOAD";

    private final S3Repository repository;
    private final MultipartRepository multipart;
    private final ObjectBodies bodies;
    private final BucketOperations buckets;
    private final Transactor transactor;
    private final Clock clock;
    private final S3Events events;
    private final ObjectLocks locks;

    LifecycleOperations(S3Repository repository, MultipartRepository multipart, ObjectBodies bodies,
                        BucketOperations buckets, Transactor transactor, Clock clock, S3Events events,
                        ObjectLocks locks) {
        this.repository = requireNonNull(repository, "repository");
        this.multipart = requireNonNull(multipart, "multipart");
        this.bodies = requireNonNull(bodies, "bodies");
        this.buckets = requireNonNull(buckets, "buckets");
        this.transactor = requireNonNull(transactor, "transactor");
        this.clock = requireNonNull(clock, "clock");
        this.events = requireNonNull(events, "events");
        this.locks = requireNonNull(locks, "locks");
    }

    void put(CallContext call, String bucket, LifecycleConfiguration configuration) {
        buckets.authorized(call, bucket, "s3:PutLifecycleConfiguration");
        repository.putConfig(S3Repository.bucketScope(bucket), LifecycleRules.KIND, LifecycleRules.encode(
                new LifecycleConfiguration(LifecycleRules.validate(configuration.rules()), configuration.minimumSize())));
    }

    LifecycleConfiguration get(CallContext call, String bucket) {
        buckets.authorized(call, bucket, "s3:GetLifecycleConfiguration");
        return repository.config(S3Repository.bucketScope(bucket), LifecycleRules.KIND)
                .map(LifecycleRules::decodeConfiguration)
                .orElseThrow(() -> new AwsException("NoSuchLifecycleConfiguration", 404,
                        "The lifecycle configuration does not exist"));
    }

    void delete(CallContext call, String bucket) {
        buckets.authorized(call, bucket, "s3:PutLifecycleConfiguration");
        repository.deleteConfig(S3Repository.bucketScope(bucket), LifecycleRules.KIND);
    }

    /** One pass over every bucket with rules; returns how many actions it took (at most {@code budget}). */
    int run(int budget) {
        Instant now = clock.instant();
        int done = 0;
        for (String scope : repository.configScopes(LifecycleRules.KIND)) {
            String name = scope.substring(S3Repository.bucketScope("").length());
            Optional<Bucket> bucket = repository.findBucket(name);
            Optional<String> document = repository.config(scope, LifecycleRules.KIND);
            if (bucket.isEmpty() || document.isEmpty()) {
                continue;
            }
            LifecycleConfiguration configuration = LifecycleRules.decodeConfiguration(document.get());
            for (LifecycleRule rule : configuration.rules()) {
                if (rule.enabled() && done < budget) {
                    done += apply(bucket.get(), rule, configuration.minimumSize(), now, budget - done);
                }
            }
        }
        return done;
    }

    private int apply(Bucket bucket, LifecycleRule rule, TransitionMinimumSize minimumSize, Instant now, int budget) {
        int done = 0;
        boolean expires = rule.expirationDays().isPresent() || rule.expirationDate().isPresent();
        if (expires || !rule.transitions().isEmpty()) {
            String after = "";
            List<ObjectVersion> page;
            do {
                page = repository.listLatest(bucket.name(), rule.filter().prefix(), after, PAGE);
                for (ObjectVersion version : page) {
                    after = version.key();
                    if (done >= budget || !rule.filter().matches(version)) {
                        continue;
                    }
                    if (expires && !now.isBefore(expiry(version.lastModified(), rule))) {
                        expireCurrent(bucket, version);
                        done++;
                    } else {
                        Optional<String> target = dueTransition(rule, minimumSize, version, now);
                        if (target.isPresent() && transition(bucket, version, target.get())) {
                            done++;
                        }
                    }
                }
            } while (page.size() == PAGE && done < budget);
        }
        if (rule.noncurrentDays().isPresent() || rule.expiredObjectDeleteMarker()
                || !rule.noncurrentTransitions().isEmpty()) {
            done += sweepVersions(bucket, rule, minimumSize, now, budget - done);
        }
        if (rule.abortUploadDays().isPresent() && done < budget) {
            done += abortUploads(bucket, rule, now, budget - done);
        }
        return done;
    }

    /**
     * The deepest storage class a current version is due to move to, if any is deeper than its own and
     * the configuration's minimum size lets it go there.
     */
    static Optional<String> dueTransition(LifecycleRule rule, TransitionMinimumSize minimumSize, ObjectVersion version,
                                          Instant now) {
        return rule.transitions().stream()
                .filter(t -> StorageClasses.deeper(t.storageClass(), version.storageClass()))
                .filter(t -> minimumSize.allows(rule, version, t.storageClass()))
                .filter(t -> !now.isBefore(t.date().orElseGet(() ->
                        roundUp(version.lastModified().plus(Duration.ofDays(t.days().orElseThrow()))))))
                .map(LifecycleRule.Transition::storageClass)
                .max(Comparator.comparingInt(StorageClasses::rank));
    }

    /**
     * The deepest storage class a noncurrent version is due to move to.
     *
     * @param newerNoncurrent how many noncurrent versions of its key are newer than it
     */
    static Optional<String> dueNoncurrentTransition(LifecycleRule rule, TransitionMinimumSize minimumSize,
                                                    ObjectVersion version, Instant becameNoncurrent,
                                                    int newerNoncurrent, Instant now) {
        return rule.noncurrentTransitions().stream()
                .filter(t -> StorageClasses.deeper(t.storageClass(), version.storageClass()))
                .filter(t -> minimumSize.allows(rule, version, t.storageClass()))
                .filter(t -> t.newerNoncurrentVersions().map(kept -> newerNoncurrent >= kept).orElse(true))
                .filter(t -> !now.isBefore(roundUp(becameNoncurrent.plus(
                        Duration.ofDays(t.noncurrentDays().orElseThrow())))))
                .map(LifecycleRule.NoncurrentTransition::storageClass)
                .max(Comparator.comparingInt(StorageClasses::rank));
    }

    /**
     * Moves a version to {@code target}: a relabelling in the normal store, or for an archive class a
     * copy of its ciphertext into the archive, the index committed, then the original deleted. A
     * version changed meanwhile is left as it is, and the copy discarded.
     */
    private boolean transition(Bucket bucket, ObjectVersion version, String target) {
        String action = transitionAction(target);
        if (!StorageClasses.archived(target) || StorageClasses.archived(version.storageClass())) {
            return transactor.inTransaction(() -> {
                Optional<ObjectVersion> current = unchanged(version);
                current.ifPresent(v -> {
                    repository.updateVersion(v.withStorage(target, v.blobId()));
                    events.lifecycleAction(bucket, v.key(), v.versionId(), action);
                });
                return current.isPresent();
            });
        }
        List<ObjectPart> originalParts = multipart.objectParts(version.blobId());
        ObjectBodies.Copy copy;
        try {
            copy = bodies.copy(version.blobId(), bodies.standard(), bodies.archive());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "A body could not be copied to the archive now; a later pass tries again", e);
            return false;
        }
        boolean moved;
        try {
            moved = transactor.inTransaction(() -> {
                Optional<ObjectVersion> current = unchanged(version);
                if (current.isEmpty()) {
                    return false;
                }
                if (!copy.parts().isEmpty()) {
                    multipart.deleteObjectParts(version.blobId());
                    multipart.putObjectParts(copy.blobId(), copy.parts());
                }
                ObjectVersion archived = current.get().withStorage(target, copy.blobId());
                repository.updateVersion(archived);
                AccessControlOperations.moveObjectAcl(repository, current.get(), archived);
                events.lifecycleAction(bucket, version.key(), version.versionId(), action);
                return true;
            });
        } catch (RuntimeException e) {
            bodies.discard(bodies.archive(), copy);
            throw e;
        }
        if (!moved) {
            bodies.discard(bodies.archive(), copy);
            return false;
        }
        if (originalParts.isEmpty()) {
            ObjectBodies.deleteQuietly(bodies.standard(), version.blobId());
        } else {
            originalParts.forEach(part -> ObjectBodies.deleteQuietly(bodies.standard(), part.blobId()));
        }
        return true;
    }

    /** The version as stored now, if it still has the body and class it had when it was listed. */
    private Optional<ObjectVersion> unchanged(ObjectVersion listed) {
        return repository.findVersion(listed.bucket(), listed.key(), listed.versionId())
                .filter(v -> !v.deleteMarker() && v.blobId().equals(listed.blobId())
                        && v.storageClass().equals(listed.storageClass()));
    }

    /** S3's server access log operation for a transition to this class. */
    static String transitionAction(String storageClass) {
        return switch (storageClass) {
            case "STANDARD_IA" -> "S3.TRANSITION_SIA.OBJECT";
            case "ONEZONE_IA" -> "S3.TRANSITION_ZIA.OBJECT";
            case "INTELLIGENT_TIERING" -> "S3.TRANSITION_INT.OBJECT";
            case "GLACIER_IR" -> "S3.TRANSITION_GIR.OBJECT";
            case "DEEP_ARCHIVE" -> "S3.TRANSITION_GDA.OBJECT";
            default -> "S3.TRANSITION.OBJECT";
        };
    }

    /** Uploads under the rule's prefix initiated at least its days ago (rounded up to midnight UTC). */
    private int abortUploads(Bucket bucket, LifecycleRule rule, Instant now, int budget) {
        int done = 0;
        String afterKey = "";
        String afterUploadId = "";
        Duration age = Duration.ofDays(rule.abortUploadDays().orElseThrow());
        List<MultipartUpload> page;
        do {
            page = multipart.listUploads(bucket.name(), rule.filter().prefix(), afterKey, afterUploadId, PAGE);
            for (MultipartUpload upload : page) {
                if (done < budget && !now.isBefore(roundUp(upload.initiated().plus(age)))) {
                    if (abortUpload(bucket, upload)) {
                        done++;
                    }
                    continue; // gone: the next page starts after the last upload that is still there
                }
                afterKey = upload.key();
                afterUploadId = upload.uploadId();
            }
        } while (page.size() == PAGE && done < budget);
        return done;
    }

    private boolean abortUpload(Bucket bucket, MultipartUpload upload) {
        List<UploadPart> parts = transactor.inTransaction(() -> {
            List<UploadPart> found = multipart.listParts(upload.uploadId(), 0, MultipartOperations.MAX_PART_NUMBER);
            if (!multipart.deleteUpload(upload.uploadId())) {
                return null;
            }
            locks.releaseForUpload(upload.uploadId());
            events.uploadAborted(bucket, upload.key(), upload.uploadId());
            return found;
        });
        if (parts == null) {
            return false;
        }
        parts.forEach(part -> ObjectBodies.deleteQuietly(bodies.of(upload.storageClass()), part.blobId()));
        return true;
    }

    /** Noncurrent versions past their days, and delete markers left alone, key by key. */
    private int sweepVersions(Bucket bucket, LifecycleRule rule, TransitionMinimumSize minimumSize, Instant now,
                              int budget) {
        int done = 0;
        String afterKey = "";
        String afterVersion = "";
        String key = null;
        Instant supersededAt = null;
        int versionsOfKey = 0;
        ObjectVersion onlyMarker = null;
        List<ObjectVersion> page;
        do {
            page = repository.listVersions(bucket.name(), rule.filter().prefix(), afterKey, afterVersion, PAGE);
            for (ObjectVersion version : page) {
                afterKey = version.key();
                afterVersion = version.versionId();
                if (!version.key().equals(key)) {
                    done += removeLoneMarker(bucket, rule, onlyMarker, versionsOfKey, budget - done);
                    key = version.key();
                    versionsOfKey = 0;
                    onlyMarker = version.deleteMarker() ? version : null;
                    supersededAt = version.lastModified();
                    versionsOfKey++;
                    continue; // the newest version is current, not noncurrent
                }
                versionsOfKey++;
                Instant becameNoncurrent = supersededAt;
                supersededAt = version.lastModified();
                if (done >= budget || !rule.filter().matches(version)) {
                    continue;
                }
                // the versions of a key before this one: the current one and the newer noncurrent ones
                int newerNoncurrent = versionsOfKey - 2;
                if (noncurrentExpired(rule, becameNoncurrent, newerNoncurrent, now)) {
                    if (deleteVersion(bucket, version)) {
                        done++;
                    }
                } else if (!version.deleteMarker()) {
                    Optional<String> target = dueNoncurrentTransition(rule, minimumSize, version, becameNoncurrent,
                            newerNoncurrent, now);
                    if (target.isPresent() && transition(bucket, version, target.get())) {
                        done++;
                    }
                }
            }
        } while (page.size() == PAGE && done < budget);
        done += removeLoneMarker(bucket, rule, onlyMarker, versionsOfKey, budget - done);
        return done;
    }

    /**
     * Whether NoncurrentVersionExpiration deletes a version: noncurrent for its days, and not among the
     * NewerNoncurrentVersions newest noncurrent versions of its key.
     */
    static boolean noncurrentExpired(LifecycleRule rule, Instant becameNoncurrent, int newerNoncurrent, Instant now) {
        return rule.noncurrentDays().isPresent()
                && rule.newerNoncurrentVersions().map(kept -> newerNoncurrent >= kept).orElse(true)
                && !now.isBefore(roundUp(becameNoncurrent.plus(Duration.ofDays(rule.noncurrentDays().get()))));
    }

    private int removeLoneMarker(Bucket bucket, LifecycleRule rule, ObjectVersion marker, int versionsOfKey,
                                 int budget) {
        if (marker == null || versionsOfKey != 1 || !rule.expiredObjectDeleteMarker() || budget <= 0) {
            return 0;
        }
        deleteVersion(bucket, marker);
        return 1;
    }

    private void expireCurrent(Bucket bucket, ObjectVersion version) {
        if (bucket.versioning() == Bucket.Versioning.UNVERSIONED) {
            deleteVersion(bucket, version);
            return;
        }
        String markerId = bucket.versioning() == Bucket.Versioning.ENABLED ? ObjectOperations.newVersionId() : ObjectVersion.NULL_VERSION;
        ObjectVersion marker = ObjectVersion.deleteMarker(bucket.name(), version.key(), markerId,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        Optional<ObjectVersion> replaced = transactor.inTransaction(() -> {
            Optional<ObjectVersion> gone = repository.putVersion(marker);
            gone.ifPresent(v -> AccessControlOperations.forgetObjectAcl(repository, v));
            events.lifecycleAction(bucket, version.key(), markerId, DELETE_MARKER);
            return gone;
        });
        replaced.ifPresent(bodies::deleteBodyOf);
    }

    /** Deletes a version unless Object Lock protects it (S3's lifecycle never removes a locked version). */
    private boolean deleteVersion(Bucket bucket, ObjectVersion version) {
        boolean deleted = transactor.inTransaction(() -> {
            if (locks.protectedNow(version)) {
                return false;
            }
            boolean gone = repository.deleteVersion(bucket.name(), version.key(), version.versionId());
            if (gone) {
                AccessControlOperations.forgetObjectAcl(repository, version);
                events.lifecycleAction(bucket, version.key(), version.versionId(), EXPIRE);
            }
            return gone;
        });
        if (deleted) {
            bodies.deleteBodyOf(version);
        }
        return deleted;
    }

    /** When a current version expires: S3 adds the days to its creation and rounds up to the next midnight UTC. */
    static Instant expiry(Instant created, LifecycleRule rule) {
        return rule.expirationDate().orElseGet(() -> roundUp(created.plus(Duration.ofDays(rule.expirationDays().orElseThrow()))));
    }

    static Instant roundUp(Instant instant) {
        Instant midnight = instant.truncatedTo(ChronoUnit.DAYS);
        return midnight.equals(instant) ? instant : midnight.plus(Duration.ofDays(1));
    }

}
