package io.strongroom.s3;

import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Hkdf;
import io.strongroom.core.AwsException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * SSE-C's envelope: a fresh data key per object version (or multipart upload), wrapped with AES-256-GCM
 * (Tink) under a key-encryption key derived from the customer's key by HKDF-SHA256 with a random salt,
 * the object's ARN authenticated with it. The customer's key itself is never kept: the index holds the
 * salt (in front of the wrapped key) and a check value, HKDF of the key under the same salt with another
 * label, by which a later request's key is recognised (compared in constant time) before anything is
 * decrypted. A wrong key so fails as AccessDenied, and a right key opens the data key.
 *
 * <p>Wrapped form: {@code format (1) | salt (32) | Tink AES-GCM (nonce, ciphertext, tag)}.
 */
final class CustomerKeyEnvelope {
    private static final byte FORMAT = 1;
    private static final int SALT_BYTES = 32;
    private static final int DATA_KEY_BYTES = 32;
    private static final String HKDF = "HMACSHA256";
    private static final byte[] WRAPPING_LABEL = "strongroom/s3/sse-c/key-encryption-key/v1"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHECK_LABEL = "strongroom/s3/sse-c/key-check/v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ETAG_LABEL = "strongroom/s3/sse-c/etag/v1".getBytes(StandardCharsets.US_ASCII);
    private static final int ETAG_BYTES = 16;

    private final SecureRandom random;

    CustomerKeyEnvelope(SecureRandom random) {
        this.random = random;
    }

    /** A new data key under the customer's key, for the object {@code objectArn}. */
    DataKeyProvider.DataKey newDataKey(CustomerKey customerKey, String objectArn) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] dataKey = new byte[DATA_KEY_BYTES];
        random.nextBytes(dataKey);
        byte[] material = customerKey.material();
        byte[] wrappingKey = null;
        try {
            wrappingKey = Hkdf.computeHkdf(HKDF, material, salt, WRAPPING_LABEL, DATA_KEY_BYTES);
            byte[] sealed = new AesGcmJce(wrappingKey).encrypt(dataKey, objectArn.getBytes(StandardCharsets.UTF_8));
            byte[] wrapped = new byte[1 + SALT_BYTES + sealed.length];
            wrapped[0] = FORMAT;
            System.arraycopy(salt, 0, wrapped, 1, SALT_BYTES);
            System.arraycopy(sealed, 0, wrapped, 1 + SALT_BYTES, sealed.length);
            byte[] check = Hkdf.computeHkdf(HKDF, material, salt, CHECK_LABEL, DATA_KEY_BYTES);
            return new DataKeyProvider.DataKey(dataKey, new ObjectEncryption(ObjectEncryption.Mode.SSE_C, null, false,
                    wrapped, customerKey.md5(), check));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HKDF or AES-GCM refused a well-formed key", e);
        } finally {
            Arrays.fill(material, (byte) 0);
            if (wrappingKey != null) {
                Arrays.fill(wrappingKey, (byte) 0);
            }
        }
    }

    /**
     * The data key of an SSE-C version for a request that sent {@code customerKey}: InvalidRequest
     * without a key, AccessDenied with another key than the one the version was written with.
     */
    byte[] unwrap(ObjectEncryption encryption, Optional<CustomerKey> customerKey, String objectArn) {
        CustomerKey key = requireKey(encryption, customerKey);
        byte[] wrapped = encryption.wrappedDataKey();
        byte[] material = key.material();
        byte[] wrappingKey = null;
        try {
            wrappingKey = Hkdf.computeHkdf(HKDF, material, salt(wrapped), WRAPPING_LABEL, DATA_KEY_BYTES);
            return new AesGcmJce(wrappingKey).decrypt(Arrays.copyOfRange(wrapped, 1 + SALT_BYTES, wrapped.length),
                    objectArn.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // the key was recognised, so the stored envelope is at fault, not the caller
            throw AwsException.internal("An object's data key could not be unwrapped.", e);
        } finally {
            Arrays.fill(material, (byte) 0);
            if (wrappingKey != null) {
                Arrays.fill(wrappingKey, (byte) 0);
            }
        }
    }

    /**
     * The key a read of a version must send: with SSE-C, the very key it was written with (recognised by
     * its check value, never by decrypting); without SSE-C, none.
     */
    static CustomerKey requireKey(ObjectEncryption encryption, Optional<CustomerKey> customerKey) {
        if (encryption.mode() != ObjectEncryption.Mode.SSE_C) {
            if (customerKey.isPresent()) {
                throw S3Errors.invalidRequest("The encryption parameters are not applicable to this object.");
            }
            return null;
        }
        CustomerKey key = customerKey.orElseThrow(() -> S3Errors.invalidRequest("The object was stored using a form"
                + " of Server Side Encryption. The correct parameters must be provided to retrieve the object."));
        if (!matches(encryption, key)) {
            throw AwsException.accessDenied("Access Denied");
        }
        return key;
    }

    /** Whether {@code key} is the one the SSE-C {@code encryption} was made with, compared in constant time. */
    static boolean matches(ObjectEncryption encryption, CustomerKey key) {
        byte[] material = key.material();
        try {
            byte[] check = Hkdf.computeHkdf(HKDF, material, salt(encryption.wrappedDataKey()), CHECK_LABEL,
                    DATA_KEY_BYTES);
            return MessageDigest.isEqual(check, encryption.customerKeyHmac());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HKDF refused a well-formed key", e);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /**
     * The entity tag of an SSE-C body (or part): not its MD5, which would let anyone who may list the
     * bucket test a guess of the plaintext without the key (S3's SSE-C entity tags are no MD5s either),
     * but 16 bytes derived from the MD5 under the body's data key, in the same hex form.
     */
    static String etag(byte[] md5, byte[] dataKey) {
        try {
            return HexFormat.of().formatHex(Hkdf.computeHkdf(HKDF, md5, dataKey, ETAG_LABEL, ETAG_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HKDF refused a well-formed key", e);
        }
    }

    private static byte[] salt(byte[] wrapped) {
        if (wrapped.length < 1 + SALT_BYTES || wrapped[0] != FORMAT) {
            throw AwsException.internal("An SSE-C object's stored key envelope is malformed.", null);
        }
        return Arrays.copyOfRange(wrapped, 1, 1 + SALT_BYTES);
    }
}
