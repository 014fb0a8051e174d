package io.strongroom.iam.identity;

/** A repository insert collided with an existing entity of the same (case-insensitive) name or id. */
public class DuplicateEntityException extends RuntimeException {
    public DuplicateEntityException(String message) {
        super(message);
    }
}
