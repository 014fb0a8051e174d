package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.s3.checksum.ChecksumAlgorithm;
import io.strongroom.s3.checksum.CrcCombination;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A multipart upload in progress: what CreateMultipartUpload was told about the object to be, and the
 * one data key (kept wrapped in {@link #encryption}) every part is encrypted under.
 *
 * @param uploadId          random and URL-safe; unguessable, so it is also a capability of sorts
 * @param ownerAccountId    the bucket owner's account
 * @param initiatorArn      who created the upload
 * @param headers           the HTTP headers to store with the object ({@link ObjectVersion#headers})
 * @param checksumAlgorithm the checksum every part carries and the object's checksum is made of
 * @param fullObjectChecksum whether the object's checksum is of its whole body (type FULL_OBJECT, CRCs
 *                          only, combined from the parts') rather than of the parts' checksums (COMPOSITE)
 * @param acl               the ACL and owner the completed object gets (CreateMultipartUpload's x-amz-acl,
 *                          x-amz-grant-* and Object Ownership)
 */
public record MultipartUpload(String uploadId, String bucket, String key, Instant initiated, String ownerAccountId,
                              String initiatorArn, Map<String, String> headers, Map<String, String> userMetadata,
                              Map<String, String> tags, String storageClass, ObjectEncryption encryption,
                              Optional<ChecksumAlgorithm> checksumAlgorithm, boolean fullObjectChecksum,
                              StoredAcl acl) {
    public MultipartUpload {
        requireNonNull(acl, "acl");
        requireNonNull(uploadId, "uploadId");
        requireNonNull(bucket, "bucket");
        requireNonNull(key, "key");
        requireNonNull(initiated, "initiated");
        requireNonNull(ownerAccountId, "ownerAccountId");
        requireNonNull(initiatorArn, "initiatorArn");
        headers = Map.copyOf(headers);
        userMetadata = Map.copyOf(userMetadata);
        tags = Map.copyOf(tags);
        requireNonNull(storageClass, "storageClass");
        requireNonNull(encryption, "encryption");
        requireNonNull(checksumAlgorithm, "checksumAlgorithm");
        if (fullObjectChecksum && checksumAlgorithm.filter(CrcCombination::supports).isEmpty()) {
            throw new IllegalArgumentException("a full-object checksum is a CRC");
        }
    }

    /** An upload whose object gets the bucket owner's private ACL. */
    public MultipartUpload(String uploadId, String bucket, String key, Instant initiated, String ownerAccountId,
                           String initiatorArn, Map<String, String> headers, Map<String, String> userMetadata,
                           Map<String, String> tags, String storageClass, ObjectEncryption encryption,
                           Optional<ChecksumAlgorithm> checksumAlgorithm, boolean fullObjectChecksum) {
        this(uploadId, bucket, key, initiated, ownerAccountId, initiatorArn, headers, userMetadata, tags,
                storageClass, encryption, checksumAlgorithm, fullObjectChecksum, StoredAcl.PRIVATE);
    }

    /** An upload whose checksum, if any, is COMPOSITE. */
    public MultipartUpload(String uploadId, String bucket, String key, Instant initiated, String ownerAccountId,
                           String initiatorArn, Map<String, String> headers, Map<String, String> userMetadata,
                           Map<String, String> tags, String storageClass, ObjectEncryption encryption,
                           Optional<ChecksumAlgorithm> checksumAlgorithm) {
        this(uploadId, bucket, key, initiated, ownerAccountId, initiatorArn, headers, userMetadata, tags,
                storageClass, encryption, checksumAlgorithm, false);
    }

    /** S3's name of the checksum's type: FULL_OBJECT or COMPOSITE. */
    public String checksumType() {
        return fullObjectChecksum ? "FULL_OBJECT" : "COMPOSITE";
    }
}
