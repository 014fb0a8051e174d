package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

/**
 * How a version's body is encrypted at rest: under a data key of its own, which is kept only
 * wrapped (by the KMS key for SSE-KMS, by the platform key for SSE-S3, by a key derived from the customer's
 * key for SSE-C, which itself is never kept).
 *
 * @param kmsKeyArn        the KMS key's ARN for SSE-KMS, else null
 * @param wrappedDataKey   the data key as wrapped by its key; for SSE-C, wrapped under a key derived from the
 *                         customer's, with the derivation's salt in front
 * @param customerKeyMd5   for SSE-C, the base64 MD5 the client sent with its key, else null
 * @param customerKeyHmac  for SSE-C, a salted HMAC of the customer's key to recognise it later (HKDF-SHA256
 *                         under the salt of the wrapped key), else null
 */
public record ObjectEncryption(Mode mode, String kmsKeyArn, boolean bucketKeyEnabled, byte[] wrappedDataKey,
                               String customerKeyMd5, byte[] customerKeyHmac) {

    public ObjectEncryption {
        requireNonNull(mode, "mode");
        requireNonNull(wrappedDataKey, "wrappedDataKey");
        wrappedDataKey = wrappedDataKey.clone();
        customerKeyHmac = customerKeyHmac == null ? null : customerKeyHmac.clone();
        if ((mode == Mode.SSE_KMS) != (kmsKeyArn != null)) {
            throw new IllegalArgumentException("a KMS key ARN goes with SSE-KMS and only with it");
        }
        if ((mode == Mode.SSE_C) != (customerKeyHmac != null)) {
            throw new IllegalArgumentException("a customer key's HMAC goes with SSE-C and only with it");
        }
    }

    @Override
    public byte[] wrappedDataKey() {
        return wrappedDataKey.clone();
    }

    @Override
    public byte[] customerKeyHmac() {
        return customerKeyHmac == null ? null : customerKeyHmac.clone();
    }

    /** The server-side encryption modes of S3. */
    public enum Mode {
        /** {@code AES256}: a data key wrapped by the platform's key. */
        SSE_S3,
        /** {@code aws:kms}: a data key from a KMS key. */
        SSE_KMS,
        /** A key the customer sends with every request and the server never keeps. */
        SSE_C
    }
}
