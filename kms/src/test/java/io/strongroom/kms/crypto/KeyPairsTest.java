package io.strongroom.kms.crypto;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyPairsTest {

    @ParameterizedTest
    @ValueSource(strings = {"RSA_2048", "RSA_3072", "RSA_4096"})
    void rsaPairsAreStandardDerOfTheSpecSizeWithExponent65537(String keySpec) throws Exception {
        GeneratedKeyPair pair = TestKeys.pair(keySpec);
        int bits = Integer.parseInt(keySpec.substring("RSA_".length()));

        KeyFactory factory = KeyFactory.getInstance("RSA");
        RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(pair.publicKeySpki()));
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                new PKCS8EncodedKeySpec(pair.privateKeyPkcs8()));

        assertThat(publicKey.getModulus().bitLength()).isEqualTo(bits);
        assertThat(publicKey.getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
        assertThat(privateKey.getModulus()).isEqualTo(publicKey.getModulus());
        assertThat(privateKey.getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
        // Re-encoding the parsed key gives the same bytes: the output is canonical DER.
        assertThat(publicKey.getEncoded()).isEqualTo(pair.publicKeySpki());
        assertThat(publicKey.getFormat()).isEqualTo("X.509");
        assertThat(privateKey.getFormat()).isEqualTo("PKCS#8");
    }

    @ParameterizedTest
    @CsvSource({"ECC_NIST_P256, secp256r1", "ECC_NIST_P384, secp384r1", "ECC_NIST_P521, secp521r1"})
    void ecPairsAreStandardDerOnTheNamedCurve(String keySpec, String curve) throws Exception {
        GeneratedKeyPair pair = TestKeys.pair(keySpec);

        KeyFactory factory = KeyFactory.getInstance("EC");
        ECPublicKey publicKey = (ECPublicKey) factory.generatePublic(new X509EncodedKeySpec(pair.publicKeySpki()));
        ECPrivateKey privateKey = (ECPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(pair.privateKeyPkcs8()));

        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(curve));
        ECParameterSpec expected = parameters.getParameterSpec(ECParameterSpec.class);
        assertThat(publicKey.getParams().getCurve()).isEqualTo(expected.getCurve());
        assertThat(publicKey.getParams().getOrder()).isEqualTo(expected.getOrder());
        assertThat(privateKey.getParams().getCurve()).isEqualTo(expected.getCurve());
        assertThat(publicKey.getEncoded()).isEqualTo(pair.publicKeySpki());
        // The private scalar is in range and the public point is on the curve it claims (the JDK checked that when parsing).
        assertThat(privateKey.getS()).isPositive().isLessThan(expected.getOrder());
    }

    @Test
    void everyCallGivesANewKey() {
        GeneratedKeyPair first = KeyPairs.generate("ECC_NIST_P256", TestKeys.RANDOM);
        GeneratedKeyPair second = KeyPairs.generate("ECC_NIST_P256", TestKeys.RANDOM);

        assertThat(first.publicKeySpki()).isNotEqualTo(second.publicKeySpki());
        assertThat(first.privateKeyPkcs8()).isNotEqualTo(second.privateKeyPkcs8());
    }

    @Test
    void supportsExactlyTheAsymmetricSpecs() {
        assertThat(TestKeys.ALL_SPECS).allMatch(KeyPairs::supports);
        assertThat(KeyPairs.supports("SYMMETRIC_DEFAULT")).isFalse();
        assertThat(KeyPairs.supports("HMAC_256")).isFalse();
        assertThat(KeyPairs.supports("ECC_SECG_P256K1")).isFalse();
        assertThat(KeyPairs.supports("SM2")).isFalse();
        assertThat(KeyPairs.supports("rsa_2048")).isFalse();
        assertThat(KeyPairs.supports(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SYMMETRIC_DEFAULT", "HMAC_256", "ECC_SECG_P256K1", "RSA_1024", ""})
    void refusesOtherKeySpecs(String keySpec) {
        assertThatThrownBy(() -> KeyPairs.generate(keySpec, TestKeys.RANDOM))
                .isInstanceOfSatisfying(KmsCryptoException.class,
                        e -> assertThat(e.reason()).isEqualTo(KmsCryptoException.Reason.UNSUPPORTED));
    }

    @Test
    void toStringDoesNotPrintThePrivateKey() {
        GeneratedKeyPair pair = new GeneratedKeyPair(new byte[] {1, 2, 3}, new byte[] {4, 5});

        assertThat(pair.toString()).isEqualTo("GeneratedKeyPair[privateKeyPkcs8=<redacted>, publicKeySpki=2 bytes]");
    }
}
