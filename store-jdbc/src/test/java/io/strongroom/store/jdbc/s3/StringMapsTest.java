package io.strongroom.store.jdbc.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StringMapsTest {

    @Test
    void everyCharacterRoundTrips() throws SQLException {
        Map<String, String> map = new HashMap<>();
        map.put("newline", "a\nb\r\nc\r");
        map.put("a=b", "c=d");
        map.put("a,b", ",,");
        map.put("", "");
        map.put("emoji", "\uD83D\uDE00");
        map.put("nul", "\u0000");
        map.put("controls", "\u0001\u001f\u007f\u0085\u2028\u2029");
        map.put("quote\"", "back\\slash");
        map.put("unicode", "日本語 \uFFFD \uE000 \uDBFF\uDFFF");
        map.put("{\"json\":1}", "[\"x\"]");
        map.put("3:abc", "5:");

        String text = StringMaps.encode(map);
        assertThat(StringMaps.decode(text)).isEqualTo(map);
        assertThat(text).doesNotContain("\n").doesNotContain("\u0000");
    }

    @Test
    void theSameMapAlwaysGivesTheSameText() throws SQLException {
        Map<String, String> forward = new LinkedHashMap<>();
        Map<String, String> backward = new LinkedHashMap<>();
        for (String key : List.of("b", "a", "c", "B", "")) {
            forward.put(key, key + "!");
        }
        for (String key : List.of("", "B", "c", "a", "b")) {
            backward.put(key, key + "!");
        }
        assertThat(StringMaps.encode(forward)).isEqualTo(StringMaps.encode(backward))
                .isEqualTo("{\"\":\"!\",\"B\":\"B!\",\"a\":\"a!\",\"b\":\"b!\",\"c\":\"c!\"}");
        assertThat(StringMaps.encode(Map.of())).isEqualTo("{}");
        assertThat(StringMaps.decode("{}")).isEmpty();
    }

    @Test
    void anythingButAnObjectOfStringsIsRefused() {
        for (String corrupt : List.of("", "[]", "\"a\"", "null", "{", "{\"a\":1}", "{\"a\":null}", "{\"a\":[\"b\"]}",
                "{\"a\":{\"b\":\"c\"}}", "{\"a\":\"b\",\"a\":\"c\"}", "{\"a\":\"b\"} {}", "{\"a\":\"b\"}x",
                "{a:\"b\"}", "{\"a\":\"b\",}")) {
            assertThatThrownBy(() -> StringMaps.decode(corrupt)).as(corrupt).isInstanceOf(SQLException.class);
        }
        assertThatThrownBy(() -> StringMaps.decode(null)).isInstanceOf(SQLException.class);
    }
}
