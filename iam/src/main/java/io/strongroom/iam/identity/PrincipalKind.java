package io.strongroom.iam.identity;

/** The IAM identities that policies are attached to or embedded in. */
public enum PrincipalKind {
    USER,
    GROUP,
    ROLE
}
