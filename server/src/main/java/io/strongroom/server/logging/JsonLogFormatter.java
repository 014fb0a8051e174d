package io.strongroom.server.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Set;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One JSON object per line: timestamp, level, logger, message, the request id when the line was
 * written while serving a request, any {@link LogFields}, and for a failure its exception class
 * and message (no stack trace: messages of our exceptions are written to be safe to show, a
 * stack is not needed to act on a line and is long).
 */
public final class JsonLogFormatter extends Formatter {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> RESERVED = Set.of("timestamp", "level", "logger", "message", "requestId");

    @Override
    public String format(LogRecord record) {
        return format(record, RequestLogContext.currentRequestId().orElse(null));
    }

    /** The line for a record written while serving {@code requestId} (null outside a request). */
    String format(LogRecord record, String requestId) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
            json.writeStringField("level", levelName(record.getLevel()));
            json.writeStringField("logger", String.valueOf(record.getLoggerName()));
            json.writeStringField("message", messageOf(record));
            if (requestId != null) {
                json.writeStringField("requestId", requestId);
            }
            LogFields fields = fieldsOf(record);
            if (fields != null) {
                for (var field : fields.fields().entrySet()) {
                    if (!RESERVED.contains(field.getKey())) {
                        writeField(json, field.getKey(), field.getValue());
                    }
                }
            }
            if (record.getThrown() != null) {
                json.writeStringField("exception", record.getThrown().getClass().getName());
                json.writeStringField("exceptionMessage", String.valueOf(record.getThrown().getMessage()));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    private String messageOf(LogRecord record) {
        if (fieldsOf(record) != null) {
            return String.valueOf(record.getMessage());
        }
        return formatMessage(record);
    }

    private static LogFields fieldsOf(LogRecord record) {
        Object[] parameters = record.getParameters();
        if (parameters != null && parameters.length == 1 && parameters[0] instanceof LogFields fields) {
            return fields;
        }
        return null;
    }

    private static void writeField(JsonGenerator json, String name, Object value) throws IOException {
        switch (value) {
            case Integer i -> json.writeNumberField(name, i);
            case Long l -> json.writeNumberField(name, l);
            case Double d -> json.writeNumberField(name, d);
            case Boolean b -> json.writeBooleanField(name, b);
            default -> json.writeStringField(name, String.valueOf(value));
        }
    }

    /** SLF4J's names, which operators know better than java.util.logging's. */
    private static String levelName(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (value >= Level.INFO.intValue()) {
            return "INFO";
        }
        if (value >= Level.FINE.intValue()) {
            return "DEBUG";
        }
        return "TRACE";
    }
}
