package io.strongroom.protocol.query;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * What an operation answers: the content of its {@code <ActionResult>} element, or nothing at all
 * for operations whose model has no output (DeleteUser answers only {@code ResponseMetadata}).
 */
public final class QueryResult {
    private static final QueryResult NONE = new QueryResult(null);

    private final Consumer<XmlWriter> content;

    private QueryResult(Consumer<XmlWriter> content) {
        this.content = content;
    }

    /** A result element whose children {@code content} writes (possibly none: {@code <UpdateRoleResult/>}). */
    public static QueryResult of(Consumer<XmlWriter> content) {
        return new QueryResult(requireNonNull(content, "content"));
    }

    /** No result element. */
    public static QueryResult none() {
        return NONE;
    }

    Optional<Consumer<XmlWriter>> content() {
        return Optional.ofNullable(content);
    }
}
