package io.strongroom.s3;

import java.util.HashMap;
import java.util.Map;

/**
 * S3 Block Public Access settings of a bucket or an account. Where none is stored, all four are on
 * ({@link #ALL_ON}): AWS turns them on for every new bucket and new account, and a missing document
 * must never mean "public allowed". What binds a bucket is the OR of its own and its account's.
 */
public record PublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
                                boolean restrictPublicBuckets) {

    public static final PublicAccessBlock ALL_ON = new PublicAccessBlock(true, true, true, true);

    /** The stricter of each setting. */
    public PublicAccessBlock or(PublicAccessBlock other) {
        return new PublicAccessBlock(blockPublicAcls || other.blockPublicAcls,
                ignorePublicAcls || other.ignorePublicAcls, blockPublicPolicy || other.blockPublicPolicy,
                restrictPublicBuckets || other.restrictPublicBuckets);
    }

    /** The stored form: one {@code Name=true|false} per line. */
    String document() {
        return "BlockPublicAcls=" + blockPublicAcls + "\nIgnorePublicAcls=" + ignorePublicAcls
                + "\nBlockPublicPolicy=" + blockPublicPolicy + "\nRestrictPublicBuckets=" + restrictPublicBuckets + "\n";
    }

    /** Reads {@link #document()}; a setting it does not name (or cannot read) is on. */
    static PublicAccessBlock parse(String document) {
        Map<String, String> values = new HashMap<>();
        for (String line : document.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        return new PublicAccessBlock(on(values, "BlockPublicAcls"), on(values, "IgnorePublicAcls"),
                on(values, "BlockPublicPolicy"), on(values, "RestrictPublicBuckets"));
    }

    private static boolean on(Map<String, String> values, String name) {
        return !"false".equals(values.get(name));
    }
}
