package io.strongroom.store.jdbc.s3;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Key order and prefix ranges as the databases see them: by UTF-8 bytes, which is code-point order
 * (SQLite's BINARY collation, PostgreSQL's {@code COLLATE "C"}). A prefix becomes a range of the key
 * index rather than a LIKE pattern, which would need its {@code %}, {@code _} and escape characters
 * escaped, and which SQLite compares case-insensitively.
 */
final class KeyRange {
    private static final int MAX_CODE_POINT = Character.MAX_CODE_POINT;

    /** Strings by their UTF-8 bytes; Java's {@code compareTo} compares UTF-16 units instead. */
    static final Comparator<String> UTF8_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    };

    private KeyRange() {
    }

    /**
     * The least string that sorts after every string starting with {@code prefix}, so that those are
     * exactly the keys {@code k} with {@code prefix <= k < end}; empty when nothing sorts after them
     * (the prefix is empty or only U+10FFFF). The last code point that is not U+10FFFF goes up by one,
     * skipping the surrogates, which no valid key holds; what follows it is dropped.
     */
    static Optional<String> prefixEnd(String prefix) {
        int[] codePoints = prefix.codePoints().toArray();
        int last = codePoints.length - 1;
        while (last >= 0 && codePoints[last] == MAX_CODE_POINT) {
            last--;
        }
        if (last < 0) {
            return Optional.empty();
        }
        int next = codePoints[last] + 1;
        if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
            next = Character.MAX_SURROGATE + 1;
        }
        codePoints[last] = next;
        return Optional.of(new String(codePoints, 0, last + 1));
    }

    /**
     * The condition on {@code object_key} (starting with " AND ", or empty when it holds for every key)
     * for the keys that start with {@code prefix} and sort after {@code afterKey} (empty: no such bound);
     * its parameters are added to {@code parameters}.
     */
    static String where(String prefix, String afterKey, List<Object> parameters) {
        StringBuilder sql = new StringBuilder();
        if (!afterKey.isEmpty() && UTF8_ORDER.compare(afterKey, prefix) >= 0) {
            // after a key that sorts at or past the prefix, which then need not be checked
            sql.append(" AND object_key > ?");
            parameters.add(afterKey);
        } else if (!prefix.isEmpty()) {
            // every key that starts with the prefix sorts after afterKey
            sql.append(" AND object_key >= ?");
            parameters.add(prefix);
        }
        Optional<String> end = prefixEnd(prefix);
        if (end.isPresent()) {
            sql.append(" AND object_key < ?");
            parameters.add(end.get());
        }
        return sql.toString();
    }
}
