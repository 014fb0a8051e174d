package io.strongroom.iam.identity;

import static java.util.Objects.requireNonNull;

/** A tag as a request carries it; a list of them may hold duplicates, which IAM rejects. */
public record Tag(String key, String value) {
    public Tag {
        requireNonNull(key, "key");
        requireNonNull(value, "value");
    }
}
