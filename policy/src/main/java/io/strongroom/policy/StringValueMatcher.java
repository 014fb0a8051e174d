package io.strongroom.policy;

/** String*, Bool (with variables) and the exact-match forms: a request value against compiled patterns. */
final class StringValueMatcher implements ValueMatcher {
    private final WildcardPattern[] patterns;

    StringValueMatcher(WildcardPattern[] patterns) {
        this.patterns = patterns.clone();
    }

    /** Every value is a plain text without wildcards or variables: matching is a string comparison. */
    boolean exactWithoutVariables() {
        for (WildcardPattern pattern : patterns) {
            if (!pattern.isPlainLiteral()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int match(String requestValue, EvaluationContext context) {
        for (WildcardPattern pattern : patterns) {
            if (pattern.matches(requestValue, context)) {
                return MATCH;
            }
        }
        return NO_MATCH;
    }
}
