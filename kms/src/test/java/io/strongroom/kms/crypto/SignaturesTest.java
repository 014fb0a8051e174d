package io.strongroom.kms.crypto;

import io.strongroom.kms.crypto.KmsCryptoException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static io.strongroom.kms.crypto.CryptoAssertions.assertReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignaturesTest {

    private static final byte[] MESSAGE = "Transfer 100 to account 42".getBytes(StandardCharsets.UTF_8);

    static Stream<Arguments> everySpecAndAlgorithm() {
        return TestKeys.ALL_SPECS.stream()
                .flatMap(spec -> Signatures.signingAlgorithms(spec).stream().map(alg -> Arguments.of(spec, alg)));
    }

    static Stream<Arguments> everySpecAndPrehashableAlgorithm() {
        return everySpecAndAlgorithm().filter(arguments -> !((String) arguments.get()[1]).startsWith("RSASSA_PSS"));
    }

    static Stream<String> oneAlgorithmPerSpecFamily() {
        return Stream.of("RSASSA_PSS_SHA_256", "RSASSA_PKCS1_V1_5_SHA_256", "ECDSA_SHA_256");
    }

    @Test
    void listsAlgorithmsInDescribeKeyOrder() {
        List<String> rsa = List.of("RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512",
                "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512");
        assertThat(Signatures.signingAlgorithms("RSA_2048")).containsExactlyElementsOf(rsa);
        assertThat(Signatures.signingAlgorithms("RSA_3072")).containsExactlyElementsOf(rsa);
        assertThat(Signatures.signingAlgorithms("RSA_4096")).containsExactlyElementsOf(rsa);
        assertThat(Signatures.signingAlgorithms("ECC_NIST_P256")).containsExactly("ECDSA_SHA_256");
        assertThat(Signatures.signingAlgorithms("ECC_NIST_P384")).containsExactly("ECDSA_SHA_384");
        assertThat(Signatures.signingAlgorithms("ECC_NIST_P521")).containsExactly("ECDSA_SHA_512");
        assertThat(Signatures.signingAlgorithms("SYMMETRIC_DEFAULT")).isEmpty();
        assertThat(Signatures.signingAlgorithms("HMAC_256")).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everySpecAndAlgorithm")
    void signsAndVerifiesRaw(String keySpec, String algorithm) {
        GeneratedKeyPair pair = TestKeys.pair(keySpec);

        byte[] signature = Signatures.sign(pair.privateKeyPkcs8(), keySpec, algorithm, "RAW", MESSAGE);

        assertThat(Signatures.verify(pair.publicKeySpki(), keySpec, algorithm, "RAW", MESSAGE, signature)).isTrue();
        byte[] otherMessage = "Transfer 900 to account 42".getBytes(StandardCharsets.UTF_8);
        assertThat(Signatures.verify(pair.publicKeySpki(), keySpec, algorithm, "RAW", otherMessage, signature)).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everySpecAndAlgorithm")
    void signaturesVerifyWithAPlainJdkSignatureOverTheSpki(String keySpec, String algorithm) throws Exception {
        GeneratedKeyPair pair = TestKeys.pair(keySpec);
        byte[] signature = Signatures.sign(pair.privateKeyPkcs8(), keySpec, algorithm, "RAW", MESSAGE);

        Signature jdk = standardJdkVerifier(algorithm);
        jdk.initVerify(jdkPublicKey(keySpec, pair.publicKeySpki()));
        jdk.update(MESSAGE);

        assertThat(jdk.verify(signature)).isTrue();
        if (keySpec.startsWith("RSA_")) {
            assertThat(signature).hasSize(Integer.parseInt(keySpec.substring(4)) / 8);
        } else {
            assertThat(signature[0]).as("DER SEQUENCE tag").isEqualTo((byte) 0x30);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everySpecAndAlgorithm")
    void verifiesSignaturesMadeByAPlainJdkSignature(String keySpec, String algorithm) throws Exception {
        GeneratedKeyPair pair = TestKeys.pair(keySpec);
        Signature jdk = standardJdkSigner(algorithm);
        jdk.initSign(jdkPrivateKey(keySpec, pair.privateKeyPkcs8()));
        jdk.update(MESSAGE);
        byte[] signature = jdk.sign();

        assertThat(Signatures.verify(pair.publicKeySpki(), keySpec, algorithm, "RAW", MESSAGE, signature)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_512"})
    void pssUsesASaltAsLongAsTheDigest(String algorithm) throws Exception {
        GeneratedKeyPair pair = TestKeys.pair("RSA_2048");
        Signature unsalted = Signature.getInstance("RSASSA-PSS");
        String hash = hashOf(algorithm);
        unsalted.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), 0, 1));
        unsalted.initSign(jdkPrivateKey("RSA_2048", pair.privateKeyPkcs8()));
        unsalted.update(MESSAGE);

        assertThat(Signatures.verify(pair.publicKeySpki(), "RSA_2048", algorithm, "RAW", MESSAGE, unsalted.sign()))
                .isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everySpecAndPrehashableAlgorithm")
    void digestModeIsInterchangeableWithRawMode(String keySpec, String algorithm) throws Exception {
        GeneratedKeyPair pair = TestKeys.pair(keySpec);
        byte[] digest = MessageDigest.getInstance(hashOf(algorithm)).digest(MESSAGE);

        byte[] rawSigned = Signatures.sign(pair.privateKeyPkcs8(), keySpec, algorithm, "RAW", MESSAGE);
        byte[] digestSigned = Signatures.sign(pair.privateKeyPkcs8(), keySpec, algorithm, "DIGEST", digest);

        assertThat(Signatures.verify(pair.publicKeySpki(), keySpec, algorithm, "DIGEST", digest, rawSigned)).isTrue();
        assertThat(Signatures.verify(pair.publicKeySpki(), keySpec, algorithm, "RAW", MESSAGE, digestSigned)).isTrue();
        assertThat(Signatures.verify(pair.publicKeySpki(), keySpec, algorithm, "DIGEST", digest, digestSigned)).isTrue();
        Signature jdk = standardJdkVerifier(algorithm);
        jdk.initVerify(jdkPublicKey(keySpec, pair.publicKeySpki()));
        jdk.update(MESSAGE);
        assertThat(jdk.verify(digestSigned)).isTrue();
        if (algorithm.startsWith("RSASSA_PKCS1")) {
            // PKCS#1 v1.5 is deterministic: the two modes must give the very same bytes.
            assertThat(digestSigned).isEqualTo(rawSigned);
        }
        byte[] otherDigest = digest.clone();
        otherDigest[0] ^= 1;
        assertThat(Signatures.verify(pair.publicKeySpki(), keySpec, algorithm, "DIGEST", otherDigest, rawSigned))
                .isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everySpecAndPrehashableAlgorithm")
    void digestModeRefusesADigestOfAnotherLength(String keySpec, String algorithm) {
        GeneratedKeyPair pair = TestKeys.pair(keySpec);
        byte[] sha1Length = new byte[20];
        byte[] message = MESSAGE;

        assertReason(() -> Signatures.sign(pair.privateKeyPkcs8(), keySpec, algorithm, "DIGEST", sha1Length),
                Reason.DIGEST_LENGTH_MISMATCH);
        assertReason(() -> Signatures.sign(pair.privateKeyPkcs8(), keySpec, algorithm, "DIGEST", message),
                Reason.DIGEST_LENGTH_MISMATCH);
        assertReason(() -> Signatures.verify(pair.publicKeySpki(), keySpec, algorithm, "DIGEST", sha1Length,
                new byte[64]), Reason.DIGEST_LENGTH_MISMATCH);
    }

    @Test
    void rejectsASha256DigestForSha384() throws Exception {
        GeneratedKeyPair pair = TestKeys.pair("RSA_2048");
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(MESSAGE);

        assertThatThrownBy(() -> Signatures.sign(pair.privateKeyPkcs8(), "RSA_2048", "RSASSA_PKCS1_V1_5_SHA_384",
                "DIGEST", sha256))
                .isInstanceOf(KmsCryptoException.class)
                .hasMessage("A DIGEST message for RSASSA_PKCS1_V1_5_SHA_384 must be 48 bytes, not 32");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512"})
    void pssWithDigestIsUnsupported(String algorithm) {
        GeneratedKeyPair pair = TestKeys.pair("RSA_2048");
        byte[] digest = new byte[64];

        assertReason(() -> Signatures.sign(pair.privateKeyPkcs8(), "RSA_2048", algorithm, "DIGEST", digest),
                Reason.UNSUPPORTED);
        assertReason(() -> Signatures.verify(pair.publicKeySpki(), "RSA_2048", algorithm, "DIGEST", digest,
                new byte[256]), Reason.UNSUPPORTED);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everySpecAndAlgorithm")
    void aTamperedSignatureDoesNotVerify(String keySpec, String algorithm) {
        GeneratedKeyPair pair = TestKeys.pair(keySpec);
        byte[] signature = Signatures.sign(pair.privateKeyPkcs8(), keySpec, algorithm, "RAW", MESSAGE);

        for (int index : new int[] {0, 1, signature.length / 2, signature.length - 1}) {
            byte[] tampered = signature.clone();
            tampered[index] ^= 0x01;
            assertThat(Signatures.verify(pair.publicKeySpki(), keySpec, algorithm, "RAW", MESSAGE, tampered))
                    .as("bit flipped in byte %d", index).isFalse();
        }
        assertThat(Signatures.verify(pair.publicKeySpki(), keySpec, algorithm, "RAW", MESSAGE,
                Arrays.copyOf(signature, signature.length - 1))).as("truncated").isFalse();
        assertThat(Signatures.verify(pair.publicKeySpki(), keySpec, algorithm, "RAW", MESSAGE,
                Arrays.copyOf(signature, signature.length + 1))).as("extended").isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everySpecAndAlgorithm")
    void garbageSignatureBytesGiveFalseNotAnException(String keySpec, String algorithm) {
        GeneratedKeyPair pair = TestKeys.pair(keySpec);
        List<byte[]> garbage = List.of(
                new byte[0],
                new byte[] {0},
                new byte[] {0x30, 0x00},
                new byte[] {0x30, (byte) 0x84, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff},
                new byte[] {0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00},
                new byte[] {0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01},
                new byte[512],
                filled(512, (byte) 0xff),
                TestKeys.randomBytes(64),
                TestKeys.randomBytes(256),
                TestKeys.randomBytes(384),
                TestKeys.randomBytes(512),
                TestKeys.randomBytes(1000));

        for (byte[] signature : garbage) {
            assertThat(Signatures.verify(pair.publicKeySpki(), keySpec, algorithm, "RAW", MESSAGE, signature))
                    .as("%d garbage bytes", signature.length).isFalse();
        }
        for (int i = 0; i < 50; i++) {
            byte[] signature = TestKeys.randomBytes(TestKeys.RANDOM.nextInt(600));
            if (i % 2 == 0 && signature.length > 2) {
                signature[0] = 0x30; // DER-looking garbage reaches deeper into the ECDSA decoder
                signature[1] = (byte) (signature.length - 2);
            }
            assertThat(Signatures.verify(pair.publicKeySpki(), keySpec, algorithm, "RAW", MESSAGE, signature))
                    .as("%d random bytes", signature.length).isFalse();
        }
        if (!algorithm.startsWith("RSASSA_PSS")) {
            byte[] digest = new byte[hashLength(algorithm)];
            for (byte[] signature : garbage) {
                assertThat(Signatures.verify(pair.publicKeySpki(), keySpec, algorithm, "DIGEST", digest, signature))
                        .as("%d garbage bytes, DIGEST", signature.length).isFalse();
            }
        }
    }

    @Test
    void aSignatureByAnotherKeyDoesNotVerify() {
        GeneratedKeyPair other = KeyPairs.generate("ECC_NIST_P256", TestKeys.RANDOM);
        byte[] signature = Signatures.sign(other.privateKeyPkcs8(), "ECC_NIST_P256", "ECDSA_SHA_256", "RAW", MESSAGE);

        assertThat(Signatures.verify(TestKeys.pair("ECC_NIST_P256").publicKeySpki(), "ECC_NIST_P256", "ECDSA_SHA_256",
                "RAW", MESSAGE, signature)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ECDSA_SHA_384", "ECDSA_SHA_512"})
    void refusesAnEcdsaHashThatIsNotTheCurves(String algorithm) {
        GeneratedKeyPair pair = TestKeys.pair("ECC_NIST_P256");

        assertReason(() -> Signatures.sign(pair.privateKeyPkcs8(), "ECC_NIST_P256", algorithm, "RAW", MESSAGE),
                Reason.ALGORITHM_NOT_FOR_KEY_SPEC);
        assertReason(() -> Signatures.verify(pair.publicKeySpki(), "ECC_NIST_P256", algorithm, "RAW", MESSAGE,
                new byte[8]), Reason.ALGORITHM_NOT_FOR_KEY_SPEC);
    }

    @Test
    void refusesAlgorithmsOfAnotherKeyFamily() {
        GeneratedKeyPair rsa = TestKeys.pair("RSA_2048");
        GeneratedKeyPair ec = TestKeys.pair("ECC_NIST_P384");

        assertReason(() -> Signatures.sign(rsa.privateKeyPkcs8(), "RSA_2048", "ECDSA_SHA_256", "RAW", MESSAGE),
                Reason.ALGORITHM_NOT_FOR_KEY_SPEC);
        assertReason(() -> Signatures.sign(ec.privateKeyPkcs8(), "ECC_NIST_P384", "RSASSA_PSS_SHA_384", "RAW", MESSAGE),
                Reason.ALGORITHM_NOT_FOR_KEY_SPEC);
        assertReason(() -> Signatures.sign(ec.privateKeyPkcs8(), "SYMMETRIC_DEFAULT", "ECDSA_SHA_384", "RAW", MESSAGE),
                Reason.ALGORITHM_NOT_FOR_KEY_SPEC);
        assertReason(() -> Signatures.verify(ec.publicKeySpki(), "HMAC_256", "ECDSA_SHA_384", "RAW", MESSAGE,
                new byte[8]), Reason.ALGORITHM_NOT_FOR_KEY_SPEC);
        assertThatThrownBy(() -> Signatures.sign(rsa.privateKeyPkcs8(), "RSA_2048", "ECDSA_SHA_256", "RAW", MESSAGE))
                .hasMessage("Signing algorithm ECDSA_SHA_256 is not valid for key spec RSA_2048");
    }

    @Test
    void refusesUnknownAlgorithmsAndMessageTypes() {
        GeneratedKeyPair pair = TestKeys.pair("RSA_2048");

        assertReason(() -> Signatures.sign(pair.privateKeyPkcs8(), "RSA_2048", "SHA256withRSA", "RAW", MESSAGE),
                Reason.UNKNOWN_ALGORITHM);
        assertReason(() -> Signatures.sign(pair.privateKeyPkcs8(), "RSA_2048", "rsassa_pss_sha_256", "RAW", MESSAGE),
                Reason.UNKNOWN_ALGORITHM);
        assertReason(() -> Signatures.sign(pair.privateKeyPkcs8(), "RSA_2048", "RSASSA_PSS_SHA_256", "EXTERNAL_MU",
                MESSAGE), Reason.UNKNOWN_ALGORITHM);
        assertReason(() -> Signatures.verify(pair.publicKeySpki(), "RSA_2048", "RSASSA_PSS_SHA_256", "raw", MESSAGE,
                new byte[256]), Reason.UNKNOWN_ALGORITHM);
    }

    @Test
    void refusesKeyMaterialOfAnotherSpecWithoutQuotingIt() {
        GeneratedKeyPair rsa3072 = TestKeys.pair("RSA_3072");
        GeneratedKeyPair p384 = TestKeys.pair("ECC_NIST_P384");

        assertThatThrownBy(() -> Signatures.sign(rsa3072.privateKeyPkcs8(), "RSA_2048", "RSASSA_PSS_SHA_256", "RAW",
                MESSAGE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The private key material is not a RSA_2048 key");
        assertThatThrownBy(() -> Signatures.sign(p384.privateKeyPkcs8(), "ECC_NIST_P256", "ECDSA_SHA_256", "RAW",
                MESSAGE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The private key material is not a ECC_NIST_P256 key");
        assertThatThrownBy(() -> Signatures.sign(p384.privateKeyPkcs8(), "RSA_2048", "RSASSA_PSS_SHA_256", "RAW",
                MESSAGE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The private key material is not a PKCS#8 RSA_2048 key")
                .hasNoCause();
        assertThatThrownBy(() -> Signatures.verify(p384.publicKeySpki(), "ECC_NIST_P256", "ECDSA_SHA_256", "RAW",
                MESSAGE, new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leavesTheCallersArraysAlone() throws Exception {
        GeneratedKeyPair pair = TestKeys.pair("RSA_2048");
        byte[] privateKey = pair.privateKeyPkcs8().clone();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(MESSAGE);
        byte[] digestCopy = digest.clone();

        Signatures.sign(privateKey, "RSA_2048", "RSASSA_PKCS1_V1_5_SHA_256", "DIGEST", digest);

        assertThat(privateKey).isEqualTo(pair.privateKeyPkcs8());
        assertThat(digest).isEqualTo(digestCopy);
    }

    // The JDK names and parameters below are spelled out independently of the code under test on purpose.

    private static Signature standardJdkVerifier(String algorithm) throws Exception {
        return standardJdkSigner(algorithm);
    }

    private static Signature standardJdkSigner(String algorithm) throws Exception {
        return switch (algorithm) {
            case "RSASSA_PSS_SHA_256" -> pss("SHA-256", MGF1ParameterSpec.SHA256, 32);
            case "RSASSA_PSS_SHA_384" -> pss("SHA-384", MGF1ParameterSpec.SHA384, 48);
            case "RSASSA_PSS_SHA_512" -> pss("SHA-512", MGF1ParameterSpec.SHA512, 64);
            case "RSASSA_PKCS1_V1_5_SHA_256" -> Signature.getInstance("SHA256withRSA");
            case "RSASSA_PKCS1_V1_5_SHA_384" -> Signature.getInstance("SHA384withRSA");
            case "RSASSA_PKCS1_V1_5_SHA_512" -> Signature.getInstance("SHA512withRSA");
            case "ECDSA_SHA_256" -> Signature.getInstance("SHA256withECDSA");
            case "ECDSA_SHA_384" -> Signature.getInstance("SHA384withECDSA");
            case "ECDSA_SHA_512" -> Signature.getInstance("SHA512withECDSA");
            default -> throw new IllegalArgumentException(algorithm);
        };
    }

    private static Signature pss(String hash, MGF1ParameterSpec mgf1, int saltLength) throws Exception {
        Signature signature = Signature.getInstance("RSASSA-PSS");
        signature.setParameter(new PSSParameterSpec(hash, "MGF1", mgf1, saltLength, PSSParameterSpec.TRAILER_FIELD_BC));
        return signature;
    }

    private static String hashOf(String algorithm) {
        return "SHA-" + algorithm.substring(algorithm.length() - 3);
    }

    private static int hashLength(String algorithm) {
        return Integer.parseInt(algorithm.substring(algorithm.length() - 3)) / 8;
    }

    private static PublicKey jdkPublicKey(String keySpec, byte[] spki) throws Exception {
        return KeyFactory.getInstance(keySpec.startsWith("RSA_") ? "RSA" : "EC")
                .generatePublic(new X509EncodedKeySpec(spki));
    }

    private static PrivateKey jdkPrivateKey(String keySpec, byte[] pkcs8) throws Exception {
        return KeyFactory.getInstance(keySpec.startsWith("RSA_") ? "RSA" : "EC")
                .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
