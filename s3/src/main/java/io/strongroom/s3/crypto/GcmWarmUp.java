package io.strongroom.s3.crypto;

import java.security.GeneralSecurityException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Has the JIT compile the JDK's AES-GCM before the first large body arrives. The JDK only swaps in its
 * AES and GHASH instructions once the methods that call them are compiled, which takes thousands of
 * calls; a body is encrypted in 1 MiB segments, one call each, so after a restart the first gibibytes
 * went through the plain-Java GHASH at about 100 MiB/s instead of several GiB/s (measured on this
 * project's 2-core machines: 87-129 MiB/s cold, 5-7 GiB/s after 20,000 calls on 1 KiB). Small objects
 * warm the same code by their number, large ones do not. A throwaway key and zero plaintext: nothing
 * secret is involved.
 */
public final class GcmWarmUp {
    private static final Logger LOG = Logger.getLogger(GcmWarmUp.class.getName());
    /** Calls in each direction; about 0.2 s of one core each on such a machine. */
    static final int CALLS = 10_000;
    private static final int SIZE = 1024;
    private static final int TAG_BITS = 128;

    private GcmWarmUp() {
    }

    /** Starts the warm-up on a background thread of the lowest priority; returns at once. */
    public static Thread start() {
        return Thread.ofPlatform().name("gcm-warm-up").daemon(true).priority(Thread.MIN_PRIORITY)
                .start(GcmWarmUp::run);
    }

    /** Encrypts and decrypts {@link #CALLS} small messages each way. */
    static void run() {
        try {
            SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
            byte[] plaintext = new byte[SIZE];
            byte[] ciphertext = new byte[SIZE + TAG_BITS / 8];
            byte[] decrypted = new byte[SIZE];
            byte[] nonce = new byte[12];
            for (int i = 0; i < CALLS; i++) {
                // a distinct nonce per call: GCM refuses to encrypt twice under one key and nonce
                nonce[0] = (byte) i;
                nonce[1] = (byte) (i >>> 8);
                Cipher encrypt = Cipher.getInstance("AES/GCM/NoPadding");
                encrypt.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
                encrypt.doFinal(plaintext, 0, SIZE, ciphertext, 0);
                Cipher decrypt = Cipher.getInstance("AES/GCM/NoPadding");
                decrypt.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
                decrypt.doFinal(ciphertext, 0, ciphertext.length, decrypted, 0);
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // only speed is at stake: the first large bodies are then slower, never wrong
            LOG.log(Level.WARNING, "the AES-GCM warm-up stopped early", e);
        }
    }
}
