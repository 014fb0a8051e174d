package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.auth.CallContext;
import java.util.Optional;

/**
 * Object Ownership and ACLs. ACLs are disabled on new buckets (BucketOwnerEnforced), where a write may
 * carry no ACL but bucket-owner-full-control and reading an ACL shows the owner's full control; once
 * ownership controls enable them, canned ACLs are kept and weighed (see {@link CannedAcl}), and Block
 * Public Access refuses (BlockPublicAcls) or disregards (IgnorePublicAcls) public ones.
 */
final class AclOperations {
    private final S3Repository repository;
    private final BucketOperations buckets;
    private final AccessControlOperations access;
    private final Transactor transactor;
    private final AccessAuthorizer authorizer;

    AclOperations(S3Repository repository, BucketOperations buckets, AccessControlOperations access,
                  Transactor transactor, AccessAuthorizer authorizer) {
        this.repository = requireNonNull(repository, "repository");
        this.buckets = requireNonNull(buckets, "buckets");
        this.access = requireNonNull(access, "access");
        this.transactor = requireNonNull(transactor, "transactor");
        this.authorizer = requireNonNull(authorizer, "authorizer");
    }

    // ---- ownership controls

    /** The ownership controls; OwnershipControlsNotFoundError once deleted. */
    ObjectOwnership ownershipControls(CallContext call, String bucketName) {
        Bucket bucket = buckets.authorized(call, bucketName, "s3:GetBucketOwnershipControls");
        return access.aclSettings(bucket).ownershipControls().orElseThrow(() -> new AwsException(
                "OwnershipControlsNotFoundError", 404, "The bucket ownership controls were not found"));
    }

    void putOwnershipControls(CallContext call, String bucketName, ObjectOwnership ownership) {
        Bucket bucket = buckets.authorized(call, bucketName, "s3:PutBucketOwnershipControls");
        transactor.inTransaction(() -> {
            BucketAclSettings settings = access.aclSettings(bucket);
            if (!ownership.aclsEnabled() && settings.acl().grantsOthers()) {
                throw invalidBucketAclWithObjectOwnership();
            }
            store(bucket, settings.withOwnershipControls(Optional.of(ownership)));
            return null;
        });
    }

    void deleteOwnershipControls(CallContext call, String bucketName) {
        Bucket bucket = buckets.authorized(call, bucketName, "s3:PutBucketOwnershipControls");
        transactor.inTransaction(() -> {
            store(bucket, access.aclSettings(bucket).withOwnershipControls(Optional.empty()));
            return null;
        });
    }

    // ---- bucket ACLs

    /**
     * Checks the ownership and ACL a CreateBucket asks for, before the bucket exists. Asking for either
     * also takes the permission to set it, as in S3. A new bucket's Block Public Access is all on, so a
     * public ACL is refused whatever the ownership.
     */
    void checkNewBucket(CallContext call, String bucketArn, Optional<ObjectOwnership> asked, RequestedAcl acl) {
        if (asked.isPresent()) {
            authorizer.authorize(call, "s3:PutBucketOwnershipControls", bucketArn);
        }
        if (!acl.isEmpty()) {
            authorizer.authorize(call, "s3:PutBucketAcl", bucketArn, acl.conditionKeys());
        }
        ObjectOwnership ownership = asked.orElse(ObjectOwnership.BUCKET_OWNER_ENFORCED);
        if (!ownership.aclsEnabled()) {
            if (acl.explicitGrants() || acl.canned().filter(CannedAcl::grantsOthers).isPresent()) {
                throw invalidBucketAclWithObjectOwnership();
            }
            return;
        }
        refuseExplicitGrants(acl);
        if (acl.canned().filter(CannedAcl::isPublic).isPresent()) {
            throw publicAclBlocked();
        }
    }

    /** Stores what a CreateBucket asked for, when it differs from a new bucket's defaults. */
    void initialise(Bucket bucket, Optional<ObjectOwnership> asked, RequestedAcl acl) {
        BucketAclSettings settings = new BucketAclSettings(
                Optional.of(asked.orElse(ObjectOwnership.BUCKET_OWNER_ENFORCED)),
                acl.canned().orElse(CannedAcl.PRIVATE));
        if (!settings.equals(BucketAclSettings.NEW_BUCKET)) {
            store(bucket, settings);
        }
    }

    /** The bucket's ACL and its owner's account. */
    AccessControlList bucketAcl(CallContext call, String bucketName) {
        Bucket bucket = buckets.authorized(call, bucketName, "s3:GetBucketAcl");
        BucketAclSettings settings = access.aclSettings(bucket);
        CannedAcl acl = settings.ownership().aclsEnabled() ? settings.acl() : CannedAcl.PRIVATE;
        return new AccessControlList(bucket.accountId(), acl.grants(bucket.accountId(), true));
    }

