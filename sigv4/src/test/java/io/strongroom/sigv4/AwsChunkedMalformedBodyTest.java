package io.strongroom.sigv4;

import static io.strongroom.sigv4.ChunkedBodies.BODY;
import static io.strongroom.sigv4.ChunkedBodies.CHUNK_1;
import static io.strongroom.sigv4.ChunkedBodies.CHUNK_2;
import static io.strongroom.sigv4.ChunkedBodies.FINAL_CHUNK;
import static io.strongroom.sigv4.ChunkedBodies.TRAILERS;
import static io.strongroom.sigv4.ChunkedBodies.TRAILER_BODY;
import static io.strongroom.sigv4.ChunkedBodies.assertRejected;
import static io.strongroom.sigv4.ChunkedBodies.signed;
import static io.strongroom.sigv4.ChunkedBodies.signedTrailers;
import static io.strongroom.sigv4.ChunkedBodies.stream;
import static io.strongroom.sigv4.ChunkedBodies.unsignedTrailers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.AwsException;
import io.strongroom.sigv4.SigV4Exception.Reason;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way an aws-chunked body can be wrong, each with the S3 error it is answered with. */
class AwsChunkedMalformedBodyTest {
    private static final String MISMATCH = "SignatureDoesNotMatch";
    private static final String INCOMPLETE = "IncompleteBody";
    private static final String INVALID = "InvalidRequest";

    // --- signatures -------------------------------------------------------------------------------

    @Test
    void tamperedChunkDataIsSignatureMismatch() {
        String tampered = CHUNK_1 + CHUNK_2.replaceFirst("aaaa", "aaba") + FINAL_CHUNK + "\r\n";

        PayloadRejectedException e = assertRejected(signed(tampered), MISMATCH, 403);
        assertThat(e.error()).isInstanceOfSatisfying(SigV4Exception.class,
                s -> assertThat(s.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH));
    }

    @Test
    void tamperedChunkFailsTheReadOfItsLastByte() throws IOException {
        String tampered = CHUNK_1.replaceFirst("aaaa", "aaba") + CHUNK_2 + FINAL_CHUNK + "\r\n";
        AwsChunkedInputStream decoded = signed(tampered);

        byte[] first = decoded.readNBytes(65535);
        assertThat(first).hasSize(65535);
        assertThatThrownBy(decoded::read).isInstanceOf(PayloadRejectedException.class);
    }

    @Test
    void tamperedChunkSignatureIsSignatureMismatch() {
        String sig = ChunkedBodies.SIGNATURE_2;
        String tampered = BODY.replace(sig, sig.substring(0, 63) + (sig.endsWith("7") ? "8" : "7"));

        assertRejected(signed(tampered), MISMATCH, 403);
    }

    @Test
    void tamperedFinalChunkSignatureIsSignatureMismatch() {
        String tampered = BODY.replace(ChunkedBodies.FINAL_SIGNATURE, ChunkedBodies.SIGNATURE_2);

        assertRejected(signed(tampered), MISMATCH, 403);
    }

    @Test
    void reorderedChunksAreSignatureMismatch() {
        String reordered = CHUNK_2 + CHUNK_1 + FINAL_CHUNK + "\r\n";

        assertRejected(signed(reordered), MISMATCH, 403);
    }

    @Test
    void droppedMiddleChunkIsSignatureMismatch() {
        String dropped = CHUNK_1 + FINAL_CHUNK + "\r\n";

        assertRejected(new AwsChunkedInputStream(stream(dropped), ChunkedBodies.verified(PayloadMode.STREAMING_SIGNED),
                OptionalLong.empty(), List.of()), MISMATCH, 403);
    }

    @Test
    void droppedFirstChunkIsSignatureMismatch() {
        assertRejected(new AwsChunkedInputStream(stream(CHUNK_2 + FINAL_CHUNK + "\r\n"),
                ChunkedBodies.verified(PayloadMode.STREAMING_SIGNED), OptionalLong.empty(), List.of()), MISMATCH, 403);
    }

    @Test
    void chunkFromAnotherRequestIsSignatureMismatch() {
        // Same data, but its signature chains from another seed.
        String foreign = CHUNK_1.replace(ChunkedBodies.SIGNATURE_1, "0".repeat(64));

        assertRejected(signed(foreign + CHUNK_2 + FINAL_CHUNK + "\r\n"), MISMATCH, 403);
    }

