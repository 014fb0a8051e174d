package io.strongroom.audit.trails;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules for what names a trail: trail names, trail ARNs (a {@code Name} member takes either), S3
 * bucket names and key prefixes, with CloudTrail's error for each broken rule.
 */
final class TrailNames {
    static final int MIN_NAME = 3;
    static final int MAX_NAME = 128;
    static final int MAX_S3_KEY_PREFIX = 200;

    private static final Pattern NAME_CHARACTERS = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern ADJACENT_SEPARATORS = Pattern.compile("[._-]{2}");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern TRAIL_ARN = Pattern.compile("arn:aws:cloudtrail:([a-z0-9-]{1,32}):(\\d{12}):trail/(.+)");
    private static final Pattern BUCKET_CHARACTERS = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private TrailNames() {
    }

    /** A trail named by the caller: by name (in the caller's account and this region) or by ARN. */
    record Reference(String given, String region, String accountId, String name) {
        String arn() {
            return Trail.arn(region, accountId, name);
        }
    }

    /** Reads a {@code Name} member, a trail name or ARN; a name means the caller's trail in this region. */
    static Reference reference(String nameOrArn, String region, String callerAccountId) {
        if (nameOrArn.startsWith("arn:")) {
            Matcher arn = TRAIL_ARN.matcher(nameOrArn);
            if (!arn.matches() || !isValidName(arn.group(3))) {
                throw CloudTrailErrors.arnInvalid(nameOrArn);
            }
            return new Reference(nameOrArn, arn.group(1), arn.group(2), arn.group(3));
        }
        checkName(nameOrArn);
        return new Reference(nameOrArn, region, callerAccountId, nameOrArn);
    }

    /** Throws InvalidTrailNameException naming the first rule the name breaks. */
    static void checkName(String name) {
        problem(name).ifPresent(message -> {
            throw CloudTrailErrors.invalidTrailName(message);
        });
    }

    private static boolean isValidName(String name) {
        return problem(name).isEmpty();
    }

    private static Optional<String> problem(String name) {
        int length = name.length();
        String message = null;
        if (name.isBlank()) {
            message = "Trail name cannot be blank.";
        } else if (length < MIN_NAME) {
            message = "Trail name too short. Minimum allowed length: " + MIN_NAME + " characters. Specified name"
                    + " length: " + length + " characters.";
        } else if (length > MAX_NAME) {
            message = "Trail name too long. Maximum allowed length: " + MAX_NAME + " characters. Specified name"
                    + " length: " + length + " characters.";
        } else if (!NAME_CHARACTERS.matcher(name).matches()) {
            message = "Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.),"
                    + " hyphens (-), and underscores (_).";
        } else if (!Character.isLetterOrDigit(name.charAt(0))) {
            message = "Trail name must start with a letter or number.";
        } else if (!Character.isLetterOrDigit(name.charAt(length - 1))) {
            message = "Trail name must end with a letter or number.";
        } else if (ADJACENT_SEPARATORS.matcher(name).find()) {
            message = "Trail name cannot have adjacent periods, underscores or dashes.";
        } else if (IP_ADDRESS.matcher(name).matches()) {
            message = "Trail name cannot be formatted as an IP address.";
        }
        return Optional.ofNullable(message);
    }

    /** S3's bucket naming rules (3 to 63 lower-case letters, digits, dots and hyphens, and so on). */
    static void checkBucketName(String bucket) {
        boolean valid = BUCKET_CHARACTERS.matcher(bucket).matches()
                && !bucket.contains("..") && !bucket.contains(".-") && !bucket.contains("-.")
                && !IP_ADDRESS.matcher(bucket).matches()
                && !bucket.startsWith("xn--") && !bucket.startsWith("sthree-")
                && !bucket.endsWith("-s3alias") && !bucket.endsWith("--ol-s3");
        if (!valid) {
            throw CloudTrailErrors.invalidS3BucketName(bucket);
        }
    }

    static void checkS3KeyPrefix(String prefix) {
        if (prefix.length() > MAX_S3_KEY_PREFIX) {
            throw CloudTrailErrors.invalidS3Prefix();
        }
    }
}
