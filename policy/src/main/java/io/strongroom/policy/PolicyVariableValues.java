package io.strongroom.policy;

/**
 * Where a {@link WildcardPattern} finds the values of its policy variables: the request's condition
 * keys directly ({@link ConditionKeyMap}) or, during an evaluation, the memoising {@link EvaluationContext}.
 */
interface PolicyVariableValues {
    /** The single value of a key given in lower case; null when absent or multi-valued (variables need one). */
    String singleValue(String lowerCaseKey);
}
