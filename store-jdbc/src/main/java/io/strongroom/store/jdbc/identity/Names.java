package io.strongroom.store.jdbc.identity;

import java.util.Locale;

/** The case-folding that IAM name uniqueness, lookup and ordering use; locale-independent. */
final class Names {
    private Names() {
    }

    static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Length of a path prefix as SQL substr() counts it (characters, not UTF-16 units). */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
