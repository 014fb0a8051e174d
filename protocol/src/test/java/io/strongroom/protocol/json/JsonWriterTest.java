package io.strongroom.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    private static String write(java.util.function.Consumer<JsonWriter> members) {
        JsonWriter writer = new JsonWriter();
        members.accept(writer);
        return new String(writer.finish(), StandardCharsets.UTF_8);
    }

    @Test
    void timestampsAreEpochSecondsWithoutExponentOrTrailingZeros() {
        assertThat(JsonWriter.epochSeconds(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo("1767225600");
        assertThat(JsonWriter.epochSeconds(Instant.parse("2026-01-01T00:00:00.100Z"))).isEqualTo("1767225600.1");
        assertThat(JsonWriter.epochSeconds(Instant.parse("2026-01-01T00:00:00.012Z"))).isEqualTo("1767225600.012");
        assertThat(JsonWriter.epochSeconds(Instant.parse("2026-01-01T00:00:00.0129Z"))).as("to the millisecond")
                .isEqualTo("1767225600.012");
        assertThat(JsonWriter.epochSeconds(Instant.EPOCH)).isEqualTo("0");
        assertThat(JsonWriter.epochSeconds(Instant.parse("1969-12-31T23:59:59.500Z"))).isEqualTo("-0.5");
    }

    @Test
    void writesEveryKindOfMember() throws Exception {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("b", "2");
        map.put("a", "1");
        String json = write(out -> out.string("S", "x")
                .string("Absent", Optional.empty())
                .string("Present", Optional.of("p"))
                .number("N", 42)
                .bool("B", true)
                .timestamp("T", Instant.parse("2026-01-01T00:00:00.250Z"))
                .timestamp("NoT", Optional.empty())
                .blob("Blob", new byte[] {0, 1, 2, (byte) 255})
                .stringList("L", List.of("1", "2"))
                .stringMap("M", map)
                .object("O", o -> o.string("Inner", "i").object("Deeper", d -> { }))
                .objectList("OL", List.of("a", "b"), (o, item) -> o.string("Item", item))
                .objectList("Empty", List.of(), (o, item) -> { }));
        assertThat(json).isEqualTo("{\"S\":\"x\",\"Present\":\"p\",\"N\":42,\"B\":true,\"T\":1767225600.25,"
                + "\"Blob\":\"AAEC/w==\",\"L\":[\"1\",\"2\"],\"M\":{\"b\":\"2\",\"a\":\"1\"},"
                + "\"O\":{\"Inner\":\"i\",\"Deeper\":{}},\"OL\":[{\"Item\":\"a\"},{\"Item\":\"b\"}],\"Empty\":[]}");
        assertThat(new ObjectMapper().readTree(json).isObject()).isTrue();
    }

    @Test
    void escapesWhatJsonMustEscapeAndReplacesLoneSurrogates() throws Exception {
        String nasty = "q\"b\\s/\n\r\t\u0000\u001f\u2028 \uD83D\uDE00 \uD800x\uDC00";
        String json = write(out -> out.string("V", nasty).stringList("L", List.of(nasty)).stringMap("M", Map.of(nasty, nasty)));
        JsonNode parsed = new ObjectMapper().readTree(json);
        String expected = "q\"b\\s/\n\r\t\u0000\u001f\u2028 \uD83D\uDE00 \uFFFDx\uFFFD";
        assertThat(parsed.get("V").asText()).isEqualTo(expected);
        assertThat(parsed.get("L").get(0).asText()).isEqualTo(expected);
        assertThat(parsed.get("M").get(expected).asText()).isEqualTo(expected);
    }

    @Test
    void anEmptyDocumentIsAnEmptyObject() {
        assertThat(write(out -> { })).isEqualTo("{}");
    }
}
