package io.strongroom.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.sigv4.SdkSigning.Spec;
import io.strongroom.sigv4.SigV4Exception.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;

/** The verifier accepts S3 requests whose body is left out, in every payload mode, and says which mode. */
class StreamingPayloadModeTest {
    private final SdkSigning sdk = new SdkSigning();
    private final SigV4Verifier verifier = SdkSigning.verifier();

    @Test
    void signedHexWithoutBody() {
        SignedRequest signed = sdk.sign(Spec.get("s3").method("PUT").path("/bucket/key").body("data"));

        VerifiedSignature verified = verifier.verify(SdkSigning.withBody(signed, null));

        assertThat(verified.payloadMode()).isEqualTo(PayloadMode.signedHex(
                Hex.encode(Sha256.digest("data".getBytes(StandardCharsets.UTF_8)))));
        assertThat(verified.chunkSigner()).isEmpty();
    }

    @Test
    void unsignedPayloadWithoutBody() {
        SignedRequest signed = sdk.signWithUnsignedPayload(Spec.get("s3").method("PUT").path("/bucket/key").body("x"));

        VerifiedSignature verified = verifier.verify(SdkSigning.withBody(signed, null));

        assertThat(verified.payloadMode()).isEqualTo(PayloadMode.UNSIGNED);
        assertThat(verified.chunkSigner()).isEmpty();
    }

    @Test
    void presignedS3RequestIsUnsigned() {
        SignedRequest signed = sdk.sign(Spec.get("s3").method("PUT").path("/bucket/key").asPresigned());

        assertThat(verifier.verify(SdkSigning.withBody(signed, null)).payloadMode()).isEqualTo(PayloadMode.UNSIGNED);
    }

    @Test
    void streamingSignedWithoutBodyCarriesAChunkSignerSeededWithTheRequestSignature() {
        SignedRequest request = sdk.signChunked(new byte[100], true, Optional.empty()).request();
        assertThat(request.body()).isEmpty();

        VerifiedSignature verified = verifier.verify(request);

        assertThat(verified.payloadMode()).isEqualTo(PayloadMode.STREAMING_SIGNED);
        ChunkSigner signer = verified.chunkSigner().orElseThrow();
        assertThat(request.header("Authorization").orElseThrow()).endsWith("Signature=" + signer.seedSignature());
        assertThat(signer.requestTime()).isEqualTo("20260101T120000Z");
        assertThat(signer.scope()).isEqualTo("20260101/us-east-1/s3/aws4_request");
    }

    @Test
    void streamingSignedTrailerWithoutBody() {
        SignedRequest request = sdk.signChunked(new byte[100], true, Optional.of(DefaultChecksumAlgorithm.CRC32))
                .request();

        VerifiedSignature verified = verifier.verify(request);

        assertThat(verified.payloadMode()).isEqualTo(PayloadMode.STREAMING_SIGNED_TRAILER);
        assertThat(verified.chunkSigner()).isPresent();
    }

    @Test
    void streamingUnsignedTrailerWithoutBodyHasNoChunkSigner() {
        SignedRequest request = sdk.signChunked(new byte[100], false, Optional.of(DefaultChecksumAlgorithm.CRC32))
                .request();

        VerifiedSignature verified = verifier.verify(request);

        assertThat(verified.payloadMode()).isEqualTo(PayloadMode.STREAMING_UNSIGNED_TRAILER);
        assertThat(verified.chunkSigner()).isEmpty();
    }

