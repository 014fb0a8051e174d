package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.s3.checksum.ChecksumAlgorithm;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * UploadPart's members other than its body.
 *
 * @param contentLength     the body's declared length, -1 when unknown
 * @param checksumAlgorithm the flexible checksum the client sent or named
 * @param expectedChecksum  the base64 value the client sent, read after the body (it may be a trailer)
 * @param customerKey       the SSE-C key of an upload created with one: the same key again
 */
public record UploadPartRequest(String bucket, String key, String uploadId, int partNumber, long contentLength,
                                Optional<String> contentMd5, Optional<ChecksumAlgorithm> checksumAlgorithm,
                                Supplier<Optional<String>> expectedChecksum,
                                Optional<CustomerKey> customerKey) {
    /** A part of an upload without SSE-C. */
    public UploadPartRequest(String bucket, String key, String uploadId, int partNumber, long contentLength,
                             Optional<String> contentMd5, Optional<ChecksumAlgorithm> checksumAlgorithm,
                             Supplier<Optional<String>> expectedChecksum) {
        this(bucket, key, uploadId, partNumber, contentLength, contentMd5, checksumAlgorithm, expectedChecksum,
                Optional.empty());
    }

    public UploadPartRequest {
        requireNonNull(bucket, "bucket");
        requireNonNull(key, "key");
        requireNonNull(uploadId, "uploadId");
        requireNonNull(contentMd5, "contentMd5");
        requireNonNull(checksumAlgorithm, "checksumAlgorithm");
        requireNonNull(expectedChecksum, "expectedChecksum");
        requireNonNull(customerKey, "customerKey");
    }
}
