package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.access.ProtectedResource;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.DuplicateEntityException;
import io.strongroom.s3.naming.BucketNames;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CreateBucket, HeadBucket, DeleteBucket, ListBuckets and GetBucketLocation. */
final class BucketOperations {
    /** The region whose buckets carry no location constraint (S3 reports it as an empty one). */
    static final String DEFAULT_REGION = "us-east-1";
    private static final int MAX_BUCKETS_LISTED = 10_000;

    private final S3Repository repository;
    private final AccessAuthorizer authorizer;
    private final Transactor transactor;
    private final Clock clock;
    private final String region;
    private final AccessControlOperations access;

    BucketOperations(S3Repository repository, AccessAuthorizer authorizer, Transactor transactor, Clock clock,
                     String region, AccessControlOperations access) {
        this.repository = requireNonNull(repository, "repository");
        this.authorizer = requireNonNull(authorizer, "authorizer");
        this.transactor = requireNonNull(transactor, "transactor");
        this.clock = requireNonNull(clock, "clock");
        this.region = requireNonNull(region, "region");
        this.access = requireNonNull(access, "access");
    }

    /** @param requestKeys condition keys of what the request asks for besides the location (ownership, ACL) */
    Bucket create(CallContext call, String name, Optional<String> locationConstraint, boolean objectLock,
                  Map<String, List<String>> requestKeys) {
        BucketNames.validate(name);
        Map<String, List<String>> conditionKeys = new HashMap<>(requestKeys);
        conditionKeys.put("s3:LocationConstraint", List.of(locationConstraint.orElse(DEFAULT_REGION)));
        authorizer.authorize(call, "s3:CreateBucket", "arn:aws:s3:::" + name, conditionKeys);
        if (objectLock) {
            // S3 asks for both: the bucket is created with Object Lock and versioning enabled
            authorizer.authorize(call, "s3:PutBucketObjectLockConfiguration", "arn:aws:s3:::" + name);
            authorizer.authorize(call, "s3:PutBucketVersioning", "arn:aws:s3:::" + name);
        }
        requireLocationOfThisRegion(locationConstraint);
        String account = call.principal().accountId();
        return transactor.inTransaction(() -> {
            Optional<Bucket> existing = repository.findBucket(name);
            if (existing.isPresent()) {
                throw existing.get().accountId().equals(account) ? S3Errors.bucketAlreadyOwnedByYou()
                        : S3Errors.bucketAlreadyExists();
            }
            Bucket bucket = new Bucket(name, account, region, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    objectLock ? Bucket.Versioning.ENABLED : Bucket.Versioning.UNVERSIONED, objectLock);
            try {
                repository.insertBucket(bucket);
            } catch (DuplicateEntityException raced) {
                throw S3Errors.bucketAlreadyExists();
            }
            return bucket;
        });
    }

    /** A bucket's location as S3 reports it: empty for the default region. */
    String location(CallContext call, String name) {
        Bucket bucket = authorized(call, name, "s3:GetBucketLocation");
        return bucket.region().equals(DEFAULT_REGION) ? "" : bucket.region();
    }

    Bucket head(CallContext call, String name) {
        return authorized(call, name, "s3:ListBucket");
    }

    void delete(CallContext call, String name) {
        authorized(call, name, "s3:DeleteBucket");
        transactor.run(() -> {
            if (repository.bucketHasVersions(name)) {
                throw S3Errors.bucketNotEmpty();
            }
            if (!repository.deleteBucket(name)) {
                throw S3Errors.noSuchBucket();
            }
        });
    }

    List<Bucket> list(CallContext call) {
        authorizer.authorize(call, "s3:ListAllMyBuckets", "*");
        return repository.listBuckets(call.principal().accountId(), Optional.empty(), MAX_BUCKETS_LISTED);
    }

    /** The bucket, once the caller may perform {@code action} on it; NoSuchBucket when there is none. */
    Bucket authorized(CallContext call, String name, String action) {
        return authorized(call, name, action, Map.of());
    }

    Bucket authorized(CallContext call, String name, String action, Map<String, List<String>> conditionKeys) {
        Bucket bucket = repository.findBucket(name).orElseThrow(S3Errors::noSuchBucket);
        authorizer.authorize(call, action, access.resource(call, bucket, bucket.arn()), conditionKeys);
        return bucket;
    }

    /**
     * A bucket or object ARN owned by the bucket's account (a bucket ARN names no account of its own),
     * without the bucket policy: authorise with {@link AccessControlOperations#resource} instead, which
     * carries it.
     */
    static ProtectedResource resource(Bucket bucket, String arn) {
        return new ProtectedResource(arn, Optional.of(bucket.accountId()), Optional.empty(), false);
    }

    private void requireLocationOfThisRegion(Optional<String> constraint) {
        if (constraint.isEmpty()) {
            if (!region.equals(DEFAULT_REGION)) {
                // S3 outside us-east-1 needs the constraint to name the endpoint's region
                throw S3Errors.illegalLocationConstraint("unspecified", region);
            }
            return;
        }
        String named = constraint.get();
        if (named.isEmpty() || named.length() > 64 || !named.matches("[a-z0-9-]+")) {
            throw S3Errors.invalidLocationConstraint();
        }
        if (named.equals(DEFAULT_REGION) || !named.equals(region)) {
            // S3 refuses an explicit us-east-1 constraint, and any other region's
            throw named.equals(region) ? S3Errors.invalidLocationConstraint()
                    : S3Errors.illegalLocationConstraint(named, region);
        }
    }
}
