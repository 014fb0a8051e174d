package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyException;

import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/** Derives the key-encryption key from a passphrase with PBKDF2-HMAC-SHA256 (deliberately slow). */
final class PassphraseKdf {

    private PassphraseKdf() {
    }

    static SecretKey deriveKek(char[] passphrase, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, AesKeys.KEY_BYTES * 8);
        byte[] derived = null;
        try {
            derived = SecretKeyFactory.getInstance(PassphraseParams.KDF).generateSecret(spec).getEncoded();
            return new SecretKeySpec(derived, "AES");
        } catch (GeneralSecurityException e) {
            throw new RootKeyException("Deriving the root key from the passphrase failed", e);
        } finally {
            spec.clearPassword();
            if (derived != null) {
                Arrays.fill(derived, (byte) 0);
            }
        }
    }
}
