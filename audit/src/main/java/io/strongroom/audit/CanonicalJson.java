package io.strongroom.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON form of audit records and digests: RFC 8785 (JCS) restricted to what audit records
 * hold. Writing is deterministic, so the same value always gives the same bytes to hash:
 * <ul>
 *   <li>no white space between tokens;
 *   <li>object members sorted by their names compared as UTF-16 code units (what {@link String#compareTo} does);
 *   <li>strings escaped as JCS (ECMAScript {@code JSON.stringify}) does: {@code \"}, {@code \\},
 *       {@code \b \f \n \r \t}, other characters below U+0020 as {@code \}{@code u00xx} with lower-case
 *       hex, everything else as is (UTF-8 on the wire) &mdash; except that a lone surrogate, which
 *       JCS refuses, is written as a lower-case {@code \}{@code u} escape, as {@code JSON.stringify}
 *       does since ES2019, so that an odd request never stops its audit record;
 *   <li>numbers are integers only, within &plusmn;(2<sup>53</sup> - 1), where ECMAScript's number
 *       form is plain decimal; no fractions, no exponents, no {@code -0}.
 * </ul>
 * Values are {@code null}, {@link String}, {@link Long} (or {@link Integer}, {@link Short},
 * {@link Byte}), {@link Boolean}, {@link List} and {@link Map} with string keys.
 *
 * <p>{@link #parse} is a strict RFC 8259 reader for the same value model (integers only, duplicate
 * names refused, nesting bounded); {@link #parseCanonical} also requires the text to be exactly
 * the canonical form of what it holds.
 */
public final class CanonicalJson {
    /** The largest integer JCS writes as plain decimal: 2^53 - 1. */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    /** How deep arrays and objects may nest when parsing. */
    public static final int MAX_DEPTH = 256;

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();
    // String.compareTo orders by UTF-16 code units, as JCS requires
    private static final Comparator<Map.Entry<?, ?>> BY_NAME =
            (a, b) -> ((String) a.getKey()).compareTo((String) b.getKey());

    private CanonicalJson() {
    }

    // ---- writing

    /** The canonical text of a value; throws IllegalArgumentException for values outside the model. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    /** Appends the canonical text of a value. */
    public static void write(Object value, StringBuilder out) {
        writeValue(value, out, 0);
    }

    private static void writeValue(Object value, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("JSON nests deeper than " + MAX_DEPTH);
        }
        switch (value) {
            case null -> out.append("null");
            case String text -> writeString(text, out);
            case Boolean bool -> out.append(bool ? "true" : "false");
            case Long number -> writeInteger(number, out);
            case Integer number -> out.append(number.intValue());
            case Short number -> out.append(number.shortValue());
            case Byte number -> out.append(number.byteValue());
            case Map<?, ?> map -> writeObject(map, out, depth);
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    writeValue(list.get(i), out, depth + 1);
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException(
                    "canonical JSON holds strings, integers, booleans, lists and maps, not " + value.getClass().getName());
        }
    }

    private static void writeInteger(long number, StringBuilder out) {
        if (number > MAX_SAFE_INTEGER || number < -MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("integer " + number + " is outside +-(2^53 - 1)");
        }
        out.append(number);
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out, int depth) {
        Map.Entry<?, ?>[] members = map.entrySet().toArray(new Map.Entry<?, ?>[0]);
        for (Map.Entry<?, ?> member : members) {
            if (!(member.getKey() instanceof String)) {
                throw new IllegalArgumentException("object member names are strings, not " + member.getKey());
            }
        }
        Arrays.sort(members, BY_NAME);
        out.append('{');
        for (int i = 0; i < members.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString((String) members[i].getKey(), out);
            out.append(':');
            writeValue(members[i].getValue(), out, depth + 1);
        }
        out.append('}');
    }

    /**
     * An object whose members the caller gives already in canonical order, written without building
     * a map to sort: for the fixed shapes written on every call (the audit record's own members). A
     * name out of order is a programming error and throws, so the text stays canonical.
     */
    static final class OrderedObject {
        private final StringBuilder out;
        private String previous;

        OrderedObject(StringBuilder out) {
            this.out = out;
            out.append('{');
        }

        /** Writes the member's name and returns the text, to which the caller then appends the member's value. */
        StringBuilder name(String name) {
            if (previous != null) {
                if (previous.compareTo(name) >= 0) {
                    throw new IllegalStateException("member " + name + " written after " + previous);
                }
                out.append(',');
            }
            previous = name;
            writeString(name, out);
            return out.append(':');
        }

        OrderedObject member(String name, Object value) {
            writeValue(value, name(name), 1);
            return this;
        }

        OrderedObject memberIfPresent(String name, Object value) {
            return value == null ? this : member(name, value);
        }

        void end() {
            out.append('}');
        }
    }

    /** Appends a string in JCS form, quotes included. */
    public static void writeString(String text, StringBuilder out) {
        out.append('"');
        int length = text.length();
        int plainFrom = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a well-formed pair is written as is
                continue;
            }
            out.append(text, plainFrom, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> appendUnicodeEscape(c, out); // a control character or a lone surrogate
            }
            plainFrom = i + 1;
        }
        out.append(text, plainFrom, length);
        out.append('"');
    }

    private static void appendUnicodeEscape(char c, StringBuilder out) {
        out.append("\\u")
                .append(HEX_DIGITS[(c >> 12) & 0xf])
                .append(HEX_DIGITS[(c >> 8) & 0xf])
                .append(HEX_DIGITS[(c >> 4) & 0xf])
                .append(HEX_DIGITS[c & 0xf]);
    }

    // ---- reading

    /**
     * Parses one JSON value (RFC 8259, integers only) that fills the whole text. Objects come back
     * as maps in document order, integers as {@link Long}. Throws {@link JsonSyntaxException} with
     * the offset of the first problem.
     */
    public static Object parse(String text) {
        Parser parser = new Parser(text);
        parser.skipWhiteSpace();
        Object value = parser.value(0);
        parser.skipWhiteSpace();
        if (parser.position != text.length()) {
            throw parser.error("text after the value");
        }
        return value;
    }

    /** Like {@link #parse}, and requires the text to be exactly the value's canonical form. */
    public static Object parseCanonical(String text) {
        Object value = parse(text);
        if (!write(value).equals(text)) {
            throw new JsonSyntaxException("the text is valid JSON but not in canonical form", 0);
        }
        return value;
    }

    /** Thrown for text that is not JSON of the audit value model. */
    public static final class JsonSyntaxException extends IllegalArgumentException {
        private final int offset;

        public JsonSyntaxException(String message, int offset) {
            super(message + " at offset " + offset);
            this.offset = offset;
        }

        /** Where in the text the problem is (a UTF-16 index). */
        public int offset() {
            return offset;
        }
    }

    private static final class Parser {
        private final String text;
        private int position;

        Parser(String text) {
            this.text = text;
        }

        JsonSyntaxException error(String message) {
            return new JsonSyntaxException(message, position);
        }

        void skipWhiteSpace() {
            while (position < text.length()) {
                char c = text.charAt(position);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                position++;
            }
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("JSON nests deeper than " + MAX_DEPTH);
            }
            if (position >= text.length()) {
                throw error("a value is missing");
            }
            char c = text.charAt(position);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield integer();
                    }
                    throw error("unexpected character '" + c + "'");
                }
            };
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, position)) {
                throw error("unknown literal");
            }
            position += word.length();
            return value;
        }

        private Map<String, Object> object(int depth) {
            position++; // {
            Map<String, Object> members = new LinkedHashMap<>();
            skipWhiteSpace();
            if (peek() == '}') {
                position++;
                return members;
            }
            while (true) {
                skipWhiteSpace();
                if (peek() != '"') {
                    throw error("an object member name must be a string");
                }
                int nameAt = position;
                String name = string();
                skipWhiteSpace();
                expect(':');
                skipWhiteSpace();
                Object value = value(depth + 1);
                if (members.containsKey(name)) {
                    throw new JsonSyntaxException("duplicate member name \"" + name + "\"", nameAt);
                }
                members.put(name, value);
                skipWhiteSpace();
                char c = next("',' or '}'");
                if (c == '}') {
                    return members;
                }
                if (c != ',') {
                    position--;
                    throw error("expected ',' or '}'");
                }
            }
        }

        private List<Object> array(int depth) {
            position++; // [
            List<Object> items = new ArrayList<>();
            skipWhiteSpace();
            if (peek() == ']') {
                position++;
                return items;
            }
            while (true) {
                skipWhiteSpace();
                items.add(value(depth + 1));
                skipWhiteSpace();
                char c = next("',' or ']'");
                if (c == ']') {
                    return items;
                }
                if (c != ',') {
                    position--;
                    throw error("expected ',' or ']'");
                }
            }
        }

        private String string() {
            position++; // opening quote
            StringBuilder out = null;
            int plainFrom = position;
            while (true) {
                if (position >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(position);
                if (c == '"') {
                    String value = out == null ? text.substring(plainFrom, position)
                            : out.append(text, plainFrom, position).toString();
                    position++;
                    return value;
                }
                if (c < 0x20) {
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    position++;
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder();
                }
                out.append(text, plainFrom, position);
                position++;
                char escape = next("an escape");
                switch (escape) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case '/' -> out.append('/');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> out.append(unicodeEscape());
                    default -> {
                        position--;
                        throw error("unknown escape '\\" + escape + "'");
                    }
                }
                plainFrom = position;
            }
        }

        private char unicodeEscape() {
            if (position + 4 > text.length()) {
                throw error("short \\u escape");
            }
            int value = 0;
            for (int i = 0; i < 4; i++) {
                int digit = Character.digit(text.charAt(position + i), 16);
                if (digit < 0) {
                    throw error("bad hex digit in a \\u escape");
                }
                value = value * 16 + digit;
            }
            position += 4;
            return (char) value;
        }

        private Long integer() {
            int start = position;
            if (peek() == '-') {
                position++;
            }
            int digitsFrom = position;
            while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
                position++;
            }
            int digits = position - digitsFrom;
            if (digits == 0) {
                throw error("a number needs digits");
            }
            if (digits > 1 && text.charAt(digitsFrom) == '0') {
                throw new JsonSyntaxException("leading zero in a number", start);
            }
            if (position < text.length()) {
                char c = text.charAt(position);
                if (c == '.' || c == 'e' || c == 'E') {
                    throw error("only integers are allowed");
                }
            }
            if (digits > 16) {
                throw new JsonSyntaxException("integer outside +-(2^53 - 1)", start);
            }
            long value = Long.parseLong(text, start, position, 10);
            if (value > MAX_SAFE_INTEGER || value < -MAX_SAFE_INTEGER) {
                throw new JsonSyntaxException("integer outside +-(2^53 - 1)", start);
            }
            return value;
        }

        private char peek() {
            if (position >= text.length()) {
                throw error("unexpected end of text");
            }
            return text.charAt(position);
        }

        private char next(String what) {
            if (position >= text.length()) {
                throw error("expected " + what + " but the text ended");
            }
            return text.charAt(position++);
        }

        private void expect(char wanted) {
            if (next("'" + wanted + "'") != wanted) {
                position--;
                throw error("expected '" + wanted + "'");
            }
        }
    }

}
