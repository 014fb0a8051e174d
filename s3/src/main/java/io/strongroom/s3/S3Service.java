package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.BlobStore;
import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.s3.checksum.ChecksumAlgorithm;
import io.strongroom.s3.crypto.BodyCipher;
import io.strongroom.s3.naming.BucketNames;
import io.strongroom.s3.crypto.SegmentCipher;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.HashSet;

/**
 * Amazon S3 as plain Java: buckets and objects, every body encrypted at rest in segments under a data
 * key of its own. One method per operation; failures are AwsExceptions with S3's codes, or IAM's
 * AccessDeniedException.
 */
public final class S3Service {
    public static final int MAX_KEYS = 1000;
    private static final int GARBAGE_PAGE = 500;

    private final S3Repository repository;
    private final MultipartRepository multipartRepository;
    private final BlobStore blobs;
    private final BucketOperations buckets;
    private final ObjectOperations objects;
    private final ObjectListing listing;
    private final AccessControlOperations access;
    private final AclOperations acls;
    private final LifecycleOperations lifecycle;
    private final VersioningOperations versioning;
    private final TaggingOperations tagging;
    private final EncryptionConfigOperations encryption;
    private final CopyOperations copies;
    private final MultipartOperations multipart;
    private final ObjectBodies bodies;
    private final RestoreRepository restoreRepository;
    private final RestoreOperations restores;
    private final ObjectLockOperations objectLock;

    /** A service whose lifecycle actions go unrecorded (domain tests). */
    public S3Service(S3Repository repository, MultipartRepository multipartRepository, BlobStore blobs,
                     DataKeyProvider dataKeys, Transactor transactor, AccessAuthorizer authorizer, Clock clock,
                     String region) {
        this(repository, multipartRepository, blobs, dataKeys, transactor, authorizer, clock, region, S3Events.NONE);
    }

    /** @param events receives what lifecycle rules do, for the audit trail */
    public S3Service(S3Repository repository, MultipartRepository multipartRepository, BlobStore blobs,
                     DataKeyProvider dataKeys, Transactor transactor, AccessAuthorizer authorizer, Clock clock,
                     String region, S3Events events) {
        this(repository, multipartRepository, blobs, dataKeys, transactor, authorizer, clock, region, events,
                SegmentCipher::new);
    }

    /**
     * @param ciphers the body cipher for a data key: {@link SegmentCipher} always, but in benchmarks that
     *                measure the server without encryption ({@code s3.benchmark-skip-encryption})
     */
    public S3Service(S3Repository repository, MultipartRepository multipartRepository, BlobStore blobs,
                     DataKeyProvider dataKeys, Transactor transactor, AccessAuthorizer authorizer, Clock clock,
                     String region, S3Events events, Function<byte[], BodyCipher> ciphers) {
        this(repository, multipartRepository, blobs, blobs, RestoreRepository.UNSUPPORTED, dataKeys, transactor,
                authorizer, clock, region, events, ciphers);
    }

    /**
     * @param archive  where the bodies of GLACIER and DEEP_ARCHIVE versions are kept, apart from {@code blobs}
     * @param restores the restores of archived versions
     */
    public S3Service(S3Repository repository, MultipartRepository multipartRepository, BlobStore blobs,
                     BlobStore archive, RestoreRepository restores, DataKeyProvider dataKeys, Transactor transactor,
                     AccessAuthorizer authorizer, Clock clock, String region, S3Events events,
                     Function<byte[], BodyCipher> ciphers) {
        this.repository = requireNonNull(repository, "repository");
        this.multipartRepository = requireNonNull(multipartRepository, "multipartRepository");
        this.blobs = requireNonNull(blobs, "blobs");
        this.restoreRepository = requireNonNull(restores, "restores");
        this.bodies = new ObjectBodies(blobs, archive, multipartRepository, restores);
        this.access = new AccessControlOperations(repository, authorizer);
        this.buckets = new BucketOperations(repository, authorizer, transactor, clock, region, access);
        ObjectLocks locks = new ObjectLocks(repository, authorizer, access, clock);
        this.acls = new AclOperations(repository, buckets, access, transactor, authorizer);
        this.objects = new ObjectOperations(repository, multipartRepository, bodies, restores, dataKeys, authorizer,
                transactor, clock, access, acls, ciphers, locks, new CustomerKeyEnvelope(new SecureRandom()));
        this.listing = new ObjectListing(repository);
        this.lifecycle = new LifecycleOperations(repository, multipartRepository, bodies, buckets, transactor, clock,
                events, locks);
        this.restores = new RestoreOperations(repository, multipartRepository, restores, bodies, authorizer, access,
                transactor, clock, events);
        this.versioning = new VersioningOperations(repository, buckets, transactor);
        this.tagging = new TaggingOperations(repository, buckets, objects, transactor);
        this.encryption = new EncryptionConfigOperations(repository, buckets, transactor);
        this.copies = new CopyOperations(repository, objects);
        this.multipart = new MultipartOperations(repository, multipartRepository, bodies, dataKeys, authorizer,
                transactor, clock, objects, access, ciphers, locks);
        this.objectLock = new ObjectLockOperations(repository, buckets, locks, authorizer, access, transactor, clock);
    }

