package io.strongroom.organizations;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Where an account sits in the organization. The account itself (name, email) is iam's
 * {@link io.strongroom.iam.identity.Account}; this adds only what Organizations knows of it.
 *
 * @param accountId       12 digits
 * @param parentId        the root ({@code r-…}) or OU ({@code ou-…}) that holds the account
 * @param joinedMethod    how it joined
 * @param joinedTimestamp when it joined
 */
public record AccountMembership(String accountId, String parentId, JoinedMethod joinedMethod,
                                Instant joinedTimestamp) {
    public AccountMembership {
        requireNonNull(accountId, "accountId");
        requireNonNull(parentId, "parentId");
        requireNonNull(joinedMethod, "joinedMethod");
        requireNonNull(joinedTimestamp, "joinedTimestamp");
    }
}
