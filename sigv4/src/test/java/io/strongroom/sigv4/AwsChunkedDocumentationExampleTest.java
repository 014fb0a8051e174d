package io.strongroom.sigv4;

import static io.strongroom.sigv4.ChunkedBodies.BODY;
import static io.strongroom.sigv4.ChunkedBodies.DECODED_LENGTH;
import static io.strongroom.sigv4.ChunkedBodies.TRAILER_BODY;
import static io.strongroom.sigv4.ChunkedBodies.ascii;
import static io.strongroom.sigv4.ChunkedBodies.readAll;
import static io.strongroom.sigv4.ChunkedBodies.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Known answers: the AWS documentation's signed aws-chunked upload, and the AWS CRT's trailer signature. */
class AwsChunkedDocumentationExampleTest {

    @Test
    void documentedRequestVerifiesAndCarriesItsChunkSigner() {
        VerifiedSignature verified = ChunkedBodies.documentedVerifier().verify(ChunkedBodies.documentedRequest());

        assertThat(verified.payloadMode()).isEqualTo(PayloadMode.STREAMING_SIGNED);
        ChunkSigner signer = verified.chunkSigner().orElseThrow();
        assertThat(signer.seedSignature()).isEqualTo(ChunkedBodies.SEED);
        assertThat(signer.requestTime()).isEqualTo("20130524T000000Z");
        assertThat(signer.scope()).isEqualTo("20130524/us-east-1/s3/aws4_request");
        assertThat(signer).isEqualTo(new ChunkSigner(ChunkedBodies.SEED, ChunkedBodies.signingKey(),
                ChunkedBodies.AMZ_DATE, ChunkedBodies.SCOPE));
    }

    @Test
    void documentedChunkSignaturesAreWhatTheChainComputes() {
        ChunkSigner signer = new ChunkSigner(ChunkedBodies.SEED, ChunkedBodies.signingKey(), ChunkedBodies.AMZ_DATE,
                ChunkedBodies.SCOPE);

        byte[] first = signer.chunkSignature(ChunkedBodies.SEED, Sha256.digest(ChunkedBodies.data(65536)));
        byte[] second = signer.chunkSignature(Hex.encode(first), Sha256.digest(ChunkedBodies.data(1024)));
        byte[] last = signer.chunkSignature(Hex.encode(second), Sha256.digest(""));

        assertThat(Hex.encode(first)).isEqualTo(ChunkedBodies.SIGNATURE_1);
        assertThat(Hex.encode(second)).isEqualTo(ChunkedBodies.SIGNATURE_2);
        assertThat(Hex.encode(last)).isEqualTo(ChunkedBodies.FINAL_SIGNATURE);
    }

    @ParameterizedTest(name = "read {0} bytes at a time")
    @ValueSource(ints = {1, 7, 4096, 65536, 70000})
    void documentedBodyDecodesToItsData(int bufferSize) {
        SignedRequest request = ChunkedBodies.documentedRequest();
        VerifiedSignature verified = ChunkedBodies.documentedVerifier().verify(request);
        assertThat(BODY).hasSize(66824);

        AwsChunkedInputStream decoded = AwsChunkedInputStream.forRequest(stream(BODY), verified, request);

        assertThat(ascii(readAll(decoded, bufferSize))).isEqualTo(ChunkedBodies.data(DECODED_LENGTH));
        assertThat(decoded.decodedLength()).isEqualTo(DECODED_LENGTH);
        assertThat(decoded.trailers()).isEmpty();
    }

    @Test
    void readingPastTheEndKeepsAnsweringEndOfStream() throws IOException {
        AwsChunkedInputStream decoded = ChunkedBodies.signed(BODY);
        decoded.readAllBytes();

        assertThat(decoded.read()).isEqualTo(-1);
        assertThat(decoded.read(new byte[8], 0, 8)).isEqualTo(-1);
    }

    @Test
    void skippingStillVerifiesEveryChunk() throws IOException {
        AwsChunkedInputStream decoded = ChunkedBodies.signed(BODY);

        assertThat(decoded.skip(DECODED_LENGTH - 1)).isEqualTo(DECODED_LENGTH - 1);
        assertThat(decoded.read()).isEqualTo('a');
        assertThat(decoded.read()).isEqualTo(-1);
        assertThat(decoded.trailers()).isEmpty();
    }

    @Test
    void trailersAreNotKnownBeforeTheEnd() throws IOException {
        AwsChunkedInputStream decoded = ChunkedBodies.signedTrailers(TRAILER_BODY);
        decoded.readNBytes(100);

        assertThatThrownBy(decoded::trailers).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void signedTrailersOfTheCrtExampleVerify() {
        AwsChunkedInputStream decoded = ChunkedBodies.signedTrailers(TRAILER_BODY);

        assertThat(ascii(readAll(decoded, 4096))).isEqualTo(ChunkedBodies.data(DECODED_LENGTH));
        assertThat(decoded.trailers()).containsExactly(Map.entry("first", "1st"), Map.entry("second", "2nd"),
                Map.entry("third", "3rd"));
    }

    @Test
    void trailerSignatureCoversTheTrailersInNameOrderWhateverTheirOrderOnTheWire() {
        String reordered = TRAILER_BODY.replace(ChunkedBodies.TRAILERS, "THIRD: 3rd\r\nfirst:1st\r\nSecond:2nd\r\n");
        AwsChunkedInputStream decoded = ChunkedBodies.signedTrailers(reordered);

        assertThat(readAll(decoded, 4096)).hasSize(DECODED_LENGTH);
        assertThat(decoded.trailers()).containsExactly(Map.entry("first", "1st"), Map.entry("second", "2nd"),
                Map.entry("third", "3rd"));
    }

    @Test
    void trailerSignatureIsWhatTheChainComputes() {
        ChunkSigner signer = new ChunkSigner(ChunkedBodies.SEED, ChunkedBodies.signingKey(), ChunkedBodies.AMZ_DATE,
                ChunkedBodies.SCOPE);

        byte[] signature = signer.trailerSignature(ChunkedBodies.FINAL_SIGNATURE,
                Sha256.digest("first:1st\nsecond:2nd\nthird:3rd\n"));

        assertThat(Hex.encode(signature)).isEqualTo(ChunkedBodies.TRAILER_SIGNATURE);
    }

    @Test
    void upperCaseChunkSignaturesAreAccepted() {
        String upper = BODY.replace(ChunkedBodies.SIGNATURE_1, ChunkedBodies.SIGNATURE_1.toUpperCase(Locale.ROOT));

        assertThat(readAll(ChunkedBodies.signed(upper), 4096)).hasSize(DECODED_LENGTH);
    }

    @Test
    void withoutADeclaredLengthTheBodyStillDecodes() {
        SignedRequest request = SdkSigning.withoutHeader(ChunkedBodies.documentedRequest(), "x-amz-decoded-content-length");
        VerifiedSignature verified = ChunkedBodies.verified(PayloadMode.STREAMING_SIGNED);

        assertThat(readAll(AwsChunkedInputStream.forRequest(stream(BODY), verified, request), 4096))
                .hasSize(DECODED_LENGTH);
    }
}
