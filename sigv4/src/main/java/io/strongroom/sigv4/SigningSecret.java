package io.strongroom.sigv4;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The secret half of an access key, as the signature verifier needs it. It never shows its bytes in
 * {@link #toString()}; equality is by constant-time comparison of the bytes.
 */
public final class SigningSecret {
    private final byte[] secret;
    private final SecretFingerprint fingerprint;

    private SigningSecret(byte[] secret) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        this.secret = secret.clone();
        this.fingerprint = SecretFingerprint.of(this.secret);
    }

    /** The secret access key exactly as the client holds it (UTF-8). */
    public static SigningSecret of(String secretAccessKey) {
        return new SigningSecret(requireNonNull(secretAccessKey, "secretAccessKey").getBytes(StandardCharsets.UTF_8));
    }

    /** The secret access key as UTF-8 bytes; the array is copied. */
    public static SigningSecret ofBytes(byte[] secretAccessKey) {
        return new SigningSecret(requireNonNull(secretAccessKey, "secretAccessKey"));
    }

    /** A copy of the secret bytes. */
    byte[] bytes() {
        return secret.clone();
    }

    /** The secret's fingerprint, for cache keys that must not hold the secret. */
    SecretFingerprint fingerprint() {
        return fingerprint;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningSecret that && MessageDigest.isEqual(secret, that.secret);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    @Override
    public String toString() {
        return "SigningSecret[redacted]";
    }
}