    void putBucketAcl(CallContext call, String bucketName, RequestedAcl acl) {
        Bucket bucket = buckets.authorized(call, bucketName, "s3:PutBucketAcl", acl.conditionKeys());
        transactor.inTransaction(() -> {
            BucketAclSettings settings = access.aclSettings(bucket);
            CannedAcl canned = checked(bucket, settings, acl).orElse(CannedAcl.PRIVATE);
            store(bucket, settings.withAcl(canned));
            return null;
        });
    }

    // ---- object ACLs

    AccessControlList objectAcl(CallContext call, String bucketName, String key, Optional<String> versionId,
                                ObjectOperations objects) {
        ObjectVersion version = objects.readable(call, bucketName, key, versionId, "s3:GetObjectAcl");
        Bucket bucket = repository.findBucket(bucketName).orElseThrow(S3Errors::noSuchBucket);
        CannedAcl acl = access.aclSettings(bucket).ownership().aclsEnabled()
                ? access.objectAcl(version).orElse(CannedAcl.PRIVATE) : CannedAcl.PRIVATE;
        return new AccessControlList(bucket.accountId(), acl.grants(bucket.accountId(), false));
    }

    void putObjectAcl(CallContext call, String bucketName, String key, Optional<String> versionId,
                      RequestedAcl acl, ObjectOperations objects) {
        ObjectVersion version = objects.readable(call, bucketName, key, versionId, "s3:PutObjectAcl");
        Bucket bucket = repository.findBucket(bucketName).orElseThrow(S3Errors::noSuchBucket);
        Optional<CannedAcl> canned = checked(bucket, access.aclSettings(bucket), acl);
        transactor.inTransaction(() -> {
            storeObjectAcl(version, canned);
            return null;
        });
    }

    /**
     * The ACL a write of an object may keep, once checked: empty when there is none to keep (none was
     * asked for, or ACLs are disabled and bucket-owner-full-control was). Asking for one also takes
     * s3:PutObjectAcl, as in S3.
     */
    Optional<CannedAcl> checkedForWrite(CallContext call, Bucket bucket, String objectArn, RequestedAcl acl) {
        if (acl.isEmpty()) {
            return Optional.empty();
        }
        authorizer.authorize(call, "s3:PutObjectAcl", access.resource(call, bucket, objectArn), acl.conditionKeys());
        return checked(bucket, access.aclSettings(bucket), acl);
    }

    /** Keeps an object version's ACL after its write, in a transaction of its own. */
    void keep(ObjectVersion version, Optional<CannedAcl> acl) {
        transactor.inTransaction(() -> {
            storeObjectAcl(version, acl);
            return null;
        });
    }

    /** Keeps an object version's ACL (a private one is kept as none); call within its write's transaction. */
    void storeObjectAcl(ObjectVersion version, Optional<CannedAcl> acl) {
        String kind = AccessControlOperations.objectAclKind(version);
        String scope = S3Repository.bucketScope(version.bucket());
        if (acl.isEmpty() || acl.get() == CannedAcl.PRIVATE) {
            repository.deleteConfig(scope, kind);
        } else {
            repository.putConfig(scope, kind, acl.get().awsName());
        }
    }

    private Optional<CannedAcl> checked(Bucket bucket, BucketAclSettings settings, RequestedAcl acl) {
        if (!settings.ownership().aclsEnabled()) {
            if (acl.explicitGrants() || acl.canned().filter(c -> c != CannedAcl.BUCKET_OWNER_FULL_CONTROL).isPresent()) {
                throw new AwsException("AccessControlListNotSupported", 400, "The bucket does not allow ACLs");
            }
            return Optional.empty();
        }
        refuseExplicitGrants(acl);
        if (acl.canned().filter(CannedAcl::isPublic).isPresent() && access.effectiveBlock(bucket).blockPublicAcls()) {
            throw publicAclBlocked();
        }
        return acl.canned();
    }

    private void store(Bucket bucket, BucketAclSettings settings) {
        repository.putConfig(S3Repository.bucketScope(bucket.name()), BucketAclSettings.KIND, settings.document());
    }

    private static void refuseExplicitGrants(RequestedAcl acl) {
        if (acl.explicitGrants()) {
            throw new AwsException("NotImplemented", 501,
                    "Only canned ACLs are supported; explicit grants (x-amz-grant-* or an AccessControlPolicy) are not.");
        }
    }

    private static AwsException invalidBucketAclWithObjectOwnership() {
        return new AwsException("InvalidBucketAclWithObjectOwnership", 400,
                "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");
    }

    private static AwsException publicAclBlocked() {
        return new AwsException("AccessDenied", 403, "Access Denied");
    }
}
