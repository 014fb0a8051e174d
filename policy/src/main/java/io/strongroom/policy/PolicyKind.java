package io.strongroom.policy;

/** What a document is for; decides which elements it must and must not have. */
public enum PolicyKind {
    /** Attached to a user, group or role (and boundaries, session policies): no Principal allowed. */
    IDENTITY,
    /** Attached to a resource (bucket, key…): every statement names a Principal and a Resource. */
    RESOURCE,
    /** A role's trust policy: every statement names a Principal; Resource is not allowed. */
    TRUST
}
