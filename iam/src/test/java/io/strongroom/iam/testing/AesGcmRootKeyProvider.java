package io.strongroom.iam.testing;

import io.strongroom.core.spi.RootKeyException;
import io.strongroom.core.spi.RootKeyProvider;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** A test root key: one AES-256 key in memory, AES-GCM with a random 12-byte nonce per blob. */
public final class AesGcmRootKeyProvider implements RootKeyProvider {
    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public AesGcmRootKeyProvider() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            key = generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String kind() {
        return "test";
    }

    @Override
    public String currentVersion() {
        return "1";
    }

    @Override
    public byte[] wrap(byte[] plaintext, byte[] associatedData) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new RootKeyException("wrap failed", e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, wrapped, 0, 12));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(wrapped, 12, wrapped.length - 12);
        } catch (GeneralSecurityException e) {
            throw new RootKeyException("blob is not authentic", e);
        }
    }

    @Override
    public String versionOf(byte[] wrapped) {
        return "1";
    }

    @Override
    public String rotate() {
        throw new UnsupportedOperationException("the test root key does not rotate");
    }

    @Override
    public void retire(String version) {
        throw new UnsupportedOperationException("the test root key does not rotate");
    }

    @Override
    public void close() {
    }
}
