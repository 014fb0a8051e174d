package io.strongroom.policy;

/** ArnEquals, ArnLike and their negations (the two are the same test in IAM). */
final class ArnValueMatcher implements ValueMatcher {
    private final ArnPattern[] patterns;

    ArnValueMatcher(ArnPattern[] patterns) {
        this.patterns = patterns.clone();
    }

    @Override
    public int match(String requestValue, EvaluationContext context) {
        if (!requestValue.startsWith("arn:")) {
            return INVALID;
        }
        for (ArnPattern pattern : patterns) {
            if (pattern.matches(requestValue, context)) {
                return MATCH;
            }
        }
        return NO_MATCH;
    }
}
