package io.strongroom.server.logging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured fields for one log line, passed as the single parameter of a
 * {@link java.util.logging.LogRecord}; {@link JsonLogFormatter} writes them as top-level JSON fields.
 * Values are strings, numbers or booleans.
 */
public record LogFields(Map<String, Object> fields) {

    public LogFields {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects fields in order; a null value is left out. */
    public static final class Builder {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        public Builder put(String name, Object value) {
            if (value != null) {
                fields.put(name, value);
            }
            return this;
        }

        public LogFields build() {
            return new LogFields(fields);
        }
    }
}
