package io.strongroom.iam.identity;

import java.time.Instant;
import java.util.Optional;

/**
 * A long-term access key. The secret is held only wrapped by the root key ({@code wrappedSecret});
 * {@code userName} is empty for the account root's keys.
 */
public record AccessKey(
        String accessKeyId,
        String accountId,
        Optional<String> userName,
        boolean active,
        Instant createDate,
        byte[] wrappedSecret,
        Optional<LastUsed> lastUsed) {

    /** When and where a key was last used, for GetAccessKeyLastUsed. */
    public record LastUsed(Instant date, String serviceName, String region) {
    }

    @Override
    public String toString() {
        return "AccessKey[" + accessKeyId + ", account=" + accountId + ", user=" + userName.orElse("<root>")
                + ", active=" + active + "]";
    }
}
