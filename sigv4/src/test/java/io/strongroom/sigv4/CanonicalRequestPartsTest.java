package io.strongroom.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalRequestPartsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/|iam|/", "''|iam|/", "/a/./b/../c/|iam|/a/c/", "//a//b|iam|/a/b", "/a/b/..|iam|/a", "/..|iam|/",
        "/a%20b|iam|/a%2520b", "/%E1%88%B4|sts|/%25E1%2588%25B4", "/a b|iam|/a%20b",
        "/a/./b//c%20d|s3|/a/./b//c%20d", "''|s3|/"})
    void canonicalUri(String rawPath, String service, String expected) {
        assertThat(CanonicalUri.of(rawPath, service)).isEqualTo(expected);
    }

    @Test
    void canonicalQuerySortsByEncodedKeyThenValueAndEncodesTheAwsWay() {
        String raw = "b=2&a=z&a=y&empty=&flag&sp=a%20b&plus=a+b&uni=%C3%A9&tilde=~&star=*&X-Amz-Signature=abc";

        assertThat(CanonicalQuery.of(QueryParameters.parse(raw), false)).isEqualTo(
                "X-Amz-Signature=abc&a=y&a=z&b=2&empty=&flag=&plus=a%2Bb&sp=a%20b&star=%2A&tilde=~&uni=%C3%A9");
        assertThat(CanonicalQuery.of(QueryParameters.parse(raw), true)).doesNotContain("X-Amz-Signature");
    }

    @Test
    void canonicalHeadersTrimCollapseAndJoinValues() {
        // Arrival order matters when names differ only in case, so the map must keep insertion order.
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("example.com"));
        headers.put("X-Multi", List.of("  one ", "two   words"));
        headers.put("x-multi", List.of("three"));
        SignedRequest request = new SignedRequest("GET", "/", "", headers, Optional.empty());

        assertThat(CanonicalHeaders.of(request, List.of("host", "x-multi")))
                .isEqualTo("host:example.com\nx-multi:one,two words,three\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "already trimmed       | already trimmed",
            "\" leading\"           | leading",
            "\"trailing \"          | trailing",
            "\"two  spaces\"        | two spaces",
            "\"a\tb\"               | a b",
            "\"\ttab first\"        | tab first",
            "\"   \"                | \"\""})
    void headerValuesAreTrimmedAndInnerRunsCollapsed(String value, String expected) {
        assertThat(CanonicalHeaders.trimAll(value)).isEqualTo(expected);
    }

    @Test
    void signedHeaderNamesMustBeDistinctLowerCaseTokens() {
        assertThat(SignedHeaderNames.parse("host;x-amz-date;x-amz-target")).containsExactly("host", "x-amz-date",
                "x-amz-target");
        for (String malformed : List.of("", "host;", ";host", "Host", "host;x amz", "host;x-amz-date;host", "h\u00e9")) {
            assertThatThrownBy(() -> SignedHeaderNames.parse(malformed)).as(malformed)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
