package io.strongroom.iam.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The length, pattern and range constraints the IAM and STS service models declare, failing with
 * {@code ValidationError} worded as AWS words it. Values named here are identifiers, never secrets.
 */
public final class InputValidator {
    public static final String NAME_PATTERN = "[\\w+=,.@-]+";
    public static final String PATH_PATTERN = "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)";
    public static final String PATH_PREFIX_PATTERN = "\\u002F[\\u0021-\\u007F]*";
    public static final String POLICY_DOCUMENT_PATTERN = "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+";
    public static final String TAG_KEY_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+";
    public static final String TAG_VALUE_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";
    public static final String DESCRIPTION_PATTERN = "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*";
    public static final String VERSION_ID_PATTERN = "v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?";
    public static final int MAX_TAGS = 50;
    /** How many characters of a rejected value an error message repeats. */
    public static final int MAX_ECHOED = 64;

    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
    private static final Pattern PATH = Pattern.compile(PATH_PATTERN);
    private static final Pattern PATH_PREFIX = Pattern.compile(PATH_PREFIX_PATTERN);
    private static final Pattern POLICY_DOCUMENT = Pattern.compile(POLICY_DOCUMENT_PATTERN);
    private static final Pattern TAG_KEY = Pattern.compile(TAG_KEY_PATTERN);
    private static final Pattern TAG_VALUE = Pattern.compile(TAG_VALUE_PATTERN);
    private static final Pattern DESCRIPTION = Pattern.compile(DESCRIPTION_PATTERN);
    private static final Pattern VERSION_ID = Pattern.compile(VERSION_ID_PATTERN);

    private InputValidator() {
    }

    /** A user, group, role or policy name of at most {@code max} characters. */
    public static String name(String field, String value, int max) {
        return matching(field, value, 1, max, NAME, NAME_PATTERN);
    }

    public static String path(String field, String value) {
        return matching(field, value, 1, 512, PATH, PATH_PATTERN);
    }

    public static String pathPrefix(String field, String value) {
        return matching(field, value, 1, 512, PATH_PREFIX, PATH_PREFIX_PATTERN);
    }

    public static String policyDocument(String field, String value) {
        return matching(field, value, 1, 131072, POLICY_DOCUMENT, POLICY_DOCUMENT_PATTERN);
    }

    public static String description(String field, String value) {
        return matching(field, value, 0, 1000, DESCRIPTION, DESCRIPTION_PATTERN);
    }

    public static String versionId(String field, String value) {
        return matching(field, value, 1, 128, VERSION_ID, VERSION_ID_PATTERN);
    }

    public static String arn(String field, String value) {
        return length(field, value, 20, 2048);
    }

    public static String accessKeyId(String field, String value) {
        return matching(field, value, 16, 128, Pattern.compile("[\\w]+"), "[\\w]+");
    }

    public static String matching(String field, String value, int min, int max, Pattern pattern, String shown) {
        length(field, value, min, max);
        if (!value.isEmpty() && !pattern.matcher(value).matches()) {
            throw failure(value, field, "Member must satisfy regular expression pattern: " + shown);
        }
        return value;
    }

    /**
     * As {@link #matching}, for a value that works as a secret (an ExternalId): the message names the
     * field but never repeats the value, as AWS words errors on sensitive members.
     */
    public static String matchingSecret(String field, String value, int min, int max, Pattern pattern,
                                        String shown) {
        try {
            return matching(field, value, min, max, pattern, shown);
        } catch (io.strongroom.core.AwsException e) {
            String constraint = e.getMessage().substring(e.getMessage().indexOf("failed to satisfy constraint: "));
            throw IamErrors.validation("1 validation error detected: Value at '" + field + "' " + constraint);
        }
    }

    public static String length(String field, String value, int min, int max) {
        if (value == null) {
            throw IamErrors.validation("1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            throw failure(value, field, "Member must have length greater than or equal to " + min);
        }
        if (length > max) {
            throw failure(value, field, "Member must have length less than or equal to " + max);
        }
        return value;
    }

    public static int range(String field, int value, int min, int max) {
        if (value < min) {
            throw failure(Integer.toString(value), field, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw failure(Integer.toString(value), field, "Member must have value less than or equal to " + max);
        }
        return value;
    }

    /** MaxItems of a listing: 1..1000, 100 when absent. */
    public static int maxItems(PageRequest page) {
        page.marker().ifPresent(marker -> length("marker", marker, 1, 320));
        return range("maxItems", page.maxItems().orElse(PageRequest.DEFAULT_MAX_ITEMS), 1, 1000);
    }

    /** A tag list as a request carries it: at most 50, well-formed, no duplicate keys, no {@code aws:} keys. */
    public static List<Tag> tags(List<Tag> tags) {
        if (tags.size() > MAX_TAGS) {
            throw failure("[…]", "tags", "Member must have length less than or equal to " + MAX_TAGS);
        }
        Set<String> seen = new HashSet<>();
        for (Tag tag : tags) {
            tagKey(tag.key());
            matching("tags.member.value", tag.value(), 0, 256, TAG_VALUE, TAG_VALUE_PATTERN);
            if (!seen.add(tag.key().toLowerCase(Locale.ROOT))) {
                throw IamErrors.invalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
        }
        return tags;
    }

    public static String tagKey(String key) {
        matching("tags.member.key", key, 1, 128, TAG_KEY, TAG_KEY_PATTERN);
        if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            throw IamErrors.invalidInput("User-defined tag keys can't start with 'aws:'. This prefix is reserved for AWS"
                    + " system usage.");
        }
        return key;
    }

    /** A value as an error message may repeat it: its first {@value #MAX_ECHOED} characters, then "…". */
    public static String abbreviated(String value) {
        if (value.codePointCount(0, value.length()) <= MAX_ECHOED) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, MAX_ECHOED)) + "…";
    }

    private static io.strongroom.core.AwsException failure(String value, String field, String constraint) {
        return IamErrors.validation("1 validation error detected: Value '" + abbreviated(value) + "' at '" + field
                + "' failed to satisfy constraint: " + constraint);
    }
}
