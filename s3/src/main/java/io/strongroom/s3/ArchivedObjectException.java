package io.strongroom.s3;

import io.strongroom.core.AwsException;

/**
 * A read of an archived (GLACIER, DEEP_ARCHIVE) version that has not been restored: 403
 * InvalidObjectState, whose error document names the version's storage class, as S3's does.
 */
public final class ArchivedObjectException extends AwsException {
    private final String storageClass;

    ArchivedObjectException(String storageClass) {
        super("InvalidObjectState", 403, "The operation is not valid for the object's storage class");
        this.storageClass = storageClass;
    }

    public String storageClass() {
        return storageClass;
    }
}
