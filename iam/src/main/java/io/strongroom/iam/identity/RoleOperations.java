package io.strongroom.iam.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.Ids;
import io.strongroom.iam.auth.CallContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CreateRole, GetRole, ListRoles, UpdateRole, UpdateAssumeRolePolicy, DeleteRole. */
final class RoleOperations {
    static final int MAX_ROLE_NAME = 64;
    static final int DEFAULT_MAX_SESSION_DURATION = 3600;
    static final int MAX_MAX_SESSION_DURATION = 43200;

    private final IdentityRepository repository;
    private final IdentityLookup lookup;
    private final GuardedOperations guard;
    private final IdentityTargetGuard targets;
    private final Clock clock;

    RoleOperations(IdentityRepository repository, GuardedOperations guard, Clock clock) {
        this.repository = requireNonNull(repository, "repository");
        this.lookup = new IdentityLookup(repository);
        this.guard = requireNonNull(guard, "guard");
        this.targets = new IdentityTargetGuard(lookup, guard);
        this.clock = requireNonNull(clock, "clock");
    }

    Role create(CallContext call, String roleName, String trustPolicy, Optional<String> path,
                Optional<String> description, Optional<Integer> maxSessionDuration, Optional<String> boundaryArn,
                List<Tag> tags) {
        String account = call.principal().accountId();
        InputValidator.name("roleName", roleName, MAX_ROLE_NAME);
        String rolePath = InputValidator.path("path", path.orElse("/"));
        description.ifPresent(d -> InputValidator.description("description", d));
        int maxSession = InputValidator.range("maxSessionDuration",
                maxSessionDuration.orElse(DEFAULT_MAX_SESSION_DURATION), DEFAULT_MAX_SESSION_DURATION,
                MAX_MAX_SESSION_DURATION);
        boundaryArn.ifPresent(IdentityLookup::policyArn);
        InputValidator.tags(tags);
        PolicyDocumentRules.trustPolicy(trustPolicy);
        String arn = IamArns.role(account, rolePath, roleName);
        Map<String, List<String>> conditionKeys = new HashMap<>(TagConditionKeys.request(tags));
        boundaryArn.ifPresent(b -> conditionKeys.put("iam:PermissionsBoundary", List.of(b)));
        if (!tags.isEmpty()) {
            guard.authorize(call, "iam:TagRole", arn, conditionKeys);
        }
        return guard.write(call, "iam:CreateRole", arn, conditionKeys, () -> {
            if (repository.findRole(account, roleName).isPresent()) {
                throw alreadyExists(roleName);
            }
            boundaryArn.ifPresent(b -> lookup.attachablePolicy(account, b));
            Role role = new Role(account, roleName, Ids.uniqueId(Ids.ROLE_PREFIX), rolePath, arn, clock.instant(),
                    trustPolicy, description, maxSession, boundaryArn, UserOperations.tagMap(tags));
            try {
                repository.insertRole(role);
            } catch (DuplicateEntityException e) {
                throw alreadyExists(roleName);
            }
            return role;
        });
    }

    Role get(CallContext call, String roleName) {
        String account = call.principal().accountId();
        InputValidator.name("roleName", roleName, MAX_ROLE_NAME);
        return targets.read(call, "iam:GetRole", PrincipalKind.ROLE, roleName, target -> lookup.role(account, target.name()));
    }

    Page<Role> list(CallContext call, Optional<String> pathPrefix, PageRequest page) {
        String account = call.principal().accountId();
        String prefix = InputValidator.pathPrefix("pathPrefix", pathPrefix.orElse("/"));
        int maxItems = InputValidator.maxItems(page);
        return guard.read(call, "iam:ListRoles", IamArns.collection(account, "role"),
                () -> repository.listRoles(account, prefix, page.marker(), maxItems));
    }

    void update(CallContext call, String roleName, Optional<String> description, Optional<Integer> maxSessionDuration) {
        String account = call.principal().accountId();
        InputValidator.name("roleName", roleName, MAX_ROLE_NAME);
        description.ifPresent(d -> InputValidator.description("description", d));
        maxSessionDuration.ifPresent(d -> InputValidator.range("maxSessionDuration", d, DEFAULT_MAX_SESSION_DURATION,
                MAX_MAX_SESSION_DURATION));
        targets.write(call, "iam:UpdateRole", PrincipalKind.ROLE, roleName, target -> {
            Role role = lookup.role(account, target.name());
            repository.updateRole(account, role.roleName(), description.or(role::description),
                    maxSessionDuration.orElse(role.maxSessionDuration()));
        });
    }

    void updateAssumeRolePolicy(CallContext call, String roleName, String trustPolicy) {
        String account = call.principal().accountId();
        InputValidator.name("roleName", roleName, MAX_ROLE_NAME);
        PolicyDocumentRules.trustPolicy(trustPolicy);
        targets.write(call, "iam:UpdateAssumeRolePolicy", PrincipalKind.ROLE, roleName,
                target -> repository.updateAssumeRolePolicy(account, target.name(), trustPolicy));
    }

    void delete(CallContext call, String roleName) {
        String account = call.principal().accountId();
        InputValidator.name("roleName", roleName, MAX_ROLE_NAME);
        targets.write(call, "iam:DeleteRole", PrincipalKind.ROLE, roleName, target -> {
            String name = target.name();
            if (!repository.listInlinePolicies(account, PrincipalKind.ROLE, name).isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            if (!repository.listAttachedPolicies(account, PrincipalKind.ROLE, name).isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            repository.deleteRole(account, name);
        });
    }

    private static io.strongroom.core.AwsException alreadyExists(String roleName) {
        return IamErrors.entityAlreadyExists("Role with name " + roleName + " already exists.");
    }
}