    /**
     * Removes what interrupted writes left: unfinished blobs, and committed blobs no version names (a
     * crash between a body's commit and its index entry's). Run at start, before requests are served:
     * a blob of a PUT still in flight on this node would otherwise look like garbage.
     *
     * @return how many blobs and unfinished writes were removed
     */
    public int collectGarbage() throws IOException {
        int removed = collectGarbage(bodies.standard());
        if (bodies.archive() != bodies.standard()) {
            removed += collectGarbage(bodies.archive());
        }
        return removed;
    }

    /**
     * Blob ids are made by the stores and unique, so one test of reference serves both stores. The ids
     * are looked up a page at a time (one query per repository and page, not per blob); the deletes wait
     * until the walk is over, so the store is not changed under its own listing.
     */
    private int collectGarbage(BlobStore store) throws IOException {
        int removed = store.collectAbandonedWrites();
        List<String> unreferenced = new ArrayList<>();
        Set<String> page = new LinkedHashSet<>();
        store.forEachBlob(blobId -> {
            page.add(blobId);
            if (page.size() == GARBAGE_PAGE) {
                unreferenced.addAll(unreferencedOf(page));
                page.clear();
            }
        });
        unreferenced.addAll(unreferencedOf(page));
        for (String blobId : unreferenced) {
            store.delete(blobId);
        }
        return removed + unreferenced.size();
    }

    private List<String> unreferencedOf(Set<String> blobIds) {
        if (blobIds.isEmpty()) {
            return List.of();
        }
        Set<String> referenced = new HashSet<>(repository.referencedBlobs(blobIds));
        referenced.addAll(multipartRepository.referencedBlobs(blobIds));
        referenced.addAll(restoreRepository.referencedBlobs(blobIds));
        return blobIds.stream().filter(blobId -> !referenced.contains(blobId)).toList();
    }

    // ---- buckets

    public Bucket createBucket(CallContext call, String name, Optional<String> locationConstraint, boolean objectLock) {
        return createBucket(call, name, locationConstraint, objectLock, Optional.empty(), RequestedAcl.NONE);
    }

    /**
     * CreateBucket with the Object Ownership and ACL it may ask for (BucketOwnerEnforced and private
     * when it does not). They are checked before the bucket exists and stored just after it does; a
     * bucket left without them by a crash in between is as strict as a new one.
     */
    public Bucket createBucket(CallContext call, String name, Optional<String> locationConstraint, boolean objectLock,
                               Optional<ObjectOwnership> ownership, RequestedAcl acl) {
        BucketNames.validate(name);
        acls.checkNewBucket(call, "arn:aws:s3:::" + name, ownership, acl);
        Map<String, List<String>> conditionKeys = new HashMap<>(acl.conditionKeys());
        ownership.ifPresent(o -> conditionKeys.put("s3:x-amz-object-ownership", List.of(o.awsName())));
        Bucket bucket = buckets.create(call, name, locationConstraint, objectLock, conditionKeys);
        acls.initialise(bucket, ownership, acl);
        return bucket;
    }

    public Bucket headBucket(CallContext call, String name) {
        return buckets.head(call, name);
    }

    public void deleteBucket(CallContext call, String name) {
        buckets.delete(call, name);
        multipart.abortAllOf(name);
    }

    public List<Bucket> listBuckets(CallContext call) {
        return buckets.list(call);
    }

    /** The bucket's location constraint as GetBucketLocation answers it (empty for us-east-1). */
    public String bucketLocation(CallContext call, String name) {
        return buckets.location(call, name);
    }

