package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.s3.checksum.ChecksumAlgorithm;
import java.util.Map;
import java.util.Optional;

/**
 * CreateMultipartUpload's members: what PutObject would say of the object, but no body.
 *
 * @param fullObjectChecksum whether the checksum asked for is of type FULL_OBJECT rather than COMPOSITE
 * @param bucketKeyEnabled whether an SSE-KMS upload uses an S3 Bucket Key; empty for the bucket's setting
 * @param customerKey the SSE-C key every part and the completion must send again
 */
public record CreateMultipartUploadRequest(String bucket, String key, Map<String, String> headers,
                                           Map<String, String> userMetadata, Map<String, String> tags,
                                           Optional<ObjectEncryption.Mode> encryption, Optional<String> kmsKeyId,
                                           Optional<ChecksumAlgorithm> checksumAlgorithm,
                                           boolean fullObjectChecksum, Optional<Boolean> bucketKeyEnabled,
                                           Optional<CustomerKey> customerKey) {
    public CreateMultipartUploadRequest {
        requireNonNull(bucket, "bucket");
        requireNonNull(key, "key");
        headers = Map.copyOf(headers);
        userMetadata = Map.copyOf(userMetadata);
        tags = Map.copyOf(tags);
        requireNonNull(encryption, "encryption");
        requireNonNull(kmsKeyId, "kmsKeyId");
        requireNonNull(checksumAlgorithm, "checksumAlgorithm");
        requireNonNull(customerKey, "customerKey");
        requireNonNull(bucketKeyEnabled, "bucketKeyEnabled");
    }

    /** An upload that leaves S3 Bucket Keys to the bucket's setting. */
    public CreateMultipartUploadRequest(String bucket, String key, Map<String, String> headers,
                                        Map<String, String> userMetadata, Map<String, String> tags,
                                        Optional<ObjectEncryption.Mode> encryption, Optional<String> kmsKeyId,
                                        Optional<ChecksumAlgorithm> checksumAlgorithm, boolean fullObjectChecksum) {
        this(bucket, key, headers, userMetadata, tags, encryption, kmsKeyId, checksumAlgorithm, fullObjectChecksum,
                Optional.empty(), Optional.empty());
    }

    /** A request for a COMPOSITE checksum, or none, leaving S3 Bucket Keys to the bucket's setting. */
    public CreateMultipartUploadRequest(String bucket, String key, Map<String, String> headers,
                                        Map<String, String> userMetadata, Map<String, String> tags,
                                        Optional<ObjectEncryption.Mode> encryption, Optional<String> kmsKeyId,
                                        Optional<ChecksumAlgorithm> checksumAlgorithm) {
        this(bucket, key, headers, userMetadata, tags, encryption, kmsKeyId, checksumAlgorithm, false);
    }

    /** An upload under an SSE-C key, with a COMPOSITE checksum or none. */
    public CreateMultipartUploadRequest(String bucket, String key, Map<String, String> headers,
                                        Map<String, String> userMetadata, Map<String, String> tags,
                                        Optional<ObjectEncryption.Mode> encryption, Optional<String> kmsKeyId,
                                        Optional<ChecksumAlgorithm> checksumAlgorithm,
                                        Optional<CustomerKey> customerKey) {
        this(bucket, key, headers, userMetadata, tags, encryption, kmsKeyId, checksumAlgorithm, false,
                Optional.empty(), customerKey);
    }
}
