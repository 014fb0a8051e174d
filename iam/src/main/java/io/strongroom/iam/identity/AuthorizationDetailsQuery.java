package io.strongroom.iam.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.AccountAuthorizationDetails.EntityType;
import io.strongroom.iam.identity.AccountAuthorizationDetails.GroupDetail;
import io.strongroom.iam.identity.AccountAuthorizationDetails.PolicyDetail;
import io.strongroom.iam.identity.AccountAuthorizationDetails.RoleDetail;
import io.strongroom.iam.identity.AccountAuthorizationDetails.UserDetail;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** GetAccountAuthorizationDetails: a snapshot of every identity and policy, read in one transaction. */
final class AuthorizationDetailsQuery {
    private static final int PAGE = 1000;

    private final IdentityRepository repository;
    private final GuardedOperations guard;
    private final PolicyAttachmentOperations attachments;
    private final ManagedPolicyOperations policies;

    AuthorizationDetailsQuery(IdentityRepository repository, GuardedOperations guard,
                              PolicyAttachmentOperations attachments, ManagedPolicyOperations policies) {
        this.repository = requireNonNull(repository, "repository");
        this.guard = requireNonNull(guard, "guard");
        this.attachments = requireNonNull(attachments, "attachments");
        this.policies = requireNonNull(policies, "policies");
    }

    AccountAuthorizationDetails get(CallContext call, Set<EntityType> filter) {
        String account = call.principal().accountId();
        Set<EntityType> wanted = filter.isEmpty() ? EnumSet.allOf(EntityType.class) : EnumSet.copyOf(filter);
        return guard.read(call, "iam:GetAccountAuthorizationDetails", "*", () -> new AccountAuthorizationDetails(
                wanted.contains(EntityType.User) ? users(account) : List.of(),
                wanted.contains(EntityType.Group) ? groups(account) : List.of(),
                wanted.contains(EntityType.Role) ? roles(account) : List.of(),
                policies(account, wanted)));
    }

    private List<UserDetail> users(String account) {
        return InMemoryPages.all(m -> repository.listUsers(account, "/", m, PAGE)).stream()
                .map(u -> new UserDetail(u, repository.listInlinePolicies(account, PrincipalKind.USER, u.userName()),
                        attached(account, PrincipalKind.USER, u.userName()),
                        repository.listGroupsForUser(account, u.userName()).stream().map(Group::groupName).toList()))
                .toList();
    }

    private List<GroupDetail> groups(String account) {
        return InMemoryPages.all(m -> repository.listGroups(account, "/", m, PAGE)).stream()
                .map(g -> new GroupDetail(g,
                        repository.listInlinePolicies(account, PrincipalKind.GROUP, g.groupName()),
                        attached(account, PrincipalKind.GROUP, g.groupName())))
                .toList();
    }

    private List<RoleDetail> roles(String account) {
        return InMemoryPages.all(m -> repository.listRoles(account, "/", m, PAGE)).stream()
                .map(r -> new RoleDetail(r, repository.listInlinePolicies(account, PrincipalKind.ROLE, r.roleName()),
                        attached(account, PrincipalKind.ROLE, r.roleName())))
                .toList();
    }

    private List<PolicyDetail> policies(String account, Set<EntityType> wanted) {
        boolean local = wanted.contains(EntityType.LocalManagedPolicy);
        boolean aws = wanted.contains(EntityType.AWSManagedPolicy);
        if (!local && !aws) {
            return List.of();
        }
        String scope = local && aws ? "All" : local ? "Local" : "AWS";
        // IAM reports AWS-managed policies here only when something in the account uses them.
        return InMemoryPages.all(m -> repository.listManagedPolicies(account, scope, false, "/", m, PAGE)).stream()
                .map(policies::info)
                .filter(info -> !info.policy().awsManaged() || info.attachmentCount() > 0
                        || info.permissionsBoundaryUsageCount() > 0)
                .map(info -> new PolicyDetail(info, repository.listPolicyVersions(info.policy().arn())))
                .toList();
    }

    private List<AttachedPolicy> attached(String account, PrincipalKind kind, String name) {
        return attachments.attachedPolicies(account, kind, name).stream()
                .map(p -> new AttachedPolicy(p.policyName(), p.arn()))
                .toList();
    }

}
