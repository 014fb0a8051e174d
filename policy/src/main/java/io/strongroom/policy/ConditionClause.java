package io.strongroom.policy;

import java.util.List;

/**
 * One operator-key pair of a Condition block with its compiled values, e.g.
 * {@code "ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["team*"]}}.
 *
 * <p>Missing-key rules (IAM): {@code …IfExists} and {@code ForAllValues:} are true; {@code ForAnyValue:}
 * is false; a negated operator is true; every other operator is false. {@code Null} tests presence.
 * Without a set qualifier a positive operator needs some request value to match some policy value and a
 * negated one needs no request value to match any. With a qualifier each request value is tested on its
 * own (negated: "matches none of the policy values") and the results are combined with all/any.
 */
final class ConditionClause {

    enum SetQualifier { NONE, FOR_ALL_VALUES, FOR_ANY_VALUE }

    private final ConditionOperator operator;
    private final SetQualifier qualifier;
    private final boolean ifExists;
    private final String key;
    private final String lowerCaseKey;
    private final ValueMatcher values;
    private final boolean nullExpectsAbsent;
    private final int cost;

    ConditionClause(ConditionOperator operator, SetQualifier qualifier, boolean ifExists, String key,
                    String lowerCaseKey, ValueMatcher values, boolean nullExpectsAbsent) {
        this.operator = operator;
        this.qualifier = qualifier;
        this.ifExists = ifExists;
        this.key = key;
        this.lowerCaseKey = lowerCaseKey;
        this.values = values;
        this.nullExpectsAbsent = nullExpectsAbsent;
        this.cost = cost(operator, values);
    }

    /** The condition key as the policy spells it (for MissingContextValues). */
    String key() {
        return key;
    }

    String lowerCaseKey() {
        return lowerCaseKey;
    }

    /**
     * A rough rank of what evaluating this clause costs. A statement's clauses are all required, so
     * they are tested cheapest first: an exact string comparison often settles a statement before an
     * address, a pattern or an ARN is looked at. The order never changes an answer.
     */
    int cost() {
        return cost;
    }

    private static int cost(ConditionOperator operator, ValueMatcher values) {
        return switch (operator.valueType()) {
            case NULL_CHECK -> 0;
            case STRING -> values instanceof StringValueMatcher strings && strings.exactWithoutVariables() ? 1 : 4;
            case BOOLEAN -> 2;
            case NUMERIC, DATE -> 3;
            case IP_ADDRESS -> 5;
            case ARN -> 6;
            case BINARY -> 7;
        };
    }

    boolean evaluate(EvaluationContext context) {
        List<String> actual = context.values(lowerCaseKey);
        boolean absent = actual == null || actual.isEmpty();
        if (operator == ConditionOperator.NULL) {
            return absent == nullExpectsAbsent;
        }
        if (absent) {
            if (ifExists) {
                return true;
            }
            return switch (qualifier) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> false;
                case NONE -> operator.negated();
            };
        }
        boolean negated = operator.negated();
        return switch (qualifier) {
            case NONE -> negated ? noneMatch(actual, context) : anyMatch(actual, context);
            case FOR_ALL_VALUES -> everyValue(actual, context, negated);
            case FOR_ANY_VALUE -> someValue(actual, context, negated);
        };
    }

    private boolean anyMatch(List<String> actual, EvaluationContext context) {
        for (int i = 0, n = actual.size(); i < n; i++) {
            if (values.match(actual.get(i), context) == ValueMatcher.MATCH) {
                return true;
            }
        }
        return false;
    }

    /** Negated operator: every request value must be well-formed and match no policy value. */
    private boolean noneMatch(List<String> actual, EvaluationContext context) {
        for (int i = 0, n = actual.size(); i < n; i++) {
            if (values.match(actual.get(i), context) != ValueMatcher.NO_MATCH) {
                return false;
            }
        }
        return true;
    }

    private boolean everyValue(List<String> actual, EvaluationContext context, boolean negated) {
        for (int i = 0, n = actual.size(); i < n; i++) {
            if (!singleValueHolds(actual.get(i), context, negated)) {
                return false;
            }
        }
        return true;
    }

    private boolean someValue(List<String> actual, EvaluationContext context, boolean negated) {
        for (int i = 0, n = actual.size(); i < n; i++) {
            if (singleValueHolds(actual.get(i), context, negated)) {
                return true;
            }
        }
        return false;
    }

    private boolean singleValueHolds(String value, EvaluationContext context, boolean negated) {
        int result = values.match(value, context);
        return negated ? result == ValueMatcher.NO_MATCH : result == ValueMatcher.MATCH;
    }
}
