package io.strongroom.sigv4;

import static io.strongroom.sigv4.ChunkedBodies.ascii;
import static io.strongroom.sigv4.ChunkedBodies.assertRejected;
import static io.strongroom.sigv4.ChunkedBodies.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.sigv4.SdkSigning.ChunkedUpload;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;

/** Bodies the AWS SDK for Java v2 signer encodes (aws-chunked, with and without trailers) decode and verify. */
class AwsChunkedSdkOracleTest {
    private final SdkSigning sdk = new SdkSigning();
    private final SigV4Verifier verifier = SdkSigning.verifier();

    static Stream<Arguments> uploads() {
        List<Arguments> cases = new ArrayList<>();
        for (int size : List.of(0, 1, 108, 65536, 200_000)) {
            cases.add(Arguments.of("signed, no trailer, " + size + " bytes", size, true, "none"));
            for (String checksum : List.of("CRC32", "CRC32C", "SHA256")) {
                cases.add(Arguments.of("signed, " + checksum + " trailer, " + size + " bytes", size, true, checksum));
                cases.add(Arguments.of("unsigned, " + checksum + " trailer, " + size + " bytes", size, false, checksum));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("uploads")
    void sdkEncodedBodyDecodesToTheOriginalData(String name, int size, boolean signedChunks, String checksum)
            throws Exception {
        byte[] data = data(size);
        ChunkedUpload upload = sdk.signChunked(data, signedChunks, algorithm(checksum));

        VerifiedSignature verified = verifier.verify(upload.request());
        AwsChunkedInputStream decoded = AwsChunkedInputStream.forRequest(
                new ByteArrayInputStream(upload.encodedBody()), verified, upload.request());

        assertThat(verified.payloadMode()).isEqualTo(expectedMode(signedChunks, checksum));
        assertThat(verified.chunkSigner().isPresent()).isEqualTo(signedChunks);
        assertThat(readAll(decoded, 8192)).isEqualTo(data);
        if (checksum.equals("none")) {
            assertThat(decoded.trailers()).isEmpty();
        } else {
            assertThat(decoded.trailers()).containsExactly(
                    Map.entry("x-amz-checksum-" + checksum.toLowerCase(Locale.ROOT),
                            expectedChecksum(checksum, data)));
        }
    }

    @Test
    void sdkSendsSeveralChunksForALargeBody() {
        ChunkedUpload upload = sdk.signChunked(data(200_000), true, algorithm("CRC32"));

        assertThat(ascii(upload.encodedBody()).split("chunk-signature=", -1)).hasSizeGreaterThan(3);
    }

    @Test
    void tamperedByteInAnSdkSignedChunkIsSignatureMismatch() {
        ChunkedUpload upload = sdk.signChunked(data(200_000), true, algorithm("CRC32"));
        byte[] body = upload.encodedBody().clone();
        body[body.length / 2] ^= 0x01;

        assertRejected(decode(upload, body), "SignatureDoesNotMatch", 403);
    }

    @Test
    void alteredChecksumInSdkSignedTrailersIsSignatureMismatch() {
        ChunkedUpload upload = sdk.signChunked(data(1000), true, algorithm("CRC32"));
        String body = ascii(upload.encodedBody());
        String checksum = expectedChecksum("CRC32", data(1000));
        String altered = body.replace("x-amz-checksum-crc32:" + checksum, "x-amz-checksum-crc32:AAAAAA==");
        assertThat(altered).isNotEqualTo(body);

        assertRejected(decode(upload, altered.getBytes(StandardCharsets.ISO_8859_1)), "SignatureDoesNotMatch", 403);
    }

    @Test
    void unsignedTrailerIsReportedAsSentForTheCallerToCheck() throws Exception {
        // Nothing in a STREAMING-UNSIGNED-PAYLOAD-TRAILER body is signed: the checksum trailer is the only
        // integrity check, and comparing it with the data is up to the S3 layer.
        byte[] data = data(1000);
        ChunkedUpload upload = sdk.signChunked(data, false, algorithm("CRC32"));
        String altered = ascii(upload.encodedBody()).replace(expectedChecksum("CRC32", data), "AAAAAA==");

        AwsChunkedInputStream decoded = decode(upload, altered.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(decoded.readAllBytes()).isEqualTo(data);
        assertThat(decoded.trailers()).containsEntry("x-amz-checksum-crc32", "AAAAAA==");
    }

    @Test
    void sdkBodyCutShortIsIncompleteBody() {
        ChunkedUpload upload = sdk.signChunked(data(200_000), true, algorithm("CRC32"));
        byte[] body = Arrays.copyOf(upload.encodedBody(), upload.encodedBody().length - 40);

        assertRejected(decode(upload, body), "IncompleteBody", 400);
    }

    /** Decodes as an S3 layer that kept only the payload mode and chunk signer of the verified request. */
    private AwsChunkedInputStream decode(ChunkedUpload upload, byte[] body) {
        VerifiedSignature verified = verifier.verify(upload.request());
        return AwsChunkedInputStream.forRequest(new ByteArrayInputStream(body), verified.payloadMode(),
                verified.chunkSigner(), upload.request());
    }

    private static PayloadMode expectedMode(boolean signedChunks, String checksum) {
        if (checksum.equals("none")) {
            return PayloadMode.STREAMING_SIGNED;
        }
        return signedChunks ? PayloadMode.STREAMING_SIGNED_TRAILER : PayloadMode.STREAMING_UNSIGNED_TRAILER;
    }

    private static Optional<ChecksumAlgorithm> algorithm(String checksum) {
        return switch (checksum) {
            case "CRC32" -> Optional.of(DefaultChecksumAlgorithm.CRC32);
            case "CRC32C" -> Optional.of(DefaultChecksumAlgorithm.CRC32C);
            case "SHA256" -> Optional.of(DefaultChecksumAlgorithm.SHA256);
            default -> Optional.empty();
        };
    }

    /** The base64 checksum S3 clients send, computed with the JDK. */
    private static String expectedChecksum(String checksum, byte[] data) {
        byte[] value = switch (checksum) {
            case "CRC32" -> crc(new CRC32(), data);
            case "CRC32C" -> crc(new CRC32C(), data);
            case "SHA256" -> Sha256.digest(data);
            default -> throw new IllegalArgumentException(checksum);
        };
        return Base64.getEncoder().encodeToString(value);
    }

    private static byte[] crc(Checksum crc, byte[] data) {
        crc.update(data);
        return ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
    }

    private static byte[] data(int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return data;
    }
}
