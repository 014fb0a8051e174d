package io.strongroom.policy;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one evaluation knows about its request, shared by every statement it visits.
 *
 * <p>A principal's policies ask the same questions of the same request again and again (ten attached
 * policies each testing {@code aws:SourceIp}, each resource pattern naming {@code ${aws:username}}), so
 * this remembers the condition keys already looked up, the last parsed address, date and number and the
 * last variable resolved. Condition and variable keys are interned when a policy is parsed, so the same
 * key in many statements is the same String and the key memo compares references only; a key seen in a
 * different instance is simply looked up again. Parsed values are keyed by the identity of the request's
 * own value string: every clause receives the very element of the request's value list, so a hit needs
 * one reference comparison and a miss merely parses again. A result is only ever reused for the same
 * text, so memoising never changes an answer.
 *
 * <p>Not thread-safe and short-lived by design: one instance per evaluation, never stored. (Memoising
 * on the request itself would also carry parsed values across evaluations, which is not wanted.)
 */
final class EvaluationContext implements PolicyVariableValues {
    /** Enough for the distinct condition keys of realistic policies; further keys are looked up each time. */
    static final int REMEMBERED_KEYS = 16;

    private final ConditionKeyMap keys;
    /** Allocated on the first condition, so statements without conditions cost no memo. */
    private String[] rememberedKeys;
    private Object[] rememberedValues;
    private int remembered;

    private String addressText;
    private byte[] address;
    private String dateText;
    private long dateMillis;
    private String numberText;
    private BigDecimal number;
    private String variableKey;
    private String variableValue;

    EvaluationContext(ConditionKeyMap keys) {
        this.keys = requireNonNull(keys, "keys");
    }

    /** Values of a condition key given in lower case; null when absent. */
    @SuppressWarnings("unchecked")
    List<String> values(String lowerCaseKey) {
        // A short scan comparing references beats hashing and comparing the key's characters again.
        for (int i = 0; i < remembered; i++) {
            if (rememberedKeys[i] == lowerCaseKey) {
                return (List<String>) rememberedValues[i];
            }
        }
        List<String> values = keys.valuesOfLowerCaseKey(lowerCaseKey);
        if (rememberedKeys == null) {
            rememberedKeys = new String[REMEMBERED_KEYS];
            rememberedValues = new Object[REMEMBERED_KEYS];
        }
        if (remembered < REMEMBERED_KEYS) {
            rememberedKeys[remembered] = lowerCaseKey;
            rememberedValues[remembered] = values;
            remembered++;
        }
        return values;
    }

    @Override
    public String singleValue(String lowerCaseKey) {
        if (variableKey == null || (variableKey != lowerCaseKey && !variableKey.equals(lowerCaseKey))) {
            variableValue = keys.singleValue(lowerCaseKey);
            variableKey = lowerCaseKey;
        }
        return variableValue;
    }

    /** {@link IpAddressRange#parseAddress} of a request value, parsed once per evaluation; read it, never modify it. */
    byte[] address(String text) {
        if (text != addressText) {
            address = IpAddressRange.parseAddress(text);
            addressText = text;
        }
        return address;
    }

    /** {@link Timestamps#parseEpochMillis} of a request value, parsed once per evaluation. */
    long epochMillis(String text) {
        if (text != dateText) {
            dateMillis = Timestamps.parseEpochMillis(text);
            dateText = text;
        }
        return dateMillis;
    }

    /** {@link NumericValueMatcher#parse} of a request value, parsed once per evaluation. */
    BigDecimal number(String text) {
        if (text != numberText) {
            number = NumericValueMatcher.parse(text);
            numberText = text;
        }
        return number;
    }
}
