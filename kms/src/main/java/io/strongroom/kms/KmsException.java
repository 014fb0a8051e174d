package io.strongroom.kms;

import io.strongroom.core.AwsException;

/** A KMS error the client sees, by its AWS error code (all of them are the sender's fault but the internal one). */
public final class KmsException extends AwsException {
    KmsException(String code, int status, String message) {
        super(code, status, message);
    }
}
