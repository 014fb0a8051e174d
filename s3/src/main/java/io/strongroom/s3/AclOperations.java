package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.auth.CallContext;
import java.util.List;
import java.util.Optional;

/**
 * Object Ownership and ACLs. ACLs are disabled on new buckets (BucketOwnerEnforced), where a write may
 * carry no ACL but bucket-owner-full-control and reading an ACL shows the owner's full control; once
 * ownership controls enable them, canned ACLs and explicit grants are kept and weighed (see
 * {@link AclStatements}), and Block Public Access refuses (BlockPublicAcls) or disregards
 * (IgnorePublicAcls) public ones. Objects are owned by the bucket's owner or, as Object Ownership
 * says, by the account that wrote them.
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
            if (!ownership.aclsEnabled() && settings.acl().grantsOthers(bucket.accountId(), true)) {
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
        requireValidGrantees(acl);
        String owner = call.principal().accountId();
        StoredAcl stored = StoredAcl.of(acl);
        ObjectOwnership ownership = asked.orElse(ObjectOwnership.BUCKET_OWNER_ENFORCED);
        if (!ownership.aclsEnabled()) {
            if (stored.grantsOthers(owner, true)) {
                throw invalidBucketAclWithObjectOwnership();
            }
            return;
        }
        if (stored.isPublic(owner, true)) {
            throw publicAclBlocked();
        }
    }

    /** Stores what a CreateBucket asked for, when it differs from a new bucket's defaults. */
    void initialise(Bucket bucket, Optional<ObjectOwnership> asked, RequestedAcl acl) {
        ObjectOwnership ownership = asked.orElse(ObjectOwnership.BUCKET_OWNER_ENFORCED);
        // where ACLs are disabled, what passed the check grants the owner alone: nothing to keep
        BucketAclSettings settings = new BucketAclSettings(Optional.of(ownership),
                ownership.aclsEnabled() ? StoredAcl.of(acl) : StoredAcl.PRIVATE);
        if (!settings.equals(BucketAclSettings.NEW_BUCKET)) {
            store(bucket, settings);
        }
    }

    /** The bucket's ACL and its owner's account. */
    AccessControlList bucketAcl(CallContext call, String bucketName) {
        Bucket bucket = buckets.authorized(call, bucketName, "s3:GetBucketAcl");
        BucketAclSettings settings = access.aclSettings(bucket);
        StoredAcl acl = settings.ownership().aclsEnabled() ? settings.acl() : StoredAcl.PRIVATE;
        return new AccessControlList(bucket.accountId(), acl.grants(bucket.accountId(), true));
    }

    void putBucketAcl(CallContext call, String bucketName, RequestedAcl acl) {
        Bucket bucket = buckets.authorized(call, bucketName, "s3:PutBucketAcl", acl.conditionKeys());
        requireStatedOwner(acl, bucket.accountId());
        requireValidGrantees(acl);
        transactor.inTransaction(() -> {
            BucketAclSettings settings = access.aclSettings(bucket);
            store(bucket, settings.withAcl(checked(bucket, settings, acl, bucket.accountId(), true)));
            return null;
        });
    }

    // ---- object ACLs

    AccessControlList objectAcl(CallContext call, String bucketName, String key, Optional<String> versionId,
                                ObjectOperations objects) {
        ObjectVersion version = objects.readable(call, bucketName, key, versionId, "s3:GetObjectAcl");
        Bucket bucket = repository.findBucket(bucketName).orElseThrow(S3Errors::noSuchBucket);
        StoredAcl acl = access.aclSettings(bucket).ownership().aclsEnabled()
                ? access.objectAcl(version) : StoredAcl.PRIVATE;
        return new AccessControlList(acl.ownerAccount(bucket.accountId()), acl.grants(bucket.accountId(), false));
    }

    void putObjectAcl(CallContext call, String bucketName, String key, Optional<String> versionId,
                      RequestedAcl acl, ObjectOperations objects) {
        ObjectVersion version = objects.readable(call, bucketName, key, versionId, "s3:PutObjectAcl");
        Bucket bucket = repository.findBucket(bucketName).orElseThrow(S3Errors::noSuchBucket);
        requireValidGrantees(acl);
        BucketAclSettings settings = access.aclSettings(bucket);
        // a new ACL never changes who owns the object
        Optional<String> owner = settings.ownership().aclsEnabled() ? access.objectAcl(version).owner() : Optional.empty();
        requireStatedOwner(acl, owner.orElse(bucket.accountId()));
        StoredAcl checked = checked(bucket, settings, acl, owner.orElse(bucket.accountId()), false).ownedBy(owner);
        transactor.inTransaction(() -> {
            access.storeObjectAcl(version, checked);
            return null;
        });
    }

    /**
     * The ACL and owner a new object version gets, once checked; {@link StoredAcl#PRIVATE} when that is
     * the bucket owner's full control. Asking for an ACL also takes s3:PutObjectAcl, as in S3 (on an object
     * another account is creating, as that account's own: it owns the object as it creates it). The writer's
     * account owns the object under ObjectWriter, and under BucketOwnerPreferred unless it gave it to the
     * bucket's owner with bucket-owner-full-control.
     */
    StoredAcl forWrite(CallContext call, Bucket bucket, String objectArn, RequestedAcl acl) {
        BucketAclSettings settings = access.aclSettings(bucket);
        String writer = call.principal().accountId();
        if (!acl.isEmpty()) {
            boolean writersOwn = settings.ownership().aclsEnabled() && !writer.equals(bucket.accountId());
            authorizer.authorize(call, "s3:PutObjectAcl", writersOwn
                    ? access.newObjectOfOtherAccount(call, bucket, objectArn)
                    : access.resource(call, bucket, objectArn), acl.conditionKeys());
            requireValidGrantees(acl);
        }
        Optional<String> owner = switch (settings.ownership()) {
            case BUCKET_OWNER_ENFORCED -> Optional.empty();
            case BUCKET_OWNER_PREFERRED -> acl.canned().filter(c -> c == CannedAcl.BUCKET_OWNER_FULL_CONTROL).isPresent()
                    ? Optional.empty() : Optional.of(writer);
            case OBJECT_WRITER -> Optional.of(writer);
        };
        owner = owner.filter(account -> !account.equals(bucket.accountId()));
        return checked(bucket, settings, acl, owner.orElse(bucket.accountId()), false).ownedBy(owner);
    }

    /** Keeps an object version's ACL after its write, in a transaction of its own. */
    void keep(ObjectVersion version, StoredAcl acl) {
        transactor.inTransaction(() -> {
            access.storeObjectAcl(version, acl);
            return null;
        });
    }

    /**
     * The ACL to keep, once checked against the bucket's ownership and Block Public Access. Where ACLs
     * are disabled only the bucket owner's full control may be asked for (bucket-owner-full-control, or
     * grants that say the same), and nothing is kept.
     *
     * @param owner the account that owns (or will own) what the ACL is on
     */
    /** S3 refuses an AccessControlPolicy whose Owner is not the resource's owner, as an attempt to give it away. */
    private static void requireStatedOwner(RequestedAcl acl, String owner) {
        if (acl.statedOwner().filter(stated -> !stated.equals(owner)).isPresent()) {
            throw new AwsException("AccessDenied", 403, "Access Denied");
        }
    }

    private StoredAcl checked(Bucket bucket, BucketAclSettings settings, RequestedAcl acl, String owner,
                              boolean onBucket) {
        if (!settings.ownership().aclsEnabled()) {
            boolean ownerFullControl = acl.canned().filter(c -> c == CannedAcl.BUCKET_OWNER_FULL_CONTROL).isPresent()
                    || acl.grants().filter(grants -> !grants.isEmpty() && grants.stream().allMatch(
                            g -> bucket.accountId().equals(g.canonicalUserId()) && g.permission().equals("FULL_CONTROL")))
                    .isPresent();
            if (!acl.isEmpty() && !ownerFullControl) {
                throw new AwsException("AccessControlListNotSupported", 400, "The bucket does not allow ACLs");
            }
            return StoredAcl.PRIVATE;
        }
        StoredAcl stored = StoredAcl.of(acl).ownedBy(Optional.of(owner).filter(o -> !o.equals(bucket.accountId())));
        if (stored.isPublic(bucket.accountId(), onBucket) && access.effectiveBlock(bucket).blockPublicAcls()) {
            throw publicAclBlocked();
        }
        return stored.ownedBy(Optional.empty());
    }

    /** Every account a grant names must exist (S3's "Invalid id"), and every group be one S3 knows. */
    private void requireValidGrantees(RequestedAcl acl) {
        for (AclGrant grant : acl.grants().orElse(List.of())) {
            if (grant.canonicalUserId() != null && !authorizer.accountExists(grant.canonicalUserId())) {
                throw new AwsException("InvalidArgument", 400, "Invalid id");
            }
            if (grant.groupUri() != null && !AclGrant.GROUPS.contains(grant.groupUri())) {
                throw new AwsException("InvalidArgument", 400, "Invalid group uri");
            }
        }
    }

    private void store(Bucket bucket, BucketAclSettings settings) {
        repository.putConfig(S3Repository.bucketScope(bucket.name()), BucketAclSettings.KIND, settings.document());
    }

    private static AwsException invalidBucketAclWithObjectOwnership() {
        return new AwsException("InvalidBucketAclWithObjectOwnership", 400,
                "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");
    }

    private static AwsException publicAclBlocked() {
        return new AwsException("AccessDenied", 403, "Access Denied");
    }
}
