package io.strongroom.kms;

import io.strongroom.core.StripedRandom;

/**
 * Random bytes for the hot path: data keys, nonces, grant ids, drawn from a {@link StripedRandom} so
 * concurrent calls do not queue on one generator. Long-lived key material is not made here but by the
 * root-key provider's generator, the HSM's when there is one ({@link KeyMaterials#generate}).
 */
final class RandomBytes {
    private final StripedRandom generator = new StripedRandom();

    void nextBytes(byte[] bytes) {
        generator.nextBytes(bytes);
    }

    byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        nextBytes(bytes);
        return bytes;
    }
}
