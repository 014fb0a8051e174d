package io.strongroom.audit;

import io.strongroom.core.spi.RootKeyException;
import io.strongroom.core.spi.RootKeyProvider;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A root key for tests: AES-256-GCM keys in memory, a random 12-byte nonce per blob, the version
 * byte first. {@link #rotate()} adds a version, as the real providers do.
 */
final class TestRootKey implements RootKeyProvider {
    private final List<SecretKey> versions = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();

    TestRootKey() {
        rotate();
    }

    @Override
    public String kind() {
        return "test";
    }

    @Override
    public synchronized String currentVersion() {
        return Integer.toString(versions.size());
    }

    @Override
    public synchronized byte[] wrap(byte[] plaintext, byte[] associatedData) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, versions.getLast(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + 12 + sealed.length).put((byte) versions.size()).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new RootKeyException("wrap failed", e);
        }
    }

    @Override
    public synchronized byte[] unwrap(byte[] wrapped, byte[] associatedData) {
        try {
            int version = wrapped[0];
            if (version < 1 || version > versions.size()) {
                throw new RootKeyException("unknown root-key version " + version);
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, versions.get(version - 1), new GCMParameterSpec(128, wrapped, 1, 12));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(wrapped, 13, wrapped.length - 13);
        } catch (GeneralSecurityException e) {
            throw new RootKeyException("blob is not authentic", e);
        }
    }

    @Override
    public String versionOf(byte[] wrapped) {
        return Integer.toString(wrapped[0]);
    }

    @Override
    public synchronized String rotate() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            versions.add(generator.generateKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return currentVersion();
    }

    @Override
    public void retire(String version) {
        throw new UnsupportedOperationException("the test root key keeps its versions");
    }

    @Override
    public void close() {
    }
}
