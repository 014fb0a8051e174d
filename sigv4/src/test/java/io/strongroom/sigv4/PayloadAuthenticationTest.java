package io.strongroom.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.sigv4.SdkSigning.Spec;
import io.strongroom.sigv4.SigV4Exception.Reason;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Outside {@code s3} the body is always authenticated: {@code x-amz-content-sha256} literals that leave it
 * unsigned are refused. (The AWS SDK for Java v2 signs the body of IAM, STS and KMS requests by default.)
 */
class PayloadAuthenticationTest {
    private static final String BODY = "Action=ListUsers&Version=2010-05-08";
    private static final String OTHER_BODY = "Action=CreateAccessKey&UserName=admin&Version=2010-05-08";

    private final SdkSigning sdk = new SdkSigning();
    private final SigV4Verifier verifier = SdkSigning.verifier();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"iam", "sts", "kms"})
    void sdkDefaultSignsTheBodyOfQueryServices(String service) {
        SignedRequest request = sdk.sign(post(service));

        assertThat(request.header("x-amz-content-sha256")).hasValue(
                Hex.encode(Sha256.digest(BODY.getBytes(StandardCharsets.UTF_8))));
        assertThat(verifier.verify(request).service()).isEqualTo(service);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"iam", "sts", "kms"})
    void unsignedPayloadIsRefusedAndCannotBeReplayedWithAnotherBody(String service) {
        SignedRequest signed = sdk.signWithUnsignedPayload(post(service));
        assertThat(signed.header("x-amz-content-sha256")).hasValue("UNSIGNED-PAYLOAD");
        SignedRequest replayed = SdkSigning.withBody(signed, OTHER_BODY.getBytes(StandardCharsets.UTF_8));

        assertRefused(signed);
        assertRefused(replayed);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"STREAMING-UNSIGNED-PAYLOAD-TRAILER", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
            "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD",
            "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER"})
    void streamingLiteralsAreRefusedOutsideS3(String literal) {
        SignedRequest signed = sdk.sign(post("iam"));

        assertRefused(SdkSigning.withHeader(signed, "x-amz-content-sha256", literal));
    }

    @Test
    void presignedQueryServiceRequestSignedOverUnsignedPayloadDoesNotVerify() {
        SignedRequest presigned = sdk.signWithUnsignedPayload(post("sts").asPresigned());
        assertThat(presigned.header("x-amz-content-sha256")).isEmpty();

        assertThatThrownBy(() -> verifier.verify(presigned)).isInstanceOfSatisfying(SigV4Exception.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH));
    }

    @Test
    void declaredHashWithoutABodyIsComparedWithTheEmptyBodyOutsideS3() {
        SignedRequest signed = sdk.sign(post("iam"));

        assertThatThrownBy(() -> verifier.verify(SdkSigning.withBody(signed, null)))
                .isInstanceOfSatisfying(SigV4Exception.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CONTENT_SHA256_MISMATCH);
                    assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
                    assertThat(e.httpStatus()).isEqualTo(403);
                });
    }

    @Test
    void s3StillAcceptsUnsignedPayloadUntilItsOwnStreamingVerification() {
        SignedRequest signed = sdk.signWithUnsignedPayload(Spec.get("s3").method("PUT").path("/bucket/key").body(BODY));
        assertThat(signed.header("x-amz-content-sha256")).hasValue("UNSIGNED-PAYLOAD");

        assertThat(verifier.verify(signed).service()).isEqualTo("s3");
        assertThat(verifier.verify(SdkSigning.withBody(signed, OTHER_BODY.getBytes(StandardCharsets.UTF_8)))
                .service()).isEqualTo("s3");
    }

    private static Spec post(String service) {
        return Spec.get(service).method("POST")
                .headers(Map.of("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8")))
                .body(BODY);
    }

    private void assertRefused(SignedRequest request) {
        assertThatThrownBy(() -> verifier.verify(request)).isInstanceOfSatisfying(SigV4Exception.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.INVALID_CONTENT_SHA256);
            assertThat(e.code()).isEqualTo("IncompleteSignature");
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.getMessage()).contains("x-amz-content-sha256").doesNotContain(SdkSigning.SECRET);
        });
    }
}
