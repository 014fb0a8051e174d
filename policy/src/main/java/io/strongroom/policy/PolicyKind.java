package io.strongroom.policy;

/** What a document is for; decides which elements it must and must not have. */
public enum PolicyKind {
    /** Attached to a user, group or role (and boundaries, session policies): no Principal allowed. */
    IDENTITY,
    /** Attached to a resource (bucket, key…): every statement names a Principal and a Resource. */
    RESOURCE,
    /** A role's trust policy: every statement names a Principal; Resource is not allowed. */
    TRUST,
    /**
     * A customer resource control policy (AWS Organizations): resource-style, but only Deny statements,
     * only {@code "Principal": "*"}, and neither NotPrincipal nor NotAction. (AWS's own RCPFullAWSAccess
     * is the one RCP that allows; it is a plain {@link #RESOURCE} document.)
     */
    RESOURCE_CONTROL
}
