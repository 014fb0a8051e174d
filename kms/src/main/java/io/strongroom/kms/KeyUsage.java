package io.strongroom.kms;

import java.util.Arrays;
import java.util.Optional;

/** What a key may be used for, by its KMS wire name. */
public enum KeyUsage {
    ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC;

    public static Optional<KeyUsage> fromWire(String name) {
        return Arrays.stream(values()).filter(usage -> usage.name().equals(name)).findFirst();
    }
}
