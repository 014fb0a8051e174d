package io.strongroom.s3.checksum;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChecksumAlgorithmTest {

    /** The values the AWS SDKs' flexible-checksum tests expect, as S3 sends them. */
    @ParameterizedTest(name = "{0} of \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "CRC32     | ''          | AAAAAA==",
        "CRC32     | abc         | NSRBwg==",
        "CRC32     | Hello world | i9aeUg==",
        "CRC32C    | ''          | AAAAAA==",
        "CRC32C    | abc         | Nks/tw==",
        "CRC32C    | Hello world | crUfeA==",
        "CRC64NVME | ''          | AAAAAAAAAAA=",
        "CRC64NVME | abc         | BeXKuz/B+us=",
        "CRC64NVME | Hello world | OOJZ0D8xKts=",
        "SHA1      | ''          | 2jmj7l5rSw0yVb/vlWAYkK/YBwk=",
        "SHA1      | abc         | qZk+NkcGgWq6PiVxeFDCbJzQ2J0=",
        "SHA1      | Hello world | e1AsOh9IyGCa4hLN+2Od7jlnP14=",
        "SHA256    | ''          | 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
        "SHA256    | abc         | ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=",
        "SHA256    | Hello world | ZOyIygCyaOW6GjVnihtTFtIS9PNmskdyMlNKiuyjfzw=",
    })
    void computesTheValuesS3Sends(ChecksumAlgorithm algorithm, String input, String expected) {
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        ChecksumDigest digest = algorithm.newDigest();
        digest.update(bytes);
        assertThat(digest.base64()).isEqualTo(expected);
        assertThat(digest.value()).isEqualTo(Base64.getDecoder().decode(expected)).hasSize(algorithm.length());
        assertThat(digest.matches(expected)).isTrue();
        assertThat(digest.matches("AAAAAA==")).isEqualTo(expected.equals("AAAAAA=="));
        assertThat(digest.algorithm()).isEqualTo(algorithm);
    }

    @ParameterizedTest
    @CsvSource({
        "CRC32, 123456789, cbf43926",
        "CRC32C, 123456789, e3069283",
        "CRC64NVME, 123456789, ae8b14860a799888",
    })
    void crcValuesAreTheBigEndianCheckValues(ChecksumAlgorithm algorithm, String input, String checkHex) {
        ChecksumDigest digest = algorithm.newDigest();
        digest.update(input.getBytes(StandardCharsets.US_ASCII));
        assertThat(HexFormat.of().formatHex(digest.value())).isEqualTo(checkHex);
    }

    @ParameterizedTest
    @EnumSource(ChecksumAlgorithm.class)
    void anyChunkingAndBufferKindGiveTheSameValue(ChecksumAlgorithm algorithm) {
        byte[] data = new byte[100_003];
        new Random(1).nextBytes(data);
        ChecksumDigest whole = algorithm.newDigest();
        whole.update(data);
        String expected = whole.base64();

        Random random = new Random(2);
        ChecksumDigest chunked = algorithm.newDigest();
        for (int offset = 0; offset < data.length; ) {
            int length = Math.min(random.nextInt(300), data.length - offset);
            switch (random.nextInt(3)) {
                case 0 -> chunked.update(data, offset, length);
                case 1 -> chunked.update(ByteBuffer.wrap(data, offset, length));
                default -> {
                    ByteBuffer direct = ByteBuffer.allocateDirect(length).put(data, offset, length).flip();
                    chunked.update(direct);
                    assertThat(direct.hasRemaining()).isFalse();
                }
            }
            offset += length;
        }
        assertThat(chunked.base64()).isEqualTo(expected);
    }

    @Test
    void namesAndHeaders() {
        assertThat(ChecksumAlgorithm.CRC32.s3Name()).isEqualTo("CRC32");
        assertThat(ChecksumAlgorithm.CRC64NVME.s3Name()).isEqualTo("CRC64NVME");
        assertThat(ChecksumAlgorithm.CRC32.headerName()).isEqualTo("x-amz-checksum-crc32");
        assertThat(ChecksumAlgorithm.CRC32C.headerName()).isEqualTo("x-amz-checksum-crc32c");
        assertThat(ChecksumAlgorithm.CRC64NVME.headerName()).isEqualTo("x-amz-checksum-crc64nvme");
        assertThat(ChecksumAlgorithm.SHA1.headerName()).isEqualTo("x-amz-checksum-sha1");
        assertThat(ChecksumAlgorithm.SHA256.headerName()).isEqualTo("x-amz-checksum-sha256");
    }

    @ParameterizedTest
    @CsvSource({"CRC32, CRC32", "crc32c, CRC32C", "Crc64Nvme, CRC64NVME", "sha1, SHA1", "SHA256, SHA256"})
    void parsesS3NamesInAnyCase(String name, ChecksumAlgorithm expected) {
        assertThat(ChecksumAlgorithm.fromS3Name(name)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MD5", "CRC64", "SHA-256", "SHA512", " CRC32", "CRC32 ", "XXHASH64"})
    void unknownNamesParseToNothing(String name) {
        assertThat(ChecksumAlgorithm.fromS3Name(name)).isEmpty();
    }

    @Test
    void parsesHeaderNamesInAnyCase() {
        assertThat(ChecksumAlgorithm.fromHeaderName("X-Amz-Checksum-CRC32C")).contains(ChecksumAlgorithm.CRC32C);
        assertThat(ChecksumAlgorithm.fromHeaderName("x-amz-checksum-sha256")).contains(ChecksumAlgorithm.SHA256);
        assertThat(ChecksumAlgorithm.fromHeaderName("x-amz-checksum-algorithm")).isEmpty();
        assertThat(ChecksumAlgorithm.fromHeaderName("x-amz-checksum-type")).isEmpty();
        assertThat(ChecksumAlgorithm.fromHeaderName("crc32")).isEmpty();
    }

    @Test
    void nullNamesAreProgrammingErrors() {
        assertThatThrownBy(() -> ChecksumAlgorithm.fromS3Name(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ChecksumAlgorithm.fromHeaderName(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ChecksumAlgorithm.CRC32.isWellFormed(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void wellFormedValuesArePaddedBase64OfTheRightLength() {
        assertThat(ChecksumAlgorithm.CRC32.isWellFormed("i9aeUg==")).isTrue();
        assertThat(ChecksumAlgorithm.CRC32.isWellFormed("i9aeUg")).isFalse();
        assertThat(ChecksumAlgorithm.CRC32.isWellFormed("i9aeUg=")).isFalse();
        assertThat(ChecksumAlgorithm.CRC32.isWellFormed("OOJZ0D8xKts=")).isFalse();
        assertThat(ChecksumAlgorithm.CRC32.isWellFormed("i9ae_g==")).isFalse();
        assertThat(ChecksumAlgorithm.CRC32.isWellFormed("")).isFalse();
        assertThat(ChecksumAlgorithm.CRC32.isWellFormed("not base64!")).isFalse();
        assertThat(ChecksumAlgorithm.CRC64NVME.isWellFormed("OOJZ0D8xKts=")).isTrue();
        assertThat(ChecksumAlgorithm.SHA1.isWellFormed("e1AsOh9IyGCa4hLN+2Od7jlnP14=")).isTrue();
        assertThat(ChecksumAlgorithm.SHA256.isWellFormed("e1AsOh9IyGCa4hLN+2Od7jlnP14=")).isFalse();
        assertThat(ChecksumAlgorithm.SHA256.isWellFormed("ZOyIygCyaOW6GjVnihtTFtIS9PNmskdyMlNKiuyjfzw=")).isTrue();
    }

    @Test
    void aFinishedDigestKeepsItsValueAndRefusesMoreInput() {
        ChecksumDigest digest = ChecksumAlgorithm.SHA256.newDigest();
        digest.update("Hello world".getBytes(StandardCharsets.UTF_8));
        String first = digest.base64();
        assertThat(digest.base64()).isEqualTo(first);
        byte[] value = digest.value();
        value[0] ^= 1;
        assertThat(digest.base64()).as("value() hands out a copy").isEqualTo(first);
        assertThatThrownBy(() -> digest.update(new byte[1])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> digest.update(ByteBuffer.allocate(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void updatesOutOfBoundsAreRefused() {
        ChecksumDigest digest = ChecksumAlgorithm.CRC32C.newDigest();
        assertThatThrownBy(() -> digest.update(new byte[4], 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> digest.update(new byte[4], -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> digest.update(new byte[4], 0, -1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> digest.update((byte[]) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> digest.update((ByteBuffer) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> digest.matches(null)).isInstanceOf(NullPointerException.class);
        assertThat(digest.base64()).isEqualTo("AAAAAA==");
    }

    @Test
    void everyCallGetsAFreshDigest() {
        ChecksumDigest a = ChecksumAlgorithm.CRC64NVME.newDigest();
        ChecksumDigest b = ChecksumAlgorithm.CRC64NVME.newDigest();
        a.update("abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(b.base64()).isEqualTo("AAAAAAAAAAA=");
        assertThat(a.base64()).isEqualTo("BeXKuz/B+us=");
    }
}
