package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.access.ProtectedResource;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.s3.naming.ObjectKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Put/GetObjectLockConfiguration, Put/GetObjectRetention and Put/GetObjectLegalHold. COMPLIANCE
 * retention is only ever extended, by anyone, the account root included; GOVERNANCE retention is
 * shortened, removed or changed only with x-amz-bypass-governance-retention and
 * s3:BypassGovernanceRetention.
 */
final class ObjectLockOperations {
    /** S3's longest default retention: 100 years. */
    static final int MAX_DAYS = 36_500;
    static final int MAX_YEARS = 100;

    private final S3Repository repository;
    private final BucketOperations buckets;
    private final ObjectLocks locks;
    private final AccessAuthorizer authorizer;
    private final AccessControlOperations access;
    private final Transactor transactor;
    private final Clock clock;

    ObjectLockOperations(S3Repository repository, BucketOperations buckets, ObjectLocks locks,
                         AccessAuthorizer authorizer, AccessControlOperations access, Transactor transactor,
                         Clock clock) {
        this.repository = requireNonNull(repository, "repository");
        this.buckets = requireNonNull(buckets, "buckets");
        this.locks = requireNonNull(locks, "locks");
        this.authorizer = requireNonNull(authorizer, "authorizer");
        this.access = requireNonNull(access, "access");
        this.transactor = requireNonNull(transactor, "transactor");
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * Stores the default retention (or none) and enables Object Lock on a bucket that has versioning
     * enabled, as S3 now allows; a bucket with versioning off or suspended is InvalidBucketState.
     */
    void putConfiguration(CallContext call, String name, ObjectLockConfiguration configuration) {
        buckets.authorized(call, name, "s3:PutBucketObjectLockConfiguration");
        configuration.defaultRetention().ifPresent(ObjectLockOperations::validate);
        transactor.run(() -> {
            Bucket bucket = repository.findBucket(name).orElseThrow(S3Errors::noSuchBucket);
            if (!bucket.objectLockEnabled()) {
                if (bucket.versioning() != Bucket.Versioning.ENABLED) {
                    throw new AwsException("InvalidBucketState", 409,
                            "Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration");
                }
                repository.updateBucket(bucket.withObjectLockEnabled());
            }
            repository.putConfig(S3Repository.bucketScope(name), ObjectLockConfiguration.KIND,
                    configuration.encode());
        });
    }

    /** The bucket's configuration; ObjectLockConfigurationNotFoundError when Object Lock is not enabled. */
    ObjectLockConfiguration configuration(CallContext call, String name) {
        Bucket bucket = buckets.authorized(call, name, "s3:GetBucketObjectLockConfiguration");
        if (!bucket.objectLockEnabled()) {
            throw new AwsException("ObjectLockConfigurationNotFoundError", 404,
                    "Object Lock configuration does not exist for this bucket");
        }
        return locks.configuration(name);
    }

    /**
     * Sets, extends, shortens or (with an empty retention) removes a version's retention, as its mode
     * allows. Returns the version changed.
     */
    ObjectVersion putRetention(CallContext call, String bucketName, String key, Optional<String> versionId,
                               Optional<ObjectLock.Retention> asked, boolean bypassRequested) {
        Optional<ObjectLock.Retention> retention = asked.map(r -> new ObjectLock.Retention(r.mode(),
                r.retainUntil().truncatedTo(ChronoUnit.MILLIS)));
        Map<String, List<String>> conditionKeys = new HashMap<>();
        retention.ifPresent(r -> conditionKeys.putAll(locks.retentionConditionKeys(r)));
        Target target = target(call, bucketName, key, versionId, "s3:PutObjectRetention", conditionKeys);
        retention.ifPresent(r -> locks.requireFuture(r.retainUntil()));
        boolean bypassGranted = locks.bypassGranted(call, target.bucket(), key, bypassRequested);
        transactor.run(() -> {
            ObjectVersion version = current(target.version());
            ObjectLock lock = locks.of(version);
            requireAllowedChange(lock.retention(), retention, bypassGranted);
            repository.putObjectLock(version.bucket(), version.key(), version.versionId(), lock.withRetention(retention));
        });
        return target.version();
    }

    ObjectLock.Retention retention(CallContext call, String bucketName, String key, Optional<String> versionId) {
        ObjectVersion version = target(call, bucketName, key, versionId, "s3:GetObjectRetention", Map.of()).version();
        return locks.of(version).retention().orElseThrow(ObjectLockOperations::noLockConfiguration);
    }

    ObjectVersion putLegalHold(CallContext call, String bucketName, String key, Optional<String> versionId,
                               boolean on) {
        Target target = target(call, bucketName, key, versionId, "s3:PutObjectLegalHold",
                Map.of("s3:object-lock-legal-hold", List.of(on ? "ON" : "OFF")));
        transactor.run(() -> {
            ObjectVersion version = current(target.version());
            repository.putObjectLock(version.bucket(), version.key(), version.versionId(),
                    locks.of(version).withLegalHold(on));
        });
        return target.version();
    }

    boolean legalHold(CallContext call, String bucketName, String key, Optional<String> versionId) {
        ObjectVersion version = target(call, bucketName, key, versionId, "s3:GetObjectLegalHold", Map.of()).version();
        return locks.of(version).legalHold().orElseThrow(ObjectLockOperations::noLockConfiguration);
    }

    /**
     * The lock a GetObject or HeadObject answer shows, already authorised for the read: the retention
     * only to a caller allowed s3:GetObjectRetention, the legal hold only to one allowed
     * s3:GetObjectLegalHold, as S3 shows them.
     */
    ObjectLock visible(CallContext call, ObjectVersion version) {
        ObjectLock lock = locks.of(version);
        if (lock.isEmpty()) {
            return lock;
        }
        Bucket bucket = repository.findBucket(version.bucket()).orElseThrow(S3Errors::noSuchBucket);
        ProtectedResource resource = access.resource(call, bucket, ObjectOperations.objectArn(bucket, version.key()));
        Optional<ObjectLock.Retention> retention = lock.retention()
                .filter(r -> authorizer.decide(call, "s3:GetObjectRetention", resource, Map.of()).allowed());
        Optional<Boolean> legalHold = lock.legalHold()
                .filter(h -> authorizer.decide(call, "s3:GetObjectLegalHold", resource, Map.of()).allowed());
        return new ObjectLock(retention, legalHold);
    }

    /**
     * A retention change is allowed when nothing is in force, or it keeps the mode and does not
     * shorten; else only GOVERNANCE yields, to a granted bypass. COMPLIANCE yields to nobody.
     */
    private void requireAllowedChange(Optional<ObjectLock.Retention> current, Optional<ObjectLock.Retention> asked,
                                      boolean bypassGranted) {
        Instant now = clock.instant();
        if (current.isEmpty() || !current.get().inForceAt(now)) {
            return;
        }
        ObjectLock.Retention inForce = current.get();
        boolean extendsIt = asked.isPresent() && !asked.get().retainUntil().isBefore(inForce.retainUntil());
        boolean sameMode = asked.isPresent() && asked.get().mode() == inForce.mode();
        if (inForce.mode() == ObjectLock.Mode.COMPLIANCE) {
            if (!(extendsIt && sameMode)) {
                throw ObjectLocks.protectedByLock();
            }
            return;
        }
        if (!(extendsIt && sameMode) && !bypassGranted) {
            throw ObjectLocks.protectedByLock();
        }
    }

    /** The bucket and version a retention or legal hold call addresses, once authorised. */
    private Target target(CallContext call, String bucketName, String key, Optional<String> versionId, String action,
                          Map<String, List<String>> conditionKeys) {
        ObjectKeys.validate(key);
        Bucket bucket = repository.findBucket(bucketName).orElseThrow(S3Errors::noSuchBucket);
        Map<String, List<String>> keys = new HashMap<>(conditionKeys);
        versionId.ifPresent(id -> keys.put("s3:versionid", List.of(id)));
        authorizer.authorize(call, action, access.resource(call, bucket, ObjectOperations.objectArn(bucket, key)),
                keys);
        if (!bucket.objectLockEnabled()) {
            throw S3Errors.invalidRequest("Bucket is missing Object Lock Configuration");
        }
        ObjectVersion version = versionId.isPresent()
                ? repository.findVersion(bucketName, key, versionId.get()).orElseThrow(S3Errors::noSuchVersion)
                : repository.latestVersion(bucketName, key).orElseThrow(S3Errors::noSuchKey);
        if (version.deleteMarker()) {
            throw versionId.isPresent() ? S3Errors.methodNotAllowed() : S3Errors.noSuchKey();
        }
        return new Target(bucket, version);
    }

    /** The version again, inside the transaction: it may have been deleted since. */
    private ObjectVersion current(ObjectVersion version) {
        return repository.findVersion(version.bucket(), version.key(), version.versionId())
                .orElseThrow(S3Errors::noSuchVersion);
    }

    private static void validate(ObjectLockConfiguration.DefaultRetention rule) {
        if (rule.days().isPresent()) {
            int days = rule.days().get();
            if (days <= 0) {
                throw S3Errors.invalidArgument("Default retention period must be a positive integer value.");
            }
            if (days > MAX_DAYS) {
                throw S3Errors.invalidArgument("Default retention period is too large.");
            }
        } else {
            int years = rule.years().orElseThrow();
            if (years <= 0) {
                throw S3Errors.invalidArgument("Default retention period must be a positive integer value.");
            }
            if (years > MAX_YEARS) {
                throw S3Errors.invalidArgument("Default retention period is too large.");
            }
        }
    }

    static AwsException noLockConfiguration() {
        return new AwsException("NoSuchObjectLockConfiguration", 404,
                "The specified object does not have a ObjectLock configuration");
    }

    private record Target(Bucket bucket, ObjectVersion version) {
    }
}
