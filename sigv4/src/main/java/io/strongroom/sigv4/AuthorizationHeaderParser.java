package io.strongroom.sigv4;

import io.strongroom.sigv4.SigV4Exception.Reason;
import java.util.Locale;

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
        Components components = Components.of(space < 0 ? "" : value.substring(space + 1));
        try {
            Credential credential = Credential.parse(components.credential);
            var signedHeaders = SignedHeaderNames.parse(components.signedHeaders);
            String signature = components.signature;
            Hex.decodeSha256(signature);
            return new AuthorizationHeader(credential, signedHeaders, signature.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw incomplete(e.getMessage());
        }
    }

    /** The three components, each exactly once; scanned without a split or a map, as this runs on every request. */
    private static final class Components {
        private String credential;
        private String signedHeaders;
        private String signature;

        static Components of(String text) {
            Components components = new Components();
            int start = 0;
            while (true) {
                int comma = text.indexOf(',', start);
                components.add((comma < 0 ? text.substring(start) : text.substring(start, comma)).strip());
                if (comma < 0) {
                    break;
                }
                start = comma + 1;
            }
            for (String required : new String[] {CREDENTIAL, SIGNED_HEADERS, SIGNATURE}) {
                if (components.value(required) == null) {
                    throw incomplete("Authorization header requires '" + required + "' parameter.");
                }
            }
            return components;
        }

        private void add(String component) {
            int eq = component.indexOf('=');
            if (eq <= 0) {
                throw incomplete("Authorization header component '" + component + "' is not of the form name=value.");
            }
            String name = component.substring(0, eq).strip();
            String componentValue = component.substring(eq + 1).strip();
            if (!name.equals(CREDENTIAL) && !name.equals(SIGNED_HEADERS) && !name.equals(SIGNATURE)) {
                throw incomplete("Authorization header has an unknown component '" + name + "'.");
            }
            if (value(name) != null) {
                throw incomplete("Authorization header has '" + name + "' more than once.");
            }
            switch (name) {
                case CREDENTIAL -> credential = componentValue;
                case SIGNED_HEADERS -> signedHeaders = componentValue;
                default -> signature = componentValue;
            }
        }

        private String value(String name) {
            return switch (name) {
                case CREDENTIAL -> credential;
                case SIGNED_HEADERS -> signedHeaders;
                default -> signature;
            };
        }
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
