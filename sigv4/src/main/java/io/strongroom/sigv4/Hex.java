package io.strongroom.sigv4;

import java.util.HexFormat;

/** Lower-case hex, and strict parsing of the 64-hex-digit values SigV4 uses. */
final class Hex {
    private static final HexFormat HEX = HexFormat.of();

    private Hex() {
    }

    static String encode(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static boolean isSha256Hex(String value) {
        if (value.length() != 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // Explicit ASCII ranges: Character.digit would also accept non-ASCII digits.
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    /** @throws IllegalArgumentException unless exactly 64 hex digits */
    static byte[] decodeSha256(String value) {
        if (!isSha256Hex(value)) {
            throw new IllegalArgumentException("Signature must be 64 hexadecimal characters.");
        }
        return HEX.parseHex(value.toLowerCase(java.util.Locale.ROOT));
    }
}
