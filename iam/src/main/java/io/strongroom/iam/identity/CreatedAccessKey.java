package io.strongroom.iam.identity;

import static java.util.Objects.requireNonNull;

/**
 * The answer to CreateAccessKey: the only moment the plaintext secret is ever handed out.
 *
 * @param userName        the owning user's name, or the empty string for the account root
 */
public record CreatedAccessKey(AccessKey key, String userName, String secretAccessKey) {
    public CreatedAccessKey {
        requireNonNull(key, "key");
        requireNonNull(userName, "userName");
        requireNonNull(secretAccessKey, "secretAccessKey");
    }

    @Override
    public String toString() {
        return "CreatedAccessKey[" + key.accessKeyId() + ", secret=<redacted>]";
    }
}
