package io.strongroom.organizations;

import java.time.Instant;

/**
 * The model's Account shape. Strongroom accounts are always {@code ACTIVE} (Status and State).
 *
 * @param arn {@code arn:aws:organizations::<management account>:account/o-…/<account id>}
 */
public record OrganizationAccount(String id, String arn, String email, String name, String status, String state,
                                  JoinedMethod joinedMethod, Instant joinedTimestamp) {
    public static final String ACTIVE = "ACTIVE";
}
