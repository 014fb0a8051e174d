package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyException;

import java.util.Collection;
import java.util.regex.Pattern;

/** Root-key version ids: {@code v1}, {@code v2}, … in creation order. */
final class RootKeyVersions {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern NUMBERED = Pattern.compile("v([1-9][0-9]{0,8})");

    private RootKeyVersions() {
    }

    static String first() {
        return "v1";
    }

    static boolean isValid(String version) {
        return version != null && VALID.matcher(version).matches();
    }

    static void requireValid(String version) {
        if (!isValid(version)) {
            throw new IllegalArgumentException("invalid root-key version id");
        }
    }

    static boolean isNumbered(String version) {
        return version != null && NUMBERED.matcher(version).matches();
    }

    static int number(String version) {
        var matcher = NUMBERED.matcher(version);
        if (!matcher.matches()) {
            throw new RootKeyException("Not a numbered root-key version: " + version);
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** The version after the highest one in {@code existing}. */
    static String next(Collection<String> existing) {
        int highest = existing.stream().mapToInt(RootKeyVersions::number).max().orElse(0);
        return "v" + (highest + 1);
    }

    /** The highest numbered version, or null when there is none. */
    static String highest(Collection<String> existing) {
        return existing.stream().filter(RootKeyVersions::isNumbered)
                .max((a, b) -> Integer.compare(number(a), number(b))).orElse(null);
    }
}