    // ---- ownership controls and ACLs

    public ObjectOwnership ownershipControls(CallContext call, String bucket) {
        return acls.ownershipControls(call, bucket);
    }

    public void putOwnershipControls(CallContext call, String bucket, ObjectOwnership ownership) {
        acls.putOwnershipControls(call, bucket, ownership);
    }

    public void deleteOwnershipControls(CallContext call, String bucket) {
        acls.deleteOwnershipControls(call, bucket);
    }

    public AccessControlList bucketAcl(CallContext call, String bucket) {
        return acls.bucketAcl(call, bucket);
    }

    public void putBucketAcl(CallContext call, String bucket, RequestedAcl acl) {
        acls.putBucketAcl(call, bucket, acl);
    }

    public AccessControlList objectAcl(CallContext call, String bucket, String key, Optional<String> versionId) {
        return acls.objectAcl(call, bucket, key, versionId, objects);
    }

    public void putObjectAcl(CallContext call, String bucket, String key, Optional<String> versionId,
                             RequestedAcl acl) {
        acls.putObjectAcl(call, bucket, key, versionId, acl, objects);
    }

    /**
     * Checks the ACL a CopyObject or CreateMultipartUpload asks for, before it writes anything, and
     * settles who will own the object (Object Ownership): where ACLs are disabled only
     * bucket-owner-full-control passes, and nothing is kept.
     *
     * @return the ACL and owner to keep on the new version
     */
    public StoredAcl checkObjectAcl(CallContext call, String bucket, String key, RequestedAcl acl) {
        Bucket target = repository.findBucket(bucket).orElseThrow(S3Errors::noSuchBucket);
        return acls.forWrite(call, target, ObjectOperations.objectArn(target, key), acl);
    }

    /** Keeps the ACL {@link #checkObjectAcl} passed on the version the write made (private until then). */
    public void keepObjectAcl(ObjectVersion version, StoredAcl acl) {
        if (!acl.isDefault()) {
            acls.keep(version, acl);
        }
    }

    // ---- objects

    public ObjectVersion putObject(CallContext call, PutObjectRequest request, InputStream body) {
        return objects.put(call, request, body);
    }

    /** PutObject with x-amz-storage-class ({@link StorageClasses#ofWrite}): GLACIER and DEEP_ARCHIVE go to the archive. */
    public ObjectVersion putObject(CallContext call, PutObjectRequest request, String storageClass, InputStream body) {
        return objects.put(call, request, storageClass, body);
    }

    /**
     * RestoreObject of a GLACIER or DEEP_ARCHIVE version.
     *
     * @return true when a restore started (202 Accepted), false when the version was already restored and
     *         its copy now expires {@code days} from now (200 OK)
     */
    public boolean restoreObject(CallContext call, String bucket, String key, Optional<String> versionId, int days,
                                 String tier) {
        return restores.request(call, bucket, key, versionId, days, tier);
    }

    /** The restore of an archived version that a read was authorised for: what x-amz-restore reports. */
    public Optional<ObjectRestore> restoreOf(ObjectVersion version) {
        return restores.of(version);
    }

    /** PutObject with x-amz-object-lock-* members (and the bucket's default retention). */
    public ObjectVersion putObject(CallContext call, PutObjectRequest request, ObjectLockRequest lock,
                                   InputStream body) {
        return objects.put(call, request, body, lock, true);
    }

    /** PutObject with x-amz-object-lock-* members and x-amz-storage-class ({@link StorageClasses#ofWrite}). */
    public ObjectVersion putObject(CallContext call, PutObjectRequest request, ObjectLockRequest lock,
                                   String storageClass, InputStream body) {
        return objects.put(call, request, body, lock, true, storageClass);
    }

    public ObjectContent getObject(CallContext call, String bucket, String key, Optional<String> versionId,
                                   Optional<ByteRange> range) {
        return getObject(call, bucket, key, versionId, range, Optional.empty());
    }

    /** GetObject; an SSE-C object only with the key it was written with ({@code customerKey}). */
    public ObjectContent getObject(CallContext call, String bucket, String key, Optional<String> versionId,
                                   Optional<ByteRange> range, Optional<CustomerKey> customerKey) {
        return objects.get(call, bucket, key, versionId, range, customerKey);
    }

