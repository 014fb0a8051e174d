package io.strongroom.protocol.json;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * What an operation answers: the members of its output document, or nothing at all for
 * operations whose model has no output (an empty body, as the AWS JSON protocol prefers).
 */
public final class JsonResult {
    private static final JsonResult NONE = new JsonResult(null);

    private final Consumer<JsonWriter> members;

    private JsonResult(Consumer<JsonWriter> members) {
        this.members = members;
    }

    /** An output document whose members {@code members} writes (possibly none: {@code {}}). */
    public static JsonResult of(Consumer<JsonWriter> members) {
        return new JsonResult(requireNonNull(members, "members"));
    }

    /** No output document: an empty body. */
    public static JsonResult none() {
        return NONE;
    }

    Optional<Consumer<JsonWriter>> members() {
        return Optional.ofNullable(members);
    }
}
