package io.strongroom.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.strongroom.core.AwsException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormDecoderTest {

    @Test
    void plusIsSpaceAndEncodedPlusIsPlus() {
        assertThat(FormDecoder.decode("a=x+y&b=x%2By")).containsExactly(entry("a", "x y"), entry("b", "x+y"));
    }

    @Test
    void decodesMultiByteUtf8AndReservedCharacters() {
        assertThat(FormDecoder.decode("Doc=%7B%22k%22%3A%22%C3%A9%E2%82%AC%F0%9F%94%91%22%7D&n%2Em=%26%3D"))
                .containsExactly(entry("Doc", "{\"k\":\"é€🔑\"}"), entry("n.m", "&="));
    }

    @Test
    void lowerCaseHexIsAccepted() {
        assertThat(FormDecoder.decode("a=%2f%2F")).containsExactly(entry("a", "//"));
    }

    @Test
    void missingValueAndEmptyValueAreEmptyStrings() {
        assertThat(FormDecoder.decode("a&b=&c=1")).containsExactly(entry("a", ""), entry("b", ""), entry("c", "1"));
    }

    @Test
    void emptyFieldsAndTrailingAmpersandAreSkipped() {
        assertThat(FormDecoder.decode("a=1&&b=2&")).containsExactly(entry("a", "1"), entry("b", "2"));
        assertThat(FormDecoder.decode("")).isEmpty();
    }

    @Test
    void keepsEqualsSignsInsideValues() {
        assertThat(FormDecoder.decode("a=b=c")).containsExactly(entry("a", "b=c"));
    }

    @Test
    void inAQueryStringPlusIsALiteralPlusAsTheSignatureLayerReadsIt() {
        assertThat(FormDecoder.decodeQueryString("a=x+y&b=x%2By&c=x%20y"))
                .containsExactly(entry("a", "x+y"), entry("b", "x+y"), entry("c", "x y"));
    }

    @Test
    void aThousandParametersAreAcceptedAndOneMoreIsRefused() {
        String thousand = "p=1&".repeat(FormDecoder.MAX_PARAMETERS);
        assertThat(FormDecoder.decode(thousand)).hasSize(FormDecoder.MAX_PARAMETERS);
        assertThat(FormDecoder.decodeQueryString(thousand + "&&")).hasSize(FormDecoder.MAX_PARAMETERS);
        for (String tooMany : new String[] {thousand + "q=2", "0&".repeat(200_000)}) {
            assertThatThrownBy(() -> FormDecoder.decode(tooMany))
                    .isInstanceOfSatisfying(AwsException.class, e -> {
                        assertThat(e.code()).isEqualTo("InvalidQueryParameter");
                        assertThat(e.httpStatus()).isEqualTo(400);
                        assertThat(e.getMessage()).endsWith("the request has more than 1000 parameters");
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "a=%\u0663F", "a=%4\u0663", "a=%\uFF14\uFF11", // digits of other scripts are not hex digits
    })
    void percentEscapesTakeAsciiHexDigitsOnly(String escaped) {
        String form = escaped.translateEscapes();
        for (var decoder : List.<java.util.function.Function<String, ?>>of(FormDecoder::decode, FormDecoder::decodeQueryString)) {
            assertThatThrownBy(() -> decoder.apply(form))
                    .isInstanceOfSatisfying(AwsException.class, e -> {
                        assertThat(e.code()).isEqualTo("InvalidQueryParameter");
                        assertThat(e.getMessage()).endsWith("invalid percent-encoding");
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "a=%", "a=%4", "a=%zz", "a=%4g", // incomplete or non-hex escapes
            "a=%C3%28", "a=%FF", "a=%ED%A0%80", // not UTF-8 (bad continuation, invalid byte, encoded surrogate)
            "a=é", "a=x\u0001", "a=x\u007f", // raw characters that must have been encoded
            "=value", "b=1&=2" // empty name
    })
    void rejectsMalformedEncodingAsInvalidQueryParameter(String form) {
        assertThatThrownBy(() -> FormDecoder.decode(form))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidQueryParameter");
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
    }
}
