package io.strongroom.kms;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The kinds of key material Strongroom creates, by their KMS wire names, with the usages each allows. */
public enum KeySpec {
    SYMMETRIC_DEFAULT(Set.of(KeyUsage.ENCRYPT_DECRYPT)),
    RSA_2048(Set.of(KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY)),
    RSA_3072(Set.of(KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY)),
    RSA_4096(Set.of(KeyUsage.ENCRYPT_DECRYPT, KeyUsage.SIGN_VERIFY)),
    ECC_NIST_P256(Set.of(KeyUsage.SIGN_VERIFY)),
    ECC_NIST_P384(Set.of(KeyUsage.SIGN_VERIFY)),
    HMAC_256(Set.of(KeyUsage.GENERATE_VERIFY_MAC)),
    HMAC_384(Set.of(KeyUsage.GENERATE_VERIFY_MAC)),
    HMAC_512(Set.of(KeyUsage.GENERATE_VERIFY_MAC));

    private final Set<KeyUsage> usages;

    KeySpec(Set<KeyUsage> usages) {
        this.usages = usages;
    }

    public static Optional<KeySpec> fromWire(String name) {
        return Arrays.stream(values()).filter(spec -> spec.name().equals(name)).findFirst();
    }

    public boolean allows(KeyUsage usage) {
        return usages.contains(usage);
    }

    public boolean symmetric() {
        return this == SYMMETRIC_DEFAULT;
    }

    public boolean asymmetric() {
        return name().startsWith("RSA_") || name().startsWith("ECC_");
    }

    public boolean hmac() {
        return name().startsWith("HMAC_");
    }
}
