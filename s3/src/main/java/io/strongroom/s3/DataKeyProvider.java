// SPI-READY
package io.strongroom.s3;

import io.strongroom.iam.auth.CallContext;
import java.util.Optional;

/**
 * Makes and unwraps the data key each object version is encrypted under. SSE-S3 wraps it with the
 * platform's key; SSE-KMS asks the key service, as the caller, under the encryption context
 * {@code aws:s3:arn}, so the key policy decides and the key's use is audited.
 */
public interface DataKeyProvider {

    /**
     * A new 256-bit data key for an object, and how it is kept.
     *
     * @param kmsKeyId for SSE-KMS, the key the caller named (id, ARN or alias); empty for the account's
     *                 AWS managed key {@code aws/s3}
     * @param objectArn the object's ARN, bound to the wrapped key
     * @param bucketKey for SSE-KMS, derive the data key from an S3 Bucket Key rather than ask KMS for one
     */
    DataKey newDataKey(CallContext call, ObjectEncryption.Mode mode, Optional<String> kmsKeyId, String objectArn,
                       boolean bucketKey);

    /** The data key of a stored version, unwrapped for this caller. */
    byte[] unwrap(CallContext call, ObjectEncryption encryption, String objectArn);

    /** A plaintext data key (the caller wipes it after use) and its stored form. */
    record DataKey(byte[] plaintext, ObjectEncryption encryption) {
    }
}
