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
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/** PutObject, GetObject, HeadObject and DeleteObject: bodies encrypted in segments, indexed by version. */
final class ObjectOperations {
    private static final Logger LOG = Logger.getLogger(ObjectOperations.class.getName());
    private static final int COPY_BUFFER = 64 * 1024;
    private static final SecureRandom VERSION_IDS = new SecureRandom();

    private final S3Repository repository;
    private final MultipartRepository multipart;
    private final BlobStore blobs;
    private final DataKeyProvider dataKeys;
    private final AccessAuthorizer authorizer;
    private final Transactor transactor;
    private final Clock clock;
    private final AccessControlOperations access;
    private final Function<byte[], BodyCipher> ciphers;
    private final CustomerKeyEnvelope customerKeys;

    ObjectOperations(S3Repository repository, MultipartRepository multipart, BlobStore blobs,
                     DataKeyProvider dataKeys, AccessAuthorizer authorizer, Transactor transactor, Clock clock,
                     AccessControlOperations access,
                     Function<byte[], BodyCipher> ciphers, CustomerKeyEnvelope customerKeys) {
        this.repository = requireNonNull(repository, "repository");
        this.multipart = requireNonNull(multipart, "multipart");
        this.blobs = requireNonNull(blobs, "blobs");
        this.dataKeys = requireNonNull(dataKeys, "dataKeys");
        this.authorizer = requireNonNull(authorizer, "authorizer");
        this.transactor = requireNonNull(transactor, "transactor");
        this.clock = requireNonNull(clock, "clock");
        this.access = requireNonNull(access, "access");
        this.ciphers = requireNonNull(ciphers, "ciphers");
        this.customerKeys = requireNonNull(customerKeys, "customerKeys");
    }

    /**
     * Stores a new version. The body is encrypted as it arrives into a blob that becomes visible only
     * after every digest checked out and the index committed; anything else leaves nothing behind.
     */
    ObjectVersion put(CallContext call, PutObjectRequest request, InputStream body) {
        ObjectKeys.validate(request.key());
        Bucket bucket = repository.findBucket(request.bucket()).orElseThrow(S3Errors::noSuchBucket);
        ObjectEncryption.Mode mode;
        Optional<String> kmsKeyId = request.kmsKeyId();
        requireOneEncryption(request.encryption(), request.customerKey());
        if (request.customerKey().isPresent()) {
            mode = ObjectEncryption.Mode.SSE_C; // the bucket's default does not apply
        } else if (request.encryption().isPresent()) {
            mode = request.encryption().get();
        } else {
            BucketEncryption byDefault = BucketEncryption.of(repository, bucket.name());
            mode = byDefault.mode();
            kmsKeyId = byDefault.kmsKeyId();
        }
        String objectArn = objectArn(bucket, request.key());
        Map<String, List<String>> conditionKeys = encryptionConditionKeys(mode);
        request.kmsKeyId().ifPresent(id -> conditionKeys.put("s3:x-amz-server-side-encryption-aws-kms-key-id",
                List.of(id)));
        request.tags().forEach((tagKey, value) -> conditionKeys.put("s3:RequestObjectTag/" + tagKey, List.of(value)));
        authorizer.authorize(call, "s3:PutObject", access.resource(call, bucket, objectArn), conditionKeys);
        requireValidMd5(request.contentMd5());
        WriteConditions conditions = request.conditions();
        if (!conditions.isEmpty()) {
            conditions.check(repository.latestVersion(bucket.name(), request.key()), false);
        }
        String versionId = bucket.versioning() == Bucket.Versioning.ENABLED ? newVersionId() : ObjectVersion.NULL_VERSION;
        DataKeyProvider.DataKey dataKey = newDataKey(call, mode, kmsKeyId, request.customerKey(), objectArn);
        Written written;
        try {
            written = writeBody(body, request, dataKey.plaintext(),
                    SegmentCipher.associatedData(bucket.name(), request.key(), versionId));
        } finally {
            Arrays.fill(dataKey.plaintext(), (byte) 0);
        }
        ObjectVersion version = new ObjectVersion(bucket.name(), request.key(), versionId, false,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), written.size(), written.etag(), request.headers(),
                request.userMetadata(), written.checksum(), request.tags(), "STANDARD", dataKey.encryption(),
                written.blobId());
        Optional<ObjectVersion> replaced;
        try {
            replaced = transactor.inTransaction(() -> {
                repository.findBucket(bucket.name()).orElseThrow(S3Errors::noSuchBucket);
                if (!conditions.isEmpty()) {
                    conditions.check(repository.latestVersionForUpdate(bucket.name(), request.key()), true);
                }
                return repository.putVersion(version);
            });
        } catch (RuntimeException e) {
            deleteBlobQuietly(written.blobId());
            throw e;
        }
        replaced.ifPresent(this::deleteBodyOf);
        return version;
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
        long first = 0;
        long length = version.size();
        if (range.isPresent()) {
            long[] bounds = range.get().resolve(version.size());
            first = bounds[0];
            length = bounds[1] - bounds[0] + 1;
        }
        byte[] dataKey = dataKey(call, version.encryption(), customerKey, objectArn(bucketName, key));
        try {
            List<ObjectPart> parts = multipart.objectParts(version.blobId());
            if (!parts.isEmpty()) {
                return new ObjectContent(version, first, length, range.isPresent(),
                        PartedBody.open(blobs, ciphers.apply(dataKey), bucketName, key, parts, first, length));
            }
            SeekableByteChannel channel = blobs.open(version.blobId());
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
        ObjectVersion version = readable(call, bucketName, key, versionId, "s3:GetObject");
        CustomerKeyEnvelope.requireKey(version.encryption(), customerKey);
        return version;
    }

