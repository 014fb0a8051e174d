package io.strongroom.protocol.support;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An honest in-memory {@link IdentityRepository} for protocol tests: names are unique and looked
 * up case-insensitively per account, inserts collide with {@link DuplicateEntityException},
 * listings are sorted by name and paged with the next item's name as the marker.
 */
public final class InMemoryIdentityRepository implements IdentityRepository {
    private Organization organization;
    private final Map<String, Account> accounts = new TreeMap<>();
    private final Map<String, User> users = new TreeMap<>();
    private final Map<String, Group> groups = new TreeMap<>();
    private final Map<String, Set<String>> members = new TreeMap<>(); // group key -> user keys
    private final Map<String, Role> roles = new TreeMap<>();
    private final Map<String, ManagedPolicy> policies = new TreeMap<>();
    private final Map<String, Map<String, PolicyVersion>> versions = new TreeMap<>();
    private final Map<String, List<String>> attachments = new TreeMap<>(); // principal key -> policy ARNs
    private final Map<String, InlinePolicy> inlinePolicies = new TreeMap<>();
    private final Map<String, AccessKey> accessKeys = new LinkedHashMap<>();
    private final Map<String, StsSessionRecord> sessions = new TreeMap<>();

    private static String key(String... parts) {
        return String.join("\u0000", parts).toLowerCase(Locale.ROOT);
    }

    private static String principalKey(String accountId, PrincipalKind kind, String name) {
        return key(accountId, kind.name(), name);
    }

