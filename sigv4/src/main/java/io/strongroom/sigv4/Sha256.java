package io.strongroom.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256 and HMAC-SHA256 from the JDK. Each call works on a fresh instance, copied from an
 * untouched prototype when the provider allows it: copying skips the provider look-up that
 * {@code getInstance} does, which showed up on every request.
 */
final class Sha256 {
    private static final String HMAC = "HmacSHA256";
    private static final MessageDigest DIGEST_PROTOTYPE = newDigest();
    private static final Mac HMAC_PROTOTYPE = newMac();

    private Sha256() {
    }

    static byte[] digest(byte[] bytes) {
        return freshDigest().digest(bytes);
    }

    static byte[] digest(String text) {
        return digest(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = freshMac();
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }

    /** A fresh SHA-256 digest, for hashing a body as it streams by. */
    static MessageDigest freshDigest() {
        try {
            return (MessageDigest) DIGEST_PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return newDigest();
        }
    }

    private static Mac freshMac() {
        try {
            return (Mac) HMAC_PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return newMac();
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance(HMAC);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }
}
