package io.strongroom.organizations;

/** A policy type and its status on a root (the model's PolicyTypeSummary); the status is always ENABLED. */
public record PolicyTypeSummary(OrganizationPolicyType type, String status) {
    public static final String ENABLED = "ENABLED";

    public static PolicyTypeSummary enabled(OrganizationPolicyType type) {
        return new PolicyTypeSummary(type, ENABLED);
    }
}