    private static <T> Page<T> page(List<T> items, Function<T, String> nameOf, Optional<String> marker, int maxItems) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(nameOf, String.CASE_INSENSITIVE_ORDER));
        List<T> rest = marker.map(m -> sorted.stream().filter(i -> nameOf.apply(i).compareToIgnoreCase(m) >= 0).toList())
                .orElse(sorted);
        if (rest.size() <= maxItems) {
            return new Page<>(rest, Optional.empty());
        }
        return new Page<>(rest.subList(0, maxItems), Optional.of(nameOf.apply(rest.get(maxItems))));
    }

    private static <T> void insert(Map<String, T> map, String key, T value) {
        if (map.putIfAbsent(key, value) != null) {
            throw new DuplicateEntityException("duplicate " + key);
        }
    }

    @Override
    public synchronized void insertOrganization(Organization organization) {
        if (this.organization != null) {
            throw new DuplicateEntityException("organization exists");
        }
        this.organization = organization;
    }

    @Override
    public synchronized Optional<Organization> findOrganization() {
        return Optional.ofNullable(organization);
    }

    @Override
    public synchronized void insertAccount(Account account) {
        insert(accounts, account.id(), account);
    }

    @Override
    public synchronized Optional<Account> findAccount(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    @Override
    public synchronized List<Account> listAccounts() {
        return List.copyOf(accounts.values());
    }

    // ---- users

    @Override
    public synchronized void insertUser(User user) {
        insert(users, key(user.accountId(), user.userName()), user);
    }

    @Override
    public synchronized Optional<User> findUser(String accountId, String userName) {
        return Optional.ofNullable(users.get(key(accountId, userName)));
    }

    @Override
    public synchronized Optional<User> findUserById(String userId) {
        return users.values().stream().filter(u -> u.userId().equals(userId)).findFirst();
    }

    @Override
    public synchronized Page<User> listUsers(String accountId, String pathPrefix, Optional<String> marker, int maxItems) {
        return page(users.values().stream().filter(u -> u.accountId().equals(accountId))
                .filter(u -> u.path().startsWith(pathPrefix)).toList(), User::userName, marker, maxItems);
    }

    @Override
    public synchronized boolean updateUser(String accountId, String userName, String newUserName, String newPath,
                                           String newArn) {
        User old = users.get(key(accountId, userName));
        if (old == null) {
            return false;
        }
        String newKey = key(accountId, newUserName);
        if (!newKey.equals(key(accountId, userName)) && users.containsKey(newKey)) {
            throw new DuplicateEntityException("duplicate user " + newUserName);
        }
        users.remove(key(accountId, userName));
        users.put(newKey, new User(accountId, newUserName, old.userId(), newPath, newArn, old.createDate(),
                old.permissionsBoundaryArn(), old.tags()));
        renamePrincipal(accountId, PrincipalKind.USER, userName, newUserName);
        members.values().forEach(set -> {
            if (set.remove(key(accountId, userName))) {
                set.add(newKey);
            }
        });
        accessKeys.replaceAll((id, k) -> k.accountId().equals(accountId)
                && k.userName().filter(n -> n.equalsIgnoreCase(userName)).isPresent()
                ? new AccessKey(k.accessKeyId(), k.accountId(), Optional.of(newUserName), k.active(), k.createDate(),
                k.wrappedSecret(), k.lastUsed())
                : k);
        return true;
    }

    private void renamePrincipal(String accountId, PrincipalKind kind, String oldName, String newName) {
        List<String> attached = attachments.remove(principalKey(accountId, kind, oldName));
        if (attached != null) {
            attachments.put(principalKey(accountId, kind, newName), attached);
        }
        for (InlinePolicy policy : List.copyOf(inlinePolicies.values())) {
            if (policy.accountId().equals(accountId) && policy.kind() == kind
                    && policy.principalName().equalsIgnoreCase(oldName)) {
                inlinePolicies.remove(key(accountId, kind.name(), oldName, policy.policyName()));
                inlinePolicies.put(key(accountId, kind.name(), newName, policy.policyName()),
                        new InlinePolicy(accountId, kind, newName, policy.policyName(), policy.document()));
            }
        }
    }

    @Override
    public synchronized boolean deleteUser(String accountId, String userName) {
        return users.remove(key(accountId, userName)) != null;
    }

    @Override
    public synchronized boolean setUserTags(String accountId, String userName, Map<String, String> tags) {
        User u = users.get(key(accountId, userName));
        if (u == null) {
            return false;
        }
        users.put(key(accountId, userName), new User(u.accountId(), u.userName(), u.userId(), u.path(), u.arn(),
                u.createDate(), u.permissionsBoundaryArn(), tags));
        return true;
    }

    @Override
    public synchronized boolean setUserPermissionsBoundary(String accountId, String userName, Optional<String> policyArn) {
        User u = users.get(key(accountId, userName));
        if (u == null) {
            return false;
        }
        users.put(key(accountId, userName), new User(u.accountId(), u.userName(), u.userId(), u.path(), u.arn(),
                u.createDate(), policyArn, u.tags()));
        return true;
    }

    // ---- groups

    @Override
    public synchronized void insertGroup(Group group) {
        insert(groups, key(group.accountId(), group.groupName()), group);
    }

    @Override
    public synchronized Optional<Group> findGroup(String accountId, String groupName) {
        return Optional.ofNullable(groups.get(key(accountId, groupName)));
    }

    @Override
    public synchronized Page<Group> listGroups(String accountId, String pathPrefix, Optional<String> marker, int maxItems) {
        return page(groups.values().stream().filter(g -> g.accountId().equals(accountId))
                .filter(g -> g.path().startsWith(pathPrefix)).toList(), Group::groupName, marker, maxItems);
    }

    @Override
    public synchronized boolean deleteGroup(String accountId, String groupName) {
        members.remove(key(accountId, groupName));
        return groups.remove(key(accountId, groupName)) != null;
    }

    @Override
    public synchronized void addUserToGroup(String accountId, String groupName, String userName) {
        members.computeIfAbsent(key(accountId, groupName), k -> new LinkedHashSet<>()).add(key(accountId, userName));
    }

    @Override
    public synchronized boolean removeUserFromGroup(String accountId, String groupName, String userName) {
        Set<String> set = members.get(key(accountId, groupName));
        return set != null && set.remove(key(accountId, userName));
    }

    @Override
    public synchronized List<User> listGroupMembers(String accountId, String groupName) {
        return members.getOrDefault(key(accountId, groupName), Set.of()).stream()
                .map(users::get).filter(u -> u != null).toList();
    }

    @Override
    public synchronized List<Group> listGroupsForUser(String accountId, String userName) {
        String userKey = key(accountId, userName);
        return members.entrySet().stream().filter(e -> e.getValue().contains(userKey))
                .map(e -> groups.get(e.getKey())).filter(g -> g != null).toList();
    }

    // ---- roles

    @Override
    public synchronized void insertRole(Role role) {
        insert(roles, key(role.accountId(), role.roleName()), role);
    }

    @Override
    public synchronized Optional<Role> findRole(String accountId, String roleName) {
        return Optional.ofNullable(roles.get(key(accountId, roleName)));
    }

    @Override
    public synchronized Page<Role> listRoles(String accountId, String pathPrefix, Optional<String> marker, int maxItems) {
        return page(roles.values().stream().filter(r -> r.accountId().equals(accountId))
                .filter(r -> r.path().startsWith(pathPrefix)).toList(), Role::roleName, marker, maxItems);
    }

    private boolean replaceRole(String accountId, String roleName, Function<Role, Role> change) {
        Role r = roles.get(key(accountId, roleName));
        if (r == null) {
            return false;
        }
        roles.put(key(accountId, roleName), change.apply(r));
        return true;
    }

    @Override
    public synchronized boolean updateRole(String accountId, String roleName, Optional<String> description,
                                           int maxSessionDuration) {
        return replaceRole(accountId, roleName, r -> new Role(r.accountId(), r.roleName(), r.roleId(), r.path(), r.arn(),
                r.createDate(), r.assumeRolePolicyDocument(), description, maxSessionDuration,
                r.permissionsBoundaryArn(), r.tags()));
    }

    @Override
    public synchronized boolean updateAssumeRolePolicy(String accountId, String roleName, String document) {
        return replaceRole(accountId, roleName, r -> new Role(r.accountId(), r.roleName(), r.roleId(), r.path(), r.arn(),
                r.createDate(), document, r.description(), r.maxSessionDuration(), r.permissionsBoundaryArn(),
                r.tags()));
    }

    @Override
    public synchronized boolean deleteRole(String accountId, String roleName) {
        return roles.remove(key(accountId, roleName)) != null;
    }

    @Override
    public synchronized boolean setRoleTags(String accountId, String roleName, Map<String, String> tags) {
        return replaceRole(accountId, roleName, r -> new Role(r.accountId(), r.roleName(), r.roleId(), r.path(), r.arn(),
                r.createDate(), r.assumeRolePolicyDocument(), r.description(), r.maxSessionDuration(),
                r.permissionsBoundaryArn(), tags));
    }

    @Override
    public synchronized boolean setRolePermissionsBoundary(String accountId, String roleName, Optional<String> policyArn) {
        return replaceRole(accountId, roleName, r -> new Role(r.accountId(), r.roleName(), r.roleId(), r.path(), r.arn(),
                r.createDate(), r.assumeRolePolicyDocument(), r.description(), r.maxSessionDuration(), policyArn,
                r.tags()));
    }

    // ---- managed policies

    @Override
    public synchronized void insertManagedPolicy(ManagedPolicy policy, PolicyVersion firstVersion) {
        boolean nameTaken = policies.values().stream().anyMatch(p -> p.accountId().equals(policy.accountId())
                && p.policyName().equalsIgnoreCase(policy.policyName()));
        if (nameTaken) {
            throw new DuplicateEntityException("duplicate policy " + policy.policyName());
        }
        insert(policies, policy.arn(), policy);
        versions.put(policy.arn(), new LinkedHashMap<>(Map.of(firstVersion.versionId(), firstVersion)));
    }

    @Override
    public synchronized Optional<ManagedPolicy> findManagedPolicy(String policyArn) {
        return Optional.ofNullable(policies.get(policyArn));
    }

    @Override
    public synchronized Page<ManagedPolicy> listManagedPolicies(String accountId, String scope, boolean onlyAttached,
                                                                String pathPrefix, Optional<String> marker,
                                                                int maxItems) {
        List<ManagedPolicy> visible = policies.values().stream()
                .filter(p -> switch (scope) {
                    case "Local" -> p.accountId().equals(accountId);
                    case "AWS" -> p.awsManaged();
                    default -> p.accountId().equals(accountId) || p.awsManaged();
                })
                .filter(p -> p.path().startsWith(pathPrefix))
                .filter(p -> !onlyAttached || countAttachments(p.arn()) > 0)
                .toList();
        return page(visible, ManagedPolicy::policyName, marker, maxItems);
    }

    @Override
    public synchronized boolean deleteManagedPolicy(String policyArn) {
        versions.remove(policyArn);
        return policies.remove(policyArn) != null;
    }

    @Override
    public synchronized void insertPolicyVersion(PolicyVersion version) {
        insert(versions.computeIfAbsent(version.policyArn(), k -> new LinkedHashMap<>()), version.versionId(), version);
    }

    @Override
    public synchronized Optional<PolicyVersion> findPolicyVersion(String policyArn, String versionId) {
        return Optional.ofNullable(versions.getOrDefault(policyArn, Map.of()).get(versionId));
    }

    @Override
    public synchronized List<PolicyVersion> listPolicyVersions(String policyArn) {
        List<PolicyVersion> list = new ArrayList<>(versions.getOrDefault(policyArn, Map.of()).values());
        list.sort(Comparator.comparing(PolicyVersion::createDate).thenComparing(PolicyVersion::versionId).reversed());
        return list;
    }

    @Override
    public synchronized boolean deletePolicyVersion(String policyArn, String versionId) {
        return versions.getOrDefault(policyArn, new LinkedHashMap<>()).remove(versionId) != null;
    }

    @Override
    public synchronized boolean setDefaultPolicyVersion(String policyArn, String versionId, Instant updateDate) {
        Map<String, PolicyVersion> all = versions.get(policyArn);
        ManagedPolicy p = policies.get(policyArn);
        if (all == null || p == null || !all.containsKey(versionId)) {
            return false;
        }
        all.replaceAll((id, v) -> new PolicyVersion(v.policyArn(), v.versionId(), v.document(), id.equals(versionId),
                v.createDate()));
        policies.put(policyArn, new ManagedPolicy(p.arn(), p.accountId(), p.policyName(), p.policyId(), p.path(),
                p.description(), versionId, p.createDate(), updateDate));
        return true;
    }

    // ---- attachments

    @Override
    public synchronized void attachPolicy(String accountId, PrincipalKind kind, String principalName, String policyArn) {
        List<String> list = attachments.computeIfAbsent(principalKey(accountId, kind, principalName), k -> new ArrayList<>());
        if (!list.contains(policyArn)) {
            list.add(policyArn);
        }
    }

    @Override
    public synchronized boolean detachPolicy(String accountId, PrincipalKind kind, String principalName, String policyArn) {
        return attachments.getOrDefault(principalKey(accountId, kind, principalName), new ArrayList<>()).remove(policyArn);
    }

    @Override
    public synchronized List<String> listAttachedPolicies(String accountId, PrincipalKind kind, String principalName) {
        return List.copyOf(attachments.getOrDefault(principalKey(accountId, kind, principalName), List.of()));
    }

    @Override
    public synchronized int countAttachments(String policyArn) {
        return (int) attachments.values().stream().filter(list -> list.contains(policyArn)).count();
    }

    @Override
    public synchronized int countBoundaryUses(String policyArn) {
        Optional<String> arn = Optional.of(policyArn);
        return (int) (users.values().stream().filter(u -> u.permissionsBoundaryArn().equals(arn)).count()
                + roles.values().stream().filter(r -> r.permissionsBoundaryArn().equals(arn)).count());
    }

    // ---- inline policies

    @Override
    public synchronized void putInlinePolicy(InlinePolicy policy) {
        inlinePolicies.put(key(policy.accountId(), policy.kind().name(), policy.principalName(), policy.policyName()),
                policy);
    }

    @Override
    public synchronized Optional<InlinePolicy> findInlinePolicy(String accountId, PrincipalKind kind, String principalName,
                                                                String policyName) {
        return Optional.ofNullable(inlinePolicies.get(key(accountId, kind.name(), principalName, policyName)));
    }

    @Override
    public synchronized List<InlinePolicy> listInlinePolicies(String accountId, PrincipalKind kind, String principalName) {
        return inlinePolicies.values().stream().filter(p -> p.accountId().equals(accountId) && p.kind() == kind
                && p.principalName().equalsIgnoreCase(principalName)).toList();
    }

    @Override
    public synchronized boolean deleteInlinePolicy(String accountId, PrincipalKind kind, String principalName,
                                                   String policyName) {
        return inlinePolicies.remove(key(accountId, kind.name(), principalName, policyName)) != null;
    }

    // ---- access keys

    @Override
    public synchronized void insertAccessKey(AccessKey key) {
        insert(accessKeys, key.accessKeyId(), key);
    }

    @Override
    public synchronized Optional<AccessKey> findAccessKey(String accessKeyId) {
        return Optional.ofNullable(accessKeys.get(accessKeyId));
    }

    @Override
    public synchronized List<AccessKey> listAccessKeys(String accountId, Optional<String> userName) {
        return accessKeys.values().stream().filter(k -> k.accountId().equals(accountId))
                .filter(k -> userName.isEmpty() ? k.userName().isEmpty()
                        : k.userName().filter(n -> n.equalsIgnoreCase(userName.get())).isPresent())
                .toList();
    }

    @Override
    public synchronized boolean setAccessKeyActive(String accessKeyId, boolean active) {
        AccessKey k = accessKeys.get(accessKeyId);
        if (k == null) {
            return false;
        }
        accessKeys.put(accessKeyId, new AccessKey(k.accessKeyId(), k.accountId(), k.userName(), active, k.createDate(),
                k.wrappedSecret(), k.lastUsed()));
        return true;
    }

    @Override
    public synchronized boolean deleteAccessKey(String accessKeyId) {
        return accessKeys.remove(accessKeyId) != null;
    }

    @Override
    public synchronized void recordAccessKeyUse(String accessKeyId, AccessKey.LastUsed lastUsed) {
        AccessKey k = accessKeys.get(accessKeyId);
        if (k != null) {
            accessKeys.put(accessKeyId, new AccessKey(k.accessKeyId(), k.accountId(), k.userName(), k.active(),
                    k.createDate(), k.wrappedSecret(), Optional.of(lastUsed)));
        }
    }

    // ---- STS sessions

    @Override
    public synchronized void insertSession(StsSessionRecord session) {
        insert(sessions, session.accessKeyId(), session);
    }

    @Override
    public synchronized Optional<StsSessionRecord> findSession(String accessKeyId) {
        return Optional.ofNullable(sessions.get(accessKeyId));
    }

    @Override
    public synchronized int deleteSessionsExpiredBefore(Instant cutoff) {
        int before = sessions.size();
        sessions.values().removeIf(s -> s.expiresAt().isBefore(cutoff));
        return before - sessions.size();
    }
}
