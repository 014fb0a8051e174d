package io.strongroom.sigv4;

import io.strongroom.sigv4.SigV4Exception.Reason;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}. Components may come
 * in any order, separated by a comma with or without spaces; each must appear exactly once.
 */
final class AuthorizationHeaderParser {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final String CREDENTIAL = "Credential";
    private static final String SIGNED_HEADERS = "SignedHeaders";
    private static final String SIGNATURE = "Signature";

    private AuthorizationHeaderParser() {
    }

    /** @throws SigV4Exception with {@link Reason#INCOMPLETE_SIGNATURE} when the header is malformed */
    static AuthorizationHeader parse(String header) {
        String value = header.strip();
        int space = indexOfWhitespace(value);
        String algorithm = space < 0 ? value : value.substring(0, space);
        if (!ALGORITHM.equals(algorithm)) {
            throw incomplete("Unsupported Authorization algorithm: only " + ALGORITHM + " is accepted.");
        }
        Map<String, String> components = components(space < 0 ? "" : value.substring(space + 1));
        for (String required : new String[] {CREDENTIAL, SIGNED_HEADERS, SIGNATURE}) {
            if (!components.containsKey(required)) {
                throw incomplete("Authorization header requires '" + required + "' parameter.");
            }
        }
        try {
            Credential credential = Credential.parse(components.get(CREDENTIAL));
            var signedHeaders = SignedHeaderNames.parse(components.get(SIGNED_HEADERS));
            String signature = components.get(SIGNATURE);
            Hex.decodeSha256(signature);
            return new AuthorizationHeader(credential, signedHeaders, signature.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw incomplete(e.getMessage());
        }
    }

    private static Map<String, String> components(String text) {
        Map<String, String> components = new HashMap<>();
        for (String part : text.split(",", -1)) {
            String component = part.strip();
            int eq = component.indexOf('=');
            if (eq <= 0) {
                throw incomplete("Authorization header component '" + component + "' is not of the form name=value.");
            }
            String name = component.substring(0, eq).strip();
            String componentValue = component.substring(eq + 1).strip();
            if (!name.equals(CREDENTIAL) && !name.equals(SIGNED_HEADERS) && !name.equals(SIGNATURE)) {
                throw incomplete("Authorization header has an unknown component '" + name + "'.");
            }
            if (components.putIfAbsent(name, componentValue) != null) {
                throw incomplete("Authorization header has '" + name + "' more than once.");
            }
        }
        return components;
    }

    private static int indexOfWhitespace(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == ' ' || value.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    private static SigV4Exception incomplete(String message) {
        return new SigV4Exception(Reason.INCOMPLETE_SIGNATURE, message);
    }
}
