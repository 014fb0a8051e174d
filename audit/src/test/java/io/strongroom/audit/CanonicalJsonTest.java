package io.strongroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.CanonicalJson.JsonSyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalJsonTest {

    // ---- RFC 8785 examples

    @Test
    void sortsMembersByUtf16CodeUnitsAsTheRfcSortingExample() {
        // RFC 8785 section 3.2.3: the emoji (a surrogate pair, D83D) sorts before U+FB33
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("\u20ac", "Euro Sign");
        members.put("\r", "Carriage Return");
        members.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
        members.put("1", "One");
        members.put("\ud83d\ude00", "Emoji: Grinning Face");
        members.put("\u0080", "Control");
        members.put("\u00f6", "Latin Small Letter O With Diaeresis");

        assertThat(CanonicalJson.write(members)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\","
                + "\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
                + "\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void anObjectWrittenInOrderRefusesAMemberOutOfOrderOrTwice() {
        StringBuilder out = new StringBuilder();
        CanonicalJson.OrderedObject json = new CanonicalJson.OrderedObject(out).member("b", 1L);
        assertThatThrownBy(() -> json.member("a", 2L)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> json.member("b", 2L)).isInstanceOf(IllegalStateException.class);
        json.memberIfPresent("c", null).member("\u00e9", List.of()).end();
        assertThat(out).hasToString("{\"b\":1,\"\u00e9\":[]}");
    }

    @Test
    void escapesStringsAsTheRfcStringExample() {
        // RFC 8785 section 3.2.2.2, the string member of the example input
        Object parsed = CanonicalJson.parse("\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\"");
        assertThat(CanonicalJson.write(parsed)).isEqualTo("\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"");
    }

    @Test
    void writesLiteralsAsTheRfcExample() {
        assertThat(CanonicalJson.write(CanonicalJson.parse("[ null , true , false ]"))).isEqualTo("[null,true,false]");
    }

    @Test
    void writesTheRfcFullExampleWithoutItsNumbers() {
        String input = "{\n  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n}";
        assertThat(CanonicalJson.write(CanonicalJson.parse(input)))
                .isEqualTo("{\"literals\":[null,true,false],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    // ---- writing

    @Test
    void usesShortEscapesAndLowerCaseHexForOtherControlCharacters() {
        assertThat(CanonicalJson.write("\b\f\n\r\t\u0000\u001f\u007f\u2028"))
                .isEqualTo("\"\\b\\f\\n\\r\\t\\u0000\\u001f\u007f\u2028\"");
    }

    @Test
    void keepsSurrogatePairsAndEscapesLoneSurrogates() {
        assertThat(CanonicalJson.write("a\ud83d\ude00b")).isEqualTo("\"a\ud83d\ude00b\"");
        assertThat(CanonicalJson.write("a\ud83db")).isEqualTo("\"a\\ud83db\"");
        assertThat(CanonicalJson.write("\ude00")).isEqualTo("\"\\ude00\"");
        assertThat(CanonicalJson.write("\ud83d")).isEqualTo("\"\\ud83d\"");
        assertThat(CanonicalJson.parseCanonical("\"a\\ud83db\"")).isEqualTo("a\ud83db");
    }

    @Test
    void writesIntegersOfEveryWidthAndRefusesUnsafeOnes() {
        assertThat(CanonicalJson.write(List.of(0L, -1L, 42, (short) 7, (byte) -3, CanonicalJson.MAX_SAFE_INTEGER,
                -CanonicalJson.MAX_SAFE_INTEGER))).isEqualTo("[0,-1,42,7,-3,9007199254740991,-9007199254740991]");
        assertThatThrownBy(() -> CanonicalJson.write(CanonicalJson.MAX_SAFE_INTEGER + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2^53");
        assertThatThrownBy(() -> CanonicalJson.write(Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesFloatsAndOtherTypes() {
        assertThatThrownBy(() -> CanonicalJson.write(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Double");
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("a", 1.0f))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(new java.math.BigDecimal("1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(Map.of(1, "a"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names are strings");
    }

    @Test
    void writesNestedStructuresWithoutWhiteSpace() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", List.of());
        inner.put("a", Map.of());
        inner.put("m", null);
        assertThat(CanonicalJson.write(Map.of("outer", inner, "list", Arrays.asList(1L, null, "x", List.of(true)))))
                .isEqualTo("{\"list\":[1,null,\"x\",[true]],\"outer\":{\"a\":{},\"m\":null,\"z\":[]}}");
    }

    @Test
    void refusesToWriteAStructureNestedTooDeeply() {
        Object value = "leaf";
        for (int i = 0; i <= CanonicalJson.MAX_DEPTH + 1; i++) {
            value = List.of(value);
        }
        Object deep = value;
        assertThatThrownBy(() -> CanonicalJson.write(deep)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deeper");
    }

    // ---- reading

    @Test
    void parsesObjectsInDocumentOrderAndIntegersAsLongs() {
        Object value = CanonicalJson.parse(" {\"b\": 1, \"a\": [-2, \"x\", {}], \"c\": null} ");
        assertThat(value).isInstanceOf(Map.class);
        assertThat(new ArrayList<Object>(((Map<?, ?>) value).keySet())).containsExactly("b", "a", "c");
        assertThat(((Map<?, ?>) value).get("b")).isEqualTo(1L);
        assertThat(((Map<?, ?>) value).get("a")).isEqualTo(List.of(-2L, "x", Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", " ", "{", "}", "[1,]", "{\"a\":1,}", "[1 2]", "{\"a\" 1}", "{a:1}", "{'a':1}", "01", "-", "1.0",
            "1e3", "1E3", "-01", "+1", "NaN", "Infinity", "tru", "nul", "\"abc", "\"\\x\"", "\"\\u12\"",
            "\"\\u12G4\"", "\"a\u0001b\"", "\"tab\there\"", "[1] 2", "{\"a\":1}{}", "{\"a\":1,\"a\":2}",
            "9007199254740992", "-9007199254740992", "123456789012345678901234567890", "//c\n1", "[1,/*c*/2]"})
    void refusesWhatStrictJsonOfTheModelDoesNot(String text) {
        assertThatThrownBy(() -> CanonicalJson.parse(text)).isInstanceOf(JsonSyntaxException.class);
    }

    @Test
    void reportsWhereTheProblemIs() {
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1,\"a\":2}"))
                .isInstanceOf(JsonSyntaxException.class)
                .hasMessageContaining("duplicate member name \"a\"")
                .satisfies(e -> assertThat(((JsonSyntaxException) e).offset()).isEqualTo(7));
        assertThatThrownBy(() -> CanonicalJson.parse("[1.5]"))
                .hasMessage("only integers are allowed at offset 2");
    }

    @Test
    void refusesToParseAStructureNestedTooDeeply() {
        String deep = "[".repeat(CanonicalJson.MAX_DEPTH + 2) + "]".repeat(CanonicalJson.MAX_DEPTH + 2);
        assertThatThrownBy(() -> CanonicalJson.parse(deep)).isInstanceOf(JsonSyntaxException.class)
                .hasMessageContaining("deeper");
        String fine = "[".repeat(CanonicalJson.MAX_DEPTH) + "]".repeat(CanonicalJson.MAX_DEPTH);
        assertThat(CanonicalJson.parse(fine)).isInstanceOf(List.class);
    }

    @Test
    void parseCanonicalRefusesValidJsonThatIsNotCanonical() {
        assertThat(CanonicalJson.parseCanonical("{\"a\":1,\"b\":[true,null]}")).isInstanceOf(Map.class);
        for (String text : List.of("{\"b\":1,\"a\":2}", "{ \"a\":1}", "[1, 2]", "\"\\u0041\"", "\"\\/\"",
                "\"\\u000A\"", "-0", "{\"a\":1}\n")) {
            assertThatThrownBy(() -> CanonicalJson.parseCanonical(text))
                    .as(text).isInstanceOf(JsonSyntaxException.class);
        }
    }

    @Test
    void roundTripsRandomTrees() {
        Random random = new Random(8785);
        for (int i = 0; i < 500; i++) {
            Object tree = randomValue(random, 0);
            String text = CanonicalJson.write(tree);
            Object parsed = CanonicalJson.parseCanonical(text);
            assertThat(CanonicalJson.write(parsed)).isEqualTo(text);
            assertThat(parsed).isEqualTo(normalised(tree));
        }
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 4 : 6);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextLong(-CanonicalJson.MAX_SAFE_INTEGER, CanonicalJson.MAX_SAFE_INTEGER + 1);
            case 3 -> randomString(random);
            case 4 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    map.put(randomString(random), randomValue(random, depth + 1));
                }
                yield map;
            }
        };
    }

    private static String randomString(Random random) {
        String alphabet = "aZ09 \"\\/\b\f\n\r\t\u0000\u001f\u007f\u00e9\u20ac\ud83d\ude00\ud800\udfff\ufb33";
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static Object normalised(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, normalised(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CanonicalJsonTest::normalised).toList();
        }
        return value;
    }
}
