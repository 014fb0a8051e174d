package io.strongroom.server.config;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A setting's value as one source gave it: text, or for {@code root-key} in YAML a map.
 */
record RawValue(Object value, ValueOrigin origin) {
    RawValue {
        requireNonNull(value, "value");
        requireNonNull(origin, "origin");
        if (!(value instanceof String) && !(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("a raw value is text or a map");
        }
    }

    String text() {
        if (value instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("expected a single value, not a map");
    }
}
