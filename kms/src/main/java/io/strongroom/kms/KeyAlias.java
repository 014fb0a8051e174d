package io.strongroom.kms;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A friendly name for a key within an account and region ({@code alias/finance}).
 *
 * @param aliasName  the full name, {@code alias/…}
 */
public record KeyAlias(String accountId, String region, String aliasName, String targetKeyId, Instant creationDate,
                       Instant lastUpdatedDate) {

    public KeyAlias {
        requireNonNull(accountId, "accountId");
        requireNonNull(region, "region");
        requireNonNull(aliasName, "aliasName");
        requireNonNull(targetKeyId, "targetKeyId");
        requireNonNull(creationDate, "creationDate");
        requireNonNull(lastUpdatedDate, "lastUpdatedDate");
    }

    public String arn() {
        return arn(region, accountId, aliasName);
    }

    public static String arn(String region, String accountId, String aliasName) {
        return "arn:aws:kms:" + region + ":" + accountId + ":" + aliasName;
    }
}
