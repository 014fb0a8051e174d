package io.strongroom.policy;

/** Date* operators: instants compared at millisecond precision. */
final class DateValueMatcher implements ValueMatcher {
    private final ConditionOperator operator;
    private final long[] epochMillis;

    DateValueMatcher(ConditionOperator operator, long[] epochMillis) {
        this.operator = operator;
        this.epochMillis = epochMillis.clone();
    }

    @Override
    public int match(String requestValue, EvaluationContext context) {
        long actual = context.epochMillis(requestValue);
        if (actual == Timestamps.INVALID) {
            return INVALID;
        }
        for (long expected : epochMillis) {
            boolean hit = switch (operator) {
                case DATE_EQUALS, DATE_NOT_EQUALS -> actual == expected;
                case DATE_LESS_THAN -> actual < expected;
                case DATE_LESS_THAN_EQUALS -> actual <= expected;
                case DATE_GREATER_THAN -> actual > expected;
                case DATE_GREATER_THAN_EQUALS -> actual >= expected;
                default -> throw new IllegalStateException(operator.policyName());
            };
            if (hit) {
                return MATCH;
            }
        }
        return NO_MATCH;
    }
}
