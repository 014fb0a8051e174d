package io.strongroom.sigv4;

import static io.strongroom.sigv4.ChunkedBodies.assertRejected;
import static io.strongroom.sigv4.ChunkedBodies.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.sigv4.SdkSigning.Spec;
import io.strongroom.sigv4.SigV4Exception.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A body declared by its hex SHA-256 is compared with it when it ends. */
class Sha256VerifyingInputStreamTest {
    private static final byte[] BODY = "the body that was signed".getBytes(StandardCharsets.UTF_8);
    private static final String HASH = Hex.encode(Sha256.digest(BODY));

    @ParameterizedTest(name = "read {0} bytes at a time")
    @ValueSource(ints = {1, 5, 4096})
    void matchingBodyReadsThrough(int bufferSize) {
        assertThat(readAll(new Sha256VerifyingInputStream(new ByteArrayInputStream(BODY), HASH), bufferSize))
                .isEqualTo(BODY);
    }

    @Test
    void upperCaseHashIsAccepted() throws IOException {
        var in = new Sha256VerifyingInputStream(new ByteArrayInputStream(BODY), HASH.toUpperCase(Locale.ROOT));

        assertThat(in.readAllBytes()).isEqualTo(BODY);
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void wrongSha256IsXAmzContentSha256Mismatch() {
        byte[] other = "another body of some length".getBytes(StandardCharsets.UTF_8);

        PayloadRejectedException e = assertRejected(
                new Sha256VerifyingInputStream(new ByteArrayInputStream(other), HASH), "XAmzContentSHA256Mismatch", 400);
        assertThat(e.error()).isInstanceOfSatisfying(SigV4Exception.class,
                s -> assertThat(s.reason()).isEqualTo(Reason.CONTENT_SHA256_MISMATCH));
    }

    @Test
    void truncatedBodyIsXAmzContentSha256Mismatch() {
        byte[] truncated = Arrays.copyOf(BODY, BODY.length - 1);

        assertRejected(new Sha256VerifyingInputStream(new ByteArrayInputStream(truncated), HASH),
                "XAmzContentSHA256Mismatch", 400);
    }

    @Test
    void extendedBodyIsXAmzContentSha256Mismatch() {
        byte[] longer = Arrays.copyOf(BODY, BODY.length + 1);

        assertRejected(new Sha256VerifyingInputStream(new ByteArrayInputStream(longer), HASH),
                "XAmzContentSHA256Mismatch", 400);
    }

    @Test
    void skippedBytesAreHashedToo() throws IOException {
        byte[] other = BODY.clone();
        other[3] ^= 0x20;
        var in = new Sha256VerifyingInputStream(new ByteArrayInputStream(other), HASH);

        assertThat(in.skip(10)).isEqualTo(10);
        assertThatThrownBy(in::readAllBytes).isInstanceOf(PayloadRejectedException.class);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "abc", "zz", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85"})
    void malformedExpectedHashIsAProgrammingError(String hash) {
        assertThatThrownBy(() -> new Sha256VerifyingInputStream(new ByteArrayInputStream(BODY), hash))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sdkSignedS3PutVerifiedWithoutItsBodyChecksTheStreamedBody() throws IOException {
        SignedRequest signed = new SdkSigning().sign(Spec.get("s3").method("PUT").path("/bucket/key")
                .body(new String(BODY, StandardCharsets.UTF_8)));
        VerifiedSignature verified = SdkSigning.verifier().verify(SdkSigning.withBody(signed, null));

        assertThat(verified.payloadMode()).isEqualTo(PayloadMode.signedHex(HASH));
        PayloadMode.SignedHex mode = (PayloadMode.SignedHex) verified.payloadMode();
        assertThat(new Sha256VerifyingInputStream(new ByteArrayInputStream(BODY), mode).readAllBytes())
                .isEqualTo(BODY);
        assertRejected(new Sha256VerifyingInputStream(new ByteArrayInputStream("replaced".getBytes(
                StandardCharsets.UTF_8)), mode), "XAmzContentSHA256Mismatch", 400);
    }
}
