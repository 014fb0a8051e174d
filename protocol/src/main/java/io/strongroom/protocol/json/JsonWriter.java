package io.strongroom.protocol.json;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Writes the members of a JSON output document in the AWS JSON protocol's conventions:
 * timestamps as epoch seconds (a JSON number, with a millisecond fraction when there is one),
 * blobs as base64 strings, lists as arrays, maps and structures as objects. Member names are
 * ours (constants of this code base); values are escaped by Jackson. A lone UTF-16 surrogate,
 * which UTF-8 cannot carry, is written as U+FFFD.
 *
 * <p>Every method writes one member of the object being written; {@link #object} and
 * {@link #objectList} hand the same writer to a callback for the nested object's members.
 */
public final class JsonWriter {
    /** Buffers from a shared pool: each request's virtual thread is new, so per-thread recycling would not recycle. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    private final JsonGenerator generator;

    JsonWriter() {
        try {
            generator = FACTORY.createGenerator(out);
            generator.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonWriter string(String name, String value) {
        return write(() -> generator.writeStringField(name, safe(requireNonNull(value, name))));
    }

    /** Writes the member only when the value is present. */
    public JsonWriter string(String name, Optional<String> value) {
        value.ifPresent(v -> string(name, v));
        return this;
    }

    public JsonWriter number(String name, long value) {
        return write(() -> generator.writeNumberField(name, value));
    }

    public JsonWriter bool(String name, boolean value) {
        return write(() -> generator.writeBooleanField(name, value));
    }

    /** Epoch seconds: {@code 1767225600} or {@code 1767225600.123}. */
    public JsonWriter timestamp(String name, Instant value) {
        return write(() -> {
            generator.writeFieldName(name);
            generator.writeNumber(epochSeconds(requireNonNull(value, name)));
        });
    }

    public JsonWriter timestamp(String name, Optional<Instant> value) {
        value.ifPresent(v -> timestamp(name, v));
        return this;
    }

    /** Base64 text (standard alphabet, padded). */
    public JsonWriter blob(String name, byte[] value) {
        return write(() -> generator.writeStringField(name, Base64.getEncoder().encodeToString(requireNonNull(value, name))));
    }

    /** A nested structure whose members {@code members} writes. */
    public JsonWriter object(String name, Consumer<JsonWriter> members) {
        write(() -> {
            generator.writeFieldName(name);
            generator.writeStartObject();
        });
        members.accept(this);
        return write(generator::writeEndObject);
    }

    /** A list of structures, each one's members written by {@code writeMembers}. */
    public <T> JsonWriter objectList(String name, Collection<T> items, BiConsumer<JsonWriter, T> writeMembers) {
        write(() -> {
            generator.writeFieldName(name);
            generator.writeStartArray();
        });
        for (T item : items) {
            write(generator::writeStartObject);
            writeMembers.accept(this, item);
            write(generator::writeEndObject);
        }
        return write(generator::writeEndArray);
    }

    public JsonWriter stringList(String name, Collection<String> values) {
        return write(() -> {
            generator.writeFieldName(name);
            generator.writeStartArray();
            for (String value : values) {
                generator.writeString(safe(requireNonNull(value, name)));
            }
            generator.writeEndArray();
        });
    }

    /** A map of strings to strings, in the map's iteration order. */
    public JsonWriter stringMap(String name, Map<String, String> entries) {
        return write(() -> {
            generator.writeFieldName(name);
            generator.writeStartObject();
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                generator.writeStringField(safe(entry.getKey()), safe(requireNonNull(entry.getValue(), name)));
            }
            generator.writeEndObject();
        });
    }

    /** Closes the document and returns its UTF-8 bytes. */
    byte[] finish() {
        write(() -> {
            generator.writeEndObject();
            generator.close();
        });
        return out.toByteArray();
    }

    /** Epoch seconds to the millisecond, as a JSON number without an exponent. */
    static String epochSeconds(Instant instant) {
        long millis = instant.toEpochMilli();
        if (millis % 1000 == 0) {
            return Long.toString(millis / 1000);
        }
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }

    /** Replaces lone surrogates with U+FFFD; Jackson refuses to write them. */
    static String safe(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(value.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean lone = Character.isSurrogate(c);
            if (lone && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (out != null) {
                out.append(lone ? '\uFFFD' : c);
            }
        }
        return out == null ? value : out.toString();
    }

    private JsonWriter write(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory: only a misuse of the generator gets here
        }
        return this;
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
