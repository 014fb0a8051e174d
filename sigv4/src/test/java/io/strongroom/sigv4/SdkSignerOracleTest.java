package io.strongroom.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.sigv4.SdkSigning.Spec;
import io.strongroom.sigv4.SigV4Exception.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Requests signed by the AWS SDK for Java v2 signer verify; any single change makes them fail. */
class SdkSignerOracleTest {
    private final SdkSigning sdk = new SdkSigning();

    static Stream<Arguments> requests() {
        List<Arguments> cases = new ArrayList<>();
        for (String service : List.of("iam", "sts", "s3")) {
            for (boolean presigned : List.of(false, true)) {
                for (Map.Entry<String, Spec> named : specs(service).entrySet()) {
                    Spec spec = presigned ? named.getValue().asPresigned() : named.getValue();
                    cases.add(Arguments.of(service + (presigned ? " presigned " : " header ") + named.getKey(), spec));
                }
            }
        }
        return cases.stream();
    }

    private static Map<String, Spec> specs(String service) {
        Spec get = Spec.get(service);
        var specs = new java.util.LinkedHashMap<String, Spec>();
        specs.put("root", get);
        specs.put("space in path", get.path("/my%20folder/a%20b.txt"));
        specs.put("unicode path", get.path("/%E1%88%B4/%C3%A9t%C3%A9"));
        specs.put("plus and equals in path", get.path("/a%2Bb/c%3Dd/e+f"));
        specs.put("tilde and unreserved", get.path("/-_.~/A-Z"));
        specs.put("dot segments", get.path("/a/./b/../c/"));
        specs.put("double slashes", get.path("//a//b"));
        specs.put("trailing dot-dot", get.path("/a/b/.."));
        specs.put("repeated query keys", get.query(Map.of("k", List.of("b", "a", "c"), "Action", List.of("List"))));
        specs.put("empty query value", get.query(Map.of("empty", List.of(""), "x", List.of("1"))));
        specs.put("unicode and reserved query", get.query(Map.of("ключ", List.of("значение"), "q", List.of("a b+c=d&e/f"))));
        specs.put("header whitespace", get.headers(Map.of("X-Custom", List.of("  a   b \t c  "))));
        specs.put("multi-valued header", get.headers(Map.of("X-Multi", List.of("one", " two  2", "three"))));
        specs.put("session token", get.sessionToken("FQoGZXIvYXdzEBYaDnotarealtoken=="));
        specs.put("post form body", get.method("POST")
                .headers(Map.of("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8")))
                .body("Action=ListUsers&Version=2010-05-08&Path=%2Fdiv%2F"));
        specs.put("put unicode body", get.method("PUT").path("/bucket/key").body("héllo wörld ✓"));
        specs.put("other region", get.region("eu-west-3"));
        return specs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void sdkSignedRequestVerifies(String name, Spec spec) {
        SignedRequest request = sdk.sign(spec);

        VerifiedSignature verified = SdkSigning.verifier().verify(request);

        assertThat(verified.accessKeyId()).isEqualTo(SdkSigning.ACCESS_KEY_ID);
        assertThat(verified.service()).isEqualTo(spec.service());
        assertThat(verified.region()).isEqualTo(spec.region());
        assertThat(verified.requestTime()).isEqualTo(SdkSigning.NOW);
        assertThat(verified.presigned()).isEqualTo(spec.presigned());
        assertThat(verified.sessionToken()).isEqualTo(spec.sessionToken());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void wrongSecretIsSignatureMismatch(String name, Spec spec) {
        SignedRequest request = sdk.sign(spec.secret("someOtherSecretKeyThatIsNotRight0000000"));

        assertReason(request, Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void changedSignedHeaderValueIsSignatureMismatch() {
        SignedRequest request = sdk.sign(Spec.get("iam").headers(Map.of("X-Custom", List.of("original"))));

        assertReason(SdkSigning.withHeader(request, "X-Custom", "tampered"), Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void changedBodyByteOfQueryServiceRequestIsContentMismatchUnderQueryCode() {
        SignedRequest request = sdk.sign(Spec.get("sts").method("POST").body("Action=GetCallerIdentity"));
        byte[] body = request.body().orElseThrow().clone();
        body[0] ^= 1;

        SigV4Exception failure = assertReason(SdkSigning.withBody(request, body), Reason.CONTENT_SHA256_MISMATCH);
        assertThat(failure.code()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void changedBodyByteUnderSignedContentHashIsContentMismatch() {
        SignedRequest request = sdk.sign(Spec.get("s3").method("PUT").path("/bucket/key").body("object bytes"));
        assertThat(request.header("x-amz-content-sha256")).isPresent();
        byte[] body = request.body().orElseThrow().clone();
        body[0] ^= 1;

        SigV4Exception failure = assertReason(SdkSigning.withBody(request, body), Reason.CONTENT_SHA256_MISMATCH);
        assertThat(failure.s3Code()).isEqualTo("XAmzContentSHA256Mismatch");
        assertThat(failure.s3HttpStatus()).isEqualTo(400);
    }

    @Test
    void changedQueryValueIsSignatureMismatch() {
        SignedRequest request = sdk.sign(Spec.get("iam").query(Map.of("Action", List.of("ListUsers"))));

        assertReason(SdkSigning.withQuery(request, "Action=DeleteUser"), Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void changedPathIsSignatureMismatch() {
        SignedRequest request = sdk.sign(Spec.get("s3").path("/bucket/a"));

        assertReason(SdkSigning.withPath(request, "/bucket/b"), Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void changedMethodIsSignatureMismatch() {
        SignedRequest request = sdk.sign(Spec.get("s3").path("/bucket/a"));
        SignedRequest delete = new SignedRequest("DELETE", request.rawPath(), request.rawQuery(), request.headers(),
                request.body());

        assertReason(delete, Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void changedDateIsSignatureMismatch() {
        SignedRequest request = sdk.sign(Spec.get("iam"));

        assertReason(SdkSigning.withHeader(request, "X-Amz-Date", "20260101T120100Z"), Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void changedRegionInScopeIsSignatureMismatch() {
        SignedRequest request = sdk.sign(Spec.get("iam"));
        String authorization = request.header("Authorization").orElseThrow().replace("/us-east-1/", "/us-west-2/");

        assertReason(SdkSigning.withHeader(request, "Authorization", authorization), Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void changedSessionTokenInPresignedQueryIsSignatureMismatch() {
        SignedRequest request = sdk.sign(Spec.get("sts").sessionToken("token-one").asPresigned());

        String tampered = request.rawQuery().replace("token-one", "token-two");

        assertReason(SdkSigning.withQuery(request, tampered), Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void unknownAccessKeyIsInvalidClientTokenId() {
        SignedRequest request = sdk.sign(Spec.get("iam"));

        SigV4Exception failure = assertReason(request, Reason.UNKNOWN_ACCESS_KEY,
                new SigV4Verifier(id -> java.util.Optional.empty(), SdkSigning.CLOCK));
        assertThat(failure.code()).isEqualTo("InvalidClientTokenId");
        assertThat(failure.httpStatus()).isEqualTo(403);
        assertThat(failure.getMessage()).isEqualTo("The security token included in the request is invalid.");
    }

    @Test
    void headerSignatureFifteenMinutesOldStillVerifiesButOneSecondMoreIsExpired() {
        SignedRequest edge = sdk.sign(Spec.get("iam").signedAt(SdkSigning.NOW.minus(Duration.ofMinutes(15))));
        SignedRequest late = sdk.sign(Spec.get("iam").signedAt(SdkSigning.NOW.minus(Duration.ofSeconds(901))));

        assertThat(SdkSigning.verifier().verify(edge).accessKeyId()).isEqualTo(SdkSigning.ACCESS_KEY_ID);
        SigV4Exception failure = assertReason(late, Reason.REQUEST_EXPIRED);
        assertThat(failure.code()).isEqualTo("SignatureDoesNotMatch");
        assertThat(failure.httpStatus()).isEqualTo(403);
        assertThat(failure.getMessage()).isEqualTo(
                "Signature expired: 20260101T114459Z is now earlier than 20260101T114500Z (20260101T120000Z - 15 min.)");
        assertThat(failure.s3Code()).isEqualTo("RequestTimeTooSkewed");
    }

    @Test
    void headerSignatureFromTheFutureIsNotYetCurrent() {
        SignedRequest early = sdk.sign(Spec.get("sts").signedAt(SdkSigning.NOW.plus(Duration.ofSeconds(901))));

        SigV4Exception failure = assertReason(early, Reason.REQUEST_EXPIRED);
        assertThat(failure.getMessage()).isEqualTo("Signature not yet current: 20260101T121501Z is still later than"
                + " 20260101T121500Z (20260101T120000Z + 15 min.)");
    }

    @Test
    void presignedUrlValidUntilItsExpiry() {
        SignedRequest request = sdk.sign(
                Spec.get("s3").path("/bucket/key").asPresigned().signedAt(SdkSigning.NOW.minus(Duration.ofHours(1))),
                Duration.ofHours(1));

        assertThat(SdkSigning.verifier().verify(request).presigned()).isTrue();
    }

    @Test
    void presignedUrlPastItsExpiryIsExpired() {
        SignedRequest request = sdk.sign(
                Spec.get("s3").path("/bucket/key").asPresigned().signedAt(SdkSigning.NOW.minus(Duration.ofSeconds(3601))),
                Duration.ofHours(1));

        SigV4Exception failure = assertReason(request, Reason.PRESIGN_EXPIRED);
        assertThat(failure.code()).isEqualTo("RequestExpired");
        assertThat(failure.s3Code()).isEqualTo("AccessDenied");
        assertThat(failure.s3HttpStatus()).isEqualTo(403);
        assertThat(failure.getMessage()).isEqualTo("Request has expired");
    }

    @Test
    void presignedUrlSignedInTheFutureIsNotYetValid() {
        SignedRequest request = sdk.sign(
                Spec.get("sts").asPresigned().signedAt(SdkSigning.NOW.plus(Duration.ofMinutes(16))), Duration.ofHours(1));

        assertReason(request, Reason.PRESIGN_NOT_YET_VALID);
    }

    @Test
    void presignedUrlSignedElevenMinutesAheadIsAcceptedWithinSkew() {
        SignedRequest request = sdk.sign(
                Spec.get("sts").asPresigned().signedAt(SdkSigning.NOW.plus(Duration.ofMinutes(11))), Duration.ofMinutes(1));

        assertThat(SdkSigning.verifier().verify(request).presigned()).isTrue();
    }

    @Test
    void secretIsNeverInTheMessage() {
        SignedRequest request = sdk.sign(Spec.get("iam").secret("anotherSecretThatDoesNotMatchAnything0"));

        SigV4Exception failure = assertReason(request, Reason.SIGNATURE_MISMATCH);
        assertThat(failure.getMessage()).doesNotContain(SdkSigning.SECRET).isEqualTo(
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret"
                        + " Access Key and signing method. Consult the service documentation for details.");
    }

    private SigV4Exception assertReason(SignedRequest request, Reason reason) {
        return assertReason(request, reason, SdkSigning.verifier());
    }

    private static SigV4Exception assertReason(SignedRequest request, Reason reason, SigV4Verifier verifier) {
        SigV4Exception[] caught = new SigV4Exception[1];
        assertThatThrownBy(() -> verifier.verify(request))
                .isInstanceOfSatisfying(SigV4Exception.class, e -> caught[0] = e);
        assertThat(caught[0].reason()).isEqualTo(reason);
        assertThat(caught[0].code()).isEqualTo(reason.queryCode());
        assertThat(caught[0].httpStatus()).isEqualTo(reason.queryHttpStatus());
        return caught[0];
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
