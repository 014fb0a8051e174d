package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * The Object Lock members of a write (PutObject, CopyObject, CreateMultipartUpload): the
 * {@code x-amz-object-lock-*} headers as sent, checked by the domain.
 *
 * @param mode        x-amz-object-lock-mode
 * @param retainUntil x-amz-object-lock-retain-until-date
 * @param legalHold   x-amz-object-lock-legal-hold, ON as true
 */
public record ObjectLockRequest(Optional<ObjectLock.Mode> mode, Optional<Instant> retainUntil,
                                Optional<Boolean> legalHold) {
    public static final ObjectLockRequest NONE = new ObjectLockRequest(Optional.empty(), Optional.empty(),
            Optional.empty());

    public ObjectLockRequest {
        requireNonNull(mode, "mode");
        requireNonNull(retainUntil, "retainUntil");
        requireNonNull(legalHold, "legalHold");
    }

    public boolean isEmpty() {
        return mode.isEmpty() && retainUntil.isEmpty() && legalHold.isEmpty();
    }
}