    @Test
    void missingChunkSignatureIsInvalidRequest() {
        String unsignedChunk = BODY.replace("400;chunk-signature=" + ChunkedBodies.SIGNATURE_2, "400");

        assertRejected(signed(unsignedChunk), INVALID, 400);
    }

    @Test
    void unknownChunkExtensionIsInvalidRequest() {
        String other = BODY.replace("400;chunk-signature=", "400;chunk-sig=");

        assertRejected(signed(other), INVALID, 400);
    }

    @Test
    void malformedChunkSignatureIsInvalidRequest() {
        String shortSignature = BODY.replace(ChunkedBodies.SIGNATURE_2, ChunkedBodies.SIGNATURE_2.substring(1));
        String notHex = BODY.replace(ChunkedBodies.SIGNATURE_2, "z" + ChunkedBodies.SIGNATURE_2.substring(1));

        assertRejected(signed(shortSignature), INVALID, 400);
        assertRejected(signed(notHex), INVALID, 400);
    }

    @Test
    void chunkSignatureInAnUnsignedBodyIsInvalidRequest() {
        assertRejected(unsignedTrailers(BODY, List.of()), INVALID, 400);
    }

    // --- framing ----------------------------------------------------------------------------------

    @ParameterizedTest(name = "cut after {0} bytes")
    @ValueSource(ints = {0, 3, 86, 1000, 65622, 65624, 65626, 66000, 66738, 66822, 66823})
    void truncatedBodyIsIncompleteBody(int length) {
        assertRejected(signed(BODY.substring(0, length)), INCOMPLETE, 400);
    }

    @Test
    void missingFinalChunkIsIncompleteBody() {
        PayloadRejectedException e = assertRejected(signed(CHUNK_1 + CHUNK_2), INCOMPLETE, 400);

        assertThat(e.getMessage()).contains("final zero-length chunk");
    }

    @Test
    void missingClosingCrlfIsIncompleteBody() {
        assertRejected(signed(CHUNK_1 + CHUNK_2 + FINAL_CHUNK), INCOMPLETE, 400);
    }

    @ParameterizedTest(name = "size ''{0}''")
    @ValueSource(strings = {"", "zz", "-400", "0x400", "4 00", "+400", "40000000000000000"})
    void badHexSizeIsInvalidRequest(String size) {
        String bad = BODY.replace("400;chunk-signature=", size + ";chunk-signature=");

        assertRejected(signed(bad), INVALID, 400);
    }

    @Test
    void absurdChunkSizeIsInvalidRequest() {
        String huge = Long.toHexString(AwsChunkedInputStream.MAX_CHUNK_SIZE + 1);
        String bad = huge + ";chunk-signature=" + ChunkedBodies.SIGNATURE_1 + "\r\n";

        PayloadRejectedException e = assertRejected(new AwsChunkedInputStream(stream(bad),
                ChunkedBodies.verified(PayloadMode.STREAMING_SIGNED), OptionalLong.empty(), List.of()), INVALID, 400);
        assertThat(e.getMessage()).contains("at most");
    }

    @Test
    void oversizedChunkLineIsInvalidRequest() {
        String padded = "0".repeat(AwsChunkedInputStream.MAX_CHUNK_LINE) + "400;chunk-signature=";

        PayloadRejectedException e = assertRejected(signed(BODY.replace("400;chunk-signature=", padded)), INVALID, 400);
        assertThat(e.getMessage()).contains("longer than");
    }

    @Test
    void endlessLineWithoutCrlfIsRejectedAtTheLimit() {
        // A client that never ends its line cannot make the decoder buffer more than the limit.
        AwsChunkedInputStream decoded = unsignedTrailers("1".repeat(10_000_000), List.of());

        assertRejected(decoded, INVALID, 400);
    }

    @Test
    void bareLineFeedIsInvalidRequest() {
        assertRejected(signed(BODY.replace(ChunkedBodies.SIGNATURE_2 + "\r\n", ChunkedBodies.SIGNATURE_2 + "\n")),
                INVALID, 400);
    }

    @Test
    void carriageReturnWithoutLineFeedIsInvalidRequest() {
        assertRejected(signed(BODY.replace(ChunkedBodies.SIGNATURE_2 + "\r\n", ChunkedBodies.SIGNATURE_2 + "\rX")),
                INVALID, 400);
    }

