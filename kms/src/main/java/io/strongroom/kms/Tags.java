package io.strongroom.kms;

import java.util.Map;

/** The rules KMS applies to tags: key 1-128 characters, value up to 256, at most 50, no {@code aws:} keys. */
final class Tags {
    static final int MAX_TAGS = 50;

    private Tags() {
    }

    static void validate(Map<String, String> tags) {
        requireWithinLimit(tags.size());
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            if (key.isEmpty() || key.length() > 128) {
                throw KmsErrors.tag("Tag keys must be between 1 and 128 characters long.");
            }
            if (tag.getValue().length() > 256) {
                throw KmsErrors.tag("Tag values must be at most 256 characters long.");
            }
            if (key.regionMatches(true, 0, "aws:", 0, 4)) {
                throw KmsErrors.tag("Tags beginning with aws: are reserved.");
            }
        }
    }

    static void requireWithinLimit(int count) {
        if (count > MAX_TAGS) {
            throw KmsErrors.limitExceeded("A KMS key can have at most " + MAX_TAGS + " tags.");
        }
    }
}
