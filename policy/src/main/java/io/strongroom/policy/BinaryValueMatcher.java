package io.strongroom.policy;

import java.util.Arrays;
import java.util.Base64;

/** BinaryEquals: base64 values compared as the bytes they encode. */
final class BinaryValueMatcher implements ValueMatcher {
    private final byte[][] values;

    BinaryValueMatcher(byte[][] values) {
        this.values = values.clone();
    }

    /** Decodes standard base64; null when the text is not base64. */
    static byte[] decode(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public int match(String requestValue, EvaluationContext context) {
        byte[] actual = decode(requestValue);
        if (actual == null) {
            return INVALID;
        }
        for (byte[] expected : values) {
            if (Arrays.equals(actual, expected)) {
                return MATCH;
            }
        }
        return NO_MATCH;
    }
}
