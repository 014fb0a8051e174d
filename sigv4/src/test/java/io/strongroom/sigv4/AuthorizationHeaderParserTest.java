package io.strongroom.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.sigv4.SigV4Exception.Reason;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationHeaderParserTest {
    private static final String SIG = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
    private static final String CRED = "Credential=AKID/20260101/us-east-1/iam/aws4_request";

    @ParameterizedTest
    @ValueSource(strings = {
        "AWS4-HMAC-SHA256 " + CRED + ", SignedHeaders=host;x-amz-date, Signature=" + SIG,
        "AWS4-HMAC-SHA256 " + CRED + ",SignedHeaders=host;x-amz-date,Signature=" + SIG,
        "  AWS4-HMAC-SHA256   " + CRED + " ,  SignedHeaders=host;x-amz-date ,Signature=" + SIG + "  ",
        "AWS4-HMAC-SHA256 Signature=" + SIG + ", SignedHeaders=host;x-amz-date, " + CRED})
    void parsesSpacingVariantsAndAnyOrder(String header) {
        AuthorizationHeader parsed = AuthorizationHeaderParser.parse(header);

        assertThat(parsed.credential()).isEqualTo(new Credential("AKID",
                new CredentialScope(LocalDate.of(2026, 1, 1), "us-east-1", "iam")));
        assertThat(parsed.signedHeaders()).isEqualTo(List.of("host", "x-amz-date"));
        assertThat(parsed.signature()).isEqualTo(SIG);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "AWS4-HMAC-SHA256 " + CRED + ", " + CRED + ", SignedHeaders=host, Signature=" + SIG,   // duplicate
        "AWS4-HMAC-SHA256 " + CRED + ", SignedHeaders=host",                                   // no Signature
        "AWS4-HMAC-SHA256 SignedHeaders=host, Signature=" + SIG,                               // no Credential
        "AWS4-HMAC-SHA256 " + CRED + ", Signature=" + SIG,                                     // no SignedHeaders
        "AWS4-HMAC-SHA256 " + CRED + ", SignedHeaders=host, Signature=" + "zz2d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7", // bad hex
        "AWS4-HMAC-SHA256 " + CRED + ", SignedHeaders=host, Signature=abc",                    // short
        "AWS4-HMAC-SHA1 " + CRED + ", SignedHeaders=host, Signature=" + SIG,                   // algorithm
        "AWS AKID:c2lnbmF0dXJl",                                                               // SigV2
        "AWS4-HMAC-SHA256",                                                                    // nothing
        "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/iam/aws5_request, SignedHeaders=host, Signature=" + SIG,
        "AWS4-HMAC-SHA256 Credential=AKID/20261301/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=" + SIG,
        "AWS4-HMAC-SHA256 Credential=AKID/2026-01-01/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=" + SIG,
        "AWS4-HMAC-SHA256 Credential=AKID/20260101/iam/aws4_request, SignedHeaders=host, Signature=" + SIG,
        "AWS4-HMAC-SHA256 Credential=AKID/20260101//iam/aws4_request, SignedHeaders=host, Signature=" + SIG,
        "AWS4-HMAC-SHA256 " + CRED + ", SignedHeaders=Host;x-amz-date, Signature=" + SIG,      // upper case
        "AWS4-HMAC-SHA256 " + CRED + ", SignedHeaders=host;;x-amz-date, Signature=" + SIG,     // empty name
        "AWS4-HMAC-SHA256 " + CRED + ", SignedHeaders=host;host, Signature=" + SIG,            // repeated name
        "AWS4-HMAC-SHA256 " + CRED + ", SignedHeaders=host, Signature=" + SIG + ", Extra=1",   // unknown part
        "AWS4-HMAC-SHA256 " + CRED + ", SignedHeaders=host, Signature" + SIG})                 // no '='
    void rejectsMalformedHeaderAsIncompleteSignature(String header) {
        assertThatThrownBy(() -> AuthorizationHeaderParser.parse(header)).isInstanceOfSatisfying(SigV4Exception.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INCOMPLETE_SIGNATURE);
                    assertThat(e.code()).isEqualTo("IncompleteSignature");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.s3Code()).isEqualTo("AuthorizationHeaderMalformed");
                });
    }
}
