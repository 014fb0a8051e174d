package io.strongroom.s3;

import io.strongroom.core.AwsException;
import java.time.Instant;

/**
 * A read that found a delete marker: NoSuchKey (the key's latest version is one) or MethodNotAllowed
 * (the version asked for is one). S3 answers both with {@code x-amz-delete-marker: true} and the
 * marker's version id, so the exception carries them.
 */
public final class DeleteMarkerException extends AwsException {
    private final String versionId;
    private final Instant lastModified;

    DeleteMarkerException(AwsException as, ObjectVersion marker) {
        super(as.code(), as.httpStatus(), as.getMessage());
        this.versionId = marker.versionId();
        this.lastModified = marker.lastModified();
    }

    public String versionId() {
        return versionId;
    }

    public Instant lastModified() {
        return lastModified;
    }
}
