package io.strongroom.policy;

/** String*, Bool (with variables) and the exact-match forms: a request value against compiled patterns. */
final class StringValueMatcher implements ValueMatcher {
    private final WildcardPattern[] patterns;

    StringValueMatcher(WildcardPattern[] patterns) {
        this.patterns = patterns.clone();
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
