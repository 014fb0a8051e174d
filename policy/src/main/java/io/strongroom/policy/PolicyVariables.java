package io.strongroom.policy;

import java.util.Locale;

/**
 * The policy-variable syntax of version 2012-10-17: {@code ${key}}, {@code ${key, 'default'}} and the
 * escapes {@code ${*}}, {@code ${?}}, {@code ${$}} for a literal wildcard or dollar sign.
 */
final class PolicyVariables {
    private PolicyVariables() {
    }

    /** Parses the text between {@code ${} and {@code }}: a literal for the escapes, else a variable. */
    static WildcardPattern.Part parse(String inner) {
        String body = inner.trim();
        if (body.equals("*") || body.equals("?") || body.equals("$")) {
            return new WildcardPattern.Literal(body);
        }
        String fallback = null;
        int comma = body.indexOf(',');
        if (comma >= 0) {
            String value = body.substring(comma + 1).trim();
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                fallback = value.substring(1, value.length() - 1);
            } else {
                fallback = value;
            }
            body = body.substring(0, comma).trim();
        }
        // Interned so that the evaluation's variable memo usually hits on reference equality.
        return new WildcardPattern.Variable(body.toLowerCase(Locale.ROOT).intern(), fallback);
    }
}
