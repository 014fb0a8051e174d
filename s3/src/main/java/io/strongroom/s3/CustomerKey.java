package io.strongroom.s3;

import io.strongroom.core.AwsException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * An SSE-C key as a request sends it: 256 bits the server uses for this call only and never keeps,
 * and the base64 MD5 the client computed of it. {@link #toString} never shows the key.
 */
public final class CustomerKey {
    /** The only algorithm SSE-C offers. */
    public static final String ALGORITHM = "AES256";
    private static final int KEY_BYTES = 32;

    private final byte[] key;
    private final String md5;

    private CustomerKey(byte[] key, String md5) {
        this.key = key;
        this.md5 = md5;
    }

    /**
     * The key the three SSE-C members (or their copy-source twins) describe; empty when none is sent.
     * Whatever is sent must be complete and consistent, with S3's errors otherwise.
     *
     * @param algorithm the customer-algorithm header
     * @param key       the base64 key header
     * @param md5       the base64 MD5 of the key header
     */
    public static Optional<CustomerKey> of(Optional<String> algorithm, Optional<String> key, Optional<String> md5) {
        if (algorithm.isEmpty() && key.isEmpty() && md5.isEmpty()) {
            return Optional.empty();
        }
        if (algorithm.isEmpty() || !algorithm.get().strip().equals(ALGORITHM)) {
            throw S3Errors.invalidArgument("Requests specifying Server Side Encryption with Customer provided keys"
                    + " must provide a valid encryption algorithm.");
        }
        if (key.isEmpty() || key.get().isBlank()) {
            throw S3Errors.invalidArgument("Requests specifying Server Side Encryption with Customer provided keys"
                    + " must provide an appropriate secret key.");
        }
        if (md5.isEmpty() || md5.get().isBlank()) {
            throw S3Errors.invalidArgument("Requests specifying Server Side Encryption with Customer provided keys"
                    + " must provide the client calculated MD5 of the secret key.");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.get().strip());
        } catch (IllegalArgumentException e) {
            throw invalidKey();
        }
        if (bytes.length != KEY_BYTES) {
            Arrays.fill(bytes, (byte) 0);
            throw invalidKey();
        }
        byte[] sentMd5;
        try {
            sentMd5 = Base64.getDecoder().decode(md5.get().strip());
        } catch (IllegalArgumentException e) {
            Arrays.fill(bytes, (byte) 0);
            throw md5Mismatch();
        }
        byte[] computed = md5(bytes);
        if (!MessageDigest.isEqual(computed, sentMd5)) {
            Arrays.fill(bytes, (byte) 0);
            throw md5Mismatch();
        }
        return Optional.of(new CustomerKey(bytes, Base64.getEncoder().encodeToString(computed)));
    }

    /** The key in the clear: a copy, which the caller wipes after use. */
    byte[] material() {
        return key.clone();
    }

    /** The base64 MD5 of the key, which responses echo and the index keeps. */
    public String md5() {
        return md5;
    }

    /** Overwrites the key; the request is done with it. */
    public void wipe() {
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public String toString() {
        return "CustomerKey[md5=" + md5 + "]";
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    private static AwsException invalidKey() {
        return S3Errors.invalidArgument("The secret key was invalid for the specified algorithm.");
    }

    private static AwsException md5Mismatch() {
        return S3Errors.invalidArgument("The calculated MD5 hash of the key did not match the hash that was provided.");
    }
}
