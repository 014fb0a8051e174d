package io.strongroom.store.jdbc.audit;

import io.strongroom.audit.EventCategory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 64-bit keys of the lookup indexes: the first 8 bytes of SHA-256 over the parts of what a key
 * stands for, each part length-prefixed (a plain concatenation would let {@code ("ab", "c")} and
 * {@code ("a", "bc")} share a key). The keys are stored, so this definition never changes. Not thread-safe:
 * one instance per append or lookup.
 */
final class LookupKeys {
    private final MessageDigest sha256;
    private final ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
    private final Map<List<String>, Long> known = new HashMap<>();

    LookupKeys() {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    /** All records of an account and category: the time-only lookups. */
    long scope(String accountId, EventCategory category) {
        return key("scope", accountId, category.name());
    }

    /** Records of an account and category whose attribute (a LookupEvents wire name) has the value. */
    long attribute(String attributeName, String accountId, EventCategory category, String value) {
        return key(attributeName, accountId, category.name(), value);
    }

    /**
     * Records with an event id, in any account and category (an id names one record). For an id in
     * the canonical UUID form the key is its leading 64 bits, as random as a hash for a random
     * UUID, and in time order for a time-ordered one (version 7), which then appends at the end of
     * the index instead of writing a page somewhere in it for every record.
     */
    long eventId(String eventId) {
        return isCanonicalUuid(eventId) ? Long.parseUnsignedLong(eventId, 0, 8, 16) << 32
                | Long.parseUnsignedLong(eventId, 9, 13, 16) << 16 | Long.parseUnsignedLong(eventId, 14, 18, 16)
                : key("EventId", eventId);
    }

    /** 8-4-4-4-12 ASCII hex digits, either case. */
    private static boolean isCanonicalUuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (dash ? c != '-' : !hex) {
                return false;
            }
        }
        return true;
    }

    /** Remembered for this instance's life: a batch of records repeats its accounts, names and users. */
    private long key(String... parts) {
        return known.computeIfAbsent(List.of(parts), this::digest);
    }

    private long digest(List<String> parts) {
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(length.clear().putInt(bytes.length).array());
            sha256.update(bytes);
        }
        return ByteBuffer.wrap(sha256.digest()).getLong();
    }
}
