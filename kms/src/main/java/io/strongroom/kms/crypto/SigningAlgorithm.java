package io.strongroom.kms.crypto;

import java.util.List;

/** The KMS SigningAlgorithmSpec values this package implements, in the order DescribeKey lists them. */
enum SigningAlgorithm {

    RSASSA_PSS_SHA_256(Scheme.RSASSA_PSS, Digest.SHA_256),
    RSASSA_PSS_SHA_384(Scheme.RSASSA_PSS, Digest.SHA_384),
    RSASSA_PSS_SHA_512(Scheme.RSASSA_PSS, Digest.SHA_512),
    RSASSA_PKCS1_V1_5_SHA_256(Scheme.RSASSA_PKCS1_V1_5, Digest.SHA_256),
    RSASSA_PKCS1_V1_5_SHA_384(Scheme.RSASSA_PKCS1_V1_5, Digest.SHA_384),
    RSASSA_PKCS1_V1_5_SHA_512(Scheme.RSASSA_PKCS1_V1_5, Digest.SHA_512),
    ECDSA_SHA_256(Scheme.ECDSA, Digest.SHA_256),
    ECDSA_SHA_384(Scheme.ECDSA, Digest.SHA_384),
    ECDSA_SHA_512(Scheme.ECDSA, Digest.SHA_512);

    /** The signature scheme, independent of the hash. */
    enum Scheme {
        RSASSA_PSS, RSASSA_PKCS1_V1_5, ECDSA
    }

    private static final List<SigningAlgorithm> RSA = List.of(
            RSASSA_PSS_SHA_256, RSASSA_PSS_SHA_384, RSASSA_PSS_SHA_512,
            RSASSA_PKCS1_V1_5_SHA_256, RSASSA_PKCS1_V1_5_SHA_384, RSASSA_PKCS1_V1_5_SHA_512);

    private final Scheme scheme;
    private final Digest digest;

    SigningAlgorithm(Scheme scheme, Digest digest) {
        this.scheme = scheme;
        this.digest = digest;
    }

    /** The algorithm a wire name denotes. */
    static SigningAlgorithm parse(String name) {
        for (SigningAlgorithm algorithm : values()) {
            if (algorithm.name().equals(name)) {
                return algorithm;
            }
        }
        throw new KmsCryptoException(KmsCryptoException.Reason.UNKNOWN_ALGORITHM,
                "Unknown signing algorithm " + name);
    }

    /** What a key of {@code spec} signs with: every RSA scheme, or the one ECDSA hash a NIST curve pairs with. */
    static List<SigningAlgorithm> forKeySpec(AsymmetricKeySpec spec) {
        return switch (spec) {
            case RSA_2048, RSA_3072, RSA_4096 -> RSA;
            case ECC_NIST_P256 -> List.of(ECDSA_SHA_256);
            case ECC_NIST_P384 -> List.of(ECDSA_SHA_384);
            case ECC_NIST_P521 -> List.of(ECDSA_SHA_512);
        };
    }

    Scheme scheme() {
        return scheme;
    }

    Digest digest() {
        return digest;
    }
}
