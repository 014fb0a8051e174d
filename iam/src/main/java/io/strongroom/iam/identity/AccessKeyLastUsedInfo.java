package io.strongroom.iam.identity;

import java.util.Optional;

/**
 * The answer to GetAccessKeyLastUsed.
 *
 * @param userName the owning user's name; empty for a root key
 * @param lastUsed when the key was last used; empty when never (IAM then answers {@code N/A})
 */
public record AccessKeyLastUsedInfo(Optional<String> userName, Optional<AccessKey.LastUsed> lastUsed) {
}
