package io.strongroom.sigv4;

import java.security.MessageDigest;
import java.util.Arrays;

/** SHA-256 of a signing secret, used as part of a cache key; compares in constant time. */
final class SecretFingerprint {
    private final byte[] digest;

    SecretFingerprint(byte[] digest) {
        this.digest = digest.clone();
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
