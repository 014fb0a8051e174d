package io.strongroom.protocol.json;

/**
 * The kind of input constraint a request broke, so that each service can answer in its own
 * vocabulary (Organizations turns each into an {@code InvalidInputException} reason).
 */
public enum Constraint {
    /** A required member is absent (or JSON {@code null}). */
    REQUIRED,
    /** A string that is not one of the enum's values. */
    ENUM,
    /** A string, blob or list shorter than its minimum. */
    MIN_LENGTH,
    /** A string, blob or list longer than its maximum. */
    MAX_LENGTH,
    /** A string that does not match the member's pattern. */
    PATTERN,
    /** A number below its minimum. */
    MIN_VALUE,
    /** A number above its maximum. */
    MAX_VALUE,
    /** A member the model has but Strongroom does not implement: ignoring it could grant more than asked. */
    UNSUPPORTED,
    /** Any other invalid value an operation finds (members that exclude each other, a malformed identifier…). */
    INVALID_VALUE
}