    /**
     * GetObject and HeadObject in one look-up and one access check: the version for preconditions and
     * headers, its body opened only if the caller goes on to read it.
     */
    public ObjectRead readObject(CallContext call, String bucket, String key, Optional<String> versionId,
                                 Optional<CustomerKey> customerKey) {
        return objects.read(call, bucket, key, versionId, customerKey);
    }

    public ObjectVersion headObject(CallContext call, String bucket, String key, Optional<String> versionId) {
        return headObject(call, bucket, key, versionId, Optional.empty());
    }

    /** HeadObject; an SSE-C object only with the key it was written with ({@code customerKey}). */
    public ObjectVersion headObject(CallContext call, String bucket, String key, Optional<String> versionId,
                                    Optional<CustomerKey> customerKey) {
        return objects.head(call, bucket, key, versionId, customerKey);
    }

    public DeletedObject deleteObject(CallContext call, String bucket, String key, Optional<String> versionId) {
        return deleteObject(call, bucket, key, versionId, false);
    }

    /** @param bypassGovernance x-amz-bypass-governance-retention as sent */
    public DeletedObject deleteObject(CallContext call, String bucket, String key, Optional<String> versionId,
                                      boolean bypassGovernance) {
        ObjectOperations.DeleteResult result = objects.delete(call, bucket, key, versionId, bypassGovernance);
        return new DeletedObject(result.versionId(), result.deleteMarker());
    }

    /**
     * ListObjects and ListObjectsV2: the latest versions under {@code prefix} after {@code after}.
     *
     * @param delimiter empty for none
     * @param maxKeys   at most {@link #MAX_KEYS}
     */
    public ObjectList listObjects(CallContext call, String bucket, String prefix, String delimiter, String after,
                                  int maxKeys) {
        buckets.authorized(call, bucket, "s3:ListBucket", Map.of("s3:prefix", List.of(prefix),
                "s3:delimiter", List.of(delimiter), "s3:max-keys", List.of(Integer.toString(maxKeys))));
        ObjectListing.ListPage page = listing.list(bucket, prefix, delimiter, after, Math.min(maxKeys, MAX_KEYS));
        return new ObjectList(page.contents(), page.commonPrefixes(), page.truncated(), page.lastEntry());
    }

    // ---- lifecycle

    public void putBucketLifecycle(CallContext call, String bucket, List<LifecycleRule> rules) {
        putBucketLifecycle(call, bucket, new LifecycleConfiguration(rules, TransitionMinimumSize.ALL_STORAGE_CLASSES_128K));
    }

    public void putBucketLifecycle(CallContext call, String bucket, LifecycleConfiguration configuration) {
        lifecycle.put(call, bucket, configuration);
    }

    public List<LifecycleRule> bucketLifecycle(CallContext call, String bucket) {
        return bucketLifecycleConfiguration(call, bucket).rules();
    }

    public LifecycleConfiguration bucketLifecycleConfiguration(CallContext call, String bucket) {
        return lifecycle.get(call, bucket);
    }

    public void deleteBucketLifecycle(CallContext call, String bucket) {
        lifecycle.delete(call, bucket);
    }

    /**
     * One pass of the lifecycle scheduler: restores requested are completed and restored copies past
     * their expiry deleted, then every bucket with rules is gone over.
     *
     * @param budget how many actions at most; the next pass goes on where this one stopped
     * @return how many actions were taken
     */
    public int runLifecycle(int budget) {
        int done = restores.run(budget);
        return done + lifecycle.run(budget - done);
    }

    // ---- bucket policies and Block Public Access

    /** PutBucketPolicy: validated, refused when public under BlockPublicPolicy, stored exactly as given. */
    public void putBucketPolicy(CallContext call, String bucket, String policy) {
        access.putBucketPolicy(call, bucket, policy);
    }

    /** GetBucketPolicy: the text exactly as it was put; NoSuchBucketPolicy without one. */
    public String bucketPolicy(CallContext call, String bucket) {
        return access.bucketPolicy(call, bucket);
    }

    public void deleteBucketPolicy(CallContext call, String bucket) {
        access.deleteBucketPolicy(call, bucket);
    }

    /** GetBucketPolicyStatus's IsPublic ({@link PolicyPublicity}); NoSuchBucketPolicy without a policy. */
    public boolean bucketPolicyIsPublic(CallContext call, String bucket) {
        return access.policyIsPublic(call, bucket);
    }

