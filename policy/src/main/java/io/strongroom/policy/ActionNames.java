package io.strongroom.policy;

import java.util.Locale;

/**
 * Actions match case-insensitively. Both sides are lower-cased once (the policy's patterns when parsed,
 * the request's action once per evaluation), so matching compares plain characters.
 */
final class ActionNames {
    /**
     * Recently seen actions with their lower-cased form and service, so the common request (an action
     * constant of the calling service) costs a lookup instead of two allocations. Direct-mapped by hash;
     * slots are overwritten without locking, which is safe because entries are immutable and a hit is
     * confirmed with equals: at worst a lookup misses and lower-cases again.
     */
    private static final Lowered[] RECENT = new Lowered[1024];
    private static final int MAX_REMEMBERED_LENGTH = 128;

    /** An action, its lower-cased form and its service prefix (interned). */
    record Lowered(String action, String lowerCase, String service) {
    }

    private ActionNames() {
    }

    /** The lower-cased form and service of an action, remembered across requests. */
    static Lowered of(String action) {
        int slot = action.hashCode() & (RECENT.length - 1);
        Lowered recent = RECENT[slot];
        if (recent != null && (recent.action == action || recent.action.equals(action))) {
            return recent;
        }
        String lower = lowerCase(action);
        // Interned: StatementIndex finds a service's statements by reference.
        Lowered lowered = new Lowered(action, lower, serviceOf(lower).intern());
        if (action.length() <= MAX_REMEMBERED_LENGTH) {
            RECENT[slot] = lowered;
        }
        return lowered;
    }

    /**
     * The text lower-cased character by character ({@link Character#toLowerCase(char)}), so its length never
     * changes; the very same String when it has no upper-case letter, which is the common case.
     */
    static String lowerCase(String text) {
        int n = text.length();
        int first = 0;
        while (first < n) {
            char c = text.charAt(first);
            if ((c >= 'A' && c <= 'Z') || (c >= 0x80 && Character.toLowerCase(c) != c)) {
                break;
            }
            first++;
        }
        if (first == n) {
            return text;
        }
        boolean latin1 = true;
        for (int i = first; i < n && latin1; i++) {
            latin1 = text.charAt(i) < 0x100;
        }
        if (latin1) {
            // No Latin-1 letter changes length when lower-cased, and this path is intrinsic-fast.
            return text.toLowerCase(Locale.ROOT);
        }
        char[] chars = text.toCharArray();
        for (int i = first; i < n; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    /** The service prefix of a lower-cased action ({@code s3} for {@code s3:getobject}); "" when there is none. */
    static String serviceOf(String lowerCaseAction) {
        int colon = lowerCaseAction.indexOf(':');
        return colon < 0 ? "" : lowerCaseAction.substring(0, colon);
    }
}
