package io.strongroom.iam.testing;

import io.strongroom.iam.identity.AccessKey;
import io.strongroom.iam.identity.Account;
import io.strongroom.iam.identity.DuplicateEntityException;
import io.strongroom.iam.identity.Group;
import io.strongroom.iam.identity.IdentityRepository;
import io.strongroom.iam.identity.InlinePolicy;
import io.strongroom.iam.identity.ManagedPolicy;
import io.strongroom.iam.identity.Organization;
import io.strongroom.iam.identity.Page;
import io.strongroom.iam.identity.PolicyVersion;
import io.strongroom.iam.identity.PrincipalKind;
import io.strongroom.iam.identity.Role;
import io.strongroom.iam.identity.StsSessionRecord;
import io.strongroom.iam.identity.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * An in-memory {@link IdentityRepository} that keeps the interface's rules: names unique and looked
 * up case-insensitively per account, inserts that collide throw, listings ordered by name and paged.
 * {@link #snapshot()} and {@link #restore} let the fake transactor roll back.
 */
public final class InMemoryIdentityRepository implements IdentityRepository {

    /** All state, copied whole for snapshots. Keys are lower-cased where IAM compares names that way. */
    private static final class State {
        Organization organization;
        Map<String, Account> accounts = new LinkedHashMap<>();
        Map<String, User> users = new LinkedHashMap<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        Map<String, List<String>> memberships = new LinkedHashMap<>(); // group key -> user keys
        Map<String, Role> roles = new LinkedHashMap<>();
        Map<String, ManagedPolicy> policies = new LinkedHashMap<>(); // arn -> policy
        Map<String, List<PolicyVersion>> versions = new LinkedHashMap<>();
        Map<String, Integer> nextVersionNumbers = new LinkedHashMap<>(); // arn -> number of the next version
        Map<String, List<String>> attachments = new LinkedHashMap<>(); // principal key -> arns
        Map<String, InlinePolicy> inline = new LinkedHashMap<>();
        Map<String, AccessKey> accessKeys = new LinkedHashMap<>();
        Map<String, StsSessionRecord> sessions = new LinkedHashMap<>();

        State copy() {
            State c = new State();
            c.organization = organization;
            c.accounts.putAll(accounts);
            c.users.putAll(users);
            c.groups.putAll(groups);
            memberships.forEach((k, v) -> c.memberships.put(k, new ArrayList<>(v)));
            c.roles.putAll(roles);
            c.policies.putAll(policies);
            versions.forEach((k, v) -> c.versions.put(k, new ArrayList<>(v)));
            c.nextVersionNumbers.putAll(nextVersionNumbers);
            attachments.forEach((k, v) -> c.attachments.put(k, new ArrayList<>(v)));
            c.inline.putAll(inline);
            c.accessKeys.putAll(accessKeys);
            c.sessions.putAll(sessions);
            return c;
        }
    }

    private State state = new State();

    public synchronized Object snapshot() {
        return state.copy();
    }

    public synchronized void restore(Object snapshot) {
        state = ((State) snapshot).copy();
    }

    private static String key(String... parts) {
        return String.join("\u0000", parts).toLowerCase(Locale.ROOT);
    }

    private static String principalKey(String account, PrincipalKind kind, String name) {
        return key(account, kind.name(), name);
    }

    private static <T> Page<T> page(Stream<T> items, Function<T, String> name, Optional<String> marker, int max) {
        List<T> sorted = items.sorted(Comparator.comparing(name, String.CASE_INSENSITIVE_ORDER))
                .filter(i -> marker.isEmpty() || name.apply(i).compareToIgnoreCase(marker.get()) >= 0)
                .toList();
        if (sorted.size() <= max) {
            return new Page<>(sorted, Optional.empty());
        }
        return new Page<>(sorted.subList(0, max), Optional.of(name.apply(sorted.get(max))));
    }

    // ---- organization and accounts

    @Override
    public synchronized void insertOrganization(Organization organization) {
        if (state.organization != null) {
            throw new DuplicateEntityException("organization exists");
        }
        state.organization = organization;
    }

    @Override
    public synchronized Optional<Organization> findOrganization() {
        return Optional.ofNullable(state.organization);
    }

    @Override
    public synchronized void insertAccount(Account account) {
        if (state.accounts.putIfAbsent(account.id(), account) != null) {
            throw new DuplicateEntityException("account exists");
        }
    }

    @Override
    public synchronized Optional<Account> findAccount(String accountId) {
        return Optional.ofNullable(state.accounts.get(accountId));
    }

    @Override
    public synchronized List<Account> listAccounts() {
        return List.copyOf(state.accounts.values());
    }

    // ---- users

    @Override
    public synchronized void insertUser(User user) {
        if (state.users.putIfAbsent(key(user.accountId(), user.userName()), user) != null) {
            throw new DuplicateEntityException("user exists");
        }
    }

    @Override
    public synchronized Optional<User> findUser(String accountId, String userName) {
        return Optional.ofNullable(state.users.get(key(accountId, userName)));
    }

    @Override
    public synchronized Optional<User> findUserById(String userId) {
        return state.users.values().stream().filter(u -> u.userId().equals(userId)).findFirst();
    }

    @Override
    public synchronized Page<User> listUsers(String accountId, String pathPrefix, Optional<String> marker, int max) {
        return page(state.users.values().stream().filter(u -> u.accountId().equals(accountId))
                .filter(u -> u.path().startsWith(pathPrefix)), User::userName, marker, max);
    }

    @Override
    public synchronized boolean updateUser(String accountId, String userName, String newUserName, String newPath,
                                           String newArn) {
        User user = state.users.get(key(accountId, userName));
        if (user == null) {
            return false;
        }
        User other = state.users.get(key(accountId, newUserName));
        if (other != null && other != user) {
            throw new DuplicateEntityException("user exists");
        }
        state.users.remove(key(accountId, userName));
        state.users.put(key(accountId, newUserName), new User(accountId, newUserName, user.userId(), newPath, newArn,
                user.createDate(), user.permissionsBoundaryArn(), user.tags()));
        String oldKey = key(accountId, userName);
        String newKey = key(accountId, newUserName);
        state.memberships.values().forEach(members -> members.replaceAll(m -> m.equals(oldKey) ? newKey : m));
        moveKey(state.attachments, principalKey(accountId, PrincipalKind.USER, userName),
                principalKey(accountId, PrincipalKind.USER, newUserName));
        List<InlinePolicy> inline = listInlinePolicies(accountId, PrincipalKind.USER, userName);
        inline.forEach(p -> deleteInlinePolicy(accountId, PrincipalKind.USER, userName, p.policyName()));
        inline.forEach(p -> putInlinePolicy(new InlinePolicy(accountId, PrincipalKind.USER, newUserName,
                p.policyName(), p.document())));
        state.accessKeys.replaceAll((id, k) -> k.accountId().equals(accountId)
                && k.userName().map(n -> n.equalsIgnoreCase(userName)).orElse(false)
                ? new AccessKey(k.accessKeyId(), k.accountId(), Optional.of(newUserName), k.active(), k.createDate(),
                k.wrappedSecret(), k.lastUsed()) : k);
        return true;
    }

    private static void moveKey(Map<String, List<String>> map, String from, String to) {
        List<String> value = map.remove(from);
        if (value != null) {
            map.put(to, value);
        }
    }

    @Override
    public synchronized boolean deleteUser(String accountId, String userName) {
        return state.users.remove(key(accountId, userName)) != null;
    }

    @Override
    public synchronized boolean setUserTags(String accountId, String userName, Map<String, String> tags) {
        User u = state.users.get(key(accountId, userName));
        if (u == null) {
            return false;
        }
        state.users.put(key(accountId, userName), new User(u.accountId(), u.userName(), u.userId(), u.path(), u.arn(),
                u.createDate(), u.permissionsBoundaryArn(), tags));
        return true;
    }

    @Override
    public synchronized boolean setUserPermissionsBoundary(String accountId, String userName,
                                                           Optional<String> policyArn) {
        User u = state.users.get(key(accountId, userName));
        if (u == null) {
            return false;
        }
        state.users.put(key(accountId, userName), new User(u.accountId(), u.userName(), u.userId(), u.path(), u.arn(),
                u.createDate(), policyArn, u.tags()));
        return true;
    }

    // ---- groups

    @Override
    public synchronized void insertGroup(Group group) {
        if (state.groups.putIfAbsent(key(group.accountId(), group.groupName()), group) != null) {
            throw new DuplicateEntityException("group exists");
        }
    }

    @Override
    public synchronized Optional<Group> findGroup(String accountId, String groupName) {
        return Optional.ofNullable(state.groups.get(key(accountId, groupName)));
    }

    @Override
    public synchronized Page<Group> listGroups(String accountId, String pathPrefix, Optional<String> marker, int max) {
        return page(state.groups.values().stream().filter(g -> g.accountId().equals(accountId))
                .filter(g -> g.path().startsWith(pathPrefix)), Group::groupName, marker, max);
    }

    @Override
    public synchronized boolean deleteGroup(String accountId, String groupName) {
        state.memberships.remove(key(accountId, groupName));
        return state.groups.remove(key(accountId, groupName)) != null;
    }

    @Override
    public synchronized void addUserToGroup(String accountId, String groupName, String userName) {
        List<String> members = state.memberships.computeIfAbsent(key(accountId, groupName), k -> new ArrayList<>());
        if (!members.contains(key(accountId, userName))) {
            members.add(key(accountId, userName));
        }
    }

    @Override
    public synchronized boolean removeUserFromGroup(String accountId, String groupName, String userName) {
        List<String> members = state.memberships.get(key(accountId, groupName));
        return members != null && members.remove(key(accountId, userName));
    }

    @Override
    public synchronized List<User> listGroupMembers(String accountId, String groupName) {
        return state.memberships.getOrDefault(key(accountId, groupName), List.of()).stream()
                .map(state.users::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public synchronized List<Group> listGroupsForUser(String accountId, String userName) {
        String userKey = key(accountId, userName);
        return state.memberships.entrySet().stream().filter(e -> e.getValue().contains(userKey))
                .map(e -> state.groups.get(e.getKey())).filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(Group::groupName, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    // ---- roles

    @Override
    public synchronized void insertRole(Role role) {
        if (state.roles.putIfAbsent(key(role.accountId(), role.roleName()), role) != null) {
            throw new DuplicateEntityException("role exists");
        }
    }

    @Override
    public synchronized Optional<Role> findRole(String accountId, String roleName) {
        return Optional.ofNullable(state.roles.get(key(accountId, roleName)));
    }

    @Override
    public synchronized Page<Role> listRoles(String accountId, String pathPrefix, Optional<String> marker, int max) {
        return page(state.roles.values().stream().filter(r -> r.accountId().equals(accountId))
                .filter(r -> r.path().startsWith(pathPrefix)), Role::roleName, marker, max);
    }

    private boolean replaceRole(String accountId, String roleName, Function<Role, Role> change) {
        Role role = state.roles.get(key(accountId, roleName));
        if (role == null) {
            return false;
        }
        state.roles.put(key(accountId, roleName), change.apply(role));
        return true;
    }

    @Override
    public synchronized boolean updateRole(String accountId, String roleName, Optional<String> description,
                                           int maxSessionDuration) {
        return replaceRole(accountId, roleName, r -> new Role(r.accountId(), r.roleName(), r.roleId(), r.path(),
                r.arn(), r.createDate(), r.assumeRolePolicyDocument(), description, maxSessionDuration,
                r.permissionsBoundaryArn(), r.tags()));
    }

    @Override
    public synchronized boolean updateAssumeRolePolicy(String accountId, String roleName, String document) {
        return replaceRole(accountId, roleName, r -> new Role(r.accountId(), r.roleName(), r.roleId(), r.path(),
                r.arn(), r.createDate(), document, r.description(), r.maxSessionDuration(),
                r.permissionsBoundaryArn(), r.tags()));
    }

    @Override
    public synchronized boolean deleteRole(String accountId, String roleName) {
        return state.roles.remove(key(accountId, roleName)) != null;
    }

    @Override
    public synchronized boolean setRoleTags(String accountId, String roleName, Map<String, String> tags) {
        return replaceRole(accountId, roleName, r -> new Role(r.accountId(), r.roleName(), r.roleId(), r.path(),
                r.arn(), r.createDate(), r.assumeRolePolicyDocument(), r.description(), r.maxSessionDuration(),
                r.permissionsBoundaryArn(), tags));
    }

    @Override
    public synchronized boolean setRolePermissionsBoundary(String accountId, String roleName,
                                                           Optional<String> policyArn) {
        return replaceRole(accountId, roleName, r -> new Role(r.accountId(), r.roleName(), r.roleId(), r.path(),
                r.arn(), r.createDate(), r.assumeRolePolicyDocument(), r.description(), r.maxSessionDuration(),
                policyArn, r.tags()));
    }

    // ---- managed policies

    @Override
    public synchronized void insertManagedPolicy(ManagedPolicy policy, PolicyVersion firstVersion) {
        boolean nameTaken = state.policies.values().stream().anyMatch(p -> p.accountId().equals(policy.accountId())
                && p.policyName().equalsIgnoreCase(policy.policyName()));
        if (nameTaken || state.policies.containsKey(policy.arn())) {
            throw new DuplicateEntityException("policy exists");
        }
        state.policies.put(policy.arn(), policy);
        state.versions.put(policy.arn(), new ArrayList<>(List.of(firstVersion)));
        state.nextVersionNumbers.put(policy.arn(), versionNumber(firstVersion.versionId()) + 1);
    }

    @Override
    public synchronized Optional<ManagedPolicy> findManagedPolicy(String policyArn) {
        return Optional.ofNullable(state.policies.get(policyArn));
    }

    @Override
    public synchronized Page<ManagedPolicy> listManagedPolicies(String accountId, String scope, boolean onlyAttached,
                                                                String pathPrefix, Optional<String> marker, int max) {
        return page(state.policies.values().stream()
                .filter(p -> switch (scope) {
                    case "Local" -> p.accountId().equals(accountId);
                    case "AWS" -> p.awsManaged();
                    default -> p.accountId().equals(accountId) || p.awsManaged();
                })
                .filter(p -> !onlyAttached || countAttachments(p.arn()) > 0)
                .filter(p -> p.path().startsWith(pathPrefix)), ManagedPolicy::policyName, marker, max);
    }

    @Override
    public synchronized boolean deleteManagedPolicy(String policyArn) {
        state.versions.remove(policyArn);
        state.nextVersionNumbers.remove(policyArn);
        return state.policies.remove(policyArn) != null;
    }

    @Override
    public synchronized Optional<PolicyVersion> insertPolicyVersion(String policyArn, String document, boolean asDefault,
                                                                    Instant createDate) {
        if (!state.policies.containsKey(policyArn)) {
            return Optional.empty();
        }
        int number = state.nextVersionNumbers.merge(policyArn, 1, Integer::sum) - 1;
        PolicyVersion version = new PolicyVersion(policyArn, "v" + number, document, false, createDate);
        state.versions.get(policyArn).add(version);
        if (asDefault) {
            setDefaultPolicyVersion(policyArn, version.versionId(), createDate);
            return findPolicyVersion(policyArn, version.versionId());
        }
        return Optional.of(version);
    }

    @Override
    public synchronized Optional<PolicyVersion> findPolicyVersion(String policyArn, String versionId) {
        return state.versions.getOrDefault(policyArn, List.of()).stream()
                .filter(v -> v.versionId().equals(versionId)).findFirst();
    }

    @Override
    public synchronized List<PolicyVersion> listPolicyVersions(String policyArn) {
        List<PolicyVersion> versions = new ArrayList<>(state.versions.getOrDefault(policyArn, List.of()));
        // newest first: numbers only grow, as in the JDBC store
        versions.sort(Comparator.comparing((PolicyVersion v) -> versionNumber(v.versionId())).reversed());
        return versions;
    }

    private static int versionNumber(String versionId) {
        return Integer.parseInt(versionId.substring(1));
    }

    @Override
    public synchronized boolean deletePolicyVersion(String policyArn, String versionId) {
        return state.versions.getOrDefault(policyArn, new ArrayList<>()).removeIf(v -> v.versionId().equals(versionId));
    }

    @Override
    public synchronized boolean setDefaultPolicyVersion(String policyArn, String versionId, Instant updateDate) {
        ManagedPolicy p = state.policies.get(policyArn);
        if (p == null || findPolicyVersion(policyArn, versionId).isEmpty()) {
            return false;
        }
        state.versions.get(policyArn).replaceAll(v -> new PolicyVersion(v.policyArn(), v.versionId(), v.document(),
                v.versionId().equals(versionId), v.createDate()));
        state.policies.put(policyArn, new ManagedPolicy(p.arn(), p.accountId(), p.policyName(), p.policyId(), p.path(),
                p.description(), versionId, p.createDate(), updateDate));
        return true;
    }

    // ---- attachments

    @Override
    public synchronized void attachPolicy(String accountId, PrincipalKind kind, String principalName, String arn) {
        List<String> attached = state.attachments.computeIfAbsent(principalKey(accountId, kind, principalName),
                k -> new ArrayList<>());
        if (!attached.contains(arn)) {
            attached.add(arn);
        }
    }

    @Override
    public synchronized boolean detachPolicy(String accountId, PrincipalKind kind, String principalName, String arn) {
        List<String> attached = state.attachments.get(principalKey(accountId, kind, principalName));
        return attached != null && attached.remove(arn);
    }

    @Override
    public synchronized List<String> listAttachedPolicies(String accountId, PrincipalKind kind, String principalName) {
        return List.copyOf(state.attachments.getOrDefault(principalKey(accountId, kind, principalName), List.of()));
    }

    @Override
    public synchronized int countAttachments(String policyArn) {
        return (int) state.attachments.values().stream().filter(l -> l.contains(policyArn)).count();
    }

    @Override
    public synchronized int countBoundaryUses(String policyArn) {
        return (int) (state.users.values().stream()
                .filter(u -> u.permissionsBoundaryArn().equals(Optional.of(policyArn))).count()
                + state.roles.values().stream()
                .filter(r -> r.permissionsBoundaryArn().equals(Optional.of(policyArn))).count());
    }

    // ---- inline policies

    @Override
    public synchronized void putInlinePolicy(InlinePolicy policy) {
        state.inline.put(key(policy.accountId(), policy.kind().name(), policy.principalName(), policy.policyName()),
                policy);
    }

    @Override
    public synchronized Optional<InlinePolicy> findInlinePolicy(String accountId, PrincipalKind kind,
                                                                String principalName, String policyName) {
        return Optional.ofNullable(state.inline.get(key(accountId, kind.name(), principalName, policyName)));
    }

    @Override
    public synchronized List<InlinePolicy> listInlinePolicies(String accountId, PrincipalKind kind,
                                                              String principalName) {
        return state.inline.values().stream().filter(p -> p.accountId().equals(accountId) && p.kind() == kind
                        && p.principalName().equalsIgnoreCase(principalName))
                .sorted(Comparator.comparing(InlinePolicy::policyName, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    @Override
    public synchronized boolean deleteInlinePolicy(String accountId, PrincipalKind kind, String principalName,
                                                   String policyName) {
        return state.inline.remove(key(accountId, kind.name(), principalName, policyName)) != null;
    }

    // ---- access keys

    @Override
    public synchronized void insertAccessKey(AccessKey key) {
        if (state.accessKeys.putIfAbsent(key.accessKeyId(), key) != null) {
            throw new DuplicateEntityException("access key exists");
        }
    }

    @Override
    public synchronized Optional<AccessKey> findAccessKey(String accessKeyId) {
        return Optional.ofNullable(state.accessKeys.get(accessKeyId));
    }

    @Override
    public synchronized List<AccessKey> listAccessKeys(String accountId, Optional<String> userName) {
        return state.accessKeys.values().stream().filter(k -> k.accountId().equals(accountId))
                .filter(k -> k.userName().map(n -> n.toLowerCase(Locale.ROOT))
                        .equals(userName.map(n -> n.toLowerCase(Locale.ROOT))))
                .toList();
    }

    @Override
    public synchronized boolean setAccessKeyActive(String accessKeyId, boolean active) {
        AccessKey k = state.accessKeys.get(accessKeyId);
        if (k == null) {
            return false;
        }
        state.accessKeys.put(accessKeyId, new AccessKey(k.accessKeyId(), k.accountId(), k.userName(), active,
                k.createDate(), k.wrappedSecret(), k.lastUsed()));
        return true;
    }

    @Override
    public synchronized boolean deleteAccessKey(String accessKeyId) {
        return state.accessKeys.remove(accessKeyId) != null;
    }

    @Override
    public synchronized void recordAccessKeyUse(String accessKeyId, AccessKey.LastUsed lastUsed) {
        AccessKey k = state.accessKeys.get(accessKeyId);
        if (k != null) {
            state.accessKeys.put(accessKeyId, new AccessKey(k.accessKeyId(), k.accountId(), k.userName(), k.active(),
                    k.createDate(), k.wrappedSecret(), Optional.of(lastUsed)));
        }
    }

    // ---- sessions

    @Override
    public synchronized void insertSession(StsSessionRecord session) {
        if (state.sessions.putIfAbsent(session.accessKeyId(), session) != null) {
            throw new DuplicateEntityException("session exists");
        }
    }

    @Override
    public synchronized Optional<StsSessionRecord> findSession(String accessKeyId) {
        return Optional.ofNullable(state.sessions.get(accessKeyId));
    }

    /** How many sessions are stored, for tests that check a refused AssumeRole issued nothing. */
    public synchronized int sessionCount() {
        return state.sessions.size();
    }

    @Override
    public synchronized int deleteSessionsExpiredBefore(Instant cutoff) {
        int before = state.sessions.size();
        state.sessions.values().removeIf(s -> s.expiresAt().isBefore(cutoff));
        return before - state.sessions.size();
    }
}
