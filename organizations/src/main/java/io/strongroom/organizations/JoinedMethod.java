package io.strongroom.organizations;

/** How an account joined the organization (the model's AccountJoinedMethod). */
public enum JoinedMethod {
    /** The management account, and accounts that accepted an invitation. */
    INVITED,
    /** Accounts made by CreateAccount. */
    CREATED
}
