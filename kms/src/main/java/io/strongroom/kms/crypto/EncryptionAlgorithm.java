package io.strongroom.kms.crypto;

import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import java.security.spec.MGF1ParameterSpec;
import java.util.List;

/** The KMS EncryptionAlgorithmSpec values of RSA keys: OAEP with one hash for both the label hash and MGF1. */
enum EncryptionAlgorithm {

    RSAES_OAEP_SHA_1(Digest.SHA_1),
    RSAES_OAEP_SHA_256(Digest.SHA_256);

    private final Digest digest;

    EncryptionAlgorithm(Digest digest) {
        this.digest = digest;
    }

    static EncryptionAlgorithm parse(String name) {
        for (EncryptionAlgorithm algorithm : values()) {
            if (algorithm.name().equals(name)) {
                return algorithm;
            }
        }
        throw new KmsCryptoException(KmsCryptoException.Reason.UNKNOWN_ALGORITHM,
                "Unknown encryption algorithm " + name);
    }

    /** Every OAEP variant for an RSA spec; none for an EC spec. */
    static List<EncryptionAlgorithm> forKeySpec(AsymmetricKeySpec spec) {
        return spec.isRsa() ? List.of(values()) : List.of();
    }

    /**
     * Explicit OAEP parameters with MGF1 over the same hash and an empty label. They must be explicit: the
     * JDK's OAEP defaults MGF1 to SHA-1 whatever the OAEP hash, which is not what KMS does for SHA-256.
     */
    OAEPParameterSpec parameters() {
        return new OAEPParameterSpec(digest.jcaName(), "MGF1", new MGF1ParameterSpec(digest.jcaName()),
                PSource.PSpecified.DEFAULT);
    }

    /** The OAEP bound {@code k - 2 hLen - 2} for a modulus of {@code modulusBytes}. */
    int maxPlaintextLength(int modulusBytes) {
        return modulusBytes - 2 * digest.length() - 2;
    }
}
