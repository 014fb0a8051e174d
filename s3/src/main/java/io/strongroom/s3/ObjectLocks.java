package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.access.ProtectedResource;
import io.strongroom.iam.auth.CallContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Object Lock as the write, delete and lifecycle paths see it: the lock a new version starts with
 * (asked for, or the bucket's default retention), and whether a version may go.
 */
final class ObjectLocks {
    private final S3Repository repository;
    private final AccessAuthorizer authorizer;
    private final AccessControlOperations access;
    private final Clock clock;

    ObjectLocks(S3Repository repository, AccessAuthorizer authorizer, AccessControlOperations access, Clock clock) {
        this.repository = requireNonNull(repository, "repository");
        this.authorizer = requireNonNull(authorizer, "authorizer");
        this.access = requireNonNull(access, "access");
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * The lock a write asks for, once checked as S3 checks it: only in a bucket with Object Lock, mode
     * and date together, the date in the future, and the caller allowed s3:PutObjectRetention and
     * s3:PutObjectLegalHold for what it sets. Throws before anything is written.
     */
    ObjectLock requested(CallContext call, Bucket bucket, String key, ObjectLockRequest request) {
        if (request.isEmpty()) {
            return ObjectLock.NONE;
        }
        if (!bucket.objectLockEnabled()) {
            throw S3Errors.invalidRequest("Bucket is missing ObjectLockConfiguration");
        }
        if (request.mode().isPresent() != request.retainUntil().isPresent()) {
            throw S3Errors.invalidArgument(
                    "x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied");
        }
        ProtectedResource resource = access.resource(call, bucket, ObjectOperations.objectArn(bucket, key));
        Optional<ObjectLock.Retention> retention = Optional.empty();
        if (request.mode().isPresent()) {
            ObjectLock.Retention asked = new ObjectLock.Retention(request.mode().get(),
                    request.retainUntil().get().truncatedTo(ChronoUnit.MILLIS));
            requireFuture(asked.retainUntil());
            authorizer.authorize(call, "s3:PutObjectRetention", resource, retentionConditionKeys(asked));
            retention = Optional.of(asked);
        }
        if (request.legalHold().isPresent()) {
            authorizer.authorize(call, "s3:PutObjectLegalHold", resource,
                    Map.of("s3:object-lock-legal-hold", List.of(request.legalHold().get() ? "ON" : "OFF")));
        }
        return new ObjectLock(retention, request.legalHold());
    }

    /** A new version's lock: what was asked, with the bucket's default retention when no retention was. */
    ObjectLock forNewVersion(Bucket bucket, ObjectLock requested, Instant created) {
        if (!bucket.objectLockEnabled() || requested.retention().isPresent()) {
            return requested;
        }
        return configuration(bucket.name()).defaultRetention()
                .map(rule -> requested.withRetention(Optional.of(rule.from(created)))).orElse(requested);
    }

    /**
     * Whether a PutObject must prove its body's integrity (Content-MD5 or a flexible checksum): S3 asks
     * it of every upload that sets a lock or gets the bucket's default retention.
     */
    boolean integrityRequired(Bucket bucket, ObjectLockRequest request) {
        return !request.isEmpty()
                || (bucket.objectLockEnabled() && configuration(bucket.name()).defaultRetention().isPresent());
    }

    ObjectLockConfiguration configuration(String bucket) {
        return repository.config(S3Repository.bucketScope(bucket), ObjectLockConfiguration.KIND)
                .map(ObjectLockConfiguration::decode).orElse(ObjectLockConfiguration.NO_RULE);
    }

    /** Stores a new version's lock (in the transaction that stores the version). */
    void store(ObjectVersion version, ObjectLock lock) {
        if (!lock.isEmpty()) {
            repository.putObjectLock(version.bucket(), version.key(), version.versionId(), lock);
        }
    }

    ObjectLock of(ObjectVersion version) {
        return repository.objectLock(version.bucket(), version.key(), version.versionId()).orElse(ObjectLock.NONE);
    }

    /**
     * Whether the caller asked to bypass GOVERNANCE retention and holds s3:BypassGovernanceRetention;
     * decided before the transaction that deletes or shortens.
     */
    boolean bypassGranted(CallContext call, Bucket bucket, String key, boolean bypassRequested) {
        return bypassRequested && authorizer.decide(call, "s3:BypassGovernanceRetention",
                access.resource(call, bucket, ObjectOperations.objectArn(bucket, key)), Map.of()).allowed();
    }

    /**
     * AccessDenied unless the version may be deleted now: no legal hold on, and no retention in force
     * but a GOVERNANCE one the caller may bypass. Called inside the deleting transaction.
     */
    void requireDeletable(ObjectVersion version, boolean bypassGranted) {
        ObjectLock lock = of(version);
        Instant now = clock.instant();
        if (lock.legalHold().orElse(false)) {
            throw protectedByLock();
        }
        Optional<ObjectLock.Retention> retention = lock.retention().filter(r -> r.inForceAt(now));
        if (retention.isPresent() && (retention.get().mode() == ObjectLock.Mode.COMPLIANCE || !bypassGranted)) {
            throw protectedByLock();
        }
    }

    /** Whether a version is protected now (lifecycle leaves such versions alone). */
    boolean protectedNow(ObjectVersion version) {
        return !version.deleteMarker() && of(version).protects(clock.instant());
    }

    /**
     * Keeps the lock a CreateMultipartUpload asked for until the upload completes (or goes), as a
     * configuration document of the upload's own scope.
     */
    void holdForUpload(String uploadId, ObjectLock lock) {
        if (lock.isEmpty()) {
            return;
        }
        String document = lock.retention().map(r -> r.mode() + " " + r.retainUntil().toEpochMilli()).orElse("-")
                + " " + lock.legalHold().map(on -> on ? "ON" : "OFF").orElse("-");
        repository.putConfig(uploadScope(uploadId), ObjectLockConfiguration.KIND, document);
    }

    /** The lock held for an upload, forgotten as it is read (the upload completes or goes with it). */
    ObjectLock releaseForUpload(String uploadId) {
        Optional<String> document = repository.config(uploadScope(uploadId), ObjectLockConfiguration.KIND);
        if (document.isEmpty()) {
            return ObjectLock.NONE;
        }
        repository.deleteConfig(uploadScope(uploadId), ObjectLockConfiguration.KIND);
        String[] parts = document.get().split(" ");
        Optional<ObjectLock.Retention> retention = parts[0].equals("-") ? Optional.empty()
                : Optional.of(new ObjectLock.Retention(ObjectLock.Mode.valueOf(parts[0]),
                        Instant.ofEpochMilli(Long.parseLong(parts[1]))));
        String hold = parts[parts.length - 1];
        return new ObjectLock(retention, hold.equals("-") ? Optional.empty() : Optional.of(hold.equals("ON")));
    }

    /** Whether an upload's object will be locked: asked at creation, or by the bucket's default retention. */
    boolean uploadWillBeLocked(MultipartUpload upload) {
        return repository.config(uploadScope(upload.uploadId()), ObjectLockConfiguration.KIND).isPresent()
                || repository.findBucket(upload.bucket()).filter(Bucket::objectLockEnabled)
                        .map(bucket -> configuration(bucket.name()).defaultRetention().isPresent()).orElse(false);
    }

    private static String uploadScope(String uploadId) {
        return "upload/" + uploadId;
    }

    void requireFuture(Instant retainUntil) {
        if (!retainUntil.isAfter(clock.instant())) {
            throw S3Errors.invalidArgument("The retain until date must be in the future!");
        }
    }

    /**
     * s3:object-lock-mode, s3:object-lock-retain-until-date and s3:object-lock-remaining-retention-days
     * (whole days left, rounded up), with which a policy bounds the retention callers may set.
     */
    Map<String, List<String>> retentionConditionKeys(ObjectLock.Retention retention) {
        Map<String, List<String>> keys = new HashMap<>();
        keys.put("s3:object-lock-mode", List.of(retention.mode().name()));
        keys.put("s3:object-lock-retain-until-date", List.of(retention.retainUntil().toString()));
        long millisLeft = Math.max(0, retention.retainUntil().toEpochMilli() - clock.millis());
        long daysLeft = (millisLeft + ChronoUnit.DAYS.getDuration().toMillis() - 1) / ChronoUnit.DAYS.getDuration().toMillis();
        keys.put("s3:object-lock-remaining-retention-days", List.of(Long.toString(daysLeft)));
        return keys;
    }

    static AwsException protectedByLock() {
        return AwsException.accessDenied("Access Denied because object protected by object lock.");
    }
}
