package io.strongroom.store.jdbc.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRangeTest {

    @Test
    void thePrefixEndIsTheNextCodePointOfTheLastOneThatCanGrow() {
        assertThat(KeyRange.prefixEnd("abc")).contains("abd");
        assertThat(KeyRange.prefixEnd("a%")).contains("a&");
        assertThat(KeyRange.prefixEnd("a/")).contains("a0");
        assertThat(KeyRange.prefixEnd("é")).contains("ê");
        assertThat(KeyRange.prefixEnd("x\uFFFF")).contains("x\uD800\uDC00");
        assertThat(KeyRange.prefixEnd("\uD83D\uDE00")).contains("\uD83D\uDE01");
        // the surrogates are skipped: no valid key holds one
        assertThat(KeyRange.prefixEnd("x\uD7FF")).contains("x\uE000");
        // U+10FFFF cannot grow: the code point before it does
        assertThat(KeyRange.prefixEnd("ab\uDBFF\uDFFF")).contains("ac");
        assertThat(KeyRange.prefixEnd("a\uDBFF\uDFFF\uDBFF\uDFFF")).contains("b");
        assertThat(KeyRange.prefixEnd("\uDBFF\uDFFF")).isEmpty();
        assertThat(KeyRange.prefixEnd("")).isEmpty();
    }

    @Test
    void theLaterLowerBoundIsUsed() {
        assertThat(where("b/", "")).isEqualTo(" AND object_key >= ? AND object_key < ? [b/, b0]");
        assertThat(where("b/", "a")).isEqualTo(" AND object_key >= ? AND object_key < ? [b/, b0]");
        assertThat(where("b/", "b/1")).isEqualTo(" AND object_key > ? AND object_key < ? [b/1, b0]");
        // the marker is the prefix itself: after it
        assertThat(where("b/", "b/")).isEqualTo(" AND object_key > ? AND object_key < ? [b/, b0]");
        assertThat(where("", "k")).isEqualTo(" AND object_key > ? [k]");
        assertThat(where("", "")).isEqualTo(" []");
        assertThat(where("\uDBFF\uDFFF", "")).isEqualTo(" AND object_key >= ? [\uDBFF\uDFFF]");
        // compared by UTF-8 bytes: U+1F600 sorts after U+E000
        assertThat(where("\uE000", "\uD83D\uDE00")).isEqualTo(" AND object_key > ? AND object_key < ? [\uD83D\uDE00, \uE001]");
    }

    @Test
    void theUtf8OrderIsCodePointOrder() {
        assertThat(KeyRange.UTF8_ORDER.compare("\uD83D\uDE00", "\uFFFD")).isPositive();
        assertThat(KeyRange.UTF8_ORDER.compare("a", "a/")).isNegative();
        assertThat(KeyRange.UTF8_ORDER.compare("a/", "a")).isPositive();
        assertThat(KeyRange.UTF8_ORDER.compare("é", "é")).isZero();
    }

    private static String where(String prefix, String afterKey) {
        List<Object> parameters = new ArrayList<>();
        return KeyRange.where(prefix, afterKey, parameters) + " " + parameters;
    }
}
