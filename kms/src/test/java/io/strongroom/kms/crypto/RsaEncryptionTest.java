package io.strongroom.kms.crypto;

import io.strongroom.kms.crypto.KmsCryptoException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.stream.Stream;

import static io.strongroom.kms.crypto.CryptoAssertions.assertReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RsaEncryptionTest {

    private static final byte[] PLAINTEXT = "the launch code is 0000".getBytes(StandardCharsets.UTF_8);

    /** KMS's OAEP parameters, spelled out independently of the code under test: one hash for OAEP and MGF1. */
    private static final OAEPParameterSpec OAEP_SHA_256 = new OAEPParameterSpec(
            "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    private static final OAEPParameterSpec OAEP_SHA_1 = new OAEPParameterSpec(
            "SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);

    static Stream<Arguments> everySpecAndAlgorithm() {
        return TestKeys.RSA_SPECS.stream().flatMap(spec -> Stream.of(
                Arguments.of(spec, "RSAES_OAEP_SHA_1"), Arguments.of(spec, "RSAES_OAEP_SHA_256")));
    }

    @Test
    void listsBothOaepVariantsForRsaOnly() {
        for (String spec : TestKeys.RSA_SPECS) {
            assertThat(RsaEncryption.encryptionAlgorithms(spec)).containsExactly("RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256");
        }
        assertThat(RsaEncryption.encryptionAlgorithms("ECC_NIST_P256")).isEmpty();
        assertThat(RsaEncryption.encryptionAlgorithms("SYMMETRIC_DEFAULT")).isEmpty();
        assertThat(RsaEncryption.encryptionAlgorithms("HMAC_256")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "RSA_2048, RSAES_OAEP_SHA_1, 214", "RSA_2048, RSAES_OAEP_SHA_256, 190",
            "RSA_3072, RSAES_OAEP_SHA_1, 342", "RSA_3072, RSAES_OAEP_SHA_256, 318",
            "RSA_4096, RSAES_OAEP_SHA_1, 470", "RSA_4096, RSAES_OAEP_SHA_256, 446"})
    void maxPlaintextLengthsAreKmsFigures(String keySpec, String algorithm, int expected) {
        assertThat(RsaEncryption.maxPlaintextLength(keySpec, algorithm)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everySpecAndAlgorithm")
    void roundTripsUpToTheMaximumLength(String keySpec, String algorithm) {
        GeneratedKeyPair pair = TestKeys.pair(keySpec);
        int max = RsaEncryption.maxPlaintextLength(keySpec, algorithm);

        for (byte[] plaintext : new byte[][] {PLAINTEXT, new byte[] {7}, new byte[0], TestKeys.randomBytes(max)}) {
            byte[] ciphertext = RsaEncryption.encrypt(pair.publicKeySpki(), keySpec, algorithm, plaintext);

            assertThat(ciphertext).hasSize(Integer.parseInt(keySpec.substring(4)) / 8);
            assertThat(RsaEncryption.decrypt(pair.privateKeyPkcs8(), keySpec, algorithm, ciphertext)).isEqualTo(plaintext);
        }
        assertThat(RsaEncryption.encrypt(pair.publicKeySpki(), keySpec, algorithm, PLAINTEXT))
                .as("randomised").isNotEqualTo(RsaEncryption.encrypt(pair.publicKeySpki(), keySpec, algorithm, PLAINTEXT));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everySpecAndAlgorithm")
    void refusesAPlaintextOneByteOverTheMaximumWithoutQuotingIt(String keySpec, String algorithm) {
        GeneratedKeyPair pair = TestKeys.pair(keySpec);
        int max = RsaEncryption.maxPlaintextLength(keySpec, algorithm);
        byte[] tooLong = new byte[max + 1];
        Arrays.fill(tooLong, (byte) 'Z');

        assertThatThrownBy(() -> RsaEncryption.encrypt(pair.publicKeySpki(), keySpec, algorithm, tooLong))
                .isInstanceOfSatisfying(KmsCryptoException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.PLAINTEXT_TOO_LONG))
                .hasMessage("The plaintext is " + (max + 1) + " bytes; " + algorithm + " with " + keySpec
                        + " encrypts at most " + max);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA_2048", "RSA_3072", "RSA_4096"})
    void sha256InteroperatesWithAJdkCipherUsingMgf1Sha256(String keySpec) throws Exception {
        GeneratedKeyPair pair = TestKeys.pair(keySpec);

        Cipher jdkDecrypt = Cipher.getInstance("RSA/ECB/OAEPPadding");
        jdkDecrypt.init(Cipher.DECRYPT_MODE, privateKey(pair), OAEP_SHA_256);
        byte[] ours = RsaEncryption.encrypt(pair.publicKeySpki(), keySpec, "RSAES_OAEP_SHA_256", PLAINTEXT);
        assertThat(jdkDecrypt.doFinal(ours)).isEqualTo(PLAINTEXT);

        Cipher jdkEncrypt = Cipher.getInstance("RSA/ECB/OAEPPadding");
        jdkEncrypt.init(Cipher.ENCRYPT_MODE, publicKey(pair), OAEP_SHA_256);
        byte[] theirs = jdkEncrypt.doFinal(PLAINTEXT);
        assertThat(RsaEncryption.decrypt(pair.privateKeyPkcs8(), keySpec, "RSAES_OAEP_SHA_256", theirs))
                .isEqualTo(PLAINTEXT);
    }

    @Test
    void sha256IsNotTheJdkDefaultWhichUsesMgf1Sha1() throws Exception {
        GeneratedKeyPair pair = TestKeys.pair("RSA_2048");
        Cipher jdkDefault = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        jdkDefault.init(Cipher.ENCRYPT_MODE, publicKey(pair));
        assertThat(jdkDefault.getParameters().getParameterSpec(OAEPParameterSpec.class).getMGFParameters())
                .as("the JDK default this guards against").isEqualTo(MGF1ParameterSpec.SHA1);
        byte[] defaultCiphertext = jdkDefault.doFinal(PLAINTEXT);

        assertReason(() -> RsaEncryption.decrypt(pair.privateKeyPkcs8(), "RSA_2048", "RSAES_OAEP_SHA_256",
                defaultCiphertext), Reason.INVALID_CIPHERTEXT);
    }

    @Test
    void sha1InteroperatesWithAJdkCipher() throws Exception {
        GeneratedKeyPair pair = TestKeys.pair("RSA_2048");
        Cipher jdkEncrypt = Cipher.getInstance("RSA/ECB/OAEPPadding");
        jdkEncrypt.init(Cipher.ENCRYPT_MODE, publicKey(pair), OAEP_SHA_1);

        assertThat(RsaEncryption.decrypt(pair.privateKeyPkcs8(), "RSA_2048", "RSAES_OAEP_SHA_1",
                jdkEncrypt.doFinal(PLAINTEXT))).isEqualTo(PLAINTEXT);
        Cipher jdkDecrypt = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
        jdkDecrypt.init(Cipher.DECRYPT_MODE, privateKey(pair));
        assertThat(jdkDecrypt.doFinal(RsaEncryption.encrypt(pair.publicKeySpki(), "RSA_2048", "RSAES_OAEP_SHA_1",
                PLAINTEXT))).isEqualTo(PLAINTEXT);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everySpecAndAlgorithm")
    void aTamperedCiphertextIsInvalid(String keySpec, String algorithm) {
        GeneratedKeyPair pair = TestKeys.pair(keySpec);
        byte[] ciphertext = RsaEncryption.encrypt(pair.publicKeySpki(), keySpec, algorithm, PLAINTEXT);

        for (int index : new int[] {0, ciphertext.length / 2, ciphertext.length - 1}) {
            byte[] tampered = ciphertext.clone();
            tampered[index] ^= 0x01;
            assertThatThrownBy(() -> RsaEncryption.decrypt(pair.privateKeyPkcs8(), keySpec, algorithm, tampered))
                    .isInstanceOfSatisfying(KmsCryptoException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_CIPHERTEXT))
                    .hasNoCause();
        }
    }

    @Test
    void ciphertextOfAnotherLengthOrKeyOrAlgorithmIsInvalid() {
        GeneratedKeyPair pair = TestKeys.pair("RSA_2048");
        GeneratedKeyPair other = KeyPairs.generate("RSA_2048", TestKeys.RANDOM);
        byte[] ciphertext = RsaEncryption.encrypt(pair.publicKeySpki(), "RSA_2048", "RSAES_OAEP_SHA_256", PLAINTEXT);
        byte[] all0xff = new byte[256];
        Arrays.fill(all0xff, (byte) 0xff);

        for (byte[] invalid : new byte[][] {new byte[0], Arrays.copyOf(ciphertext, 255), Arrays.copyOf(ciphertext, 257),
                new byte[256], all0xff, TestKeys.randomBytes(256), TestKeys.randomBytes(512)}) {
            assertReason(() -> RsaEncryption.decrypt(pair.privateKeyPkcs8(), "RSA_2048", "RSAES_OAEP_SHA_256", invalid),
                    Reason.INVALID_CIPHERTEXT);
        }
        assertReason(() -> RsaEncryption.decrypt(other.privateKeyPkcs8(), "RSA_2048", "RSAES_OAEP_SHA_256", ciphertext),
                Reason.INVALID_CIPHERTEXT);
        assertReason(() -> RsaEncryption.decrypt(pair.privateKeyPkcs8(), "RSA_2048", "RSAES_OAEP_SHA_1", ciphertext),
                Reason.INVALID_CIPHERTEXT);
    }

    @Test
    void refusesAlgorithmsForTheWrongKeySpec() {
        GeneratedKeyPair ec = TestKeys.pair("ECC_NIST_P256");

        assertReason(() -> RsaEncryption.encrypt(ec.publicKeySpki(), "ECC_NIST_P256", "RSAES_OAEP_SHA_256", PLAINTEXT),
                Reason.ALGORITHM_NOT_FOR_KEY_SPEC);
        assertReason(() -> RsaEncryption.decrypt(ec.privateKeyPkcs8(), "ECC_NIST_P256", "RSAES_OAEP_SHA_1",
                new byte[256]), Reason.ALGORITHM_NOT_FOR_KEY_SPEC);
        assertReason(() -> RsaEncryption.maxPlaintextLength("SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_1"),
                Reason.ALGORITHM_NOT_FOR_KEY_SPEC);
        assertReason(() -> RsaEncryption.maxPlaintextLength("HMAC_256", "RSAES_OAEP_SHA_256"),
                Reason.ALGORITHM_NOT_FOR_KEY_SPEC);
    }

    @Test
    void refusesUnknownAlgorithms() {
        GeneratedKeyPair pair = TestKeys.pair("RSA_2048");

        assertReason(() -> RsaEncryption.maxPlaintextLength("RSA_2048", "SYMMETRIC_DEFAULT"), Reason.UNKNOWN_ALGORITHM);
        assertReason(() -> RsaEncryption.encrypt(pair.publicKeySpki(), "RSA_2048", "SM2PKE", PLAINTEXT),
                Reason.UNKNOWN_ALGORITHM);
        assertReason(() -> RsaEncryption.decrypt(pair.privateKeyPkcs8(), "RSA_2048", "RSAES_OAEP_SHA_512",
                new byte[256]), Reason.UNKNOWN_ALGORITHM);
    }

    @Test
    void refusesAKeyOfAnotherSizeThanTheSpec() {
        GeneratedKeyPair rsa3072 = TestKeys.pair("RSA_3072");

        assertThatThrownBy(() -> RsaEncryption.encrypt(rsa3072.publicKeySpki(), "RSA_2048", "RSAES_OAEP_SHA_256",
                PLAINTEXT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The public key material is not a RSA_2048 key");
    }

    private static PublicKey publicKey(GeneratedKeyPair pair) throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pair.publicKeySpki()));
    }

    private static PrivateKey privateKey(GeneratedKeyPair pair) throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pair.privateKeyPkcs8()));
    }
}