    @Test
    void queryServiceBodyIsSignedHexOfTheBody() {
        SignedRequest signed = sdk.sign(Spec.get("sts").method("POST").body("Action=GetCallerIdentity"));

        assertThat(verifier.verify(signed).payloadMode()).isEqualTo(PayloadMode.signedHex(
                Hex.encode(Sha256.digest("Action=GetCallerIdentity".getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void streamingDeclarationChangedAfterSigningIsSignatureMismatch() {
        SignedRequest request = sdk.signChunked(new byte[100], true, Optional.empty()).request();

        assertThatThrownBy(() -> verifier.verify(SdkSigning.withHeader(request, "x-amz-content-sha256",
                "STREAMING-UNSIGNED-PAYLOAD-TRAILER"))).isInstanceOfSatisfying(SigV4Exception.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD", "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER"})
    void ecdsaStreamingIsNotSupported(String literal) {
        SignedRequest request = sdk.signChunked(new byte[100], true, Optional.empty()).request();

        assertThatThrownBy(() -> verifier.verify(SdkSigning.withHeader(request, "x-amz-content-sha256", literal)))
                .isInstanceOfSatisfying(SigV4Exception.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_CONTENT_SHA256);
                    assertThat(e.s3Code()).isEqualTo("InvalidArgument");
                    assertThat(e.getMessage()).contains("not supported");
                });
    }

    // --- VerifiedSignature and ChunkSigner as values ----------------------------------------------

    @Test
    void handBuiltVerifiedSignatureDeclaresAnEmptyBody() {
        VerifiedSignature verified = new VerifiedSignature("AKID", "us-east-1", "s3", Instant.EPOCH, false,
                Optional.empty());

        assertThat(verified.payloadMode()).isEqualTo(PayloadMode.signedHex(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertThat(verified.chunkSigner()).isEmpty();
    }

    @Test
    void chunkSignerComesWithSignedStreamingOnly() {
        ChunkSigner signer = signer();

        assertThatThrownBy(() -> new VerifiedSignature("AKID", "us-east-1", "s3", Instant.EPOCH, false,
                Optional.empty(), PayloadMode.STREAMING_UNSIGNED_TRAILER, Optional.of(signer)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VerifiedSignature("AKID", "us-east-1", "s3", Instant.EPOCH, false,
                Optional.empty(), PayloadMode.STREAMING_SIGNED, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNeverShowsTheSigningKey() {
        byte[] key = ChunkedBodies.signingKey();
        ChunkSigner signer = new ChunkSigner(ChunkedBodies.SEED, key, ChunkedBodies.AMZ_DATE, ChunkedBodies.SCOPE);
        VerifiedSignature verified = ChunkedBodies.verified(PayloadMode.STREAMING_SIGNED);
        String hexKey = HexFormat.of().formatHex(key);

        assertThat(signer.toString()).contains("redacted").doesNotContain(hexKey);
        assertThat(verified.toString()).contains("payloadMode=STREAMING_SIGNED,").contains(ChunkedBodies.SEED).doesNotContain(hexKey);
    }

    @Test
    void chunkSignerCopiesItsKey() {
        byte[] key = ChunkedBodies.signingKey();
        ChunkSigner signer = new ChunkSigner(ChunkedBodies.SEED, key, ChunkedBodies.AMZ_DATE, ChunkedBodies.SCOPE);
        key[0] ^= 1;

        assertThat(signer).isEqualTo(signer()).isNotEqualTo(
                new ChunkSigner(ChunkedBodies.SEED, key, ChunkedBodies.AMZ_DATE, ChunkedBodies.SCOPE));
    }

    @Test
    void chunkSignerRejectsMalformedParts() {
        byte[] key = ChunkedBodies.signingKey();

        assertThatThrownBy(() -> new ChunkSigner("abc", key, ChunkedBodies.AMZ_DATE, ChunkedBodies.SCOPE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChunkSigner(ChunkedBodies.SEED, new byte[16], ChunkedBodies.AMZ_DATE,
                ChunkedBodies.SCOPE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChunkSigner(ChunkedBodies.SEED, key, "2013-05-24", ChunkedBodies.SCOPE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChunkSigner(ChunkedBodies.SEED, key, ChunkedBodies.AMZ_DATE, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signedHexRejectsAMalformedHashAndNormalisesCase() {
        assertThatThrownBy(() -> PayloadMode.signedHex("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PayloadMode.signedHex("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"))
                .isEqualTo(PayloadMode.signedHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    private static ChunkSigner signer() {
        return new ChunkSigner(ChunkedBodies.SEED, ChunkedBodies.signingKey(), ChunkedBodies.AMZ_DATE,
                ChunkedBodies.SCOPE);
    }
}
