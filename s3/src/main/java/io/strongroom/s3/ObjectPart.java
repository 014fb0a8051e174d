package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

/**
 * A part of an object completed from a multipart upload: its blob, encrypted under the upload's data
 * key with the associated data of {@link MultipartOperations#partAssociatedData}.
 */
public record ObjectPart(int partNumber, String uploadId, long size, String blobId) {
    public ObjectPart {
        requireNonNull(uploadId, "uploadId");
        requireNonNull(blobId, "blobId");
        if (size < 0) {
            throw new IllegalArgumentException("a part's size is not negative");
        }
    }
}
