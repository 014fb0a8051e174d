package io.strongroom.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.sigv4.SigV4Exception.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PresignedQueryParserTest {
    private static final String SIG = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
    private static final String VALID = "X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fs3%2Faws4_request"
            + "&X-Amz-Date=20260101T120000Z&X-Amz-Expires=604800&X-Amz-SignedHeaders=host"
            + "&X-Amz-Signature=" + SIG;

    @Test
    void parsesEveryParameter() {
        ParsedSignature parsed = PresignedQueryParser.parse(QueryParameters.parse(VALID + "&X-Amz-Security-Token=tok%2B1"));

        assertThat(parsed.accessKeyId()).isEqualTo("AKID");
        assertThat(parsed.scope().service()).isEqualTo("s3");
        assertThat(parsed.requestTime()).isEqualTo(Instant.parse("2026-01-01T12:00:00Z"));
        assertThat(parsed.expires()).contains(Duration.ofDays(7));
        assertThat(parsed.signedHeaders()).isEqualTo(List.of("host"));
        assertThat(parsed.presigned()).isTrue();
        assertThat(parsed.sessionToken()).isEqualTo(Optional.of("tok+1"));
        assertThat(parsed.toString()).doesNotContain("tok+1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "X-Amz-Expires=604800&", "X-Amz-Expires=0&", "X-Amz-Expires=604801&", "X-Amz-Expires=-5&",
        "X-Amz-Expires=ten&", "X-Amz-Expires=&", "X-Amz-Algorithm=AWS4-HMAC-SHA1&", "X-Amz-Date=20260101&",
        "X-Amz-Date=20260101T250000Z&", "X-Amz-Signature=" + SIG + "&", "X-Amz-Signature=xyz&",
        "X-Amz-SignedHeaders=&", "X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fs3%2Fsomething&"})
    void rejectsBadOrRepeatedParameters(String replacement) {
        String name = replacement.substring(0, replacement.indexOf('='));
        String withoutIt = VALID.replaceAll(name + "=[^&]*&?", "");
        String query = replacement.equals("X-Amz-Expires=604800&") || replacement.startsWith("X-Amz-Signature=" + SIG)
                ? VALID + "&" + replacement.substring(0, replacement.length() - 1)   // repeated
                : withoutIt + "&" + replacement.substring(0, replacement.length() - 1);

        assertMalformed(query);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires",
        "X-Amz-SignedHeaders", "X-Amz-Signature"})
    void rejectsMissingParameter(String name) {
        assertMalformed(VALID.replaceAll(name + "=[^&]*&?", ""));
    }

    private static void assertMalformed(String query) {
        assertThatThrownBy(() -> PresignedQueryParser.parse(QueryParameters.parse(query)))
                .isInstanceOfSatisfying(SigV4Exception.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_QUERY_AUTH);
                    assertThat(e.s3Code()).isEqualTo("AuthorizationQueryParametersError");
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
    }
}
