package io.strongroom.kms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An encryption context encoded for use as associated data: pairs sorted by key, then the pair count
 * and every key and value as a length-prefixed UTF-8 string. A plain concatenation would be
 * ambiguous ({@code a=bc} and {@code ab=c}); this encoding is not, and does not depend on the order
 * the client sent the pairs in. Keys beginning with {@code aws:} are ordinary pairs here: AWS
 * services and the Encryption SDK put them there.
 */
public final class EncryptionContext {
    private EncryptionContext() {
    }

    public static byte[] canonical(Map<String, String> context) {
        TreeMap<String, String> sorted = new TreeMap<>(EncryptionContext::compareUtf8);
        sorted.putAll(context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt(out, sorted.size());
        sorted.forEach((key, value) -> {
            writeString(out, key);
            writeString(out, value);
        });
        return out.toByteArray();
    }

    /** The condition keys a request with this context carries: {@code kms:EncryptionContext:<key>} and the key list. */
    public static Map<String, List<String>> conditionKeys(Map<String, String> context) {
        Map<String, List<String>> keys = new HashMap<>();
        context.forEach((key, value) -> keys.put("kms:EncryptionContext:" + key, List.of(value)));
        keys.put("kms:EncryptionContextKeys", List.copyOf(context.keySet()));
        return keys;
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeInt(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    /** Orders by UTF-8 bytes, unsigned, so the order is the same in every language. */
    private static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