    /** The bucket's own Block Public Access settings; all on when none were put. */
    public PublicAccessBlock publicAccessBlock(CallContext call, String bucket) {
        return access.publicAccessBlock(call, bucket);
    }

    public void putPublicAccessBlock(CallContext call, String bucket, PublicAccessBlock settings) {
        access.putPublicAccessBlock(call, bucket, settings);
    }

    public void deletePublicAccessBlock(CallContext call, String bucket) {
        access.deletePublicAccessBlock(call, bucket);
    }

    /** S3 Control's account-level settings; all on when none were put. */
    public PublicAccessBlock accountPublicAccessBlock(CallContext call, String accountId) {
        return access.accountPublicAccessBlock(call, accountId);
    }

    public void putAccountPublicAccessBlock(CallContext call, String accountId, PublicAccessBlock settings) {
        access.putAccountPublicAccessBlock(call, accountId, settings);
    }

    public void deleteAccountPublicAccessBlock(CallContext call, String accountId) {
        access.deleteAccountPublicAccessBlock(call, accountId);
    }

    // ---- versioning

    /** PutBucketVersioning: {@code status} Enabled or Suspended, {@code mfaDelete} as sent. */
    public Bucket putBucketVersioning(CallContext call, String bucket, Optional<String> status,
                                      Optional<String> mfaDelete) {
        return versioning.put(call, bucket, status, mfaDelete);
    }

    public Bucket.Versioning bucketVersioning(CallContext call, String bucket) {
        return versioning.get(call, bucket);
    }

    /**
     * ListObjectVersions.
     *
     * @param keyMarker       empty for the start
     * @param versionIdMarker empty for none; needs a key marker
     */
    public VersionList listObjectVersions(CallContext call, String bucket, String prefix, String delimiter,
                                          String keyMarker, String versionIdMarker, int maxKeys) {
        VersioningOperations.VersionPage page = versioning.list(call, bucket, prefix, delimiter, keyMarker,
                versionIdMarker, Math.min(maxKeys, MAX_KEYS));
        return new VersionList(page.entries().stream().map(e -> new ListedVersion(e.version(), e.latest())).toList(),
                page.commonPrefixes(), page.truncated(), page.nextKeyMarker(), page.nextVersionIdMarker(), page.owner());
    }

    // ---- multi-object delete and copy

    /**
     * DeleteObjects: each key deleted as DeleteObject deletes it, each failure (a denial included)
     * reported for its key without stopping the others.
     */
    public List<MultiDeleteResult> deleteObjects(CallContext call, String bucket, List<ObjectToDelete> keys) {
        return deleteObjects(call, bucket, keys, false);
    }

    /** @param bypassGovernance x-amz-bypass-governance-retention as sent, for every key */
    public List<MultiDeleteResult> deleteObjects(CallContext call, String bucket, List<ObjectToDelete> keys,
                                                 boolean bypassGovernance) {
        buckets.head(call, bucket); // NoSuchBucket for the whole request, as S3 answers
        List<MultiDeleteResult> results = new ArrayList<>();
        for (ObjectToDelete target : keys) {
            try {
                ObjectOperations.DeleteResult result = objects.delete(call, bucket, target.key(), target.versionId(),
                        bypassGovernance);
                results.add(new MultiDeleteResult(target, Optional.of(new DeletedObject(result.versionId(),
                        result.deleteMarker())), Optional.empty()));
            } catch (io.strongroom.core.AwsException e) {
                results.add(new MultiDeleteResult(target, Optional.empty(), Optional.of(e)));
            }
        }
        return results;
    }

    /** CopyObject; returns the new version and the source version it copies. */
    public CopiedObject copyObject(CallContext call, CopyObjectRequest request) {
        return copyObject(call, request, ObjectLockRequest.NONE);
    }

    /** CopyObject with the copy's own x-amz-object-lock-* members. */
    public CopiedObject copyObject(CallContext call, CopyObjectRequest request, ObjectLockRequest lock) {
        CopyOperations.Copied copied = copies.copy(call, request, lock);
        return new CopiedObject(copied.version(), copied.source());
    }

    // ---- object lock

    public void putObjectLockConfiguration(CallContext call, String bucket, ObjectLockConfiguration configuration) {
        objectLock.putConfiguration(call, bucket, configuration);
    }

    /** ObjectLockConfigurationNotFoundError unless the bucket has Object Lock enabled. */
    public ObjectLockConfiguration objectLockConfiguration(CallContext call, String bucket) {
        return objectLock.configuration(call, bucket);
    }

