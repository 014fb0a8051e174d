package io.strongroom.protocol.json;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The model's constraints on a string member: length in characters (Unicode code points, as
 * Smithy counts them), a pattern (not implicitly anchored), or a set of enum values. Immutable;
 * build with {@link #length}, {@link #oneOf} or {@link #none} and refine with
 * {@link #pattern(String)}. Length is checked before the pattern so that no long input reaches a
 * regular expression.
 */
public final class StringConstraints {
    private static final StringConstraints NONE = new StringConstraints(0, Integer.MAX_VALUE, null, List.of());

    private final int minLength;
    private final int maxLength;
    private final Pattern pattern;
    private final List<String> allowed;

    private StringConstraints(int minLength, int maxLength, Pattern pattern, List<String> allowed) {
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.pattern = pattern;
        this.allowed = allowed;
    }

    /** No constraint at all. */
    public static StringConstraints none() {
        return NONE;
    }

    /** Between {@code min} and {@code max} characters, both inclusive. */
    public static StringConstraints length(int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("invalid length bounds " + min + ".." + max);
        }
        return new StringConstraints(min, max, null, List.of());
    }

    /** One of the model's enum values, compared exactly (case-sensitive). */
    public static StringConstraints oneOf(Collection<String> values) {
        Set<String> distinct = new LinkedHashSet<>(requireNonNull(values, "values"));
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("an enum has at least one value");
        }
        return new StringConstraints(0, Integer.MAX_VALUE, null, List.copyOf(distinct));
    }

    /** One of the values, compared exactly. */
    public static StringConstraints oneOf(String... values) {
        return oneOf(List.of(values));
    }

    /** The names of an enum's constants, for enums whose constants are spelled as the wire values. */
    public static StringConstraints oneOf(Class<? extends Enum<?>> type) {
        List<String> names = new ArrayList<>();
        for (Enum<?> constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        return oneOf(names);
    }

    /**
     * These constraints plus a regular expression the value must match, read as the model means
     * it: Java syntax, not implicitly anchored (Smithy's rule), so a model pattern that must cover
     * the whole value says so with {@code ^} and {@code $}, as most do.
     */
    public StringConstraints pattern(String regex) {
        return new StringConstraints(minLength, maxLength, Pattern.compile(requireNonNull(regex, "regex")), allowed);
    }

    /** The violation {@code value} commits, if any. */
    Optional<ConstraintViolation> check(String memberPath, String value) {
        if (!allowed.isEmpty() && !allowed.contains(value)) {
            return Optional.of(violation(Constraint.ENUM, memberPath, value,
                    "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]"));
        }
        int length = value.codePointCount(0, value.length());
        if (length < minLength) {
            return Optional.of(violation(Constraint.MIN_LENGTH, memberPath, value,
                    "Member must have length greater than or equal to " + minLength));
        }
        if (length > maxLength) {
            return Optional.of(violation(Constraint.MAX_LENGTH, memberPath, value,
                    "Member must have length less than or equal to " + maxLength));
        }
        if (pattern != null && !pattern.matcher(value).find()) {
            return Optional.of(violation(Constraint.PATTERN, memberPath, value,
                    "Member must satisfy regular expression pattern: " + pattern.pattern()));
        }
        return Optional.empty();
    }

    /** The AWS wording: {@code 1 validation error detected: Value 'x' at 'name' failed to satisfy constraint: …}. */
    static ConstraintViolation violation(Constraint constraint, String memberPath, String value, String requirement) {
        String shown = value == null ? "Value null" : "Value '" + JsonErrors.abbreviate(value) + "'";
        return new ConstraintViolation(constraint, memberPath, "1 validation error detected: " + shown + " at '"
                + memberPath + "' failed to satisfy constraint: " + requirement);
    }

    /** Like {@link #violation} for values that are not echoed (lists, blobs that may be secret). */
    static ConstraintViolation violationWithoutValue(Constraint constraint, String memberPath, String requirement) {
        return new ConstraintViolation(constraint, memberPath, "1 validation error detected: Value at '"
                + memberPath + "' failed to satisfy constraint: " + requirement);
    }
}
