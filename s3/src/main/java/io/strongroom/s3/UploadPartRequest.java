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
 */
public record UploadPartRequest(String bucket, String key, String uploadId, int partNumber, long contentLength,
                                Optional<String> contentMd5, Optional<ChecksumAlgorithm> checksumAlgorithm,
                                Supplier<Optional<String>> expectedChecksum) {
    public UploadPartRequest {
        requireNonNull(bucket, "bucket");
        requireNonNull(key, "key");
        requireNonNull(uploadId, "uploadId");
        requireNonNull(contentMd5, "contentMd5");
        requireNonNull(checksumAlgorithm, "checksumAlgorithm");
        requireNonNull(expectedChecksum, "expectedChecksum");
    }
}
