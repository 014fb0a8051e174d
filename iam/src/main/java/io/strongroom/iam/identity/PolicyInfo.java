package io.strongroom.iam.identity;

/**
 * A managed policy with the counts GetPolicy and ListPolicies report.
 *
 * @param attachmentCount            users, groups and roles it is attached to
 * @param permissionsBoundaryUsageCount users and roles that use it as their boundary
 */
public record PolicyInfo(ManagedPolicy policy, int attachmentCount, int permissionsBoundaryUsageCount) {
    /** Every managed policy Strongroom knows can be attached. */
    public boolean attachable() {
        return true;
    }
}
