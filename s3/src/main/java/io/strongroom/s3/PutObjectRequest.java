package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.s3.checksum.ChecksumAlgorithm;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A PutObject's members other than its body.
 *
 * @param contentLength     the body's length in bytes as the client declared it
 * @param headers           the HTTP headers S3 stores with the object ({@link ObjectVersion#headers})
 * @param userMetadata      {@code x-amz-meta-*} by lower-case name without the prefix
 * @param contentMd5        the base64 Content-MD5, when sent
 * @param checksumAlgorithm the flexible checksum the client asked for or sent
 * @param expectedChecksum  the base64 checksum the client sent, read once the body has been read (a
 *                          trailer arrives after the body)
 * @param encryption        SSE-S3 or SSE-KMS; empty for the bucket's default
 * @param kmsKeyId          the KMS key for SSE-KMS, empty for the default key
 * @param acl               the ACL asked for, if any
 * @param bucketKeyEnabled  whether an SSE-KMS object uses an S3 Bucket Key; empty for the bucket's setting
 * @param customerKey       the SSE-C key, when the object is to be encrypted under the customer's key
 * @param conditions        If-Match and If-None-Match
 */
public record PutObjectRequest(String bucket, String key, long contentLength, Map<String, String> headers,
                               Map<String, String> userMetadata, Optional<String> contentMd5,
                               Optional<ChecksumAlgorithm> checksumAlgorithm,
                               Supplier<Optional<String>> expectedChecksum, Map<String, String> tags,
                               Optional<ObjectEncryption.Mode> encryption, Optional<String> kmsKeyId,
                               RequestedAcl acl, Optional<Boolean> bucketKeyEnabled,
                               Optional<CustomerKey> customerKey, WriteConditions conditions) {
    public PutObjectRequest {
        requireNonNull(bucket, "bucket");
        requireNonNull(key, "key");
        headers = Map.copyOf(headers);
        userMetadata = Map.copyOf(userMetadata);
        requireNonNull(contentMd5, "contentMd5");
        requireNonNull(checksumAlgorithm, "checksumAlgorithm");
        requireNonNull(expectedChecksum, "expectedChecksum");
        tags = Map.copyOf(tags);
        requireNonNull(encryption, "encryption");
        requireNonNull(kmsKeyId, "kmsKeyId");
        requireNonNull(customerKey, "customerKey");
        requireNonNull(conditions, "conditions");
        requireNonNull(acl, "acl");
        requireNonNull(bucketKeyEnabled, "bucketKeyEnabled");
    }

    /** A request that leaves S3 Bucket Keys to the bucket's setting. */
    public PutObjectRequest(String bucket, String key, long contentLength, Map<String, String> headers,
                            Map<String, String> userMetadata, Optional<String> contentMd5,
                            Optional<ChecksumAlgorithm> checksumAlgorithm,
                            Supplier<Optional<String>> expectedChecksum, Map<String, String> tags,
                            Optional<ObjectEncryption.Mode> encryption, Optional<String> kmsKeyId, RequestedAcl acl) {
        this(bucket, key, contentLength, headers, userMetadata, contentMd5, checksumAlgorithm, expectedChecksum, tags,
                encryption, kmsKeyId, acl, Optional.empty(), Optional.empty(), WriteConditions.NONE);
    }

    /** A request that asks for no ACL and leaves S3 Bucket Keys to the bucket's setting. */
    public PutObjectRequest(String bucket, String key, long contentLength, Map<String, String> headers,
                            Map<String, String> userMetadata, Optional<String> contentMd5,
                            Optional<ChecksumAlgorithm> checksumAlgorithm,
                            Supplier<Optional<String>> expectedChecksum, Map<String, String> tags,
                            Optional<ObjectEncryption.Mode> encryption, Optional<String> kmsKeyId) {
        this(bucket, key, contentLength, headers, userMetadata, contentMd5, checksumAlgorithm, expectedChecksum, tags,
                encryption, kmsKeyId, RequestedAcl.NONE, Optional.empty(), Optional.empty(), WriteConditions.NONE);
    }

    /** A request with SSE-C or write conditions, without an ACL or a Bucket Key choice. */
    public PutObjectRequest(String bucket, String key, long contentLength, Map<String, String> headers,
                            Map<String, String> userMetadata, Optional<String> contentMd5,
                            Optional<ChecksumAlgorithm> checksumAlgorithm,
                            Supplier<Optional<String>> expectedChecksum, Map<String, String> tags,
                            Optional<ObjectEncryption.Mode> encryption, Optional<String> kmsKeyId,
                            Optional<CustomerKey> customerKey, WriteConditions conditions) {
        this(bucket, key, contentLength, headers, userMetadata, contentMd5, checksumAlgorithm, expectedChecksum, tags,
                encryption, kmsKeyId, RequestedAcl.NONE, Optional.empty(), customerKey, conditions);
    }
}
