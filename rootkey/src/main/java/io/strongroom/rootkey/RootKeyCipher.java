package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * AES-256-GCM over the {@link WrappedBlob} format with a fresh random 96-bit nonce per wrap. The
 * JCA provider is the JDK's by default, or an HSM's so that the key never leaves the token.
 */
final class RootKeyCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final Provider provider;
    private final SecureRandom random;

    /** Uses the JDK's own AES-GCM. */
    RootKeyCipher(SecureRandom random) {
        this.provider = null;
        this.random = requireNonNull(random, "random");
    }

    /** Runs AES-GCM inside {@code provider} (for example a SunPKCS11 instance). */
    RootKeyCipher(Provider provider, SecureRandom random) {
        this.provider = requireNonNull(provider, "provider");
        this.random = requireNonNull(random, "random");
    }

    byte[] wrap(String version, Key key, byte[] plaintext, byte[] associatedData) {
        requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[WrappedBlob.NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] header = new WrappedBlob(version, nonce, new byte[0]).header();
        try {
            Cipher cipher = newCipher();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(WrappedBlob.TAG_BYTES * 8, nonce));
            cipher.updateAAD(WrappedBlob.boundAssociatedData(header, associatedData));
            return new WrappedBlob(version, nonce, cipher.doFinal(plaintext)).toBytes();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new RootKeyException("Wrapping under root-key version " + version + " failed", e);
        }
    }

    /**
     * Parses {@code wrapped} and unwraps it under the key {@code keyForVersion} gives for its version;
     * a version it has no key for (null) is refused.
     */
    byte[] unwrap(byte[] wrapped, Function<String, ? extends Key> keyForVersion, byte[] associatedData) {
        WrappedBlob blob = WrappedBlob.parse(wrapped);
        Key key = keyForVersion.apply(blob.version());
        if (key == null) {
            throw new RootKeyException("Unknown root-key version " + blob.version());
        }
        return unwrap(blob, key, associatedData);
    }

    byte[] unwrap(WrappedBlob blob, Key key, byte[] associatedData) {
        try {
            Cipher cipher = newCipher();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(WrappedBlob.TAG_BYTES * 8, blob.nonce()));
            cipher.updateAAD(WrappedBlob.boundAssociatedData(blob.header(), associatedData));
            return cipher.doFinal(blob.ciphertext());
        } catch (AEADBadTagException e) {
            throw new RootKeyException("Root-key blob is not authentic (wrong associated data or altered bytes)");
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new RootKeyException("Unwrapping under root-key version " + blob.version() + " failed", e);
        }
    }

    private Cipher newCipher() throws GeneralSecurityException {
        return provider == null ? Cipher.getInstance(TRANSFORMATION) : Cipher.getInstance(TRANSFORMATION, provider);
    }
}
