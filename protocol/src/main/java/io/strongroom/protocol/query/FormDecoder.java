package io.strongroom.protocol.query;

import io.strongroom.core.AwsException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes form-encoded name/value pairs strictly: {@code %XX} is a byte (ASCII hex digits only),
 * the bytes must be valid UTF-8, and {@code +} is a space only in an
 * {@code application/x-www-form-urlencoded} body. In a query string {@code +} is a literal plus
 * (RFC 3986), exactly as the SigV4 layer canonicalises it, so that what the handler sees is what
 * the client signed. Anything else is rejected rather than guessed at.
 */
public final class FormDecoder {

    /** More parameters than any IAM or STS request needs; more is abuse and would only cost memory. */
    public static final int MAX_PARAMETERS = 1000;

    /** How {@code +} reads. */
    enum Plus {
        SPACE, LITERAL
    }

    private FormDecoder() {
    }

    /** The pairs of a form body in arrival order ({@code +} is a space); an empty input gives no pairs. */
    public static List<Map.Entry<String, String>> decode(String form) {
        return decode(form, Plus.SPACE);
    }

    /** The pairs of a URL's query string in arrival order ({@code +} is a plus sign). */
    public static List<Map.Entry<String, String>> decodeQueryString(String query) {
        return decode(query, Plus.LITERAL);
    }

    private static List<Map.Entry<String, String>> decode(String form, Plus plus) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        int start = 0;
        while (start <= form.length()) {
            int end = form.indexOf('&', start);
            if (end < 0) {
                end = form.length();
            }
            if (end > start) { // "a=1&&b=2" and a trailing "&" are harmless and common
                if (pairs.size() == MAX_PARAMETERS) {
                    throw tooManyParameters();
                }
                pairs.add(pair(form.substring(start, end), plus));
            }
            start = end + 1;
        }
        return pairs;
    }

    static AwsException tooManyParameters() {
        return QueryErrors.malformedQuery("the request has more than " + MAX_PARAMETERS + " parameters");
    }

    private static Map.Entry<String, String> pair(String field, Plus plus) {
        int equals = field.indexOf('=');
        String name = equals < 0 ? field : field.substring(0, equals);
        String value = equals < 0 ? "" : field.substring(equals + 1);
        String decodedName = decodeComponent(name, plus);
        if (decodedName.isEmpty()) {
            throw QueryErrors.malformedQuery("a parameter has an empty name");
        }
        return Map.entry(decodedName, decodeComponent(value, plus));
    }

    /** Decodes one name or value of a form body. */
    static String decodeComponent(String encoded) {
        return decodeComponent(encoded, Plus.SPACE);
    }

    /** Decodes one name or value. */
    static String decodeComponent(String encoded, Plus plus) {
        if (encoded.indexOf('%') < 0 && (plus == Plus.LITERAL || encoded.indexOf('+') < 0)) {
            requireAscii(encoded);
            return encoded;
        }
        ByteBuffer bytes = ByteBuffer.allocate(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+' && plus == Plus.SPACE) {
                bytes.put((byte) ' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw QueryErrors.malformedQuery("incomplete percent-encoding");
                }
                int high = hexValue(encoded.charAt(i + 1));
                int low = hexValue(encoded.charAt(i + 2));
                if (high < 0 || low < 0) {
                    throw QueryErrors.malformedQuery("invalid percent-encoding");
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else if (c > 0x7e || c < 0x20) {
                throw QueryErrors.malformedQuery("unencoded character outside printable ASCII");
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            throw QueryErrors.malformedQuery("percent-encoded bytes are not valid UTF-8");
        }
    }

    /** The value of an ASCII hex digit, or -1: {@code Character.digit} would also accept other scripts' digits. */
    static int hexValue(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static void requireAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7e || c < 0x20) {
                throw QueryErrors.malformedQuery("unencoded character outside printable ASCII");
            }
        }
    }
}
