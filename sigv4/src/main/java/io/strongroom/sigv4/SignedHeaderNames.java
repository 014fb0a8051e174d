package io.strongroom.sigv4;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The {@code SignedHeaders} value: lower-case header names separated by semicolons. */
final class SignedHeaderNames {
    private SignedHeaderNames() {
    }

    /** @throws IllegalArgumentException with a client-safe message when the list is malformed */
    static List<String> parse(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("SignedHeaders must name at least one header.");
        }
        List<String> names = List.of(value.split(";", -1));
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!isLowerCaseToken(name)) {
                throw new IllegalArgumentException("SignedHeaders contains an invalid header name: '" + name + "'.");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("SignedHeaders names '" + name + "' more than once.");
            }
        }
        return names;
    }

    private static boolean isLowerCaseToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isLowerCaseTokenChar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // RFC 9110 token characters, upper case excluded: SigV4 signs lower-cased names.
    private static boolean isLowerCaseTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
