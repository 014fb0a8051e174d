package io.strongroom.sigv4;

import java.util.List;

/**
 * The canonical headers block: for each signed header, in the order signed, its lower-case name, a colon
 * and its values (trimmed, inner runs of whitespace collapsed to one space) joined by commas.
 */
final class CanonicalHeaders {
    private CanonicalHeaders() {
    }

    static String of(SignedRequest request, List<String> signedHeaders) {
        StringBuilder out = new StringBuilder();
        for (String name : signedHeaders) {
            out.append(name).append(':');
            List<String> values = request.headerValues(name);
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(trimAll(values.get(i)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String trimAll(String value) {
        if (isTrimmed(value)) {
            return value; // the usual case: nothing to copy
        }
        StringBuilder out = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t') {
                pendingSpace = !out.isEmpty();
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** No tab, no space at either end and no two spaces in a row. */
    private static boolean isTrimmed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == ' ' && (i == 0 || i == value.length() - 1 || value.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }
}
