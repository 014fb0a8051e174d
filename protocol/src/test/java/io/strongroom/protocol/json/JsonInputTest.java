package io.strongroom.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.AwsException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonInputTest {
    private static JsonInput parse(String json) {
        return JsonInput.parse(json.getBytes(StandardCharsets.UTF_8), ValidationErrors.validationException());
    }

    private static void assertFails(Runnable read, String code, String message) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void readsEveryType() {
        JsonInput in = parse("{\"S\":\"s\",\"I\":7,\"L\":9007199254740993,\"B\":false,\"T\":1.5,\"Blob\":\"AQI=\","
                + "\"List\":[\"a\",\"b\"],\"Map\":{\"k\":\"v\"},\"O\":{\"Inner\":\"i\"},\"OL\":[{\"X\":\"1\"},{\"X\":\"2\"}]}");
        assertThat(in.string("S")).contains("s");
        assertThat(in.integer("I")).contains(7);
        assertThat(in.longValue("L")).contains(9007199254740993L);
        assertThat(in.bool("B")).contains(false);
        assertThat(in.timestamp("T")).contains(Instant.ofEpochMilli(1500));
        assertThat(in.blob("Blob")).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(1, 2));
        assertThat(in.stringList("List")).containsExactly("a", "b");
        assertThat(in.stringMap("Map")).containsExactly(Map.entry("k", "v"));
        assertThat(in.requiredObject("O").requiredString("Inner")).isEqualTo("i");
        assertThat(in.objectList("OL")).extracting(o -> o.requiredString("X")).containsExactly("1", "2");
        assertThat(in.memberNames()).containsExactly("S", "I", "L", "B", "T", "Blob", "List", "Map", "O", "OL");
    }

    @Test
    void absentMembersReadAsEmpty() {
        JsonInput in = parse("{\"Null\":null}");
        assertThat(in.has("Null")).isFalse();
        assertThat(in.memberNames()).isEmpty();
        assertThat(in.string("Null")).isEmpty();
        assertThat(in.integer("X")).isEmpty();
        assertThat(in.stringList("X")).isEmpty();
        assertThat(in.stringMap("X")).isEmpty();
        assertThat(in.objectList("X")).isEmpty();
        assertThat(in.object("X")).isEmpty();
        assertThat(in.timestamp("X")).isEmpty();
        assertThat(in.blob("X")).isEmpty();
    }

    @Test
    void requiredReadersNameTheMemberAsAwsDoes() {
        JsonInput in = parse("{\"Parent\":{\"Tags\":[{}]}}");
        JsonInput tag = in.requiredObject("Parent").requiredObjectList("Tags", 1, 5).get(0);
        assertFails(() -> tag.requiredString("Key"), "ValidationException",
                "1 validation error detected: Value null at 'parent.tags.1.member.key' failed to satisfy constraint:"
                        + " Member must not be null");
        assertFails(() -> in.requiredObject("Missing"), "ValidationException",
                "1 validation error detected: Value null at 'missing' failed to satisfy constraint: Member must not be null");
        assertFails(() -> in.requiredStringList("Ids", 1, 2, StringConstraints.none()), "ValidationException",
                "1 validation error detected: Value null at 'ids' failed to satisfy constraint: Member must not be null");
        assertFails(() -> in.requiredBlob("Plaintext", 1, 4096), "ValidationException",
                "1 validation error detected: Value null at 'plaintext' failed to satisfy constraint: Member must not be null");
        assertFails(() -> in.requiredInteger("Days", 7, 30), "ValidationException",
                "1 validation error detected: Value null at 'days' failed to satisfy constraint: Member must not be null");
        assertThat(tag.memberPath("Value")).isEqualTo("parent.tags.1.member.value");
    }

    @Test
    void listSizeBoundsApply() {
        JsonInput in = parse("{\"Tags\":[]}");
        assertFails(() -> in.requiredObjectList("Tags", 1, 5), "ValidationException",
                "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length"
                        + " greater than or equal to 1");
    }

    @Test
    void enumsReadIntoJavaEnums() {
        assertThat(parse("{\"U\":\"SECONDS\"}").requiredEnumValue("U", java.util.concurrent.TimeUnit.class))
                .isEqualTo(java.util.concurrent.TimeUnit.SECONDS);
        assertFails(() -> parse("{\"U\":\"seconds\"}").enumValue("U", java.util.concurrent.TimeUnit.class),
                "ValidationException", "1 validation error detected: Value 'seconds' at 'u' failed to satisfy constraint:"
                        + " Member must satisfy enum value set: [NANOSECONDS, MICROSECONDS, MILLISECONDS, SECONDS,"
                        + " MINUTES, HOURS, DAYS]");
    }

    @Test
    void patternsAreNotImplicitlyAnchoredAsInTheModels() {
        StringConstraints unanchored = StringConstraints.length(1, 64).pattern("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
        assertThat(parse("{\"E\":\"x a@b.c\"}").string("E", unanchored)).contains("x a@b.c");
        StringConstraints anchored = StringConstraints.length(1, 64).pattern("^\\d{12}$");
        assertFails(() -> parse("{\"E\":\"1234567890123\"}").string("E", anchored), "ValidationException",
                "1 validation error detected: Value '1234567890123' at 'e' failed to satisfy constraint: Member must"
                        + " satisfy regular expression pattern: ^\\d{12}$");
    }

    @Test
    void longValuesAreEchoedShort() {
        String value = "x".repeat(1000);
        assertFails(() -> parse("{\"N\":\"" + value + "\"}").string("N", StringConstraints.length(1, 10)),
                "ValidationException", "1 validation error detected: Value '" + "x".repeat(64) + "...' at 'n' failed"
                        + " to satisfy constraint: Member must have length less than or equal to 10");
    }

    @Test
    void operationsRaiseTheirOwnViolationsInTheServiceVocabulary() {
        JsonInput in = JsonInput.parse("{}".getBytes(StandardCharsets.UTF_8),
                ValidationErrors.withReason("InvalidInputException", c -> java.util.Optional.of("R_" + c)));
        AwsException error = in.violation(Constraint.INVALID_VALUE, "PolicyId", "You specified an invalid value.");
        assertThat(error).isInstanceOfSatisfying(DetailedAwsException.class, detailed -> {
            assertThat(detailed.code()).isEqualTo("InvalidInputException");
            assertThat(detailed.getMessage()).isEqualTo("You specified an invalid value.");
            assertThat(detailed.members()).containsExactly(Map.entry("Reason", "R_INVALID_VALUE"));
        });
        assertFails(() -> parse("{\"GrantTokens\":[\"t\"]}").rejectUnsupported("GrantTokens"), "ValidationException",
                "The parameter GrantTokens is not supported by this service");
        assertThat(ValidationErrors.withCode("InvalidParameterValue")
                .toError(new ConstraintViolation(Constraint.PATTERN, "a", "m")).code()).isEqualTo("InvalidParameterValue");
    }

    @Test
    void toStringShowsNamesNotValues() {
        assertThat(parse("{\"Plaintext\":\"c2VjcmV0\"}").toString()).isEqualTo("JsonInput[Plaintext]")
                .doesNotContain("c2VjcmV0");
    }

    @Test
    void aLongBeyondRangeIsSerializationException() {
        assertFails(() -> parse("{\"L\":99999999999999999999}").longValue("L"), "SerializationException",
                "NUMBER_VALUE can not be converted to a long at 'l'");
    }
}
