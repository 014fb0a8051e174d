package io.strongroom.s3.naming;

import io.strongroom.core.AwsException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObjectKeysTest {
    private static final String EURO = "\u20ac"; // 3 bytes of UTF-8
    private static final String EMOJI = "\ud83d\ude00"; // 4 bytes of UTF-8

    @ParameterizedTest
    @ValueSource(strings = {"a", "photos/2024/cat.jpg", " ", "/", "//", "a b+c%20d", "\u0000", "\u0001\n\t",
        "é", "日本語/ファイル", "\ud83d\ude00", "\uffff", ".", "..", "../etc/passwd"})
    void acceptsAnyWellFormedKey(String key) {
        assertThat(ObjectKeys.validate(key)).isEqualTo(key);
    }

    @Test
    void aKeyMayHaveUpTo1024BytesOfUtf8() {
        assertThat(ObjectKeys.validate("a".repeat(1024))).hasSize(1024);
        assertThat(ObjectKeys.validate(EURO.repeat(341) + "a")).hasSize(342);
        assertThat(ObjectKeys.validate("é".repeat(512))).hasSize(512);
        assertThat(ObjectKeys.validate(EMOJI.repeat(256))).hasSize(512);
    }

    @Test
    void aLongerKeyIsTooLong() {
        for (String key : new String[] {"a".repeat(1025), EURO.repeat(341) + "ab", EURO.repeat(342), "é".repeat(513),
                EMOJI.repeat(256) + "a", "a".repeat(100_000)}) {
            assertThatThrownBy(() -> ObjectKeys.validate(key))
                    .isInstanceOfSatisfying(AwsException.class, e -> {
                        assertThat(e.code()).isEqualTo("KeyTooLongError");
                        assertThat(e.httpStatus()).isEqualTo(400);
                        assertThat(e.getMessage()).isEqualTo("Your key is too long.");
                    });
        }
    }

    @Test
    void anEmptyKeyIsRefused() {
        assertThatThrownBy(() -> ObjectKeys.validate(""))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidArgument");
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ud83d", "a\ud83d", "\ud83da", "\ude00", "a\ude00b", "\ude00\ud83d", "\ud83d\ud83d"})
    void aLoneSurrogateIsNotUnicode(String key) {
        assertInvalidUri(() -> ObjectKeys.validate(key));
    }

    @Test
    void aNullKeyIsAProgrammingError() {
        assertThatThrownBy(() -> ObjectKeys.validate(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ObjectKeys.decodeUtf8Strict(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void decodesWellFormedUtf8() {
        assertThat(ObjectKeys.decodeUtf8Strict(new byte[0])).isEmpty();
        String key = "photos/é/日本/" + EMOJI + "/\u0000";
        assertThat(ObjectKeys.decodeUtf8Strict(key.getBytes(StandardCharsets.UTF_8))).isEqualTo(key);
        assertThat(ObjectKeys.decodeUtf8Strict(HexFormat.of().parseHex("efbfbf"))).isEqualTo("\uffff");
        assertThat(ObjectKeys.decodeUtf8Strict(HexFormat.of().parseHex("f48fbfbf"))).isEqualTo("\udbff\udfff");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ff", "fe", "80", "61bf62", // bytes that never appear, a stray continuation
        "c0af", "e080af", "f08080af", // overlong forms of '/'
        "eda080", "edbfbf", // encoded surrogates
        "e282", "f09f98", "c3", // truncated sequences
        "c328", "e228a1", // a bad continuation
        "f4908080", "f8888080 80", // beyond U+10FFFF, five-byte forms
        "ae8a2d", // the key S3 answers with InvalidURI
    })
    void refusesMalformedUtf8(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));
        assertInvalidUri(() -> ObjectKeys.decodeUtf8Strict(bytes));
    }

    private static void assertInvalidUri(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo("InvalidURI");
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo("Couldn't parse the specified URI.");
        });
    }
}
