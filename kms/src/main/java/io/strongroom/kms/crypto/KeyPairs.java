package io.strongroom.kms.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

import static java.util.Objects.requireNonNull;

/**
 * Generates the key pairs of asymmetric KMS keys (CreateKey with an RSA_* or ECC_NIST_* key spec) with
 * the JDK's own generators: RSA with public exponent 65537, EC on the NIST prime curves.
 */
public final class KeyPairs {

    private KeyPairs() {
    }

    /** Whether {@link #generate} handles {@code keySpec} (an AWS KeySpec wire name). */
    public static boolean supports(String keySpec) {
        return AsymmetricKeySpec.find(keySpec).isPresent();
    }

    /**
     * A new key pair of {@code keySpec}: the private key as DER PKCS#8, the public key as DER X.509
     * SubjectPublicKeyInfo.
     *
     * @throws KmsCryptoException {@link KmsCryptoException.Reason#UNSUPPORTED} for any other key spec
     */
    public static GeneratedKeyPair generate(String keySpec, SecureRandom random) {
        requireNonNull(keySpec, "keySpec");
        requireNonNull(random, "random");
        AsymmetricKeySpec spec = AsymmetricKeySpec.find(keySpec).orElseThrow(() -> new KmsCryptoException(
                KmsCryptoException.Reason.UNSUPPORTED, "Key spec " + keySpec + " is not an asymmetric key spec"));
        AlgorithmParameterSpec parameters = spec.isRsa()
                ? new RSAKeyGenParameterSpec(spec.bits(), RSAKeyGenParameterSpec.F4)
                : new ECGenParameterSpec(spec.curve());
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(spec.jcaAlgorithm());
            generator.initialize(parameters, random);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK cannot generate " + spec + " key pairs", e);
        }
        return new GeneratedKeyPair(pair.getPrivate().getEncoded(), pair.getPublic().getEncoded());
    }
}
