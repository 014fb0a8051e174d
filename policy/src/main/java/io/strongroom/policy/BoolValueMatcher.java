package io.strongroom.policy;

/** Bool: the request value must be "true" or "false" (any case) and equal a policy value. */
final class BoolValueMatcher implements ValueMatcher {
    private final StringValueMatcher expected;

    BoolValueMatcher(StringValueMatcher expected) {
        this.expected = expected;
    }

    @Override
    public int match(String requestValue, EvaluationContext context) {
        if (!requestValue.equalsIgnoreCase("true") && !requestValue.equalsIgnoreCase("false")) {
            return INVALID;
        }
        return expected.match(requestValue, context);
    }
}
