package io.strongroom.kms.crypto;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One key pair per key spec for the whole test run: RSA_4096 generation takes seconds. */
final class TestKeys {

    static final List<String> RSA_SPECS = List.of("RSA_2048", "RSA_3072", "RSA_4096");
    static final List<String> EC_SPECS = List.of("ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521");
    static final List<String> ALL_SPECS = List.of(
            "RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521");

    static final SecureRandom RANDOM = new SecureRandom();

    private static final Map<String, GeneratedKeyPair> PAIRS = new ConcurrentHashMap<>();

    private TestKeys() {
    }

    static GeneratedKeyPair pair(String keySpec) {
        return PAIRS.computeIfAbsent(keySpec, spec -> KeyPairs.generate(spec, RANDOM));
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
