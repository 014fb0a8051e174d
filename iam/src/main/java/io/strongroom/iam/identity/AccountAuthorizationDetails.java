package io.strongroom.iam.identity;

import java.util.List;

/** The answer to GetAccountAuthorizationDetails: every identity and policy of an account. */
public record AccountAuthorizationDetails(
        List<UserDetail> users,
        List<GroupDetail> groups,
        List<RoleDetail> roles,
        List<PolicyDetail> policies) {

    public AccountAuthorizationDetails {
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        roles = List.copyOf(roles);
        policies = List.copyOf(policies);
    }

    /** The entity types the {@code Filter} parameter names. */
    public enum EntityType { User, Role, Group, LocalManagedPolicy, AWSManagedPolicy }

    public record UserDetail(User user, List<InlinePolicy> inlinePolicies, List<AttachedPolicy> attachedPolicies,
                             List<String> groupNames) {
    }

    public record GroupDetail(Group group, List<InlinePolicy> inlinePolicies, List<AttachedPolicy> attachedPolicies) {
    }

    public record RoleDetail(Role role, List<InlinePolicy> inlinePolicies, List<AttachedPolicy> attachedPolicies) {
    }

    public record PolicyDetail(PolicyInfo info, List<PolicyVersion> versions) {
    }
}
