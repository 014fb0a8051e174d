package io.strongroom.protocol.support;

import io.strongroom.core.spi.RootKeyException;
import io.strongroom.core.spi.RootKeyProvider;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** A root key held in memory: AES-256-GCM from the JDK, one version, a random nonce per wrap. */
public final class TestRootKeyProvider implements RootKeyProvider {
    private static final int NONCE_BYTES = 12;
    private final SecureRandom random = new SecureRandom();
    private final SecretKey key;

    public TestRootKeyProvider() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
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
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, wrapped, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new RootKeyException("not authentic", e);
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
