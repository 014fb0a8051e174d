package io.strongroom.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.sigv4.SdkSigning.Spec;
import io.strongroom.sigv4.SigV4Exception.Reason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each failure reason the verifier raises before (or instead of) comparing signatures, with its codes. */
class SigV4VerifierFailureTest {
    private final SdkSigning sdk = new SdkSigning();
    private final SigV4Verifier verifier = SdkSigning.verifier();

    @Test
    void noAuthenticationAtAllIsMissingAuthenticationToken() {
        SignedRequest anonymous = new SignedRequest("GET", "/", "Action=ListUsers",
                Map.of("Host", List.of("iam.amazonaws.com")), Optional.empty());

        assertThat(SigV4Verifier.hasAuthentication(anonymous)).isFalse();
        SigV4Exception e = failure(anonymous, Reason.MISSING_AUTHENTICATION);
        assertThat(e.code()).isEqualTo("MissingAuthenticationToken");
        assertThat(e.httpStatus()).isEqualTo(403);
        assertThat(e.getMessage()).isEqualTo("Request is missing Authentication Token");
        assertThat(e.s3Code()).isEqualTo("AccessDenied");
    }

    @Test
    void headerAndQueryFormsTogetherAreRejected() {
        SignedRequest header = sdk.sign(Spec.get("s3").path("/b/k"));
        SignedRequest presigned = sdk.sign(Spec.get("s3").path("/b/k").asPresigned());
        SignedRequest both = SdkSigning.withQuery(header, presigned.rawQuery());

        assertThat(SigV4Verifier.hasAuthentication(both)).isTrue();
        SigV4Exception e = failure(both, Reason.CONFLICTING_AUTHENTICATION);
        assertThat(e.s3Code()).isEqualTo("InvalidArgument");
    }

    @Test
    void hostNotSignedIsIncompleteSignature() {
        SignedRequest request = sdk.sign(Spec.get("iam"));
        String auth = request.header("Authorization").orElseThrow().replace("SignedHeaders=host;", "SignedHeaders=");

        failure(SdkSigning.withHeader(request, "Authorization", auth), Reason.INCOMPLETE_SIGNATURE);
    }

    @Test
    void hostNotSignedInPresignedQueryIsMalformedQueryAuth() {
        SignedRequest request = sdk.sign(Spec.get("s3").path("/b/k").headers(Map.of("X-Extra", List.of("1")))
                .asPresigned());
        String query = request.rawQuery().replace("X-Amz-SignedHeaders=host%3Bx-extra", "X-Amz-SignedHeaders=x-extra");
        assertThat(query).isNotEqualTo(request.rawQuery());

        failure(SdkSigning.withQuery(request, query), Reason.MALFORMED_QUERY_AUTH);
    }

    @Test
    void signedHeaderAbsentFromRequestIsIncompleteSignature() {
        SignedRequest request = sdk.sign(Spec.get("iam").headers(Map.of("X-Custom", List.of("v"))));

        SigV4Exception e = failure(SdkSigning.withoutHeader(request, "X-Custom"), Reason.INCOMPLETE_SIGNATURE);
        assertThat(e.getMessage()).contains("x-custom");
    }

    @Test
    void unsignedAmzDateIsIncompleteSignature() {
        SignedRequest request = sdk.sign(Spec.get("iam"));
        String auth = request.header("Authorization").orElseThrow().replace(";x-amz-date", "");

        SigV4Exception e = failure(SdkSigning.withHeader(request, "Authorization", auth), Reason.INCOMPLETE_SIGNATURE);
        assertThat(e.getMessage()).contains("x-amz-date");
    }

    @Test
    void missingDateHeaderIsIncompleteSignature() {
        SignedRequest request = sdk.sign(Spec.get("iam"));

        SigV4Exception e = failure(SdkSigning.withoutHeader(request, "X-Amz-Date"), Reason.INCOMPLETE_SIGNATURE);
        assertThat(e.getMessage()).isEqualTo(
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }

    @Test
    void credentialDateOtherThanRequestDateIsIncompleteSignature() {
        SignedRequest request = sdk.sign(Spec.get("iam"));
        String auth = request.header("Authorization").orElseThrow().replace("/20260101/", "/20251231/");

        SigV4Exception e = failure(SdkSigning.withHeader(request, "Authorization", auth), Reason.INCOMPLETE_SIGNATURE);
        assertThat(e.getMessage()).contains("Invalid credential date");
    }

    @Test
    void unknownContentSha256ValueIsRejected() {
        SignedRequest request = sdk.sign(Spec.get("s3").method("PUT").path("/b/k").body("x"));

        SigV4Exception e = failure(SdkSigning.withHeader(request, "x-amz-content-sha256", "STREAMING-NONSENSE"),
                Reason.INVALID_CONTENT_SHA256);
        assertThat(e.s3Code()).isEqualTo("InvalidArgument");
    }

    @Test
    void malformedAuthorizationHeaderIsIncompleteSignature() {
        SignedRequest request = sdk.sign(Spec.get("iam"));

        failure(SdkSigning.withHeader(request, "Authorization", "AWS4-HMAC-SHA256 Credential=x"),
                Reason.INCOMPLETE_SIGNATURE);
    }

    @Test
    void lookupIsNotConsultedForMalformedRequests() {
        SignedRequest request = sdk.sign(Spec.get("iam"));
        int[] lookups = {0};
        SigV4Verifier counting = new SigV4Verifier(id -> {
            lookups[0]++;
            return Optional.empty();
        }, SdkSigning.CLOCK);

        assertThatThrownBy(() -> counting.verify(SdkSigning.withoutHeader(request, "X-Amz-Date")))
                .isInstanceOf(SigV4Exception.class);
        assertThat(lookups[0]).isZero();
    }

    private SigV4Exception failure(SignedRequest request, Reason reason) {
        SigV4Exception[] caught = new SigV4Exception[1];
        assertThatThrownBy(() -> verifier.verify(request)).isInstanceOfSatisfying(SigV4Exception.class,
                e -> caught[0] = e);
        assertThat(caught[0].reason()).isEqualTo(reason);
        assertThat(caught[0].code()).isEqualTo(reason.queryCode());
        assertThat(caught[0].httpStatus()).isEqualTo(reason.queryHttpStatus());
        assertThat(caught[0].getMessage()).doesNotContain(SdkSigning.SECRET);
        return caught[0];
    }
}