    /** The data key of a stored object or upload: from the customer's key for SSE-C, else unwrapped as the caller. */
    byte[] dataKey(CallContext call, ObjectEncryption encryption, Optional<CustomerKey> customerKey, String objectArn) {
        return encryption.mode() == ObjectEncryption.Mode.SSE_C
                ? customerKeys.unwrap(encryption, customerKey, objectArn)
                : dataKeys.unwrap(call, encryption, objectArn);
    }

    /** A new data key: under the customer's key for SSE-C, else from the provider. */
    DataKeyProvider.DataKey newDataKey(CallContext call, ObjectEncryption.Mode mode, Optional<String> kmsKeyId,
                                       Optional<CustomerKey> customerKey, String objectArn) {
        return mode == ObjectEncryption.Mode.SSE_C
                ? customerKeys.newDataKey(customerKey.orElseThrow(), objectArn)
                : dataKeys.newDataKey(call, mode, kmsKeyId, objectArn);
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
        ObjectKeys.validate(key);
        Bucket bucket = repository.findBucket(bucketName).orElseThrow(S3Errors::noSuchBucket);
        Optional<ObjectVersion> target = versionId.isPresent()
                ? repository.findVersion(bucketName, key, versionId.get())
                : repository.latestVersion(bucketName, key);
        authorizer.authorize(call, versionId.isPresent() ? "s3:DeleteObjectVersion" : "s3:DeleteObject",
                access.resource(call, bucket, objectArn(bucket, key)), objectConditionKeys(target, versionId));
        if (versionId.isPresent()) {
            Optional<ObjectVersion> removed = transactor.inTransaction(() -> {
                Optional<ObjectVersion> found = repository.findVersion(bucketName, key, versionId.get());
                found.ifPresent(v -> repository.deleteVersion(bucketName, key, v.versionId()));
                return found;
            });
            removed.ifPresent(this::deleteBodyOf);
            return new DeleteResult(versionId, removed.map(ObjectVersion::deleteMarker).orElse(false));
        }
        if (bucket.versioning() == Bucket.Versioning.UNVERSIONED) {
            Optional<ObjectVersion> removed = transactor.inTransaction(() -> {
                Optional<ObjectVersion> found = repository.findVersion(bucketName, key, ObjectVersion.NULL_VERSION);
                found.ifPresent(v -> repository.deleteVersion(bucketName, key, v.versionId()));
                return found;
            });
            removed.ifPresent(this::deleteBodyOf);
            return new DeleteResult(Optional.empty(), false);
        }
        String markerId = bucket.versioning() == Bucket.Versioning.ENABLED ? newVersionId() : ObjectVersion.NULL_VERSION;
        ObjectVersion marker = ObjectVersion.deleteMarker(bucketName, key, markerId,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        Optional<ObjectVersion> replaced = transactor.inTransaction(() -> repository.putVersion(marker));
        replaced.ifPresent(this::deleteBodyOf);
        return new DeleteResult(Optional.of(markerId), true);
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
        ObjectKeys.validate(key);
        Bucket bucket = repository.findBucket(bucketName).orElseThrow(S3Errors::noSuchBucket);
        // looked up before authorising, for s3:ExistingObjectTag; whether it exists is told only after
        Optional<ObjectVersion> found = versionId.isPresent()
                ? repository.findVersion(bucketName, key, versionId.get())
                : repository.latestVersion(bucketName, key);
        authorizer.authorize(call, versionId.isPresent() ? action + "Version" : action,
                access.resource(call, bucket, objectArn(bucket, key)), objectConditionKeys(found, versionId));
        if (versionId.isPresent()) {
            ObjectVersion version = found.orElseThrow(S3Errors::noSuchVersion);
            if (version.deleteMarker()) {
                throw new DeleteMarkerException(S3Errors.methodNotAllowed(), version);
            }
            return version;
        }
        ObjectVersion latest = found.orElseThrow(S3Errors::noSuchKey);
        if (latest.deleteMarker()) {
            throw new DeleteMarkerException(S3Errors.noSuchKey(), latest);
        }
        return latest;
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

    private Written writeBody(InputStream body, PutObjectRequest request, byte[] dataKey, byte[] associatedData) {
        Optional<ChecksumDigest> checksum = request.checksumAlgorithm().map(ChecksumAlgorithm::newDigest);
        ChecksumInputStream digesting = new ChecksumInputStream(body, checksum.stream().toList());
        try (BlobStore.BlobWriter writer = blobs.create()) {
            try (OutputStream encrypting = ciphers.apply(dataKey).encryptingStream(writer.output(), associatedData)) {
                byte[] buffer = new byte[COPY_BUFFER];
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
            String blobId = writer.commit();
            String etag = request.customerKey().isPresent() ? CustomerKeyEnvelope.etag(md5, dataKey)
                    : HexFormat.of().formatHex(md5);
            return new Written(blobId, digesting.bytesRead(), etag, stored);
        } catch (IOException e) {
            throw bodyFailure(e);
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

    /** Deletes a replaced or deleted version's blob, or every part blob of one completed from parts. */
    void deleteBodyOf(ObjectVersion version) {
        if (version.blobId() == null) {
            return;
        }
        List<ObjectPart> parts = multipart.objectParts(version.blobId());
        if (!parts.isEmpty()) {
            multipart.deleteObjectParts(version.blobId());
            parts.forEach(part -> deleteBlobQuietly(part.blobId()));
            return;
        }
        deleteBlobQuietly(version.blobId());
    }

    private void deleteBlobQuietly(String blobId) {
        try {
            blobs.delete(blobId);
        } catch (IOException e) {
            // garbage the start-up collection removes; the index no longer names it
            LOG.log(Level.WARNING, "A replaced object body could not be deleted now", e);
        }
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
        VERSION_IDS.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private record Written(String blobId, long size, String etag, Optional<ObjectChecksum> checksum) {
    }
}
