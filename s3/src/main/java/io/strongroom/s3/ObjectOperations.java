package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.core.StripedRandom;
import io.strongroom.core.spi.BlobStore;
import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.s3.checksum.ChecksumAlgorithm;
import io.strongroom.s3.checksum.ChecksumDigest;
import io.strongroom.s3.checksum.ChecksumInputStream;
import io.strongroom.s3.crypto.BodyCipher;
import io.strongroom.s3.crypto.SegmentCipher;
import io.strongroom.s3.naming.ObjectKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** PutObject, GetObject, HeadObject and DeleteObject: bodies encrypted in segments, indexed by version. */
final class ObjectOperations {
    private static final int COPY_BUFFER = 64 * 1024;
    private static final SecureRandom VERSION_IDS = new StripedRandom();

    private final S3Repository repository;
    private final MultipartRepository multipart;
    private final ObjectBodies bodies;
    private final RestoreRepository restores;
    private final DataKeyProvider dataKeys;
    private final AccessAuthorizer authorizer;
    private final Transactor transactor;
    private final Clock clock;
    private final AccessControlOperations access;
    private final AclOperations acls;
    private final Function<byte[], BodyCipher> ciphers;
    private final ObjectLocks locks;
    private final CustomerKeyEnvelope customerKeys;

    ObjectOperations(S3Repository repository, MultipartRepository multipart, ObjectBodies bodies,
                     RestoreRepository restores,
                     DataKeyProvider dataKeys, AccessAuthorizer authorizer, Transactor transactor, Clock clock,
                     AccessControlOperations access, AclOperations acls,
                     Function<byte[], BodyCipher> ciphers, ObjectLocks locks, CustomerKeyEnvelope customerKeys) {
        this.repository = requireNonNull(repository, "repository");
        this.multipart = requireNonNull(multipart, "multipart");
        this.bodies = requireNonNull(bodies, "bodies");
        this.restores = requireNonNull(restores, "restores");
        this.dataKeys = requireNonNull(dataKeys, "dataKeys");
        this.authorizer = requireNonNull(authorizer, "authorizer");
        this.transactor = requireNonNull(transactor, "transactor");
        this.clock = requireNonNull(clock, "clock");
        this.access = requireNonNull(access, "access");
        this.acls = requireNonNull(acls, "acls");
        this.ciphers = requireNonNull(ciphers, "ciphers");
        this.locks = requireNonNull(locks, "locks");
        this.customerKeys = requireNonNull(customerKeys, "customerKeys");
    }

    /**
     * Stores a new version. The body is encrypted as it arrives into a blob that becomes visible only
     * after every digest checked out and the index committed; anything else leaves nothing behind.
     */
    ObjectVersion put(CallContext call, PutObjectRequest request, InputStream body) {
        return put(call, request, body, ObjectLockRequest.NONE, true);
    }

    /** A new version of {@code storageClass}: an archive class's body is written straight to the archive. */
    ObjectVersion put(CallContext call, PutObjectRequest request, String storageClass, InputStream body) {
        return put(call, request, body, ObjectLockRequest.NONE, true, storageClass);
    }

    ObjectVersion put(CallContext call, PutObjectRequest request, InputStream body, ObjectLockRequest lockRequest,
                      boolean uploadedBody) {
        return put(call, request, body, lockRequest, uploadedBody, StorageClasses.STANDARD);
    }