    @Test
    void controlCharacterInALineIsInvalidRequest() {
        assertRejected(signed(BODY.replace("400;", "4\u000000;")), INVALID, 400);
    }

    @Test
    void chunkSizeSmallerThanItsDataIsInvalidRequest() {
        // Declares 3 bytes but 4 follow: the byte after the data is not CR.
        assertRejected(unsignedTrailers("3\r\nabcd\r\n0\r\n\r\n", List.of()), INVALID, 400);
    }

    @Test
    void chunkSizeLargerThanItsDataIsInvalidRequest() {
        // Declares 5 bytes but 4 follow: the CRLF is taken as data and what follows is not CRLF.
        assertRejected(unsignedTrailers("5\r\nabcd\r\n0\r\n\r\n", List.of()), INVALID, 400);
    }

    @Test
    void dataAfterTheEndIsInvalidRequest() {
        PayloadRejectedException e = assertRejected(signed(BODY + "x"), INVALID, 400);

        assertThat(e.getMessage()).contains("follows the end");
    }

    // --- decoded length ---------------------------------------------------------------------------

    @ParameterizedTest(name = "declared {0}")
    @ValueSource(longs = {0, 65535, 65536, 66559, 66561, 1_000_000})
    void wrongDecodedLengthIsIncompleteBody(long declared) {
        AwsChunkedInputStream decoded = new AwsChunkedInputStream(stream(BODY),
                ChunkedBodies.verified(PayloadMode.STREAMING_SIGNED), OptionalLong.of(declared), List.of());

        PayloadRejectedException e = assertRejected(decoded, INCOMPLETE, 400);
        assertThat(e.getMessage()).contains("x-amz-decoded-content-length");
    }

    @Test
    void chunkBeyondTheDeclaredLengthIsRejectedBeforeItsDataIsRead() throws IOException {
        AwsChunkedInputStream decoded = new AwsChunkedInputStream(stream(BODY),
                ChunkedBodies.verified(PayloadMode.STREAMING_SIGNED), OptionalLong.of(100), List.of());

        assertThatThrownBy(decoded::read).isInstanceOfSatisfying(PayloadRejectedException.class,
                e -> assertThat(e.s3Code()).isEqualTo(INCOMPLETE));
        assertThat(decoded.decodedLength()).isZero();
    }

    // --- trailers ---------------------------------------------------------------------------------

    @Test
    void unannouncedTrailerIsInvalidRequest() {
        String extra = TRAILER_BODY.replace(TRAILERS, TRAILERS + "fourth:4th\r\n");

        PayloadRejectedException e = assertRejected(signedTrailers(extra), INVALID, 400);
        assertThat(e.getMessage()).contains("'fourth' was not announced");
    }

    @Test
    void unannouncedTrailerInAnUnsignedBodyIsInvalidRequest() {
        String body = "3\r\nabc\r\n0\r\nx-amz-checksum-crc32:NSRBwg==\r\nx-amz-meta-evil:1\r\n\r\n";

        assertRejected(unsignedTrailers(body, List.of("x-amz-checksum-crc32")), INVALID, 400);
    }

    @Test
    void badTrailerSignatureIsSignatureMismatch() {
        String sig = ChunkedBodies.TRAILER_SIGNATURE;
        String bad = TRAILER_BODY.replace(sig, sig.substring(0, 63) + (sig.endsWith("c") ? "d" : "c"));

        assertRejected(signedTrailers(bad), MISMATCH, 403);
    }

    @Test
    void alteredTrailerValueIsSignatureMismatch() {
        assertRejected(signedTrailers(TRAILER_BODY.replace("second:2nd", "second:2nD")), MISMATCH, 403);
    }

    @Test
    void missingTrailerSignatureIsInvalidRequest() {
        String unsigned = CHUNK_1 + CHUNK_2 + FINAL_CHUNK + TRAILERS + "\r\n";

        assertRejected(signedTrailers(unsigned), INVALID, 400);
    }

    @Test
    void malformedTrailerSignatureIsInvalidRequest() {
        assertRejected(signedTrailers(TRAILER_BODY.replace(ChunkedBodies.TRAILER_SIGNATURE, "abc")), INVALID, 400);
    }

