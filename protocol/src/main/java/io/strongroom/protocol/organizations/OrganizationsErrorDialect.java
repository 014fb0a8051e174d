package io.strongroom.protocol.organizations;

import io.strongroom.core.AwsException;
import io.strongroom.organizations.OrganizationsErrors.InputReason;
import io.strongroom.organizations.OrganizationsException;
import io.strongroom.protocol.json.ConstraintViolation;
import io.strongroom.protocol.json.DetailedAwsException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How Organizations words errors: input that breaks the model's constraints is an
 * {@code InvalidInputException} whose {@code Reason} says which kind of constraint (with the more
 * specific reasons Organizations gives for policy ids, target ids, role names and policy types),
 * and a domain error keeps the {@code Reason} its error shape carries.
 */
final class OrganizationsErrorDialect {
    static final String INVALID_INPUT = "InvalidInputException";
    static final String REASON = "Reason";

    /** Members (as validation messages spell them) whose values are PolicyType enum values. */
    private static final Set<String> POLICY_TYPE_MEMBERS = Set.of("type", "filter", "policyType");

    private OrganizationsErrorDialect() {
    }

    static AwsException invalidInput(ConstraintViolation violation) {
        Map<String, String> members = reason(violation).map(r -> Map.of(REASON, r.name())).orElse(Map.of());
        return new DetailedAwsException(INVALID_INPUT, 400, violation.message(), members);
    }

    /** The Reason an InvalidInputException carries for a violation; none for a member Strongroom refuses. */
    static Optional<InputReason> reason(ConstraintViolation violation) {
        String member = violation.member();
        return Optional.ofNullable(switch (violation.constraint()) {
            case REQUIRED -> InputReason.INPUT_REQUIRED;
            case ENUM -> POLICY_TYPE_MEMBERS.contains(member) ? InputReason.INVALID_ENUM_POLICY_TYPE
                    : InputReason.INVALID_ENUM;
            case MIN_LENGTH -> InputReason.MIN_LENGTH_EXCEEDED;
            case MAX_LENGTH -> InputReason.MAX_LENGTH_EXCEEDED;
            case PATTERN -> switch (member) {
                case "policyId" -> InputReason.INVALID_SYNTAX_POLICY_ID;
                case "targetId" -> InputReason.INVALID_PATTERN_TARGET_ID;
                case "roleName" -> InputReason.INVALID_ROLE_NAME;
                default -> InputReason.INVALID_PATTERN;
            };
            case MIN_VALUE -> InputReason.MIN_VALUE_EXCEEDED;
            case MAX_VALUE -> InputReason.MAX_VALUE_EXCEEDED;
            // The model has no reason for "not implemented here" or for a check of our own: the message says it.
            case UNSUPPORTED, INVALID_VALUE -> null;
        });
    }

    /** The domain error's Reason member, for the error shapes that have one. */
    static Map<String, String> reasonMember(AwsException error) {
        if (error instanceof OrganizationsException organizations) {
            return organizations.reason().map(reason -> Map.of(REASON, reason)).orElse(Map.of());
        }
        return Map.of();
    }
}
