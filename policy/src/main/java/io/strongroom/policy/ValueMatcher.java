package io.strongroom.policy;

/**
 * One condition's policy values, compiled: tells whether a single request value matches any of them.
 * Negation, missing keys and set qualifiers are the caller's business ({@link ConditionClause}).
 */
interface ValueMatcher {
    /** Some policy value matches. */
    int MATCH = 1;
    /** The request value is well-formed and no policy value matches it. */
    int NO_MATCH = 0;
    /** The request value is not of the operator's type; neither a match nor a non-match. */
    int INVALID = -1;

    int match(String requestValue, EvaluationContext context);
}
