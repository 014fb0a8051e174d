package io.strongroom.core;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers in the forms AWS uses: access key ids ({@code AKIA…}, {@code ASIA…}), unique ids
 * ({@code AIDA…} for users, {@code AROA…} for roles, {@code AGPA…} groups, {@code ANPA…} policies),
 * 40-character secret access keys and 12-digit account ids. All drawn from {@link SecureRandom}.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    public static final String USER_PREFIX = "AIDA";
    public static final String ROLE_PREFIX = "AROA";
    public static final String GROUP_PREFIX = "AGPA";
    public static final String POLICY_PREFIX = "ANPA";
    public static final String ACCESS_KEY_PREFIX = "AKIA";
    public static final String TEMPORARY_ACCESS_KEY_PREFIX = "ASIA";

    private Ids() {
    }

    /** A prefix followed by 16 characters of an upper-case base-32 alphabet: 20 characters in all. */
    public static String uniqueId(String prefix) {
        return prefix + random(UPPER_ALNUM, 16);
    }

    public static String accessKeyId() {
        return uniqueId(ACCESS_KEY_PREFIX);
    }

    public static String temporaryAccessKeyId() {
        return uniqueId(TEMPORARY_ACCESS_KEY_PREFIX);
    }

    public static String secretAccessKey() {
        return random(SECRET_ALPHABET, 40);
    }

    public static String accountId() {
        StringBuilder digits = new StringBuilder(12);
        digits.append(1 + RANDOM.nextInt(9));
        for (int i = 1; i < 12; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }

    /**
     * A version-4 UUID naming one request. It only has to be unique, not unpredictable, so it comes
     * from the per-thread generator rather than the shared {@link SecureRandom} every secret uses.
     */
    public static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;                 // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    public static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String random(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
