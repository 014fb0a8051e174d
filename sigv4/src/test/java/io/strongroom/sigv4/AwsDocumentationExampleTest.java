package io.strongroom.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.sigv4.SigV4Exception.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Known answer: the IAM ListUsers example of the AWS "Examples of signature calculations" documentation. */
class AwsDocumentationExampleTest {
    private static final String SIGNATURE = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC);
    private final SigV4Verifier verifier = new SigV4Verifier(id -> id.equals("AKIDEXAMPLE")
            ? Optional.of(SigningSecret.of("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")) : Optional.empty(), CLOCK);

    static SignedRequest listUsers(String signature, Optional<byte[]> body) {
        return new SignedRequest("GET", "/", "Action=ListUsers&Version=2010-05-08", Map.of(
                "Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8"),
                "Host", List.of("iam.amazonaws.com"),
                "X-Amz-Date", List.of("20150830T123600Z"),
                "Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request,"
                        + " SignedHeaders=content-type;host;x-amz-date, Signature=" + signature)), body);
    }

    @Test
    void documentedRequestVerifies() {
        VerifiedSignature verified = verifier.verify(listUsers(SIGNATURE, Optional.empty()));

        assertThat(verified).isEqualTo(new VerifiedSignature("AKIDEXAMPLE", "us-east-1", "iam",
                Instant.parse("2015-08-30T12:36:00Z"), false, Optional.empty()));
    }

    @Test
    void documentedCanonicalRequestHashAndSigningKey() {
        SignedRequest request = listUsers(SIGNATURE, Optional.empty());
        QueryParameters query = QueryParameters.parse(request.rawQuery());
        ParsedSignature parsed = SignatureLocator.locate(request, query);

        CanonicalRequest canonical = CanonicalRequest.of(request, query, parsed, PayloadHash.canonicalValue(request, parsed));

        assertThat(canonical.sha256Hex()).isEqualTo("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
        assertThat(Hex.encode(SigningKeyDerivation.derive(SigningSecret.of("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                new CredentialScope(LocalDate.of(2015, 8, 30), "us-east-1", "iam"))))
                .isEqualTo("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
    }

    @Test
    void bodyAddedToRequestSignedOverEmptyPayloadIsSignatureMismatch() {
        SignedRequest request = listUsers(SIGNATURE, Optional.of("x".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> verifier.verify(request)).isInstanceOfSatisfying(SigV4Exception.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH));
    }

    @Test
    void oneFlippedSignatureDigitIsSignatureMismatch() {
        SignedRequest request = listUsers("6" + SIGNATURE.substring(1), Optional.empty());

        assertThatThrownBy(() -> verifier.verify(request)).isInstanceOfSatisfying(SigV4Exception.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
            assertThat(e.getMessage()).doesNotContain(SIGNATURE);
        });
    }

    @Test
    void upperCaseSignatureHexIsAccepted() {
        assertThat(verifier.verify(listUsers(SIGNATURE.toUpperCase(java.util.Locale.ROOT), Optional.empty()))
                .accessKeyId()).isEqualTo("AKIDEXAMPLE");
    }
}
