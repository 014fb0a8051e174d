package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.core.spi.BlobStore;
import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.auth.CallContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Put/Get/DeleteBucketLifecycleConfiguration, and the scheduler's pass that carries the rules out:
 * current versions expired after their days or from their date (deleted in an unversioned bucket,
 * hidden behind a delete marker in a versioned one), noncurrent versions deleted some days after they
 * were superseded, delete markers with nothing behind them removed. Each action is its own transaction
 * with its audit record; a pass does at most a bounded number of them and the next one goes on.
 */
final class LifecycleOperations {
    private static final Logger LOG = Logger.getLogger(LifecycleOperations.class.getName());
    private static final int PAGE = 1000;
    static final String EXPIRE = "S3.EXPIRE.OBJECT";
    static final String DELETE_MARKER = "S3.CREATE.DELETEMARKER";

    private final S3Repository repository;
    private final BlobStore blobs;
    private final BucketOperations buckets;
    private final Transactor transactor;
    private final Clock clock;
    private final S3Events events;
    private final ObjectLocks locks;

    LifecycleOperations(S3Repository repository, BlobStore blobs, BucketOperations buckets, Transactor transactor,
                        Clock clock, S3Events events, ObjectLocks locks) {
        this.repository = requireNonNull(repository, "repository");
        this.blobs = requireNonNull(blobs, "blobs");
        this.buckets = requireNonNull(buckets, "buckets");
        this.transactor = requireNonNull(transactor, "transactor");
        this.clock = requireNonNull(clock, "clock");
        this.events = requireNonNull(events, "events");
        this.locks = requireNonNull(locks, "locks");
    }

    void put(CallContext call, String bucket, List<LifecycleRule> rules) {
        buckets.authorized(call, bucket, "s3:PutLifecycleConfiguration");
        repository.putConfig(S3Repository.bucketScope(bucket), LifecycleRules.KIND,
                LifecycleRules.encode(LifecycleRules.validate(rules)));
    }

    List<LifecycleRule> get(CallContext call, String bucket) {
        buckets.authorized(call, bucket, "s3:GetLifecycleConfiguration");
        return repository.config(S3Repository.bucketScope(bucket), LifecycleRules.KIND).map(LifecycleRules::decode)
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
            for (LifecycleRule rule : LifecycleRules.decode(document.get())) {
                if (rule.enabled() && done < budget) {
                    done += apply(bucket.get(), rule, now, budget - done);
                }
            }
        }
        return done;
    }

    private int apply(Bucket bucket, LifecycleRule rule, Instant now, int budget) {
        int done = 0;
        if (rule.expirationDays().isPresent() || rule.expirationDate().isPresent()) {
            String after = "";
            List<ObjectVersion> page;
            do {
                page = repository.listLatest(bucket.name(), rule.filter().prefix(), after, PAGE);
                for (ObjectVersion version : page) {
                    after = version.key();
                    if (done < budget && rule.filter().matches(version)
                            && !now.isBefore(expiry(version.lastModified(), rule))) {
                        expireCurrent(bucket, version);
                        done++;
                    }
                }
            } while (page.size() == PAGE && done < budget);
        }
        if (rule.noncurrentDays().isPresent() || rule.expiredObjectDeleteMarker()) {
            done += sweepVersions(bucket, rule, now, budget - done);
        }
        return done;
    }

    /** Noncurrent versions past their days, and delete markers left alone, key by key. */
    private int sweepVersions(Bucket bucket, LifecycleRule rule, Instant now, int budget) {
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
                if (done < budget && rule.noncurrentDays().isPresent() && rule.filter().matches(version)
                        && !now.isBefore(roundUp(becameNoncurrent.plus(Duration.ofDays(rule.noncurrentDays().get()))))
                        && deleteVersion(bucket, version)) {
                    done++;
                }
            }
        } while (page.size() == PAGE && done < budget);
        done += removeLoneMarker(bucket, rule, onlyMarker, versionsOfKey, budget - done);
        return done;
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
            events.lifecycleAction(bucket, version.key(), markerId, DELETE_MARKER);
            return gone;
        });
        replaced.ifPresent(this::deleteBody);
    }

    /** Deletes a version unless Object Lock protects it (S3's lifecycle never removes a locked version). */
    private boolean deleteVersion(Bucket bucket, ObjectVersion version) {
        boolean deleted = transactor.inTransaction(() -> {
            if (locks.protectedNow(version)) {
                return false;
            }
            boolean gone = repository.deleteVersion(bucket.name(), version.key(), version.versionId());
            if (gone) {
                events.lifecycleAction(bucket, version.key(), version.versionId(), EXPIRE);
            }
            return gone;
        });
        if (deleted) {
            deleteBody(version);
        }
        return deleted;
    }

    private void deleteBody(ObjectVersion version) {
        if (version.blobId() == null) {
            return;
        }
        try {
            blobs.delete(version.blobId());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "An expired object's body could not be deleted now; start-up collects it", e);
        }
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
