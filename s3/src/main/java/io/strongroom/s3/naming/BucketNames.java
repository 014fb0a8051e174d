package io.strongroom.s3.naming;

import io.strongroom.core.AwsException;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * S3's naming rules for general purpose buckets: 3 to 63 lowercase letters, digits, hyphens and periods,
 * beginning and ending with a letter or digit, no two adjacent periods, not shaped like an IPv4 address,
 * and none of the prefixes and suffixes S3 reserves for its own names (access point aliases,
 * Multi-Region Access Points, directory and table buckets). Bucket names end up in host names and ARNs,
 * so anything else is refused before it is stored.
 */
public final class BucketNames {
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 63;

    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES =
            List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

    private BucketNames() {
    }

    /**
     * Returns {@code name} if it is a valid general purpose bucket name.
     *
     * @throws AwsException InvalidBucketName (400) otherwise
     */
    public static String validate(String name) {
        if (!isValid(name)) {
            throw new AwsException("InvalidBucketName", 400, "The specified bucket is not valid.");
        }
        return name;
    }

    /** Whether {@code name} is a valid general purpose bucket name. */
    public static boolean isValid(String name) {
        requireNonNull(name, "name");
        int length = name.length();
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return false;
        }
        if (!isLetterOrDigit(name.charAt(0)) || !isLetterOrDigit(name.charAt(length - 1))) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (!isLetterOrDigit(c) && c != '-' && c != '.') {
                return false;
            }
            if (c == '.' && name.charAt(i - 1) == '.') {
                return false;
            }
        }
        if (looksLikeIpv4Address(name)) {
            return false;
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        for (String suffix : RESERVED_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** Four dot-separated runs of digits, whatever their values: S3 refuses 999.1.1.1 as it does 10.0.0.1. */
    private static boolean looksLikeIpv4Address(String name) {
        String[] labels = name.split("\\.", -1);
        if (labels.length != 4) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || !label.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