    /**
     * PutObjectRetention; an empty retention removes it (GOVERNANCE only, with the bypass).
     *
     * @param bypassGovernance x-amz-bypass-governance-retention as sent
     * @return the version changed
     */
    public ObjectVersion putObjectRetention(CallContext call, String bucket, String key, Optional<String> versionId,
                                            Optional<ObjectLock.Retention> retention, boolean bypassGovernance) {
        return objectLock.putRetention(call, bucket, key, versionId, retention, bypassGovernance);
    }

    /** NoSuchObjectLockConfiguration when the version has no retention. */
    public ObjectLock.Retention objectRetention(CallContext call, String bucket, String key,
                                                Optional<String> versionId) {
        return objectLock.retention(call, bucket, key, versionId);
    }

    public ObjectVersion putObjectLegalHold(CallContext call, String bucket, String key, Optional<String> versionId,
                                            boolean on) {
        return objectLock.putLegalHold(call, bucket, key, versionId, on);
    }

    /** ON as true; NoSuchObjectLockConfiguration when no legal hold was ever set on the version. */
    public boolean objectLegalHold(CallContext call, String bucket, String key, Optional<String> versionId) {
        return objectLock.legalHold(call, bucket, key, versionId);
    }

    /**
     * The lock a GetObject or HeadObject answer already authorised shows: each part only to a caller
     * allowed to read it (s3:GetObjectRetention, s3:GetObjectLegalHold).
     */
    public ObjectLock visibleObjectLock(CallContext call, ObjectVersion version) {
        return objectLock.visible(call, version);
    }

    // ---- tagging

    public ObjectVersion putObjectTagging(CallContext call, String bucket, String key, Optional<String> versionId,
                                          Map<String, String> tags) {
        return tagging.putObjectTags(call, bucket, key, versionId, tags);
    }

    public ObjectVersion getObjectTagging(CallContext call, String bucket, String key, Optional<String> versionId) {
        return tagging.objectTags(call, bucket, key, versionId);
    }

    public ObjectVersion deleteObjectTagging(CallContext call, String bucket, String key,
                                             Optional<String> versionId) {
        return tagging.deleteObjectTags(call, bucket, key, versionId);
    }

    public void putBucketTagging(CallContext call, String bucket, Map<String, String> tags) {
        tagging.putBucketTags(call, bucket, tags);
    }

    public Map<String, String> bucketTagging(CallContext call, String bucket) {
        return tagging.bucketTags(call, bucket);
    }

    public void deleteBucketTagging(CallContext call, String bucket) {
        tagging.deleteBucketTags(call, bucket);
    }

    // ---- default encryption

    public void putBucketEncryption(CallContext call, String bucket, BucketEncryption configuration) {
        encryption.put(call, bucket, configuration);
    }

    public BucketEncryption bucketEncryption(CallContext call, String bucket) {
        return encryption.get(call, bucket);
    }

    public void deleteBucketEncryption(CallContext call, String bucket) {
        encryption.delete(call, bucket);
    }

    /** A version or delete marker in a ListObjectVersions page. */
    public record ListedVersion(ObjectVersion version, boolean latest) {
    }

    /**
     * A page of ListObjectVersions.
     *
     * @param nextKeyMarker       empty unless truncated
     * @param nextVersionIdMarker empty when the page ended on a common prefix
     * @param owner               the account that owns the bucket and so every version in it
     */
    public record VersionList(List<ListedVersion> versions, List<String> commonPrefixes, boolean truncated,
                              String nextKeyMarker, String nextVersionIdMarker, String owner) {
    }

    /** A key of a DeleteObjects request. */
    public record ObjectToDelete(String key, Optional<String> versionId) {
    }

    /** One key's outcome in DeleteObjects: what was deleted, or the error. */
    public record MultiDeleteResult(ObjectToDelete target, Optional<DeletedObject> deleted,
                                    Optional<io.strongroom.core.AwsException> error) {
    }

    /** What CopyObject reports. */
    public record CopiedObject(ObjectVersion version, ObjectVersion source) {
    }

    // ---- multipart uploads

    public MultipartUpload createMultipartUpload(CallContext call, CreateMultipartUploadRequest request) {
        return multipart.create(call, request);
    }

