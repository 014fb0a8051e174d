package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.s3.checksum.ChecksumAlgorithm;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A CopyObject's members.
 *
 * @param replaceMetadata whether the stored headers and user metadata come from this request
 *                        (REPLACE) rather than the source (COPY)
 * @param replaceTags     whether the tags come from this request (REPLACE) rather than the source
 * @param encryption      the destination's encryption; empty for the destination bucket's default
 * @param storageClass    the storage class asked for, if any
 * @param bucketKeyEnabled whether an SSE-KMS destination uses an S3 Bucket Key; empty for the bucket's setting
 * @param sourceCustomerKey the SSE-C key of the source (x-amz-copy-source-server-side-encryption-customer-*)
 * @param customerKey     the SSE-C key to encrypt the copy under
 * @param writeConditions If-Match and If-None-Match on the destination
 */
public record CopyObjectRequest(String sourceBucket, String sourceKey, Optional<String> sourceVersionId,
                                String bucket, String key, boolean replaceMetadata, Map<String, String> headers,
                                Map<String, String> userMetadata, boolean replaceTags, Map<String, String> tags,
                                Optional<ObjectEncryption.Mode> encryption, Optional<String> kmsKeyId,
                                Optional<ChecksumAlgorithm> checksumAlgorithm, Optional<String> storageClass,
                                Conditions conditions, Optional<Boolean> bucketKeyEnabled,
                                Optional<CustomerKey> sourceCustomerKey, Optional<CustomerKey> customerKey,
                                WriteConditions writeConditions) {
    public CopyObjectRequest {
        requireNonNull(sourceBucket, "sourceBucket");
        requireNonNull(sourceKey, "sourceKey");
        requireNonNull(sourceVersionId, "sourceVersionId");
        requireNonNull(bucket, "bucket");
        requireNonNull(key, "key");
        headers = Map.copyOf(headers);
        userMetadata = Map.copyOf(userMetadata);
        tags = Map.copyOf(tags);
        requireNonNull(encryption, "encryption");
        requireNonNull(kmsKeyId, "kmsKeyId");
        requireNonNull(checksumAlgorithm, "checksumAlgorithm");
        requireNonNull(storageClass, "storageClass");
        requireNonNull(conditions, "conditions");
        requireNonNull(sourceCustomerKey, "sourceCustomerKey");
        requireNonNull(customerKey, "customerKey");
        requireNonNull(writeConditions, "writeConditions");
        requireNonNull(bucketKeyEnabled, "bucketKeyEnabled");
    }

    /** A copy that leaves S3 Bucket Keys to the destination bucket's setting. */
    public CopyObjectRequest(String sourceBucket, String sourceKey, Optional<String> sourceVersionId,
                             String bucket, String key, boolean replaceMetadata, Map<String, String> headers,
                             Map<String, String> userMetadata, boolean replaceTags, Map<String, String> tags,
                             Optional<ObjectEncryption.Mode> encryption, Optional<String> kmsKeyId,
                             Optional<ChecksumAlgorithm> checksumAlgorithm, Optional<String> storageClass,
                             Conditions conditions) {
        this(sourceBucket, sourceKey, sourceVersionId, bucket, key, replaceMetadata, headers, userMetadata,
                replaceTags, tags, encryption, kmsKeyId, checksumAlgorithm, storageClass, conditions, Optional.empty(),
                Optional.empty(), Optional.empty(), WriteConditions.NONE);
    }

    /** The x-amz-copy-source-if-* conditions on the source; entity tags as sent (quoted or not, or *). */
    public record Conditions(Optional<String> ifMatch, Optional<String> ifNoneMatch, Optional<Instant> ifModifiedSince,
                             Optional<Instant> ifUnmodifiedSince) {
        public static final Conditions NONE = new Conditions(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        public Conditions {
            requireNonNull(ifMatch, "ifMatch");
            requireNonNull(ifNoneMatch, "ifNoneMatch");
            requireNonNull(ifModifiedSince, "ifModifiedSince");
            requireNonNull(ifUnmodifiedSince, "ifUnmodifiedSince");
        }
    }

    /** A copy with SSE-C keys or write conditions, leaving S3 Bucket Keys to the bucket's setting. */
    public CopyObjectRequest(String sourceBucket, String sourceKey, Optional<String> sourceVersionId,
                             String bucket, String key, boolean replaceMetadata, Map<String, String> headers,
                             Map<String, String> userMetadata, boolean replaceTags, Map<String, String> tags,
                             Optional<ObjectEncryption.Mode> encryption, Optional<String> kmsKeyId,
                             Optional<ChecksumAlgorithm> checksumAlgorithm, Optional<String> storageClass,
                             Conditions conditions, Optional<CustomerKey> sourceCustomerKey,
                             Optional<CustomerKey> customerKey, WriteConditions writeConditions) {
        this(sourceBucket, sourceKey, sourceVersionId, bucket, key, replaceMetadata, headers, userMetadata,
                replaceTags, tags, encryption, kmsKeyId, checksumAlgorithm, storageClass, conditions, Optional.empty(),
                sourceCustomerKey, customerKey, writeConditions);
    }
}