    /**
     * @param lockRequest    the x-amz-object-lock-* members of the write
     * @param uploadedBody   whether the body came with this request (PutObject), which must then prove
     *                       its integrity when it gets a lock; a copy's body was checked when it was put
     * @param storageClass   the version's class: an archive class's body is written straight to the archive
     */
    ObjectVersion put(CallContext call, PutObjectRequest request, InputStream body, ObjectLockRequest lockRequest,
                      boolean uploadedBody, String storageClass) {
        ObjectKeys.validate(request.key());
        Bucket bucket = repository.findBucket(request.bucket()).orElseThrow(S3Errors::noSuchBucket);
        ObjectEncryption.Mode mode;
        Optional<String> kmsKeyId = request.kmsKeyId();
        BucketEncryption byDefault = BucketEncryption.of(repository, bucket.name());
        requireOneEncryption(request.encryption(), request.customerKey());
        if (request.customerKey().isPresent()) {
            mode = ObjectEncryption.Mode.SSE_C; // the bucket's default does not apply
        } else if (request.encryption().isPresent()) {
            mode = request.encryption().get();
        } else {
            mode = byDefault.mode();
            kmsKeyId = byDefault.kmsKeyId();
        }
        // the request's x-amz-server-side-encryption-bucket-key-enabled overrides the bucket's setting
        boolean bucketKey = mode == ObjectEncryption.Mode.SSE_KMS
                && request.bucketKeyEnabled().orElse(byDefault.bucketKeyEnabled());
        String objectArn = objectArn(bucket, request.key());
        Map<String, List<String>> conditionKeys = encryptionConditionKeys(mode);
        request.kmsKeyId().ifPresent(id -> conditionKeys.put("s3:x-amz-server-side-encryption-aws-kms-key-id",
                List.of(id)));
        request.tags().forEach((tagKey, value) -> conditionKeys.put("s3:RequestObjectTag/" + tagKey, List.of(value)));
        conditionKeys.putAll(request.acl().conditionKeys());
        authorizer.authorize(call, "s3:PutObject", access.resource(call, bucket, objectArn), conditionKeys);
        StoredAcl acl = acls.forWrite(call, bucket, objectArn, request.acl());
        requireValidMd5(request.contentMd5());
        ObjectLock requestedLock = locks.requested(call, bucket, request.key(), lockRequest);
        if (uploadedBody && request.contentMd5().isEmpty() && request.checksumAlgorithm().isEmpty()
                && locks.integrityRequired(bucket, lockRequest)) {
            throw S3Errors.invalidRequest("Content-MD5 OR x-amz-checksum- HTTP header is required for Put Object"
                    + " requests with Object Lock parameters");
        }
        WriteConditions conditions = request.conditions();
        if (!conditions.isEmpty()) {
            conditions.check(repository.latestVersion(bucket.name(), request.key()), false);
        }
        String versionId = bucket.versioning() == Bucket.Versioning.ENABLED ? newVersionId() : ObjectVersion.NULL_VERSION;
        DataKeyProvider.DataKey dataKey = newDataKey(call, mode, kmsKeyId, request.customerKey(), objectArn, bucketKey);
        BlobStore store = bodies.of(storageClass);
        Written written;
        try {
            written = writeBody(store, body, request, dataKey.plaintext(),
                    SegmentCipher.associatedData(bucket.name(), request.key(), versionId));
        } finally {
            Arrays.fill(dataKey.plaintext(), (byte) 0);
        }
        Instant lastModified = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Function<String, ObjectVersion> versionOf = blobId -> new ObjectVersion(bucket.name(), request.key(),
                versionId, false, lastModified, written.size(), written.etag(), request.headers(),
                request.userMetadata(), written.checksum(), request.tags(), storageClass, dataKey.encryption(), blobId);
        try (BlobStore.BlobWriter writer = written.writer()) {
            // a body kept in the database is inserted in the index's own transaction: one commit for both;
            // a file is synced before it, so that no transaction waits on the disk
            boolean joins = writer.commitJoinsTransaction();
            Optional<String> synced = joins ? Optional.empty() : Optional.of(commit(writer));
            Stored stored;
            try {
                stored = transactor.inTransaction(() -> {
                    ObjectVersion version = versionOf.apply(synced.isPresent() ? synced.get() : commit(writer));
                    Bucket current = repository.findBucket(bucket.name()).orElseThrow(S3Errors::noSuchBucket);
                    if (!conditions.isEmpty()) {
                        conditions.check(repository.latestVersionForUpdate(bucket.name(), request.key()), true);
                    }
                    Optional<ObjectVersion> previous = repository.putVersion(version);
                    previous.ifPresent(gone -> AccessControlOperations.forgetObjectAcl(repository, gone));
                    access.storeObjectAcl(version, acl);
                    locks.store(version, locks.forNewVersion(current, requestedLock, version.lastModified()));
                    return new Stored(version, previous);
                });
            } catch (RuntimeException e) {
                synced.ifPresent(blobId -> ObjectBodies.deleteQuietly(store, blobId)); // a joined insert rolled back
                throw e;
            }
            stored.replaced().ifPresent(this::deleteBodyOf);
            return stored.version();
        }
    }

