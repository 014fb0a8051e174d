package io.strongroom.store.jdbc.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.identity.AccessKey;
import io.strongroom.iam.identity.Account;
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
import io.strongroom.store.jdbc.JdbcTransactor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link IdentityRepository} over JDBC, on SQLite or PostgreSQL alike. Each method is atomic (its
 * own transaction, or a savepoint inside the caller's); the work is split by entity into the
 * {@code *Rows} classes of this package. Timestamps are kept to the millisecond.
 *
 * <p>Operations that name a principal which does not exist where the interface has no way to say
 * so (attach, add to group, put inline policy, insert an access key for a user) throw
 * {@link IllegalArgumentException} and change nothing; callers check existence first.
 */
public final class JdbcIdentityRepository implements IdentityRepository {
    private final OrganizationRows organizations;
    private final UserRows users;
    private final GroupRows groups;
    private final RoleRows roles;
    private final ManagedPolicyRows policies;
    private final AttachmentRows attachments;
    private final InlinePolicyRows inlinePolicies;
    private final AccessKeyRows accessKeys;
    private final StsSessionRows sessions;

    public JdbcIdentityRepository(JdbcTransactor transactor) {
        requireNonNull(transactor, "transactor");
        this.organizations = new OrganizationRows(transactor);
        this.users = new UserRows(transactor);
        this.groups = new GroupRows(transactor);
        this.roles = new RoleRows(transactor);
        this.policies = new ManagedPolicyRows(transactor);
        this.attachments = new AttachmentRows(transactor);
        this.inlinePolicies = new InlinePolicyRows(transactor);
        this.accessKeys = new AccessKeyRows(transactor);
        this.sessions = new StsSessionRows(transactor);
    }

    // ---- organization and accounts

    @Override
    public void insertOrganization(Organization organization) {
        organizations.insertOrganization(organization);
    }

    @Override
    public Optional<Organization> findOrganization() {
        return organizations.findOrganization();
    }

    @Override
    public void insertAccount(Account account) {
        organizations.insertAccount(account);
    }

    @Override
    public Optional<Account> findAccount(String accountId) {
        return organizations.findAccount(accountId);
    }

    @Override
    public List<Account> listAccounts() {
        return organizations.listAccounts();
    }

    // ---- users

    @Override
    public void insertUser(User user) {
        users.insert(user);
    }

    @Override
    public Optional<User> findUser(String accountId, String userName) {
        return users.find(accountId, userName);
    }

    @Override
    public Optional<User> findUserById(String userId) {
        return users.findById(userId);
    }

    @Override
    public Page<User> listUsers(String accountId, String pathPrefix, Optional<String> marker, int maxItems) {
        return users.list(accountId, pathPrefix, marker, maxItems);
    }

    @Override
    public boolean updateUser(String accountId, String userName, String newUserName, String newPath, String newArn) {
        return users.update(accountId, userName, newUserName, newPath, newArn);
    }

    @Override
    public boolean deleteUser(String accountId, String userName) {
        return users.delete(accountId, userName);
    }

    @Override
    public boolean setUserTags(String accountId, String userName, Map<String, String> tags) {
        return users.setTags(accountId, userName, tags);
    }

    @Override
    public boolean setUserPermissionsBoundary(String accountId, String userName, Optional<String> policyArn) {
        return users.setPermissionsBoundary(accountId, userName, policyArn);
    }

    // ---- groups and membership

    @Override
    public void insertGroup(Group group) {
        groups.insert(group);
    }

    @Override
    public Optional<Group> findGroup(String accountId, String groupName) {
        return groups.find(accountId, groupName);
    }

    @Override
    public Page<Group> listGroups(String accountId, String pathPrefix, Optional<String> marker, int maxItems) {
        return groups.list(accountId, pathPrefix, marker, maxItems);
    }

    @Override
    public boolean deleteGroup(String accountId, String groupName) {
        return groups.delete(accountId, groupName);
    }

    @Override
    public void addUserToGroup(String accountId, String groupName, String userName) {
        groups.addMember(accountId, groupName, userName);
    }

    @Override
    public boolean removeUserFromGroup(String accountId, String groupName, String userName) {
        return groups.removeMember(accountId, groupName, userName);
    }

    @Override
    public List<User> listGroupMembers(String accountId, String groupName) {
        return groups.members(accountId, groupName);
    }

    @Override
    public List<Group> listGroupsForUser(String accountId, String userName) {
        return groups.groupsOf(accountId, userName);
    }

    // ---- roles

    @Override
    public void insertRole(Role role) {
        roles.insert(role);
    }

    @Override
    public Optional<Role> findRole(String accountId, String roleName) {
        return roles.find(accountId, roleName);
    }

    @Override
    public Page<Role> listRoles(String accountId, String pathPrefix, Optional<String> marker, int maxItems) {
        return roles.list(accountId, pathPrefix, marker, maxItems);
    }

    @Override
    public boolean updateRole(String accountId, String roleName, Optional<String> description, int maxSessionDuration) {
        return roles.update(accountId, roleName, description, maxSessionDuration);
    }

    @Override
    public boolean updateAssumeRolePolicy(String accountId, String roleName, String document) {
        return roles.updateAssumeRolePolicy(accountId, roleName, document);
    }

    @Override
    public boolean deleteRole(String accountId, String roleName) {
        return roles.delete(accountId, roleName);
    }

    @Override
    public boolean setRoleTags(String accountId, String roleName, Map<String, String> tags) {
        return roles.setTags(accountId, roleName, tags);
    }

    @Override
    public boolean setRolePermissionsBoundary(String accountId, String roleName, Optional<String> policyArn) {
        return roles.setPermissionsBoundary(accountId, roleName, policyArn);
    }

    // ---- managed policies and their versions

    @Override
    public void insertManagedPolicy(ManagedPolicy policy, PolicyVersion firstVersion) {
        policies.insert(policy, firstVersion);
    }

    @Override
    public Optional<ManagedPolicy> findManagedPolicy(String policyArn) {
        return policies.find(policyArn);
    }

    @Override
    public Page<ManagedPolicy> listManagedPolicies(String accountId, String scope, boolean onlyAttached, String pathPrefix,
                                                   Optional<String> marker, int maxItems) {
        return policies.list(accountId, scope, onlyAttached, pathPrefix, marker, maxItems);
    }

    @Override
    public boolean deleteManagedPolicy(String policyArn) {
        return policies.delete(policyArn);
    }

    @Override
    public Optional<PolicyVersion> insertPolicyVersion(String policyArn, String document, boolean asDefault,
                                                       Instant createDate) {
        return policies.insertNextVersion(policyArn, document, asDefault, createDate);
    }

    @Override
    public Optional<PolicyVersion> findPolicyVersion(String policyArn, String versionId) {
        return policies.findVersion(policyArn, versionId);
    }

    @Override
    public List<PolicyVersion> listPolicyVersions(String policyArn) {
        return policies.listVersions(policyArn);
    }

    @Override
    public boolean deletePolicyVersion(String policyArn, String versionId) {
        return policies.deleteVersion(policyArn, versionId);
    }

    @Override
    public boolean setDefaultPolicyVersion(String policyArn, String versionId, Instant updateDate) {
        return policies.setDefaultVersion(policyArn, versionId, updateDate);
    }

    // ---- attachments of managed policies

    @Override
    public void attachPolicy(String accountId, PrincipalKind kind, String principalName, String policyArn) {
        attachments.attach(accountId, kind, principalName, policyArn);
    }

    @Override
    public boolean detachPolicy(String accountId, PrincipalKind kind, String principalName, String policyArn) {
        return attachments.detach(accountId, kind, principalName, policyArn);
    }

    @Override
    public List<String> listAttachedPolicies(String accountId, PrincipalKind kind, String principalName) {
        return attachments.list(accountId, kind, principalName);
    }

    @Override
    public int countAttachments(String policyArn) {
        return attachments.countAttachments(policyArn);
    }

    @Override
    public int countBoundaryUses(String policyArn) {
        return attachments.countBoundaryUses(policyArn);
    }

    // ---- inline policies

    @Override
    public void putInlinePolicy(InlinePolicy policy) {
        inlinePolicies.put(policy);
    }

    @Override
    public Optional<InlinePolicy> findInlinePolicy(String accountId, PrincipalKind kind, String principalName, String policyName) {
        return inlinePolicies.find(accountId, kind, principalName, policyName);
    }

    @Override
    public List<InlinePolicy> listInlinePolicies(String accountId, PrincipalKind kind, String principalName) {
        return inlinePolicies.list(accountId, kind, principalName);
    }

    @Override
    public boolean deleteInlinePolicy(String accountId, PrincipalKind kind, String principalName, String policyName) {
        return inlinePolicies.delete(accountId, kind, principalName, policyName);
    }

    // ---- access keys

    @Override
    public void insertAccessKey(AccessKey key) {
        accessKeys.insert(key);
    }

    @Override
    public Optional<AccessKey> findAccessKey(String accessKeyId) {
        return accessKeys.find(accessKeyId);
    }

    @Override
    public List<AccessKey> listAccessKeys(String accountId, Optional<String> userName) {
        return accessKeys.list(accountId, userName);
    }

    @Override
    public boolean setAccessKeyActive(String accessKeyId, boolean active) {
        return accessKeys.setActive(accessKeyId, active);
    }

    @Override
    public boolean deleteAccessKey(String accessKeyId) {
        return accessKeys.delete(accessKeyId);
    }

    @Override
    public void recordAccessKeyUse(String accessKeyId, AccessKey.LastUsed lastUsed) {
        accessKeys.recordUse(accessKeyId, lastUsed);
    }

    // ---- STS sessions

    @Override
    public void insertSession(StsSessionRecord session) {
        sessions.insert(session);
    }

    @Override
    public Optional<StsSessionRecord> findSession(String accessKeyId) {
        return sessions.find(accessKeyId);
    }

    @Override
    public int deleteSessionsExpiredBefore(Instant cutoff) {
        return sessions.deleteExpiredBefore(cutoff);
    }
}
