package io.strongroom.protocol.json;

import static java.util.Objects.requireNonNull;

/**
 * One broken input constraint.
 *
 * @param constraint the kind of constraint
 * @param member     the member's path as AWS validation messages spell it ({@code name},
 *                   {@code tags.1.member.key}); empty when the violation concerns no one member
 * @param message    the whole message in the AWS wording: {@code 1 validation error detected: Value
 *                   'x' at 'name' failed to satisfy constraint: Member must …}
 */
public record ConstraintViolation(Constraint constraint, String member, String message) {
    public ConstraintViolation {
        requireNonNull(constraint, "constraint");
        requireNonNull(member, "member");
        requireNonNull(message, "message");
    }
}
