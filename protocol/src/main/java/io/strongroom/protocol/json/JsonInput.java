package io.strongroom.protocol.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.AwsException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An operation's input document (or a structure inside it) with typed readers for the AWS JSON
 * serialization of the model: strings, numbers and booleans as themselves, timestamps as epoch
 * seconds, blobs as base64 strings, lists as arrays, maps and structures as objects.
 *
 * <p>Every reader fails with the exact AWS error, never a 500: a member of the wrong JSON type is
 * a {@code SerializationException}; an absent required member or a broken constraint is the
 * service's validation error ({@link ValidationErrors}). A member sent as JSON {@code null} reads
 * as absent. Members nobody reads are ignored, as AWS ignores members it does not know; members
 * the model has but Strongroom does not implement must be refused with {@link #rejectUnsupported}.
 *
 * <p>Errors name members as AWS validation messages do: {@code maxResults}, {@code parent.id},
 * {@code tags.1.member.key}.
 */
public final class JsonInput {
    /** 9999-12-31T23:59:59Z: later (or before year 1) is no timestamp a model means. */
    private static final BigDecimal MAX_EPOCH_SECONDS = BigDecimal.valueOf(253_402_300_799L);
    private static final BigDecimal MIN_EPOCH_SECONDS = BigDecimal.valueOf(-62_135_596_800L);

    private final ObjectNode object;
    private final String path;
    private final ValidationErrors errors;

    private JsonInput(ObjectNode object, String path, ValidationErrors errors) {
        this.object = object;
        this.path = path;
        this.errors = errors;
    }

    /**
     * Reads a request body: an empty body is {@code {}}; anything but one JSON object in UTF-8
     * is a {@code SerializationException}.
     */
    public static JsonInput parse(byte[] body, ValidationErrors errors) {
        return new JsonInput(JsonBodyReader.read(requireNonNull(body, "body")), "", requireNonNull(errors, "errors"));
    }

    /** Whether the member is present with a value other than {@code null}. */
    public boolean has(String name) {
        return node(name) != null;
    }

    /** The names of the members present (with a value other than {@code null}), in document order. */
    public Set<String> memberNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isNull()) {
                names.add(field.getKey());
            }
        }
        return Collections.unmodifiableSet(names);
    }

    // ---- strings and enums

    public Optional<String> string(String name) {
        return string(name, StringConstraints.none());
    }

    public Optional<String> string(String name, StringConstraints constraints) {
        JsonNode node = node(name);
        if (node == null) {
            return Optional.empty();
        }
        String value = text(memberPath(name), node);
        constraints.check(memberPath(name), value).ifPresent(this::fail);
        return Optional.of(value);
    }

    public String requiredString(String name) {
        return requiredString(name, StringConstraints.none());
    }

    public String requiredString(String name, StringConstraints constraints) {
        return string(name, constraints).orElseThrow(() -> missing(name));
    }

    /** An enum member whose wire values are the constant names of {@code type}. */
    public <E extends Enum<E>> Optional<E> enumValue(String name, Class<E> type) {
        return string(name, StringConstraints.oneOf(type)).map(value -> Enum.valueOf(type, value));
    }

    public <E extends Enum<E>> E requiredEnumValue(String name, Class<E> type) {
        return enumValue(name, type).orElseThrow(() -> missing(name));
    }

    // ---- numbers, booleans, timestamps, blobs

    public Optional<Integer> integer(String name) {
        return integer(name, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** An integer member with the model's range, both bounds inclusive. */
    public Optional<Integer> integer(String name, int min, int max) {
        return longValue(name, min, max, "an integer").map(Long::intValue);
    }

    public int requiredInteger(String name, int min, int max) {
        return integer(name, min, max).orElseThrow(() -> missing(name));
    }

    public Optional<Long> longValue(String name) {
        return longValue(name, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public Optional<Long> longValue(String name, long min, long max) {
        return longValue(name, min, max, "a long");
    }

    private Optional<Long> longValue(String name, long min, long max, String typeName) {
        JsonNode node = node(name);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()
                || (typeName.equals("an integer") && !node.canConvertToInt())) {
            throw JsonErrors.wrongType(memberPath(name), node, typeName);
        }
        long value = node.longValue();
        if (value < min) {
            throw toError(StringConstraints.violation(Constraint.MIN_VALUE, memberPath(name), Long.toString(value),
                    "Member must have value greater than or equal to " + min));
        }
        if (value > max) {
            throw toError(StringConstraints.violation(Constraint.MAX_VALUE, memberPath(name), Long.toString(value),
                    "Member must have value less than or equal to " + max));
        }
        return Optional.of(value);
    }

    public Optional<Boolean> bool(String name) {
        JsonNode node = node(name);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            throw JsonErrors.wrongType(memberPath(name), node, "a boolean");
        }
        return Optional.of(node.booleanValue());
    }

    /** A timestamp: epoch seconds as a JSON number, a fraction allowed, kept to the millisecond. */
    public Optional<Instant> timestamp(String name) {
        JsonNode node = node(name);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isNumber()) {
            throw JsonErrors.wrongType(memberPath(name), node, "a timestamp in epoch seconds");
        }
        boolean finite = node.isIntegralNumber() || Double.isFinite(node.doubleValue()); // 1e400 parses as infinity
        BigDecimal seconds = !finite ? null
                : node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
        if (seconds == null || seconds.compareTo(MAX_EPOCH_SECONDS) > 0 || seconds.compareTo(MIN_EPOCH_SECONDS) < 0) {
            throw JsonErrors.serialization("NUMBER_VALUE is out of the timestamp range at '" + memberPath(name) + "'");
        }
        long millis = seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return Optional.of(Instant.ofEpochMilli(millis));
    }

    /** A blob: base64 text, decoded. Its bytes are never echoed in an error (they may be a secret). */
    public Optional<byte[]> blob(String name) {
        return blob(name, 0, Integer.MAX_VALUE);
    }

    /** A blob with the model's length bounds in bytes, both inclusive. */
    public Optional<byte[]> blob(String name, int minLength, int maxLength) {
        JsonNode node = node(name);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw JsonErrors.wrongType(memberPath(name), node, "a base64-encoded blob");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(node.textValue());
        } catch (IllegalArgumentException e) {
            throw JsonErrors.serialization("Invalid base64 at '" + memberPath(name) + "'");
        }
        checkLength(memberPath(name), bytes.length, minLength, maxLength);
        return Optional.of(bytes);
    }

    public byte[] requiredBlob(String name, int minLength, int maxLength) {
        return blob(name, minLength, maxLength).orElseThrow(() -> missing(name));
    }

    // ---- lists, maps, structures

    /** A list of strings; empty when absent. */
    public List<String> stringList(String name) {
        return stringList(name, 0, Integer.MAX_VALUE, StringConstraints.none());
    }

    /** A list of strings with the model's bounds on its size and on each member; empty when absent. */
    public List<String> stringList(String name, int minItems, int maxItems, StringConstraints memberConstraints) {
        List<JsonNode> items = items(name);
        if (items == null) {
            return List.of();
        }
        checkLength(memberPath(name), items.size(), minItems, maxItems);
        List<String> values = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String itemPath = memberPath(name) + "." + (i + 1) + ".member";
            String value = text(itemPath, items.get(i));
            memberConstraints.check(itemPath, value).ifPresent(this::fail);
            values.add(value);
        }
        return List.copyOf(values);
    }

    public List<String> requiredStringList(String name, int minItems, int maxItems, StringConstraints memberConstraints) {
        requirePresent(name);
        return stringList(name, minItems, maxItems, memberConstraints);
    }

    /** A map of strings to strings in document order; empty when absent. */
    public Map<String, String> stringMap(String name) {
        JsonNode node = node(name);
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw JsonErrors.wrongType(memberPath(name), node, "a map");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String entryPath = memberPath(name) + "." + entry.getKey();
            map.put(checkedText(entryPath, entry.getKey()), text(entryPath, entry.getValue()));
        }
        return Collections.unmodifiableMap(map);
    }

    /** A nested structure, if present. */
    public Optional<JsonInput> object(String name) {
        JsonNode node = node(name);
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof ObjectNode nested)) {
            throw JsonErrors.wrongType(memberPath(name), node, "a structure");
        }
        return Optional.of(new JsonInput(nested, memberPath(name) + ".", errors));
    }

    public JsonInput requiredObject(String name) {
        return object(name).orElseThrow(() -> missing(name));
    }

    /** A list of structures; empty when absent. */
    public List<JsonInput> objectList(String name) {
        return objectList(name, 0, Integer.MAX_VALUE);
    }

    /** A list of structures with the model's bounds on its size; empty when absent. */
    public List<JsonInput> objectList(String name, int minItems, int maxItems) {
        List<JsonNode> items = items(name);
        if (items == null) {
            return List.of();
        }
        checkLength(memberPath(name), items.size(), minItems, maxItems);
        List<JsonInput> structures = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String itemPath = memberPath(name) + "." + (i + 1) + ".member";
            if (!(items.get(i) instanceof ObjectNode nested)) {
                throw JsonErrors.wrongType(itemPath, items.get(i), "a structure");
            }
            structures.add(new JsonInput(nested, itemPath + ".", errors));
        }
        return List.copyOf(structures);
    }

    public List<JsonInput> requiredObjectList(String name, int minItems, int maxItems) {
        requirePresent(name);
        return objectList(name, minItems, maxItems);
    }

    // ---- errors for the operation's own checks

    /**
     * Refuses members the model has but Strongroom does not implement. Ignoring one would give the
     * caller something other than it asked for (often more access), so the call fails instead.
     */
    public void rejectUnsupported(String... names) {
        for (String name : names) {
            if (has(name)) {
                throw toError(new ConstraintViolation(Constraint.UNSUPPORTED, memberPath(name),
                        "The parameter " + name + " is not supported by this service"));
            }
        }
    }

    /**
     * The service's validation error for a check of the operation's own, in the AWS wording, for
     * the operation to throw: {@code throw in.invalid("KeyId", value, "Member must be a key ARN")}.
     */
    public AwsException invalid(String name, String value, String requirement) {
        return toError(StringConstraints.violation(Constraint.INVALID_VALUE, memberPath(name), value, requirement));
    }

    /** The service's validation error (to throw) for any violation, e.g. one whose message the operation words itself. */
    public AwsException violation(Constraint constraint, String name, String message) {
        return toError(new ConstraintViolation(constraint, memberPath(name), message));
    }

    /** The member's path as validation messages spell it: {@code parent.id}, {@code tags.1.member.key}. */
    public String memberPath(String name) {
        return path + lowerFirst(name);
    }

    // ---- internals

    private JsonNode node(String name) {
        JsonNode node = object.get(requireNonNull(name, "name"));
        return node == null || node.isNull() ? null : node;
    }

    private List<JsonNode> items(String name) {
        JsonNode node = node(name);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw JsonErrors.wrongType(memberPath(name), node, "a list");
        }
        List<JsonNode> items = new ArrayList<>(node.size());
        node.elements().forEachRemaining(items::add);
        return items;
    }

    private static String text(String memberPath, JsonNode node) {
        if (!node.isTextual()) {
            throw JsonErrors.wrongType(memberPath, node, "a string");
        }
        return checkedText(memberPath, node.textValue());
    }

    /** JSON escapes can spell a lone surrogate, which no UTF-8 store or client can hold: refused here. */
    private static String checkedText(String memberPath, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw JsonErrors.serialization("Invalid Unicode (a lone surrogate) at '" + memberPath + "'");
            }
        }
        return value;
    }

    private void checkLength(String memberPath, int length, int min, int max) {
        if (length < min) {
            throw toError(StringConstraints.violationWithoutValue(Constraint.MIN_LENGTH, memberPath,
                    "Member must have length greater than or equal to " + min));
        }
        if (length > max) {
            throw toError(StringConstraints.violationWithoutValue(Constraint.MAX_LENGTH, memberPath,
                    "Member must have length less than or equal to " + max));
        }
    }

    private void requirePresent(String name) {
        if (!has(name)) {
            throw missing(name);
        }
    }

    private AwsException missing(String name) {
        return toError(StringConstraints.violation(Constraint.REQUIRED, memberPath(name), null,
                "Member must not be null"));
    }

    private AwsException toError(ConstraintViolation violation) {
        AwsException error = errors.toError(violation);
        if (error == null) {
            throw new IllegalStateException("the service's ValidationErrors gave no error for " + violation.constraint());
        }
        return error;
    }

    private void fail(ConstraintViolation violation) {
        throw toError(violation);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    @Override
    public String toString() {
        // Inputs can carry secrets (KMS plaintext): member names only.
        return "JsonInput" + memberNames();
    }
}
