package io.strongroom.iam.simulation;

/** Where a matched statement's policy came from, spelled as IAM's {@code PolicySourceType} spells it. */
public enum PolicySourceType {
    /** An inline policy of a user. */
    USER("user"),
    /** An inline policy of a group. */
    GROUP("group"),
    /** An inline policy of a role. */
    ROLE("role"),
    /** An AWS-managed policy. */
    AWS_MANAGED("aws-managed"),
    /** A customer-managed policy. */
    USER_MANAGED("user-managed"),
    /** The resource-based policy given as {@code ResourcePolicy}. */
    RESOURCE("resource"),
    /** A policy given in the request ({@code PolicyInputList}, {@code PermissionsBoundaryPolicyInputList}). */
    NONE("none");

    private final String wireName;

    PolicySourceType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
