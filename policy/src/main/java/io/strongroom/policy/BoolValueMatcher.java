package io.strongroom.policy;

/** Bool: the request value must be "true" or "false" (any case) and equal a policy value. */
final class BoolValueMatcher implements ValueMatcher {
    private final StringValueMatcher expected;
    /** Without variables the policy's answer for "true" and for "false" is known when it is parsed. */
    private final boolean fixed;
    private final int whenTrue;
    private final int whenFalse;

    BoolValueMatcher(StringValueMatcher expected) {
        this.expected = expected;
        this.fixed = expected.exactWithoutVariables();
        this.whenTrue = fixed ? expected.match("true", null) : NO_MATCH;
        this.whenFalse = fixed ? expected.match("false", null) : NO_MATCH;
    }

    @Override
    public int match(String requestValue, EvaluationContext context) {
        boolean isTrue = requestValue.equalsIgnoreCase("true");
        if (!isTrue && !requestValue.equalsIgnoreCase("false")) {
            return INVALID;
        }
        if (fixed) {
            return isTrue ? whenTrue : whenFalse;
        }
        return expected.match(requestValue, context);
    }
}
