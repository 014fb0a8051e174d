package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.s3.checksum.ChecksumAlgorithm;
import java.util.Map;
import java.util.Optional;

/**
 * CreateMultipartUpload's members: what PutObject would say of the object, but no body.
 *
 * @param customerKey the SSE-C key every part and the completion must send again
 */
public record CreateMultipartUploadRequest(String bucket, String key, Map<String, String> headers,
                                           Map<String, String> userMetadata, Map<String, String> tags,
                                           Optional<ObjectEncryption.Mode> encryption, Optional<String> kmsKeyId,
                                           Optional<ChecksumAlgorithm> checksumAlgorithm,
                                           Optional<CustomerKey> customerKey) {
    /** A request without SSE-C. */
    public CreateMultipartUploadRequest(String bucket, String key, Map<String, String> headers,
                                        Map<String, String> userMetadata, Map<String, String> tags,
                                        Optional<ObjectEncryption.Mode> encryption, Optional<String> kmsKeyId,
                                        Optional<ChecksumAlgorithm> checksumAlgorithm) {
        this(bucket, key, headers, userMetadata, tags, encryption, kmsKeyId, checksumAlgorithm, Optional.empty());
    }

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
    }
}
