package io.strongroom.kms.crypto;

import io.strongroom.kms.crypto.KmsCryptoException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import static io.strongroom.kms.crypto.CryptoAssertions.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

class MacsTest {

    private static final byte[] MESSAGE = "GET /vault/42".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @CsvSource({"HMAC_224, HMAC_SHA_224, 28, HmacSHA224", "HMAC_256, HMAC_SHA_256, 32, HmacSHA256",
            "HMAC_384, HMAC_SHA_384, 48, HmacSHA384", "HMAC_512, HMAC_SHA_512, 64, HmacSHA512"})
    void macsMatchTheJdkAndVerify(String keySpec, String algorithm, int keyLength, String jcaName) throws Exception {
        assertThat(Macs.supports(keySpec)).isTrue();
        assertThat(Macs.keyLength(keySpec)).isEqualTo(keyLength);
        assertThat(Macs.macAlgorithms(keySpec)).containsExactly(algorithm);
        byte[] key = TestKeys.randomBytes(keyLength);

        byte[] mac = Macs.mac(key, keySpec, algorithm, MESSAGE);

        Mac jdk = Mac.getInstance(jcaName);
        jdk.init(new SecretKeySpec(key, jcaName));
        assertThat(mac).isEqualTo(jdk.doFinal(MESSAGE)).hasSize(keyLength);
        assertThat(Macs.verify(key, keySpec, algorithm, MESSAGE, mac)).isTrue();
        for (int index : new int[] {0, mac.length / 2, mac.length - 1}) {
            byte[] changed = mac.clone();
            changed[index] ^= 0x01;
            assertThat(Macs.verify(key, keySpec, algorithm, MESSAGE, changed)).as("byte %d changed", index).isFalse();
        }
        byte[] otherMessage = MESSAGE.clone();
        otherMessage[0] ^= 0x01;
        assertThat(Macs.verify(key, keySpec, algorithm, otherMessage, mac)).isFalse();
        byte[] otherKey = key.clone();
        otherKey[0] ^= 0x01;
        assertThat(Macs.verify(otherKey, keySpec, algorithm, MESSAGE, mac)).isFalse();
        assertThat(Macs.verify(key, keySpec, algorithm, MESSAGE, Arrays.copyOf(mac, mac.length - 1))).isFalse();
        assertThat(Macs.verify(key, keySpec, algorithm, MESSAGE, new byte[0])).isFalse();
    }

    @Test
    void matchesRfc4231TestCase2() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
        byte[] key = "Jefe".getBytes(StandardCharsets.US_ASCII);
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);

        assertThat(HexFormat.of().formatHex(Macs.mac(key, "HMAC_256", "HMAC_SHA_256", data)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void refusesAlgorithmsOfAnotherKeySpec() {
        byte[] key = new byte[32];

        assertReason(() -> Macs.mac(key, "HMAC_256", "HMAC_SHA_512", MESSAGE), Reason.ALGORITHM_NOT_FOR_KEY_SPEC);
        assertReason(() -> Macs.mac(key, "SYMMETRIC_DEFAULT", "HMAC_SHA_256", MESSAGE),
                Reason.ALGORITHM_NOT_FOR_KEY_SPEC);
        assertReason(() -> Macs.verify(key, "HMAC_384", "HMAC_SHA_256", MESSAGE, new byte[32]),
                Reason.ALGORITHM_NOT_FOR_KEY_SPEC);
    }

    @Test
    void refusesUnknownAlgorithms() {
        byte[] key = new byte[32];

        assertReason(() -> Macs.mac(key, "HMAC_256", "HmacSHA256", MESSAGE), Reason.UNKNOWN_ALGORITHM);
        assertReason(() -> Macs.verify(key, "HMAC_256", "HMAC_SHA_1", MESSAGE, new byte[20]), Reason.UNKNOWN_ALGORITHM);
    }

    @Test
    void otherKeySpecsAreNotHmac() {
        assertThat(Macs.supports("RSA_2048")).isFalse();
        assertThat(Macs.supports("SYMMETRIC_DEFAULT")).isFalse();
        assertThat(Macs.macAlgorithms("ECC_NIST_P256")).isEmpty();
        assertReason(() -> Macs.keyLength("SYMMETRIC_DEFAULT"), Reason.UNSUPPORTED);
    }

    @Test
    void leavesTheCallersKeyAlone() {
        byte[] key = TestKeys.randomBytes(32);
        byte[] copy = key.clone();

        Macs.verify(key, "HMAC_256", "HMAC_SHA_256", MESSAGE, new byte[32]);

        assertThat(key).isEqualTo(copy);
    }
}
