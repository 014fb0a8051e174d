package io.strongroom.iam.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.Ids;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.auth.PrincipalType;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CreateUser, GetUser, ListUsers, UpdateUser, DeleteUser. */
final class UserOperations {
    static final int MAX_USER_NAME = 64;
    static final int MAX_EXISTING_USER_NAME = 128;

    private final IdentityRepository repository;
    private final IdentityLookup lookup;
    private final GuardedOperations guard;
    private final IdentityTargetGuard targets;
    private final Clock clock;

    UserOperations(IdentityRepository repository, GuardedOperations guard, Clock clock) {
        this.repository = requireNonNull(repository, "repository");
        this.lookup = new IdentityLookup(repository);
        this.guard = requireNonNull(guard, "guard");
        this.targets = new IdentityTargetGuard(lookup, guard);
        this.clock = requireNonNull(clock, "clock");
    }

    User create(CallContext call, String userName, Optional<String> path, Optional<String> boundaryArn,
                List<Tag> tags) {
        String account = call.principal().accountId();
        InputValidator.name("userName", userName, MAX_USER_NAME);
        String userPath = InputValidator.path("path", path.orElse("/"));
        boundaryArn.ifPresent(IdentityLookup::policyArn);
        InputValidator.tags(tags);
        String arn = IamArns.user(account, userPath, userName);
        Map<String, List<String>> conditionKeys = new HashMap<>(TagConditionKeys.request(tags));
        boundaryArn.ifPresent(b -> conditionKeys.put("iam:PermissionsBoundary", List.of(b)));
        if (!tags.isEmpty()) {
            guard.authorize(call, "iam:TagUser", arn, conditionKeys);
        }
        return guard.write(call, "iam:CreateUser", arn, conditionKeys, () -> {
            if (repository.findUser(account, userName).isPresent()) {
                throw alreadyExists(userName);
            }
            boundaryArn.ifPresent(b -> lookup.attachablePolicy(account, b));
            User user = new User(account, userName, Ids.uniqueId(Ids.USER_PREFIX), userPath, arn, clock.instant(),
                    boundaryArn, tagMap(tags));
            try {
                repository.insertUser(user);
            } catch (DuplicateEntityException e) {
                throw alreadyExists(userName);
            }
            return user;
        });
    }

    User get(CallContext call, Optional<String> userName) {
        Principal caller = call.principal();
        String account = caller.accountId();
        if (userName.isEmpty()) {
            if (caller.type() == PrincipalType.ROOT) {
                return rootUser(account);
            }
            if (caller.type() != PrincipalType.IAM_USER) {
                throw IamErrors.validation("Must specify userName when calling with non-User credentials");
            }
        }
        String name = userName.orElse(caller.name());
        InputValidator.name("userName", name, MAX_EXISTING_USER_NAME);
        return targets.read(call, "iam:GetUser", PrincipalKind.USER, name, target -> lookup.user(account, target.name()));
    }

    Page<User> list(CallContext call, Optional<String> pathPrefix, PageRequest page) {
        String account = call.principal().accountId();
        String prefix = InputValidator.pathPrefix("pathPrefix", pathPrefix.orElse("/"));
        int maxItems = InputValidator.maxItems(page);
        return guard.read(call, "iam:ListUsers", IamArns.collection(account, "user"),
                () -> repository.listUsers(account, prefix, page.marker(), maxItems));
    }

    /**
     * Renames and/or moves a user. IAM requires iam:UpdateUser on both the current ARN and the exact
     * ARN the user will have (its new path and/or name), so a grant on one path cannot move a user
     * into another path it does not cover.
     */
    void update(CallContext call, String userName, Optional<String> newUserName, Optional<String> newPath) {
        String account = call.principal().accountId();
        InputValidator.name("userName", userName, MAX_EXISTING_USER_NAME);
        newUserName.ifPresent(n -> InputValidator.name("newUserName", n, MAX_USER_NAME));
        newPath.ifPresent(p -> InputValidator.path("newPath", p));
        targets.write(call, "iam:UpdateUser", PrincipalKind.USER, userName, target -> {
            User user = lookup.user(account, target.name());
            String targetName = newUserName.orElse(user.userName());
            String path = newPath.orElse(user.path());
            String destination = IamArns.user(account, path, targetName);
            if (!destination.equals(user.arn())) {
                guard.authorize(call, "iam:UpdateUser", destination, target.conditionKeys("iam:UpdateUser"));
            }
            Optional<User> holder = repository.findUser(account, targetName);
            if (holder.isPresent() && !holder.get().userId().equals(user.userId())) {
                throw alreadyExists(targetName);
            }
            try {
                repository.updateUser(account, user.userName(), targetName, path, destination);
            } catch (DuplicateEntityException e) {
                throw alreadyExists(targetName);
            }
        });
    }

    void delete(CallContext call, String userName) {
        String account = call.principal().accountId();
        InputValidator.name("userName", userName, MAX_EXISTING_USER_NAME);
        targets.write(call, "iam:DeleteUser", PrincipalKind.USER, userName, target -> {
            String name = target.name();
            if (!repository.listAccessKeys(account, Optional.of(name)).isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete access keys first.");
            }
            if (!repository.listInlinePolicies(account, PrincipalKind.USER, name).isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            if (!repository.listAttachedPolicies(account, PrincipalKind.USER, name).isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            if (!repository.listGroupsForUser(account, name).isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must remove users from group first.");
            }
            repository.deleteUser(account, name);
        });
    }

    private User rootUser(String account) {
        var created = repository.findAccount(account).map(Account::createdAt).orElse(clock.instant());
        return new User(account, "", account, "/", IamArns.root(account), created, Optional.empty(), Map.of());
    }

    static Map<String, String> tagMap(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value()));
        return map;
    }

    private static io.strongroom.core.AwsException alreadyExists(String userName) {
        return IamErrors.entityAlreadyExists("User with name " + userName + " already exists.");
    }
}
