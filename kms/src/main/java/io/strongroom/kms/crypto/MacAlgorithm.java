package io.strongroom.kms.crypto;

/**
 * The KMS MacAlgorithmSpec values, each with the one HMAC key spec it belongs to and that spec's
 * generated key length (the hash's output length).
 */
enum MacAlgorithm {

    HMAC_SHA_224("HMAC_224", 28, "HmacSHA224"),
    HMAC_SHA_256("HMAC_256", 32, "HmacSHA256"),
    HMAC_SHA_384("HMAC_384", 48, "HmacSHA384"),
    HMAC_SHA_512("HMAC_512", 64, "HmacSHA512");

    private final String keySpec;
    private final int keyLength;
    private final String jcaName;

    MacAlgorithm(String keySpec, int keyLength, String jcaName) {
        this.keySpec = keySpec;
        this.keyLength = keyLength;
        this.jcaName = jcaName;
    }

    static MacAlgorithm parse(String name) {
        for (MacAlgorithm algorithm : values()) {
            if (algorithm.name().equals(name)) {
                return algorithm;
            }
        }
        throw new KmsCryptoException(KmsCryptoException.Reason.UNKNOWN_ALGORITHM, "Unknown MAC algorithm " + name);
    }

    /** The algorithm of an HMAC key spec; null for any other key spec. */
    static MacAlgorithm forKeySpec(String keySpec) {
        for (MacAlgorithm algorithm : values()) {
            if (algorithm.keySpec.equals(keySpec)) {
                return algorithm;
            }
        }
        return null;
    }

    String keySpec() {
        return keySpec;
    }

    int keyLength() {
        return keyLength;
    }

    String jcaName() {
        return jcaName;
    }
}
