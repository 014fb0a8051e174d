package io.strongroom.server.config;

import static java.util.Objects.requireNonNull;

/**
 * Where a setting's value came from, for messages that tell the operator exactly what to fix.
 *
 * @param kind        the source
 * @param description for example {@code flag --http-port} or {@code environment variable STRONGROOM_HTTP_PORT}
 */
public record ValueOrigin(Kind kind, String description) {

    /** Sources in increasing precedence. */
    public enum Kind {
        DEFAULT,
        FILE,
        ENVIRONMENT,
        FLAG
    }

    public ValueOrigin {
        requireNonNull(kind, "kind");
        requireNonNull(description, "description");
    }

    public static ValueOrigin defaultValue() {
        return new ValueOrigin(Kind.DEFAULT, "default");
    }

    public static ValueOrigin flag(Setting setting) {
        return new ValueOrigin(Kind.FLAG, "flag " + setting.flag());
    }

    public static ValueOrigin environment(String variable) {
        return new ValueOrigin(Kind.ENVIRONMENT, "environment variable " + variable);
    }

    public static ValueOrigin file(String path, String key) {
        return new ValueOrigin(Kind.FILE, "config file " + path + " (key " + key + ")");
    }

    public boolean explicit() {
        return kind != Kind.DEFAULT;
    }

    @Override
    public String toString() {
        return description;
    }
}