    /** CreateMultipartUpload with x-amz-object-lock-* members, which the completed object gets. */
    public MultipartUpload createMultipartUpload(CallContext call, CreateMultipartUploadRequest request,
                                                 ObjectLockRequest lock) {
        return multipart.create(call, request, lock);
    }

    /**
     * CreateMultipartUpload with x-amz-object-lock-* members and x-amz-storage-class: the parts of a
     * GLACIER upload go straight to the archive.
     */
    public MultipartUpload createMultipartUpload(CallContext call, CreateMultipartUploadRequest request,
                                                 ObjectLockRequest lock, String storageClass) {
        return multipart.create(call, request, lock, storageClass);
    }

    /**
     * CreateMultipartUpload as above, with the ACL and owner {@link #checkObjectAcl} settled, which the
     * completed object gets.
     */
    public MultipartUpload createMultipartUpload(CallContext call, CreateMultipartUploadRequest request,
                                                 ObjectLockRequest lock, String storageClass, StoredAcl acl) {
        return multipart.create(call, request, lock, storageClass, acl);
    }

    public MultipartOperations.UploadedPart uploadPart(CallContext call, UploadPartRequest request, InputStream body) {
        return multipart.uploadPart(call, request, body);
    }

    /** UploadPartCopy's part: a body read from a stored version, so no integrity header is asked of it. */
    public MultipartOperations.UploadedPart uploadCopiedPart(CallContext call, UploadPartRequest request,
                                                             InputStream body) {
        return multipart.uploadPart(call, request, body, false);
    }

    public ObjectVersion completeMultipartUpload(CallContext call, String bucket, String key, String uploadId,
                                                 List<CompletedPart> parts) {
        return completeMultipartUpload(call, bucket, key, uploadId, parts, Map.of(), Optional.empty(),
                WriteConditions.NONE);
    }

    /** CompleteMultipartUpload with the SSE-C key (checked when sent) and the write conditions. */
    public ObjectVersion completeMultipartUpload(CallContext call, String bucket, String key, String uploadId,
                                                 List<CompletedPart> parts, Optional<CustomerKey> customerKey,
                                                 WriteConditions conditions) {
        return completeMultipartUpload(call, bucket, key, uploadId, parts, Map.of(), customerKey, conditions);
    }

    /**
     * CompleteMultipartUpload with the object's checksum as the client computed it (if sent), the SSE-C
     * key (checked when sent) and the write conditions, which are checked again in the transaction that
     * commits the object.
     */
    public ObjectVersion completeMultipartUpload(CallContext call, String bucket, String key, String uploadId,
                                                 List<CompletedPart> parts, Map<ChecksumAlgorithm, String> expected,
                                                 Optional<CustomerKey> customerKey, WriteConditions conditions) {
        return multipart.complete(call, bucket, key, uploadId, parts, expected, customerKey, conditions);
    }

    public void abortMultipartUpload(CallContext call, String bucket, String key, String uploadId) {
        multipart.abort(call, bucket, key, uploadId);
    }

    public MultipartOperations.PartList listParts(CallContext call, String bucket, String key, String uploadId,
                                                  int afterPartNumber, int maxParts) {
        return multipart.listParts(call, bucket, key, uploadId, afterPartNumber, maxParts);
    }

    /** ListMultipartUploads; {@code delimiter}, {@code keyMarker} and {@code uploadIdMarker} empty for none. */
    public MultipartOperations.UploadList listMultipartUploads(CallContext call, String bucket, String prefix,
                                                               String delimiter, String keyMarker,
                                                               String uploadIdMarker, int maxUploads) {
        Bucket found = buckets.authorized(call, bucket, "s3:ListBucketMultipartUploads", Map.of());
        return multipart.listUploads(found, prefix, delimiter, keyMarker, uploadIdMarker, maxUploads);
    }

    /** Where part {@code partNumber} of a version read by HeadObject is, for GetObject by part number. */
    public MultipartOperations.PartRange partRange(ObjectVersion version, int partNumber) {
        return multipart.partRange(version, partNumber);
    }

    /** What DeleteObject reports. */
    public record DeletedObject(Optional<String> versionId, boolean deleteMarker) {
    }

    /**
     * A page of a listing.
     *
     * @param lastEntry the last key or common prefix of the page; the next page starts after it
     */
    public record ObjectList(List<ObjectVersion> contents, List<String> commonPrefixes, boolean truncated,
                             String lastEntry) {
    }
}