    /** A new version as its transaction stored it, and the version it replaced. */
    private record Stored(ObjectVersion version, Optional<ObjectVersion> replaced) {
    }

    /** Commits a checked body; a failure here is the store's, not the client's. */
    private static String commit(BlobStore.BlobWriter writer) {
        try {
            return writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("an object body could not be stored", e);
        }
    }

    ObjectContent get(CallContext call, String bucketName, String key, Optional<String> versionId,
                      Optional<ByteRange> range, Optional<CustomerKey> customerKey) {
        return open(call, readable(call, bucketName, key, versionId, "s3:GetObject"), range, customerKey);
    }

    /**
     * The plaintext of a version the caller was authorised to read, decrypted as it is read; an SSE-C
     * version only with the key it was written with.
     */
    ObjectContent open(CallContext call, ObjectVersion version, Optional<ByteRange> range,
                       Optional<CustomerKey> customerKey) {
        String bucketName = version.bucket();
        String key = version.key();
        CustomerKeyEnvelope.requireKey(version.encryption(), customerKey);
        // an archived body is read only through its restored copy in the normal store
        String blobId = version.blobId();
        if (StorageClasses.archived(version.storageClass())) {
            blobId = restores.findRestore(bucketName, key, version.versionId()).filter(r -> r.of(version))
                    .flatMap(ObjectRestore::restoredBlobId)
                    .orElseThrow(() -> new ArchivedObjectException(version.storageClass()));
        }
        long first = 0;
        long length = version.size();
        if (range.isPresent()) {
            long[] bounds = range.get().resolve(version.size());
            first = bounds[0];
            length = bounds[1] - bounds[0] + 1;
        }
        BlobStore blobs = bodies.standard();
        byte[] dataKey = dataKey(call, version.encryption(), customerKey, objectArn(bucketName, key));
        try {
            List<ObjectPart> parts = multipart.objectParts(blobId);
            if (!parts.isEmpty()) {
                return new ObjectContent(version, first, length, range.isPresent(),
                        PartedBody.open(blobs, ciphers.apply(dataKey), bucketName, key, parts, first, length));
            }
            SeekableByteChannel channel = blobs.open(blobId);
            try {
                InputStream plaintext = ciphers.apply(dataKey).decryptingStream(channel,
                        SegmentCipher.associatedData(bucketName, key, version.versionId()), first, length);
                return new ObjectContent(version, first, length, range.isPresent(), plaintext);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the body of " + bucketName + "/" + key + " could not be read", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    ObjectVersion head(CallContext call, String bucketName, String key, Optional<String> versionId,
                       Optional<CustomerKey> customerKey) {
        return read(call, bucketName, key, versionId, customerKey).version();
    }

    /** GetObject and HeadObject: the bucket, the version and the access check once, the body only when opened. */
    ObjectRead read(CallContext call, String bucketName, String key, Optional<String> versionId,
                    Optional<CustomerKey> customerKey) {
        Found found = find(call, bucketName, key, versionId, "s3:GetObject");
        ObjectVersion version = found.version();
        CustomerKeyEnvelope.requireKey(version.encryption(), customerKey);
        return new ObjectRead(version, found.bucket(), range -> open(call, version, range, customerKey));
    }

    /** The data key of a stored object or upload: from the customer's key for SSE-C, else unwrapped as the caller. */
    byte[] dataKey(CallContext call, ObjectEncryption encryption, Optional<CustomerKey> customerKey, String objectArn) {
        return encryption.mode() == ObjectEncryption.Mode.SSE_C
                ? customerKeys.unwrap(encryption, customerKey, objectArn)
                : dataKeys.unwrap(call, encryption, objectArn);
    }

    /** A new data key: under the customer's key for SSE-C, else from the provider. */
    DataKeyProvider.DataKey newDataKey(CallContext call, ObjectEncryption.Mode mode, Optional<String> kmsKeyId,
                                       Optional<CustomerKey> customerKey, String objectArn, boolean bucketKey) {
        return mode == ObjectEncryption.Mode.SSE_C
                ? customerKeys.newDataKey(customerKey.orElseThrow(), objectArn)
                : dataKeys.newDataKey(call, mode, kmsKeyId, objectArn, bucketKey);
    }

    /** SSE-C excludes x-amz-server-side-encryption, as S3 answers. */
    static void requireOneEncryption(Optional<ObjectEncryption.Mode> encryption, Optional<CustomerKey> customerKey) {
        if (encryption.isPresent() && customerKey.isPresent()) {
            throw S3Errors.invalidArgument("Server Side Encryption with Customer provided key is incompatible with"
                    + " the encryption method specified");
        }
    }

    /**
     * The encryption condition keys of a write: {@code s3:x-amz-server-side-encryption} for SSE-S3 and
     * SSE-KMS, {@code s3:x-amz-server-side-encryption-customer-algorithm} for SSE-C.
     */
    static Map<String, List<String>> encryptionConditionKeys(ObjectEncryption.Mode mode) {
        Map<String, List<String>> keys = new HashMap<>();
        if (mode == ObjectEncryption.Mode.SSE_C) {
            keys.put("s3:x-amz-server-side-encryption-customer-algorithm", List.of(CustomerKey.ALGORITHM));
        } else {
            keys.put("s3:x-amz-server-side-encryption", List.of(wireName(mode)));
        }
        return keys;
    }

    /**
     * Deletes as S3 does: without a version id, an unversioned bucket loses the object, a versioned one
     * gains a delete marker; with one, that version goes for good.
     */
    DeleteResult delete(CallContext call, String bucketName, String key, Optional<String> versionId) {
        return delete(call, bucketName, key, versionId, false);
    }

    /**
     * @param bypassGovernance x-amz-bypass-governance-retention: a version under GOVERNANCE retention
     *                         may go when the caller also holds s3:BypassGovernanceRetention
     */
    DeleteResult delete(CallContext call, String bucketName, String key, Optional<String> versionId,
                        boolean bypassGovernance) {
        ObjectKeys.validate(key);
        Bucket bucket = repository.findBucket(bucketName).orElseThrow(S3Errors::noSuchBucket);
        Optional<ObjectVersion> target = versionId.isPresent()
                ? repository.findVersion(bucketName, key, versionId.get())
                : repository.latestVersion(bucketName, key);
        authorizer.authorize(call, versionId.isPresent() ? "s3:DeleteObjectVersion" : "s3:DeleteObject",
                access.resource(call, bucket, objectArn(bucket, key)), objectConditionKeys(target, versionId));
        if (versionId.isPresent()) {
            boolean bypassGranted = locks.bypassGranted(call, bucket, key, bypassGovernance);
            Optional<ObjectVersion> removed = transactor.inTransaction(() -> {
                Optional<ObjectVersion> found = repository.findVersion(bucketName, key, versionId.get());
                found.ifPresent(v -> locks.requireDeletable(v, bypassGranted));
                found.ifPresent(this::deleteVersion);
                return found;
            });
            removed.ifPresent(this::deleteBodyOf);
            return new DeleteResult(versionId, removed.map(ObjectVersion::deleteMarker).orElse(false));
        }
        if (bucket.versioning() == Bucket.Versioning.UNVERSIONED) {
            Optional<ObjectVersion> removed = transactor.inTransaction(() -> {
                Optional<ObjectVersion> found = repository.findVersion(bucketName, key, ObjectVersion.NULL_VERSION);
                found.ifPresent(this::deleteVersion);
                return found;
            });
            removed.ifPresent(this::deleteBodyOf);
            return new DeleteResult(Optional.empty(), false);
        }
        String markerId = bucket.versioning() == Bucket.Versioning.ENABLED ? newVersionId() : ObjectVersion.NULL_VERSION;
        ObjectVersion marker = ObjectVersion.deleteMarker(bucketName, key, markerId,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        Optional<ObjectVersion> replaced = transactor.inTransaction(() -> {
            Optional<ObjectVersion> gone = repository.putVersion(marker);
            gone.ifPresent(v -> AccessControlOperations.forgetObjectAcl(repository, v));
            return gone;
        });
        replaced.ifPresent(this::deleteBodyOf);
        return new DeleteResult(Optional.of(markerId), true);
    }

    /** Removes a version from the index with its ACL; call within the deletion's transaction. */
    private void deleteVersion(ObjectVersion version) {
        repository.deleteVersion(version.bucket(), version.key(), version.versionId());
        AccessControlOperations.forgetObjectAcl(repository, version);
    }

    /** What DeleteObject reports: the version it created or removed, and whether that is a delete marker. */
    record DeleteResult(Optional<String> versionId, boolean deleteMarker) {
    }

    /**
     * The version a read addresses, once the caller may perform {@code action} (or its Version form when
     * a version is named) on it. A delete marker answers NoSuchKey when it is the latest version and
     * MethodNotAllowed when named, with the marker's headers.
     */
    ObjectVersion readable(CallContext call, String bucketName, String key, Optional<String> versionId,
                                   String action) {
        return find(call, bucketName, key, versionId, action).version();
    }

    /** A readable version and the bucket it was found in. */
    private record Found(Bucket bucket, ObjectVersion version) {
    }

    private Found find(CallContext call, String bucketName, String key, Optional<String> versionId, String action) {
        ObjectKeys.validate(key);
        Bucket bucket = repository.findBucket(bucketName).orElseThrow(S3Errors::noSuchBucket);
        // looked up before authorising, for s3:ExistingObjectTag; whether it exists is told only after
        Optional<ObjectVersion> found = versionId.isPresent()
                ? repository.findVersion(bucketName, key, versionId.get())
                : repository.latestVersion(bucketName, key);
        authorizer.authorize(call, versionId.isPresent() ? versionAction(action) : action,
                access.resource(call, bucket, objectArn(bucket, key), found), objectConditionKeys(found, versionId));
        if (versionId.isPresent()) {
            ObjectVersion version = found.orElseThrow(S3Errors::noSuchVersion);
            if (version.deleteMarker()) {
                throw new DeleteMarkerException(S3Errors.methodNotAllowed(), version);
            }
            return new Found(bucket, version);
        }
        ObjectVersion latest = found.orElseThrow(S3Errors::noSuchKey);
        if (latest.deleteMarker()) {
            throw new DeleteMarkerException(S3Errors.noSuchKey(), latest);
        }
        return new Found(bucket, latest);
    }

    /**
     * The action S3 authorises when a request names a version: s3:GetObject becomes s3:GetObjectVersion,
     * s3:PutObjectTagging s3:PutObjectVersionTagging, s3:GetObjectAcl s3:GetObjectVersionAcl; actions
     * without a version form (retention, legal hold) stay as they are.
     */
    static String versionAction(String action) {
        for (String verb : List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject")) {
            if (action.startsWith(verb)) {
                String rest = action.substring(verb.length());
                if (rest.isEmpty() || rest.equals("Tagging") || rest.equals("Acl")) {
                    return verb + "Version" + rest;
                }
            }
        }
        return action;
    }

    /** {@code s3:ExistingObjectTag/<key>} from the version acted on, and {@code s3:versionid} when one is named. */
    private static Map<String, List<String>> objectConditionKeys(Optional<ObjectVersion> version,
                                                                Optional<String> versionId) {
        Map<String, List<String>> keys = new HashMap<>();
        version.ifPresent(v -> v.tags().forEach((tagKey, value) ->
                keys.put("s3:ExistingObjectTag/" + tagKey, List.of(value))));
        versionId.ifPresent(id -> keys.put("s3:versionid", List.of(id)));
        return keys;
    }

    private Written writeBody(BlobStore blobs, InputStream body, PutObjectRequest request, byte[] dataKey,
                              byte[] associatedData) {
        Optional<ChecksumDigest> checksum = request.checksumAlgorithm().map(ChecksumAlgorithm::newDigest);
        ChecksumInputStream digesting = new ChecksumInputStream(body, checksum.stream().toList());
        BlobStore.BlobWriter writer = null;
        try {
            writer = blobs.create();
            try (OutputStream encrypting = ciphers.apply(dataKey).encryptingStream(writer.output(), associatedData,
                    request.contentLength())) {
                // a small body needs no 64 KiB buffer; one byte more than declared shows a longer body at once
                byte[] buffer = new byte[request.contentLength() < 0 ? COPY_BUFFER
                        : (int) Math.min(COPY_BUFFER, request.contentLength() + 1)];
                int read;
                while ((read = digesting.read(buffer)) != -1) {
                    if (request.contentLength() >= 0 && digesting.bytesRead() > request.contentLength()) {
                        throw S3Errors.invalidRequest("The body is longer than its Content-Length.");
                    }
                    encrypting.write(buffer, 0, read);
                }
            }
            if (request.contentLength() >= 0 && digesting.bytesRead() != request.contentLength()) {
                throw S3Errors.incompleteBody();
            }
            byte[] md5 = digesting.md5();
            if (request.contentMd5().isPresent()
                    && !MessageDigest.isEqual(Base64.getDecoder().decode(request.contentMd5().get()), md5)) {
                throw S3Errors.badDigest("Content-MD5");
            }
            Optional<ObjectChecksum> stored = Optional.empty();
            if (checksum.isPresent()) {
                ChecksumDigest digest = checksum.get();
                Optional<String> expected = request.expectedChecksum().get();
                if (expected.isPresent() && !digest.matches(expected.get())) {
                    throw S3Errors.badDigest(digest.algorithm().s3Name());
                }
                stored = Optional.of(new ObjectChecksum(digest.algorithm().s3Name(), digest.base64(), "FULL_OBJECT"));
            }
            String etag = request.customerKey().isPresent() ? CustomerKeyEnvelope.etag(md5, dataKey)
                    : HexFormat.of().formatHex(md5);
            Written written = new Written(writer, digesting.bytesRead(), etag, stored);
            writer = null;
            return written;
        } catch (IOException e) {
            throw bodyFailure(e);
        } finally {
            if (writer != null) {
                writer.close(); // nothing of a refused body stays
            }
        }
    }

    /**
     * A body that could not be read: the error its stream gave as the cause (a chunk signature that
     * does not match, a truncated aws-chunked body), else an incomplete body.
     */
    static AwsException bodyFailure(IOException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof AwsException reported) {
                return reported;
            }
        }
        return new AwsException("IncompleteBody", 400, "The request body could not be read completely.", e);
    }

    /** Deletes a replaced or deleted version's body (every part of one completed from parts) and any restored copy. */
    void deleteBodyOf(ObjectVersion version) {
        bodies.deleteBodyOf(version);
    }

    private static void requireValidMd5(Optional<String> contentMd5) {
        if (contentMd5.isEmpty()) {
            return;
        }
        try {
            if (Base64.getDecoder().decode(contentMd5.get()).length != 16) {
                throw S3Errors.invalidDigest();
            }
        } catch (IllegalArgumentException e) {
            throw S3Errors.invalidDigest();
        }
    }

    static String objectArn(Bucket bucket, String key) {
        return objectArn(bucket.name(), key);
    }

    static String objectArn(String bucket, String key) {
        return "arn:aws:s3:::" + bucket + "/" + key;
    }

    static String wireName(ObjectEncryption.Mode mode) {
        return switch (mode) {
            case SSE_S3 -> "AES256";
            case SSE_KMS -> "aws:kms";
            case SSE_C -> "AES256";
        };
    }

    static String newVersionId() {
        byte[] bytes = new byte[24];
        String id;
        do {
            VERSION_IDS.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.charAt(0) == '-'); // the AWS CLI would read "--version-id -…" as another option
        return id;
    }

    /** A body written and checked, its blob not yet committed: the caller commits or closes {@code writer}. */
    private record Written(BlobStore.BlobWriter writer, long size, String etag, Optional<ObjectChecksum> checksum) {
    }
}
