package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One uploaded part of a multipart upload, encrypted in a blob of its own.
 *
 * @param etag     hex MD5 of the part's plaintext, without quotes
 * @param checksum the part's flexible checksum (type FULL_OBJECT of the part), if any
 */
public record UploadPart(String uploadId, int partNumber, Instant lastModified, long size, String etag,
                         Optional<ObjectChecksum> checksum, String blobId) {
    public UploadPart {
        requireNonNull(uploadId, "uploadId");
        requireNonNull(lastModified, "lastModified");
        requireNonNull(etag, "etag");
        requireNonNull(checksum, "checksum");
        requireNonNull(blobId, "blobId");
    }
}
