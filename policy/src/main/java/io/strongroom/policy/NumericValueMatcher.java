package io.strongroom.policy;

import java.math.BigDecimal;

/** Numeric* operators: numbers compared exactly as decimals. */
final class NumericValueMatcher implements ValueMatcher {
    private final ConditionOperator operator;
    private final BigDecimal[] values;

    NumericValueMatcher(ConditionOperator operator, BigDecimal[] values) {
        this.operator = operator;
        this.values = values.clone();
    }

    /** A policy or request number; null when the text is not a plain decimal number. */
    static BigDecimal parse(String text) {
        if (text.isEmpty() || text.length() > 64) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || c == '.' || ((c == '-' || c == '+') && i == 0);
            if (!allowed) {
                return null;
            }
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public int match(String requestValue, EvaluationContext context) {
        BigDecimal actual = context.number(requestValue);
        if (actual == null) {
            return INVALID;
        }
        for (BigDecimal expected : values) {
            int cmp = actual.compareTo(expected);
            boolean hit = switch (operator) {
                case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS -> cmp == 0;
                case NUMERIC_LESS_THAN -> cmp < 0;
                case NUMERIC_LESS_THAN_EQUALS -> cmp <= 0;
                case NUMERIC_GREATER_THAN -> cmp > 0;
                case NUMERIC_GREATER_THAN_EQUALS -> cmp >= 0;
                default -> throw new IllegalStateException(operator.policyName());
            };
            if (hit) {
                return MATCH;
            }
        }
        return NO_MATCH;
    }
}
