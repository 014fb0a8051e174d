package io.strongroom.protocol.query;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} text (a POST body or a query string) into
 * name/value pairs, strictly: {@code +} is a space, {@code %XX} is a byte, and the bytes must be
 * valid UTF-8. Anything else is rejected rather than guessed at, so that what the handler sees is
 * exactly what the client signed.
 */
public final class FormDecoder {

    private FormDecoder() {
    }

    /** The pairs in arrival order; an empty input gives no pairs. */
    public static List<Map.Entry<String, String>> decode(String form) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (form.isEmpty()) {
            return pairs;
        }
        for (String field : form.split("&", -1)) {
            if (field.isEmpty()) {
                continue; // "a=1&&b=2" and a trailing "&" are harmless and common
            }
            int equals = field.indexOf('=');
            String name = equals < 0 ? field : field.substring(0, equals);
            String value = equals < 0 ? "" : field.substring(equals + 1);
            String decodedName = decodeComponent(name);
            if (decodedName.isEmpty()) {
                throw QueryErrors.malformedQuery("a parameter has an empty name");
            }
            pairs.add(Map.entry(decodedName, decodeComponent(value)));
        }
        return pairs;
    }

    /** Decodes one name or value. */
    static String decodeComponent(String encoded) {
        if (encoded.indexOf('%') < 0 && encoded.indexOf('+') < 0) {
            requireAscii(encoded);
            return encoded;
        }
        ByteBuffer bytes = ByteBuffer.allocate(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.put((byte) ' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw QueryErrors.malformedQuery("incomplete percent-encoding");
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
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

    private static void requireAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7e || c < 0x20) {
                throw QueryErrors.malformedQuery("unencoded character outside printable ASCII");
            }
        }
    }
}
