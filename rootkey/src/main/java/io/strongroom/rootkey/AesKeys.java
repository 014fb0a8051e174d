package io.strongroom.rootkey;

import java.security.SecureRandom;

/** Random AES-256 key material. */
final class AesKeys {

    static final int KEY_BYTES = 32;

    private AesKeys() {
    }

    /** Fresh key bytes; the caller zeroes them once a key object has been made. */
    static byte[] random(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }
}
