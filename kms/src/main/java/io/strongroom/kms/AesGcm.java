package io.strongroom.kms;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.Map;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Seals and opens symmetric ciphertext blobs with the JDK's AES-256-GCM. */
final class AesGcm {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    /** The provider the JDK's configuration prefers, found once: the lookup by name is costly on every call. */
    private static final Provider PROVIDER = preferredProvider();

    private final RandomBytes random;

    AesGcm(RandomBytes random) {
        this.random = random;
    }

    byte[] seal(String keyId, int version, byte[] material, byte[] plaintext, Map<String, String> context) {
        byte[] nonce = new byte[SymmetricCiphertext.NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] header = SymmetricCiphertext.header(keyId, version, nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, material, nonce);
            cipher.updateAAD(header);
            cipher.updateAAD(EncryptionContext.canonical(context));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(header.length + sealed.length).put(header).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The plaintext, or empty when the blob is not authentic under this material and context. */
    Optional<byte[]> open(SymmetricCiphertext blob, byte[] material, Map<String, String> context) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, material, blob.nonce());
            cipher.updateAAD(blob.header());
            cipher.updateAAD(EncryptionContext.canonical(context));
            return Optional.of(cipher.doFinal(blob.sealed()));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    private static Cipher cipher(int mode, byte[] material, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION, PROVIDER);
        cipher.init(mode, new SecretKeySpec(material, "AES"),
                new GCMParameterSpec(SymmetricCiphertext.TAG_LENGTH * 8, nonce));
        return cipher;
    }

    private static Provider preferredProvider() {
        try {
            return Cipher.getInstance(TRANSFORMATION).getProvider();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no AES-GCM", e);
        }
    }
}
