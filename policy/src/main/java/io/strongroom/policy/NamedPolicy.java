package io.strongroom.policy;

import static java.util.Objects.requireNonNull;

/**
 * A parsed policy and where it came from, so a decision can name the statement that decided.
 *
 * @param type     which kind of policy this is
 * @param source   the managed policy's ARN, or {@code user/alice/inline-name} style for inline ones
 * @param document the parsed document
 */
public record NamedPolicy(PolicyType type, String source, PolicyDocument document) {
    public NamedPolicy {
        requireNonNull(type, "type");
        requireNonNull(source, "source");
        requireNonNull(document, "document");
    }
}
