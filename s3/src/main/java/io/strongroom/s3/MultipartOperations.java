package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.core.spi.BlobStore;
import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.s3.checksum.ChecksumAlgorithm;
import io.strongroom.s3.checksum.ChecksumDigest;
import io.strongroom.s3.checksum.ChecksumInputStream;
import io.strongroom.s3.checksum.CrcCombination;
import io.strongroom.s3.crypto.BodyCipher;
import io.strongroom.s3.crypto.SegmentCipher;
import io.strongroom.s3.naming.ObjectKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * S3's multipart uploads: CreateMultipartUpload, UploadPart, CompleteMultipartUpload,
 * AbortMultipartUpload, ListParts and ListMultipartUploads.
 *
 * <p>An upload gets one data key at creation, kept wrapped with it. Each part is encrypted as a blob of
 * its own under that key, with the associated data {@link #partAssociatedData}, so a part cannot pass
 * for another part, another upload's or another object's. Completing commits a version whose blob id
 * is its first part's, and the ordered list of its parts ({@link MultipartRepository#putObjectParts});
 * until then nothing of the upload is visible as an object.
 */
public final class MultipartOperations {
    /** S3's limits: part numbers 1..10000, parts of at most 5 GiB and, but the last, of at least 5 MiB. */
    public static final int MAX_PART_NUMBER = 10_000;
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    public static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;
    public static final int MAX_LISTED = 1000;

    private static final int COPY_BUFFER = 64 * 1024;
    private static final SecureRandom IDS = new SecureRandom();

    private final S3Repository repository;
    private final MultipartRepository multipart;
    private final ObjectBodies bodies;
    private final DataKeyProvider dataKeys;
    private final AccessAuthorizer authorizer;
    private final Transactor transactor;
    private final Clock clock;
    private final ObjectOperations objects;
    private final AccessControlOperations access;
    private final Function<byte[], BodyCipher> ciphers;
    private final ObjectLocks locks;

    MultipartOperations(S3Repository repository, MultipartRepository multipart, ObjectBodies bodies,
                        DataKeyProvider dataKeys, AccessAuthorizer authorizer, Transactor transactor, Clock clock,
                        ObjectOperations objects, AccessControlOperations access,
                     Function<byte[], BodyCipher> ciphers, ObjectLocks locks) {
        this.repository = requireNonNull(repository, "repository");
        this.multipart = requireNonNull(multipart, "multipart");
        this.bodies = requireNonNull(bodies, "bodies");
        this.dataKeys = requireNonNull(dataKeys, "dataKeys");
        this.authorizer = requireNonNull(authorizer, "authorizer");
        this.transactor = requireNonNull(transactor, "transactor");
        this.clock = requireNonNull(clock, "clock");
        this.objects = requireNonNull(objects, "objects");
        this.access = requireNonNull(access, "access");
        this.ciphers = requireNonNull(ciphers, "ciphers");
        this.locks = requireNonNull(locks, "locks");
    }

    /**
     * The associated data of a part's blob: {@link SegmentCipher#associatedData} of the bucket, the key
     * and {@code "upload/<uploadId>/part/<partNumber>"} in the place of a version id. A version id never
     * contains '/', so no part's associated data is any single-blob version's.
     */
    public static byte[] partAssociatedData(String bucket, String key, String uploadId, int partNumber) {
        return SegmentCipher.associatedData(bucket, key, "upload/" + uploadId + "/part/" + partNumber);
    }

    MultipartUpload create(CallContext call, CreateMultipartUploadRequest request) {
        return create(call, request, ObjectLockRequest.NONE, StorageClasses.STANDARD);
    }

    /** @param lockRequest the lock the completed object gets (the bucket's default retention otherwise) */
    MultipartUpload create(CallContext call, CreateMultipartUploadRequest request, ObjectLockRequest lockRequest) {
        return create(call, request, lockRequest, StorageClasses.STANDARD);
    }

    /** @param storageClass the completed object's class: the parts of a GLACIER upload go straight to the archive */
    MultipartUpload create(CallContext call, CreateMultipartUploadRequest request, ObjectLockRequest lockRequest,
                           String storageClass) {
        return create(call, request, lockRequest, storageClass, StoredAcl.PRIVATE);
    }

    /** @param acl the ACL and owner the completed object gets, as {@link AclOperations#forWrite} settled them */
    MultipartUpload create(CallContext call, CreateMultipartUploadRequest request, ObjectLockRequest lockRequest,
                           String storageClass, StoredAcl acl) {
        ObjectKeys.validate(request.key());
        Bucket bucket = repository.findBucket(request.bucket()).orElseThrow(S3Errors::noSuchBucket);
        ObjectOperations.requireOneEncryption(request.encryption(), request.customerKey());
        BucketEncryption byDefault = BucketEncryption.of(repository, bucket.name());
        ObjectEncryption.Mode mode = request.customerKey().isPresent() ? ObjectEncryption.Mode.SSE_C
                : request.encryption().orElse(byDefault.mode());
        Optional<String> kmsKeyId = request.encryption().isPresent() ? request.kmsKeyId() : byDefault.kmsKeyId();
        String objectArn = ObjectOperations.objectArn(bucket, request.key());
        authorizer.authorize(call, "s3:PutObject", access.resource(call, bucket, objectArn),
                ObjectOperations.encryptionConditionKeys(mode));
        ObjectLock requestedLock = locks.requested(call, bucket, request.key(), lockRequest);
        DataKeyProvider.DataKey dataKey = objects.newDataKey(call, mode, kmsKeyId, request.customerKey(), objectArn,
                mode == ObjectEncryption.Mode.SSE_KMS && request.bucketKeyEnabled().orElse(byDefault.bucketKeyEnabled()));
        Arrays.fill(dataKey.plaintext(), (byte) 0); // parts unwrap it again; nothing is written now
        MultipartUpload upload = new MultipartUpload(newUploadId(), bucket.name(), request.key(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), bucket.accountId(), call.principal().arn(),
                request.headers(), request.userMetadata(), request.tags(), storageClass, dataKey.encryption(),
                request.checksumAlgorithm(), request.fullObjectChecksum(), acl);
        transactor.run(() -> {
            multipart.insertUpload(upload);
            locks.holdForUpload(upload.uploadId(), requestedLock);
        });
        return upload;
    }

    UploadedPart uploadPart(CallContext call, UploadPartRequest request, InputStream body) {
        return uploadPart(call, request, body, true);
    }

    /**
     * @param uploadedBody whether the body came with this request (UploadPart), which must then prove its
     *                     integrity when the object will be locked; UploadPartCopy's source was checked
     *                     when it was put
     */
    UploadedPart uploadPart(CallContext call, UploadPartRequest request, InputStream body, boolean uploadedBody) {
        requireValidPartNumber(request.partNumber());
        MultipartUpload upload = upload(call, request.bucket(), request.key(), request.uploadId(), "s3:PutObject");
        if (uploadedBody && request.contentMd5().isEmpty() && request.checksumAlgorithm().isEmpty()
                && upload.checksumAlgorithm().isEmpty() && locks.uploadWillBeLocked(upload)) {
            throw S3Errors.invalidRequest("Content-MD5 OR x-amz-checksum- HTTP header is required for Put Part"
                    + " requests with Object Lock parameters");
        }
        if (request.contentLength() > MAX_PART_SIZE) {
            throw entityTooLarge();
        }
        if (upload.checksumAlgorithm().isPresent() && request.checksumAlgorithm().isPresent()
                && upload.checksumAlgorithm().get() != request.checksumAlgorithm().get()) {
            throw S3Errors.invalidRequest("Checksum Type mismatch occurred, expected checksum Type: "
                    + upload.checksumAlgorithm().get().s3Name().toLowerCase(Locale.ROOT) + ", actual checksum Type: "
                    + request.checksumAlgorithm().get().s3Name().toLowerCase(Locale.ROOT));
        }
        Optional<ChecksumAlgorithm> algorithm = request.checksumAlgorithm().or(upload::checksumAlgorithm);
        requireUploadKey(upload, request.customerKey(), true);
        byte[] dataKey = objects.dataKey(call, upload.encryption(), request.customerKey(),
                ObjectOperations.objectArn(upload.bucket(), upload.key()));
        UploadPart part;
        try {
            part = writePart(upload, request, algorithm, body, dataKey);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
        Optional<UploadPart> replaced;
        try {
            replaced = transactor.inTransaction(() -> {
                multipart.findUpload(upload.uploadId()).orElseThrow(MultipartOperations::noSuchUpload);
                return multipart.putPart(part);
            });
        } catch (RuntimeException e) {
            deleteBlobQuietly(upload, part.blobId());
            throw e;
        }
        replaced.ifPresent(old -> deleteBlobQuietly(upload, old.blobId()));
        return new UploadedPart(part, upload.encryption());
    }

    /**
     * Commits the named parts, in order, as the key's new version. The upload goes with it, and the blobs
     * of parts it does not name are deleted.
     */
    /** @param expected the object's checksum as the client computed it ({@code x-amz-checksum-*}), if sent */
    ObjectVersion complete(CallContext call, String bucketName, String key, String uploadId,
                           List<CompletedPart> requested, Map<ChecksumAlgorithm, String> expected,
                           Optional<CustomerKey> customerKey, WriteConditions conditions) {
        MultipartUpload upload = upload(call, bucketName, key, uploadId, "s3:PutObject");
        // the parts proved the key; a completion that sends one must send the same
        requireUploadKey(upload, customerKey, false);
        if (!conditions.isEmpty()) {
            conditions.check(repository.latestVersion(bucketName, key), false);
        }
        if (requested.isEmpty()) {
            throw malformedXml();
        }
        for (int i = 1; i < requested.size(); i++) {
            if (requested.get(i).partNumber() <= requested.get(i - 1).partNumber()) {
                throw new AwsException("InvalidPartOrder", 400,
                        "The list of parts was not in ascending order. Parts must be ordered by part number.");
            }
        }
        Map<Integer, UploadPart> stored = new HashMap<>();
        for (UploadPart part : multipart.listParts(uploadId, 0, MAX_PART_NUMBER)) {
            stored.put(part.partNumber(), part);
        }
        List<UploadPart> chosen = new ArrayList<>();
        for (CompletedPart named : requested) {
            UploadPart part = stored.get(named.partNumber());
            if (part == null || !part.etag().equals(unquoted(named.etag()))) {
                throw invalidPart();
            }
            for (Map.Entry<ChecksumAlgorithm, String> sent : named.checksums().entrySet()) {
                if (part.checksum().filter(c -> c.algorithm().equals(sent.getKey().s3Name())
                        && c.value().equals(sent.getValue())).isEmpty()) {
                    throw invalidPart();
                }
            }
            chosen.add(part);
        }
        for (int i = 0; i < chosen.size() - 1; i++) {
            if (chosen.get(i).size() < MIN_PART_SIZE) {
                throw new AwsException("EntityTooSmall", 400,
                        "Your proposed upload is smaller than the minimum allowed object size.");
            }
        }
        Bucket bucket = repository.findBucket(bucketName).orElseThrow(S3Errors::noSuchBucket);
        String versionId = bucket.versioning() == Bucket.Versioning.ENABLED ? ObjectOperations.newVersionId()
                : ObjectVersion.NULL_VERSION;
        long size = chosen.stream().mapToLong(UploadPart::size).sum();
        ObjectVersion version = new ObjectVersion(bucketName, key, versionId, false,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), size, multipartEtag(chosen), upload.headers(),
                upload.userMetadata(), objectChecksum(upload, chosen, expected), upload.tags(), upload.storageClass(),
                upload.encryption(), chosen.get(0).blobId());
        List<ObjectPart> parts = chosen.stream()
                .map(p -> new ObjectPart(p.partNumber(), uploadId, p.size(), p.blobId())).toList();
        Optional<ObjectVersion> replaced = transactor.inTransaction(() -> {
            Bucket current = repository.findBucket(bucketName).orElseThrow(S3Errors::noSuchBucket);
            if (!conditions.isEmpty()) {
                conditions.check(repository.latestVersionForUpdate(bucketName, key), true);
            }
            if (!multipart.deleteUpload(uploadId)) {
                throw noSuchUpload();
            }
            multipart.putObjectParts(version.blobId(), parts);
            Optional<ObjectVersion> gone = repository.putVersion(version);
            gone.ifPresent(v -> AccessControlOperations.forgetObjectAcl(repository, v));
            access.storeObjectAcl(version, upload.acl());
            ObjectLock held = locks.releaseForUpload(uploadId);
            locks.store(version, locks.forNewVersion(current, held, version.lastModified()));
            return gone;
        });
        replaced.ifPresent(objects::deleteBodyOf);
        List<String> kept = parts.stream().map(ObjectPart::blobId).toList();
        stored.values().stream().filter(p -> !kept.contains(p.blobId())).forEach(p -> deleteBlobQuietly(upload, p.blobId()));
        return version;
    }

    void abort(CallContext call, String bucketName, String key, String uploadId) {
        MultipartUpload upload = upload(call, bucketName, key, uploadId, "s3:AbortMultipartUpload");
        List<UploadPart> parts = transactor.inTransaction(() -> {
            List<UploadPart> found = multipart.listParts(uploadId, 0, MAX_PART_NUMBER);
            if (!multipart.deleteUpload(uploadId)) {
                throw noSuchUpload();
            }
            locks.releaseForUpload(uploadId);
            return found;
        });
        parts.forEach(part -> deleteBlobQuietly(upload, part.blobId()));
    }

    /**
     * Aborts every upload of a bucket that has just been deleted (S3 deletes a general purpose bucket
     * with uploads in progress, and them with it), so that a bucket of the same name never sees them.
     */
    void abortAllOf(String bucketName) {
        List<MultipartUpload> left;
        while (!(left = multipart.listUploads(bucketName, "", "", "", MAX_LISTED)).isEmpty()) {
            for (MultipartUpload upload : left) {
                List<UploadPart> parts = transactor.inTransaction(() -> {
                    List<UploadPart> found = multipart.listParts(upload.uploadId(), 0, MAX_PART_NUMBER);
                    multipart.deleteUpload(upload.uploadId());
                    locks.releaseForUpload(upload.uploadId());
                    return found;
                });
                parts.forEach(part -> deleteBlobQuietly(upload, part.blobId()));
            }
        }
    }

    PartList listParts(CallContext call, String bucketName, String key, String uploadId, int afterPartNumber,
                       int maxParts) {
        MultipartUpload upload = upload(call, bucketName, key, uploadId, "s3:ListMultipartUploadParts");
        int limit = Math.min(Math.max(maxParts, 0), MAX_LISTED);
        List<UploadPart> parts = multipart.listParts(uploadId, Math.max(afterPartNumber, 0), limit + 1);
        boolean truncated = parts.size() > limit;
        List<UploadPart> page = truncated ? parts.subList(0, limit) : parts;
        int next = page.isEmpty() ? 0 : page.get(page.size() - 1).partNumber();
        return new PartList(upload, List.copyOf(page), truncated, next);
    }

    /**
     * The uploads in progress under {@code prefix}, folded into common prefixes by {@code delimiter}
     * (empty for none) as ListObjects folds keys.
     */
    UploadList listUploads(Bucket bucket, String prefix, String delimiter, String keyMarker,
                           String uploadIdMarker, int maxUploads) {
        int limit = Math.min(Math.max(maxUploads, 0), MAX_LISTED);
        List<MultipartUpload> uploads = new ArrayList<>();
        List<String> commonPrefixes = new ArrayList<>();
        String afterKey = keyMarker;
        String afterUploadId = keyMarker.isEmpty() ? "" : uploadIdMarker;
        String lastKey = "";
        String lastUploadId = "";
        while (true) {
            List<MultipartUpload> batch = multipart.listUploads(bucket.name(), prefix, afterKey, afterUploadId,
                    MAX_LISTED);
            boolean skipped = false;
            for (MultipartUpload upload : batch) {
                afterKey = upload.key();
                afterUploadId = upload.uploadId();
                if (!ofThisBucket(upload, bucket)) {
                    continue;
                }
                String common = commonPrefix(upload.key(), prefix, delimiter);
                if (uploads.size() + commonPrefixes.size() == limit) {
                    return new UploadList(uploads, commonPrefixes, true, lastKey, lastUploadId);
                }
                if (common != null) {
                    commonPrefixes.add(common);
                    lastKey = common;
                    lastUploadId = "";
                    // every further key under the common prefix folds into it: continue past them
                    afterKey = common + Character.toString(Character.MAX_CODE_POINT);
                    afterUploadId = "";
                    skipped = true;
                    break;
                }
                uploads.add(upload);
                lastKey = upload.key();
                lastUploadId = upload.uploadId();
            }
            if (!skipped && batch.size() < MAX_LISTED) {
                return new UploadList(uploads, commonPrefixes, false, lastKey, lastUploadId);
            }
        }
    }

    /**
     * The bytes of part {@code partNumber} of a version, for GetObject and HeadObject with
     * {@code partNumber}: of an object completed from parts, that part; of any other, part 1 is the
     * whole object. InvalidPartNumber beyond the last part.
     */
    PartRange partRange(ObjectVersion version, int partNumber) {
        if (partNumber < 1 || partNumber > MAX_PART_NUMBER) {
            throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive");
        }
        List<ObjectPart> parts = version.blobId() == null ? List.of() : multipart.objectParts(version.blobId());
        if (parts.isEmpty()) {
            if (partNumber != 1 || version.size() == 0) {
                throw invalidPartNumber();
            }
            return new PartRange(0, version.size() - 1, Optional.empty());
        }
        if (partNumber > parts.size()) {
            throw invalidPartNumber();
        }
        long first = 0;
        for (int i = 0; i < partNumber - 1; i++) {
            first += parts.get(i).size();
        }
        long size = parts.get(partNumber - 1).size();
        if (size == 0) {
            throw invalidPartNumber();
        }
        return new PartRange(first, first + size - 1, Optional.of(parts.size()));
    }

    /** The first and last byte of a part, and how many parts the object has (none for a single blob). */
    public record PartRange(long first, long last, Optional<Integer> partsCount) {
        public ByteRange range() {
            return new ByteRange(first, last, 0);
        }

        public long[] bounds() {
            return new long[] {first, last};
        }
    }

    /** What UploadPart reports: the part, and how its upload is encrypted. */
    public record UploadedPart(UploadPart part, ObjectEncryption encryption) {
    }

    /** A page of ListParts; {@code nextPartNumberMarker} is the last part listed (0 for none). */
    public record PartList(MultipartUpload upload, List<UploadPart> parts, boolean truncated,
                           int nextPartNumberMarker) {
    }

    /** A page of ListMultipartUploads; the next page starts after the key and upload id markers. */
    public record UploadList(List<MultipartUpload> uploads, List<String> commonPrefixes, boolean truncated,
                             String nextKeyMarker, String nextUploadIdMarker) {
    }

    // ---- helpers

    /**
     * The SSE-C key a request on an upload sends against the one the upload was created with: the same
     * key, recognised by its check value; none when the upload is not SSE-C.
     *
     * @param required whether an SSE-C upload needs the key on this request (every part does)
     */
    private static void requireUploadKey(MultipartUpload upload, Optional<CustomerKey> customerKey, boolean required) {
        if (upload.encryption().mode() != ObjectEncryption.Mode.SSE_C) {
            if (customerKey.isPresent()) {
                throw S3Errors.invalidRequest("The encryption parameters are not applicable to this object.");
            }
            return;
        }
        if (customerKey.isEmpty()) {
            if (required) {
                throw S3Errors.invalidRequest("The multipart upload initiate requested encryption. Subsequent part"
                        + " requests must include the appropriate encryption parameters.");
            }
            return;
        }
        if (!CustomerKeyEnvelope.matches(upload.encryption(), customerKey.get())) {
            throw S3Errors.invalidArgument("The provided encryption parameters did not match the ones used"
                    + " originally.");
        }
    }

    /** The upload, once the caller may act on its object; NoSuchUpload unless it is this key's. */
    private MultipartUpload upload(CallContext call, String bucketName, String key, String uploadId, String action) {
        ObjectKeys.validate(key);
        Bucket bucket = repository.findBucket(bucketName).orElseThrow(S3Errors::noSuchBucket);
        authorizer.authorize(call, action, access.resource(call, bucket, ObjectOperations.objectArn(bucket, key)),
                Map.of());
        return multipart.findUpload(uploadId)
                .filter(u -> u.bucket().equals(bucketName) && u.key().equals(key) && ofThisBucket(u, bucket))
                .orElseThrow(MultipartOperations::noSuchUpload);
    }

    /**
     * Whether the upload was made in this bucket rather than in an earlier one of the same name whose
     * deletion did not get to abort it (a crash between the two).
     */
    private static boolean ofThisBucket(MultipartUpload upload, Bucket bucket) {
        return !upload.initiated().isBefore(bucket.created().truncatedTo(ChronoUnit.MILLIS));
    }

    private UploadPart writePart(MultipartUpload upload, UploadPartRequest request,
                                 Optional<ChecksumAlgorithm> algorithm, InputStream body, byte[] dataKey) {
        Optional<ChecksumDigest> checksum = algorithm.map(ChecksumAlgorithm::newDigest);
        ChecksumInputStream digesting = new ChecksumInputStream(body, checksum.stream().toList());
        byte[] associatedData = partAssociatedData(upload.bucket(), upload.key(), upload.uploadId(),
                request.partNumber());
        try (BlobStore.BlobWriter writer = bodies.of(upload.storageClass()).create()) {
            try (OutputStream encrypting = ciphers.apply(dataKey).encryptingStream(writer.output(),
                    associatedData, request.contentLength())) {
                byte[] buffer = new byte[COPY_BUFFER];
                int read;
                while ((read = digesting.read(buffer)) != -1) {
                    if (request.contentLength() >= 0 && digesting.bytesRead() > request.contentLength()) {
                        throw S3Errors.invalidRequest("The body is longer than its Content-Length.");
                    }
                    if (digesting.bytesRead() > MAX_PART_SIZE) {
                        throw entityTooLarge();
                    }
                    encrypting.write(buffer, 0, read);
                }
            }
            if (request.contentLength() >= 0 && digesting.bytesRead() != request.contentLength()) {
                throw S3Errors.incompleteBody();
            }
            byte[] md5 = digesting.md5();
            if (request.contentMd5().isPresent() && !md5Matches(request.contentMd5().get(), md5)) {
                throw S3Errors.badDigest("Content-MD5");
            }
            Optional<ObjectChecksum> stored = Optional.empty();
            if (checksum.isPresent()) {
                ChecksumDigest digest = checksum.get();
                Optional<String> expected = request.checksumAlgorithm().isPresent()
                        ? request.expectedChecksum().get() : Optional.empty();
                if (expected.isPresent() && !digest.matches(expected.get())) {
                    throw S3Errors.badDigest(digest.algorithm().s3Name());
                }
                stored = Optional.of(new ObjectChecksum(digest.algorithm().s3Name(), digest.base64(), "FULL_OBJECT"));
            }
            String blobId = writer.commit();
            return new UploadPart(upload.uploadId(), request.partNumber(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), digesting.bytesRead(),
                    upload.encryption().mode() == ObjectEncryption.Mode.SSE_C ? CustomerKeyEnvelope.etag(md5, dataKey)
                            : HexFormat.of().formatHex(md5), stored, blobId);
        } catch (IOException e) {
            throw ObjectOperations.bodyFailure(e);
        }
    }

    private static boolean md5Matches(String contentMd5, byte[] md5) {
        try {
            byte[] sent = Base64.getDecoder().decode(contentMd5);
            if (sent.length != 16) {
                throw S3Errors.invalidDigest();
            }
            return MessageDigest.isEqual(sent, md5);
        } catch (IllegalArgumentException e) {
            throw S3Errors.invalidDigest();
        }
    }

    /** S3's ETag of a multipart object: hex MD5 of the parts' binary MD5s, then "-" and the part count. */
    static String multipartEtag(List<UploadPart> parts) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (UploadPart part : parts) {
                md5.update(HexFormat.of().parseHex(part.etag()));
            }
            return HexFormat.of().formatHex(md5.digest()) + "-" + parts.size();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /**
     * The object's checksum, for an upload created with a checksum algorithm, checked against what the
     * client sent (BadDigest when they differ, or when it sent one of another algorithm).
     */
    private static Optional<ObjectChecksum> objectChecksum(MultipartUpload upload, List<UploadPart> parts,
                                                           Map<ChecksumAlgorithm, String> expected) {
        Optional<ObjectChecksum> checksum = upload.fullObjectChecksum() ? fullObjectChecksum(upload, parts)
                : compositeChecksum(upload, parts);
        for (Map.Entry<ChecksumAlgorithm, String> sent : expected.entrySet()) {
            // a composite value may be sent with or without its "-<parts>" suffix
            if (checksum.filter(c -> c.algorithm().equals(sent.getKey().s3Name())
                    && (c.value().equals(sent.getValue().strip())
                    || c.value().equals(sent.getValue().strip() + "-" + parts.size()))).isEmpty()) {
                throw S3Errors.badDigest(sent.getKey().s3Name());
            }
        }
        return checksum;
    }

    /** The CRC of the whole body, combined from the parts' CRCs and sizes. */
    private static Optional<ObjectChecksum> fullObjectChecksum(MultipartUpload upload, List<UploadPart> parts) {
        ChecksumAlgorithm algorithm = upload.checksumAlgorithm().orElseThrow();
        List<CrcCombination.Piece> pieces = new ArrayList<>();
        for (UploadPart part : parts) {
            ObjectChecksum checksum = part.checksum().filter(c -> c.algorithm().equals(algorithm.s3Name()))
                    .orElseThrow(MultipartOperations::invalidPart);
            pieces.add(new CrcCombination.Piece(checksum.value(), part.size()));
        }
        return Optional.of(new ObjectChecksum(algorithm.s3Name(), CrcCombination.combine(algorithm, pieces),
                "FULL_OBJECT"));
    }

    /**
     * The COMPOSITE checksum of an upload created with a checksum algorithm: that algorithm over the
     * parts' binary checksums, in order, base64, then "-" and the part count.
     */
    private static Optional<ObjectChecksum> compositeChecksum(MultipartUpload upload, List<UploadPart> parts) {
        if (upload.checksumAlgorithm().isEmpty()) {
            return Optional.empty();
        }
        ChecksumAlgorithm algorithm = upload.checksumAlgorithm().get();
        ChecksumDigest digest = algorithm.newDigest();
        for (UploadPart part : parts) {
            ObjectChecksum checksum = part.checksum().filter(c -> c.algorithm().equals(algorithm.s3Name()))
                    .orElseThrow(MultipartOperations::invalidPart);
            digest.update(Base64.getDecoder().decode(checksum.value()));
        }
        return Optional.of(new ObjectChecksum(algorithm.s3Name(), digest.base64() + "-" + parts.size(), "COMPOSITE"));
    }

    private static String commonPrefix(String key, String prefix, String delimiter) {
        if (delimiter.isEmpty()) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }

    private static void requireValidPartNumber(int partNumber) {
        if (partNumber < 1 || partNumber > MAX_PART_NUMBER) {
            throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive");
        }
    }

    private void deleteBlobQuietly(MultipartUpload upload, String blobId) {
        ObjectBodies.deleteQuietly(bodies.of(upload.storageClass()), blobId);
    }

    private static String unquoted(String etag) {
        String value = etag.strip();
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static String newUploadId() {
        byte[] bytes = new byte[32];
        IDS.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static AwsException noSuchUpload() {
        return new AwsException("NoSuchUpload", 404, "The specified upload does not exist. The upload ID may be"
                + " invalid, or the upload may have been aborted or completed.");
    }

    static AwsException invalidPartNumber() {
        return new AwsException("InvalidPartNumber", 416, "The requested partnumber is not satisfiable");
    }

    static AwsException invalidPart() {
        return new AwsException("InvalidPart", 400, "One or more of the specified parts could not be found."
                + "  The part may not have been uploaded, or the specified entity tag may not match the part's"
                + " entity tag.");
    }

    static AwsException malformedXml() {
        return S3Errors.malformedXml();
    }

    private static AwsException entityTooLarge() {
        return new AwsException("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed size");
    }
}
