package io.strongroom.kms.crypto;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Optional;

/** The asymmetric KMS key specs this package implements, by their AWS wire names. */
enum AsymmetricKeySpec {

    RSA_2048(2048, null),
    RSA_3072(3072, null),
    RSA_4096(4096, null),
    ECC_NIST_P256(256, "secp256r1"),
    ECC_NIST_P384(384, "secp384r1"),
    ECC_NIST_P521(521, "secp521r1");

    private final int bits;
    private final String curve;

    AsymmetricKeySpec(int bits, String curve) {
        this.bits = bits;
        this.curve = curve;
    }

    /** The spec a wire name denotes, or empty for any other string (symmetric, HMAC, unknown). */
    static Optional<AsymmetricKeySpec> find(String keySpec) {
        for (AsymmetricKeySpec spec : values()) {
            if (spec.name().equals(keySpec)) {
                return Optional.of(spec);
            }
        }
        return Optional.empty();
    }

    boolean isRsa() {
        return curve == null;
    }

    /** The JCA key algorithm: {@code RSA} or {@code EC}. */
    String jcaAlgorithm() {
        return isRsa() ? "RSA" : "EC";
    }

    /** RSA modulus size or EC field size in bits. */
    int bits() {
        return bits;
    }

    /** The RSA modulus length in bytes, which is also the length of every signature and ciphertext. */
    int modulusBytes() {
        if (!isRsa()) {
            throw new IllegalStateException(name() + " is not an RSA key spec");
        }
        return bits / 8;
    }

    /** The JCA standard name of the curve, for example {@code secp256r1}; EC specs only. */
    String curve() {
        if (isRsa()) {
            throw new IllegalStateException(name() + " is not an EC key spec");
        }
        return curve;
    }

    /** Whether {@code key} is of this spec: an RSA key of exactly this modulus size, or an EC key on this curve. */
    boolean matches(Key key) {
        if (isRsa()) {
            return key instanceof RSAKey rsa && rsa.getModulus().bitLength() == bits;
        }
        if (!(key instanceof ECKey ec)) {
            return false;
        }
        ECParameterSpec actual = ec.getParams();
        ECParameterSpec expected = curveParameters();
        return actual.getCurve().equals(expected.getCurve())
                && actual.getGenerator().equals(expected.getGenerator())
                && actual.getOrder().equals(expected.getOrder())
                && actual.getCofactor() == expected.getCofactor();
    }

    private ECParameterSpec curveParameters() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(curve));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK does not know the curve " + curve, e);
        }
    }
}
