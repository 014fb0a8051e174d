package io.strongroom.iam.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.Ids;
import io.strongroom.iam.auth.CallContext;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** CreateGroup, GetGroup, ListGroups, DeleteGroup, AddUserToGroup, RemoveUserFromGroup, ListGroupsForUser. */
final class GroupOperations {
    static final int MAX_GROUP_NAME = 128;
    static final int MAX_GROUPS_PER_USER = 10;

    private final IdentityRepository repository;
    private final IdentityLookup lookup;
    private final GuardedOperations guard;
    private final IdentityTargetGuard users;
    private final Clock clock;

    GroupOperations(IdentityRepository repository, GuardedOperations guard, Clock clock) {
        this.repository = requireNonNull(repository, "repository");
        this.lookup = new IdentityLookup(repository);
        this.guard = requireNonNull(guard, "guard");
        this.users = new IdentityTargetGuard(lookup, guard);
        this.clock = requireNonNull(clock, "clock");
    }

    Group create(CallContext call, String groupName, Optional<String> path) {
        String account = call.principal().accountId();
        InputValidator.name("groupName", groupName, MAX_GROUP_NAME);
        String groupPath = InputValidator.path("path", path.orElse("/"));
        String arn = IamArns.group(account, groupPath, groupName);
        return guard.write(call, "iam:CreateGroup", arn, Map.of(), () -> {
            if (repository.findGroup(account, groupName).isPresent()) {
                throw alreadyExists(groupName);
            }
            Group group = new Group(account, groupName, Ids.uniqueId(Ids.GROUP_PREFIX), groupPath, arn, clock.instant());
            try {
                repository.insertGroup(group);
            } catch (DuplicateEntityException e) {
                throw alreadyExists(groupName);
            }
            return group;
        });
    }

    GroupWithMembers get(CallContext call, String groupName, PageRequest page) {
        String account = call.principal().accountId();
        InputValidator.name("groupName", groupName, MAX_GROUP_NAME);
        InputValidator.maxItems(page);
        return guard.read(call, "iam:GetGroup", lookup.groupArn(account, groupName), () -> {
            Group group = lookup.group(account, groupName);
            Page<User> members = InMemoryPages.page(repository.listGroupMembers(account, group.groupName()),
                    User::userName, page);
            return new GroupWithMembers(group, members);
        });
    }

    Page<Group> list(CallContext call, Optional<String> pathPrefix, PageRequest page) {
        String account = call.principal().accountId();
        String prefix = InputValidator.pathPrefix("pathPrefix", pathPrefix.orElse("/"));
        int maxItems = InputValidator.maxItems(page);
        return guard.read(call, "iam:ListGroups", IamArns.collection(account, "group"),
                () -> repository.listGroups(account, prefix, page.marker(), maxItems));
    }

    void delete(CallContext call, String groupName) {
        String account = call.principal().accountId();
        InputValidator.name("groupName", groupName, MAX_GROUP_NAME);
        guard.write(call, "iam:DeleteGroup", lookup.groupArn(account, groupName), () -> {
            String name = lookup.group(account, groupName).groupName();
            if (!repository.listGroupMembers(account, name).isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must remove users from group first.");
            }
            if (!repository.listInlinePolicies(account, PrincipalKind.GROUP, name).isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            if (!repository.listAttachedPolicies(account, PrincipalKind.GROUP, name).isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            repository.deleteGroup(account, name);
        });
    }

    void addUser(CallContext call, String groupName, String userName) {
        String account = call.principal().accountId();
        InputValidator.name("groupName", groupName, MAX_GROUP_NAME);
        InputValidator.name("userName", userName, UserOperations.MAX_EXISTING_USER_NAME);
        guard.write(call, "iam:AddUserToGroup", lookup.groupArn(account, groupName), () -> {
            Group group = lookup.group(account, groupName);
            User user = lookup.user(account, userName);
            var groups = repository.listGroupsForUser(account, user.userName());
            boolean member = groups.stream().anyMatch(g -> g.groupId().equals(group.groupId()));
            if (!member && groups.size() >= MAX_GROUPS_PER_USER) {
                throw IamErrors.limitExceeded("Cannot exceed quota for GroupsPerUser: " + MAX_GROUPS_PER_USER);
            }
            repository.addUserToGroup(account, group.groupName(), user.userName());
        });
    }

    void removeUser(CallContext call, String groupName, String userName) {
        String account = call.principal().accountId();
        InputValidator.name("groupName", groupName, MAX_GROUP_NAME);
        InputValidator.name("userName", userName, UserOperations.MAX_EXISTING_USER_NAME);
        guard.write(call, "iam:RemoveUserFromGroup", lookup.groupArn(account, groupName), () -> {
            Group group = lookup.group(account, groupName);
            User user = lookup.user(account, userName);
            if (!repository.removeUserFromGroup(account, group.groupName(), user.userName())) {
                throw IamErrors.noSuchEntity("The user with name " + userName + " cannot be found in group "
                        + groupName + ".");
            }
        });
    }

    Page<Group> listForUser(CallContext call, String userName, PageRequest page) {
        String account = call.principal().accountId();
        InputValidator.name("userName", userName, UserOperations.MAX_EXISTING_USER_NAME);
        InputValidator.maxItems(page);
        return users.read(call, "iam:ListGroupsForUser", PrincipalKind.USER, userName,
                user -> InMemoryPages.page(repository.listGroupsForUser(account, user.name()), Group::groupName, page));
    }

    private static io.strongroom.core.AwsException alreadyExists(String groupName) {
        return IamErrors.entityAlreadyExists("Group with name " + groupName + " already exists.");
    }
}
