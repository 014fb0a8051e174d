package io.strongroom.kms.crypto;

import static java.util.Objects.requireNonNull;

/**
 * A request the primitives in this package refuse, with a {@link Reason} the API layer maps to an AWS
 * error code. Messages name key specs and algorithms only, never key material or plaintext, so they
 * are safe to return to clients and to log.
 */
public final class KmsCryptoException extends RuntimeException {

    /** Why a request was refused. */
    public enum Reason {
        /** The algorithm exists but does not belong to the key spec (for example ECDSA_SHA_256 with RSA_2048). */
        ALGORITHM_NOT_FOR_KEY_SPEC,
        /** The algorithm or message-type string is not one this package knows. */
        UNKNOWN_ALGORITHM,
        /** A DIGEST-mode message whose length is not the algorithm's digest length. */
        DIGEST_LENGTH_MISMATCH,
        /** The plaintext is longer than the algorithm can encrypt under the key spec. */
        PLAINTEXT_TOO_LONG,
        /** The ciphertext does not decrypt under the key and algorithm. */
        INVALID_CIPHERTEXT,
        /** A valid request this implementation cannot carry out (for example an unsupported key spec). */
        UNSUPPORTED
    }

    private final Reason reason;

    public KmsCryptoException(Reason reason, String message) {
        super(message);
        this.reason = requireNonNull(reason, "reason");
    }

    public KmsCryptoException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
