package io.strongroom.sigv4;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The secret half of an access key, as the signature verifier needs it. It never shows its bytes in
 * {@link #toString()}; equality is by constant-time comparison of the bytes.
 */
public final class SigningSecret {
    private final byte[] secret;
    private final byte[] fingerprint;

    private SigningSecret(byte[] secret) {
        if (secret.length == 0) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        this.secret = secret.clone();
        this.fingerprint = sha256(this.secret);
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

    /**
     * A SHA-256 of the secret: it tells a changed secret apart in cache keys without keeping the
     * secret itself there.
     */
    SecretFingerprint fingerprint() {
        return new SecretFingerprint(fingerprint.clone());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningSecret that && MessageDigest.isEqual(secret, that.secret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fingerprint);
    }

    @Override
    public String toString() {
        return "SigningSecret[redacted]";
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
