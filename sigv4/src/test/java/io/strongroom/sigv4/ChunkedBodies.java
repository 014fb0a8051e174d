package io.strongroom.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The AWS documentation's aws-chunked example ("Signature calculations for the Authorization header:
 * transferring payload in multiple chunks"): 66560 bytes of 'a' in chunks of 65536, 1024 and 0 bytes,
 * with its published seed and chunk signatures; plus the trailer signature of the same chain over the
 * trailers {@code first:1st}, {@code second:2nd}, {@code third:3rd} published by the AWS Common Runtime's
 * chunk signer tests. Bodies are built as ASCII text so that tests can alter them.
 */
final class ChunkedBodies {
    static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final Instant TIME = Instant.parse("2013-05-24T00:00:00Z");
    static final String AMZ_DATE = "20130524T000000Z";
    static final String SCOPE = "20130524/us-east-1/s3/aws4_request";
    static final String SEED = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
    static final String SIGNATURE_1 = "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648";
    static final String SIGNATURE_2 = "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497";
    static final String FINAL_SIGNATURE = "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9";
    static final String TRAILER_SIGNATURE = "df5735bd9f3295cd9386572292562fefc93ba94e80a0a1ddcbd652c4e0a75e6c";
    static final int DECODED_LENGTH = 66560;
    static final String CHUNK_1 = chunk(65536, SIGNATURE_1);
    static final String CHUNK_2 = chunk(1024, SIGNATURE_2);
    static final String FINAL_CHUNK = "0;chunk-signature=" + FINAL_SIGNATURE + "\r\n";
    /** The documented body, 66824 bytes. */
    static final String BODY = CHUNK_1 + CHUNK_2 + FINAL_CHUNK + "\r\n";
    static final String TRAILERS = "first:1st\r\nsecond:2nd\r\nthird:3rd\r\n";
    /** The documented chunks followed by the signed trailers. */
    static final String TRAILER_BODY = CHUNK_1 + CHUNK_2 + FINAL_CHUNK + TRAILERS
            + "x-amz-trailer-signature:" + TRAILER_SIGNATURE + "\r\n\r\n";
    static final List<String> ANNOUNCED = List.of("first", "second", "third");

    private ChunkedBodies() {
    }

    static String chunk(int size, String signature) {
        return Integer.toHexString(size) + ";chunk-signature=" + signature + "\r\n" + "a".repeat(size) + "\r\n";
    }

    static String data(int size) {
        return "a".repeat(size);
    }

    /** The documented request: {@code PUT /examplebucket/chunkObject.txt}, its body left out. */
    static SignedRequest documentedRequest() {
        return new SignedRequest("PUT", "/examplebucket/chunkObject.txt", "", Map.of(
                "Host", List.of("s3.amazonaws.com"),
                "x-amz-date", List.of(AMZ_DATE),
                "x-amz-storage-class", List.of("REDUCED_REDUNDANCY"),
                "Authorization", List.of("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY_ID + "/" + SCOPE
                        + ",SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;"
                        + "x-amz-decoded-content-length;x-amz-storage-class,Signature=" + SEED),
                "x-amz-content-sha256", List.of("STREAMING-AWS4-HMAC-SHA256-PAYLOAD"),
                "Content-Encoding", List.of("aws-chunked"),
                "x-amz-decoded-content-length", List.of(Integer.toString(DECODED_LENGTH)),
                "Content-Length", List.of("66824")), Optional.empty());
    }

    static SigV4Verifier documentedVerifier() {
        return new SigV4Verifier(id -> id.equals(ACCESS_KEY_ID) ? Optional.of(SigningSecret.of(SECRET))
                : Optional.empty(), Clock.fixed(TIME, ZoneOffset.UTC));
    }

    static byte[] signingKey() {
        return SigningKeyDerivation.derive(SigningSecret.of(SECRET),
                new CredentialScope(LocalDate.of(2013, 5, 24), "us-east-1", "s3"));
    }

    /** A verified request of the documentation's chain (same seed and key) in the given payload mode. */
    static VerifiedSignature verified(PayloadMode mode) {
        Optional<ChunkSigner> signer = mode.signedChunks()
                ? Optional.of(new ChunkSigner(SEED, signingKey(), AMZ_DATE, SCOPE)) : Optional.empty();
        return new VerifiedSignature(ACCESS_KEY_ID, "us-east-1", "s3", TIME, false, Optional.empty(), mode, signer);
    }

    /** Decodes a documented-chain body with signed chunks and no trailers, declaring the documented length. */
    static AwsChunkedInputStream signed(String body) {
        return new AwsChunkedInputStream(stream(body), verified(PayloadMode.STREAMING_SIGNED),
                OptionalLong.of(DECODED_LENGTH), List.of());
    }

    /** Decodes a documented-chain body with signed chunks and the trailers first, second and third. */
    static AwsChunkedInputStream signedTrailers(String body) {
        return new AwsChunkedInputStream(stream(body), verified(PayloadMode.STREAMING_SIGNED_TRAILER),
                OptionalLong.of(DECODED_LENGTH), ANNOUNCED);
    }

    /** Decodes a body without signatures and with the given announced trailers, no declared length. */
    static AwsChunkedInputStream unsignedTrailers(String body, Collection<String> announced) {
        return new AwsChunkedInputStream(stream(body), verified(PayloadMode.STREAMING_UNSIGNED_TRAILER),
                OptionalLong.empty(), announced);
    }

    static InputStream stream(String ascii) {
        return new ByteArrayInputStream(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Reads everything with reads of at most {@code bufferSize} bytes (1: the single-byte read). */
    static byte[] readAll(InputStream in, int bufferSize) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (bufferSize == 1) {
                for (int b = in.read(); b >= 0; b = in.read()) {
                    out.write(b);
                }
                return out.toByteArray();
            }
            byte[] buffer = new byte[bufferSize];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reading to the end fails with the given S3 code and status; returns the failure. */
    static PayloadRejectedException assertRejected(InputStream in, String s3Code, int status) {
        PayloadRejectedException[] caught = new PayloadRejectedException[1];
        assertThatThrownBy(in::readAllBytes).isInstanceOfSatisfying(PayloadRejectedException.class, e -> caught[0] = e);
        assertThat(caught[0].s3Code()).isEqualTo(s3Code);
        assertThat(caught[0].s3HttpStatus()).isEqualTo(status);
        assertThat(caught[0].getMessage()).isEqualTo(caught[0].error().getMessage()).doesNotContain(SECRET);
        // Failures are sticky: the stream does not resume after a rejected part.
        assertThatThrownBy(in::read).isSameAs(caught[0]);
        return caught[0];
    }
}
