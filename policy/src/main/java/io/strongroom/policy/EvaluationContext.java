package io.strongroom.policy;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private final String action;
    private final String service;
    private final String resource;
    /** Explain mode only: condition keys of matching statements that the request lacks; null otherwise. */
    private Map<String, String> missingKeys;
    /** Allocated on the first condition, so statements without conditions cost no memo. */
    private String[] rememberedKeys;
    private Object[] rememberedValues;
    private int remembered;

    private String addressText;
    private byte[] address;
    private String ipv4Text;
    private long ipv4;
    private String dateText;
    private long dateMillis;
    private String numberText;
    private BigDecimal number;
    private String variableKey;
    private String variableValue;

    /** A context for one request: its action is lower-cased once here, for every statement to compare. */
    EvaluationContext(AuthorizationRequest request) {
        this.keys = request.context();
        ActionNames.Lowered lowered = ActionNames.of(request.action());
        this.action = lowered.lowerCase();
        this.service = lowered.service();
        this.resource = request.resource();
    }

    /** A context for condition keys alone (no action or resource to match). */
    EvaluationContext(ConditionKeyMap keys) {
        this.keys = requireNonNull(keys, "keys");
        this.action = "";
        this.service = "";
        this.resource = "";
    }

    /** The request's action, lower-cased. */
    String action() {
        return action;
    }

    /** The lower-cased service prefix of the action. */
    String service() {
        return service;
    }

    String resource() {
        return resource;
    }

    /** Turns on the collection of missing condition keys (explain mode). */
    void collectMissingKeys() {
        if (missingKeys == null) {
            missingKeys = new LinkedHashMap<>();
        }
    }

    /** Null unless {@link #collectMissingKeys()} was called. */
    Map<String, String> missingKeys() {
        return missingKeys;
    }

    /** Whether the request carries no value for this (lower-case) condition key. */
    boolean isAbsent(String lowerCaseKey) {
        List<String> values = values(lowerCaseKey);
        return values == null || values.isEmpty();
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

    /**
     * {@link IpAddressRange#parseIpv4} of a request value, parsed once per evaluation without allocating:
     * the address as an unsigned 32-bit number, or -1 when the text is not an IPv4 address.
     */
    long ipv4(String text) {
        if (text != ipv4Text) {
            ipv4 = IpAddressRange.parseIpv4(text);
            ipv4Text = text;
        }
        return ipv4;
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
