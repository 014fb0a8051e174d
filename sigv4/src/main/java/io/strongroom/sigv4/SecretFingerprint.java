package io.strongroom.sigv4;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * SHA-256 of a signing secret: it tells a changed secret apart (in cache keys, in hash codes) without
 * keeping the secret itself there. Compares in constant time.
 */
final class SecretFingerprint {
    private final byte[] digest;

    private SecretFingerprint(byte[] digest) {
        this.digest = digest;
    }

    static SecretFingerprint of(byte[] secret) {
        return new SecretFingerprint(Sha256.digest(secret));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretFingerprint that && MessageDigest.isEqual(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return "SecretFingerprint[redacted]";
    }
}