    @Test
    void trailerAfterTheTrailerSignatureIsInvalidRequest() {
        String late = CHUNK_1 + CHUNK_2 + FINAL_CHUNK + "first:1st\r\nsecond:2nd\r\n"
                + "x-amz-trailer-signature:" + ChunkedBodies.TRAILER_SIGNATURE + "\r\nthird:3rd\r\n\r\n";

        assertRejected(signedTrailers(late), INVALID, 400);
    }

    @Test
    void announcedTrailerThatNeverComesIsInvalidRequest() {
        String body = "3\r\nabc\r\n0\r\n\r\n";

        PayloadRejectedException e = assertRejected(unsignedTrailers(body, List.of("x-amz-checksum-crc32")),
                INVALID, 400);
        assertThat(e.getMessage()).contains("was not sent");
    }

    @Test
    void repeatedTrailerIsInvalidRequest() {
        String body = "3\r\nabc\r\n0\r\nx-amz-checksum-crc32:NSRBwg==\r\nX-Amz-Checksum-Crc32:NSRBwg==\r\n\r\n";

        assertRejected(unsignedTrailers(body, List.of("x-amz-checksum-crc32")), INVALID, 400);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"no colon", ":value", "bad name:value", "na(me:value"})
    void malformedTrailerLineIsInvalidRequest(String line) {
        String body = "3\r\nabc\r\n0\r\n" + line + "\r\n\r\n";

        assertRejected(unsignedTrailers(body, List.of("no", "bad", "name", "na")), INVALID, 400);
    }

    @Test
    void oversizedTrailerLineIsInvalidRequest() {
        String body = "3\r\nabc\r\n0\r\nx-amz-checksum-crc32:" + "A".repeat(AwsChunkedInputStream.MAX_TRAILER_LINE)
                + "\r\n\r\n";

        assertRejected(unsignedTrailers(body, List.of("x-amz-checksum-crc32")), INVALID, 400);
    }

    @Test
    void trailersWithoutATrailerModeAreInvalidRequest() {
        String body = CHUNK_1 + CHUNK_2 + FINAL_CHUNK + "x-amz-checksum-crc32:NSRBwg==\r\n\r\n";

        assertRejected(signed(body), INVALID, 400);
    }

    @Test
    void truncatedInsideTrailersIsIncompleteBody() {
        int cut = TRAILER_BODY.indexOf("third");

        assertRejected(signedTrailers(TRAILER_BODY.substring(0, cut)), INCOMPLETE, 400);
        assertRejected(signedTrailers(TRAILER_BODY.substring(0, TRAILER_BODY.length() - 2)), INCOMPLETE, 400);
    }

    @Test
    void unsignedTrailerSignatureLineIsAnUnannouncedTrailer() {
        String body = "3\r\nabc\r\n0\r\nx-amz-checksum-crc32:NSRBwg==\r\nx-amz-trailer-signature:" + "0".repeat(64)
                + "\r\n\r\n";

        assertRejected(unsignedTrailers(body, List.of("x-amz-checksum-crc32")), INVALID, 400);
    }

    @Test
    void unsignedTrailerBodyDecodes() throws IOException {
        String body = "3\r\nabc\r\n2\r\nde\r\n0\r\nx-amz-checksum-crc32: NSRBwg==\r\n\r\n";
        AwsChunkedInputStream decoded = unsignedTrailers(body, List.of("X-Amz-Checksum-CRC32"));

        assertThat(ChunkedBodies.ascii(decoded.readAllBytes())).isEqualTo("abcde");
        assertThat(decoded.trailers()).isEqualTo(Map.of("x-amz-checksum-crc32", "NSRBwg=="));
    }

    // --- announced trailers and headers (before reading) ------------------------------------------

    @Test
    void announcedTrailersWithoutATrailerModeAreInvalidRequest() {
        SignedRequest request = SdkSigning.withHeader(ChunkedBodies.documentedRequest(), "x-amz-trailer",
                "x-amz-checksum-crc32");
        VerifiedSignature verified = ChunkedBodies.verified(PayloadMode.STREAMING_SIGNED);

        assertThatThrownBy(() -> AwsChunkedInputStream.forRequest(stream(BODY), verified, request))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo(INVALID);
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
    }

    @Test
    void tooManyAnnouncedTrailersAreInvalidRequest() {
        SignedRequest request = SdkSigning.withHeader(ChunkedBodies.documentedRequest(), "x-amz-trailer",
                "a,b,c,d,e,f,g,h,i");
        VerifiedSignature verified = ChunkedBodies.verified(PayloadMode.STREAMING_UNSIGNED_TRAILER);

        assertThatThrownBy(() -> AwsChunkedInputStream.forRequest(stream(BODY), verified, request))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo(INVALID));
    }

    @ParameterizedTest(name = "x-amz-trailer: {0}")
    @ValueSource(strings = {"x-amz-trailer-signature", "bad name", "a;b"})
    void unacceptableTrailerNameIsInvalidRequest(String announced) {
        SignedRequest request = SdkSigning.withHeader(ChunkedBodies.documentedRequest(), "x-amz-trailer", announced);
        VerifiedSignature verified = ChunkedBodies.verified(PayloadMode.STREAMING_SIGNED_TRAILER);

        assertThatThrownBy(() -> AwsChunkedInputStream.forRequest(stream(BODY), verified, request))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo(INVALID));
    }

    @Test
    void announcedTrailerListIsSplitOnCommasAndRepeatedHeaders() throws IOException {
        SignedRequest request = SdkSigning.withHeader(ChunkedBodies.documentedRequest(), "x-amz-trailer",
                " first , second", "third");
        VerifiedSignature verified = ChunkedBodies.verified(PayloadMode.STREAMING_SIGNED_TRAILER);

        AwsChunkedInputStream decoded = AwsChunkedInputStream.forRequest(stream(TRAILER_BODY), verified, request);

        assertThat(decoded.readAllBytes()).hasSize(ChunkedBodies.DECODED_LENGTH);
        assertThat(decoded.trailers()).containsOnlyKeys("first", "second", "third");
    }

    @ParameterizedTest(name = "x-amz-decoded-content-length: ''{0}''")
    @ValueSource(strings = {"", "-1", "12a", "1e3", "9999999999999999999"})
    void malformedDecodedContentLengthIsInvalidArgument(String value) {
        SignedRequest request = SdkSigning.withHeader(ChunkedBodies.documentedRequest(),
                "x-amz-decoded-content-length", value);
        VerifiedSignature verified = ChunkedBodies.verified(PayloadMode.STREAMING_SIGNED);

        assertThatThrownBy(() -> AwsChunkedInputStream.forRequest(stream(BODY), verified, request))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidArgument");
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
    }

    @Test
    void repeatedDecodedContentLengthIsInvalidArgument() {
        SignedRequest request = SdkSigning.withHeader(ChunkedBodies.documentedRequest(),
                "x-amz-decoded-content-length", "66560", "66560");
        VerifiedSignature verified = ChunkedBodies.verified(PayloadMode.STREAMING_SIGNED);

        assertThatThrownBy(() -> AwsChunkedInputStream.forRequest(stream(BODY), verified, request))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidArgument"));
    }

    @Test
    void nonStreamingPayloadIsAProgrammingError() {
        VerifiedSignature verified = ChunkedBodies.verified(PayloadMode.UNSIGNED);

        assertThatThrownBy(() -> AwsChunkedInputStream.forRequest(stream(BODY), verified,
                ChunkedBodies.documentedRequest())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AwsChunkedInputStream(stream(BODY), verified, OptionalLong.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chunkSignerThatDoesNotMatchTheModeIsAProgrammingError() {
        Optional<ChunkSigner> signer = ChunkedBodies.verified(PayloadMode.STREAMING_SIGNED).chunkSigner();
        SignedRequest request = ChunkedBodies.documentedRequest();

        assertThatThrownBy(() -> new AwsChunkedInputStream(stream(BODY), PayloadMode.STREAMING_SIGNED, Optional.empty(),
                OptionalLong.empty(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AwsChunkedInputStream(stream(BODY), PayloadMode.STREAMING_UNSIGNED_TRAILER, signer,
                OptionalLong.empty(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AwsChunkedInputStream.forRequest(stream(BODY), PayloadMode.STREAMING_SIGNED_TRAILER,
                Optional.empty(), request)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeDeclaredLengthIsAProgrammingError() {
        assertThatThrownBy(() -> new AwsChunkedInputStream(stream(BODY),
                ChunkedBodies.verified(PayloadMode.STREAMING_SIGNED), OptionalLong.of(-1), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
