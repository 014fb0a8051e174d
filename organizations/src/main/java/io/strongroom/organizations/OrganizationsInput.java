package io.strongroom.organizations;

import io.strongroom.organizations.OrganizationsErrors.InputReason;
import java.util.regex.Pattern;

/**
 * The length and pattern constraints of the Organizations model's input shapes, failing with
 * InvalidInputException and the Reason AWS gives: INPUT_REQUIRED, MIN_/MAX_LENGTH_EXCEEDED,
 * INVALID_PATTERN (or a more specific pattern reason for policy and target ids).
 */
final class OrganizationsInput {
    static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    static final Pattern ROOT_ID = Pattern.compile("r-[0-9a-z]{4,32}");
    static final Pattern OU_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");
    static final Pattern POLICY_ID = Pattern.compile("p-[0-9a-zA-Z_]{8,128}");
    static final Pattern CREATE_ACCOUNT_REQUEST_ID = Pattern.compile("car-[a-z0-9]{8,32}");
    static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\u0020-\\u007E]+");
    static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

    private OrganizationsInput() {
    }

    static String required(String value) {
        if (value == null) {
            throw OrganizationsErrors.invalidInput(InputReason.INPUT_REQUIRED);
        }
        return value;
    }

    static String length(String value, int min, int max) {
        required(value);
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            throw OrganizationsErrors.invalidInput(InputReason.MIN_LENGTH_EXCEEDED);
        }
        if (length > max) {
            throw OrganizationsErrors.invalidInput(InputReason.MAX_LENGTH_EXCEEDED);
        }
        return value;
    }

    static String matching(String value, int max, Pattern pattern, InputReason patternReason) {
        length(value, 1, max);
        if (!pattern.matcher(value).matches()) {
            throw OrganizationsErrors.invalidInput(patternReason);
        }
        return value;
    }

    static String accountId(String value) {
        return matching(value, 12, ACCOUNT_ID, InputReason.INVALID_PATTERN);
    }

    static String rootId(String value) {
        return matching(value, 34, ROOT_ID, InputReason.INVALID_PATTERN);
    }

    static String organizationalUnitId(String value) {
        return matching(value, 68, OU_ID, InputReason.INVALID_PATTERN);
    }

    /** A root or OU. */
    static String parentId(String value) {
        length(value, 1, 100);
        if (!ROOT_ID.matcher(value).matches() && !OU_ID.matcher(value).matches()) {
            throw OrganizationsErrors.invalidInput(InputReason.INVALID_PATTERN);
        }
        return value;
    }

    /** An account or OU. */
    static String childId(String value) {
        length(value, 1, 100);
        if (!ACCOUNT_ID.matcher(value).matches() && !OU_ID.matcher(value).matches()) {
            throw OrganizationsErrors.invalidInput(InputReason.INVALID_PATTERN);
        }
        return value;
    }

    /** A root, OU or account, as a policy target. */
    static String targetId(String value) {
        length(value, 1, 100);
        if (targetType(value) == null) {
            throw OrganizationsErrors.invalidInput(InputReason.INVALID_PATTERN_TARGET_ID);
        }
        return value;
    }

    static String policyId(String value) {
        return matching(value, 130, POLICY_ID, InputReason.INVALID_SYNTAX_POLICY_ID);
    }

    static String createAccountRequestId(String value) {
        return matching(value, 36, CREATE_ACCOUNT_REQUEST_ID, InputReason.INVALID_PATTERN);
    }

    /** OU and policy names: 1 to 128 characters of any kind. */
    static String name(String value) {
        return length(value, 1, 128);
    }

    /** The kind of target an id names, by its pattern; null when it names none. */
    static TargetType targetType(String id) {
        if (ROOT_ID.matcher(id).matches()) {
            return TargetType.ROOT;
        }
        if (OU_ID.matcher(id).matches()) {
            return TargetType.ORGANIZATIONAL_UNIT;
        }
        if (ACCOUNT_ID.matcher(id).matches()) {
            return TargetType.ACCOUNT;
        }
        return null;
    }

    /** A supported policy type; a valid model value that Strongroom lacks is "not available". */
    static OrganizationPolicyType policyType(String value) {
        required(value);
        return OrganizationPolicyType.fromWireName(value).orElseThrow(() -> ModelPolicyTypes.isModelType(value)
                ? OrganizationsErrors.policyTypeNotAvailable()
                : OrganizationsErrors.invalidInput(InputReason.INVALID_ENUM_POLICY_TYPE));
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        required(value);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw OrganizationsErrors.invalidInput(InputReason.INVALID_ENUM);
    }
}
