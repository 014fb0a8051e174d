package io.strongroom.policy;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The condition operators of the IAM policy language, without their {@code IfExists} suffix or
 * {@code ForAllValues:}/{@code ForAnyValue:} prefix. A negated operator is true when no policy value
 * matches, and also when the key is missing.
 */
enum ConditionOperator {
    STRING_EQUALS("StringEquals", ValueType.STRING, false),
    STRING_NOT_EQUALS("StringNotEquals", ValueType.STRING, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", ValueType.STRING, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", ValueType.STRING, true),
    STRING_LIKE("StringLike", ValueType.STRING, false),
    STRING_NOT_LIKE("StringNotLike", ValueType.STRING, true),
    NUMERIC_EQUALS("NumericEquals", ValueType.NUMERIC, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", ValueType.NUMERIC, true),
    NUMERIC_LESS_THAN("NumericLessThan", ValueType.NUMERIC, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", ValueType.NUMERIC, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", ValueType.NUMERIC, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", ValueType.NUMERIC, false),
    DATE_EQUALS("DateEquals", ValueType.DATE, false),
    DATE_NOT_EQUALS("DateNotEquals", ValueType.DATE, true),
    DATE_LESS_THAN("DateLessThan", ValueType.DATE, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", ValueType.DATE, false),
    DATE_GREATER_THAN("DateGreaterThan", ValueType.DATE, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", ValueType.DATE, false),
    BOOL("Bool", ValueType.BOOLEAN, false),
    BINARY_EQUALS("BinaryEquals", ValueType.BINARY, false),
    IP_ADDRESS("IpAddress", ValueType.IP_ADDRESS, false),
    NOT_IP_ADDRESS("NotIpAddress", ValueType.IP_ADDRESS, true),
    ARN_EQUALS("ArnEquals", ValueType.ARN, false),
    ARN_LIKE("ArnLike", ValueType.ARN, false),
    ARN_NOT_EQUALS("ArnNotEquals", ValueType.ARN, true),
    ARN_NOT_LIKE("ArnNotLike", ValueType.ARN, true),
    NULL("Null", ValueType.NULL_CHECK, false);

    enum ValueType { STRING, NUMERIC, DATE, BOOLEAN, BINARY, IP_ADDRESS, ARN, NULL_CHECK }

    private static final Map<String, ConditionOperator> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ConditionOperator::policyName, Function.identity()));

    private final String policyName;
    private final ValueType valueType;
    private final boolean negated;

    ConditionOperator(String policyName, ValueType valueType, boolean negated) {
        this.policyName = policyName;
        this.valueType = valueType;
        this.negated = negated;
    }

    /** The operator as written in a policy (case-sensitive, as IAM reads it); null when unknown. */
    static ConditionOperator byPolicyName(String name) {
        return BY_NAME.get(name);
    }

    String policyName() {
        return policyName;
    }

    ValueType valueType() {
        return valueType;
    }

    boolean negated() {
        return negated;
    }

    /** Whether policy variables are substituted in this operator's values (per the IAM operator reference). */
    boolean supportsVariables() {
        return valueType == ValueType.STRING || valueType == ValueType.ARN || valueType == ValueType.BOOLEAN;
    }
}
