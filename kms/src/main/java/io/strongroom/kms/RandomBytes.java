package io.strongroom.kms;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random bytes for the hot path: data keys, nonces, grant ids. The JDK's default generator on Linux
 * (NativePRNG) serialises every caller on one lock, which a busy node feels at once; this keeps
 * several independent NIST SP 800-90A DRBG instances (each seeded by the JDK from the operating
 * system's entropy) and spreads callers over them. Long-lived key material is not made here but by
 * the root-key provider's generator, the HSM's when there is one ({@link KeyMaterials#generate}).
 */
final class RandomBytes {
    private static final int STRIPES = 8;
    private final SecureRandom[] generators = new SecureRandom[STRIPES];

    RandomBytes() {
        for (int i = 0; i < STRIPES; i++) {
            try {
                generators[i] = SecureRandom.getInstance("DRBG");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this JDK has no DRBG", e);
            }
        }
    }

    void nextBytes(byte[] bytes) {
        // the stripe is chosen by a non-cryptographic generator: it only spreads contention
        generators[ThreadLocalRandom.current().nextInt(STRIPES)].nextBytes(bytes);
    }

    byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        nextBytes(bytes);
        return bytes;
    }
}
