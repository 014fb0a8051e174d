package io.strongroom.iam.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.RootKeyProvider;
import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.auth.CallContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The IAM API as plain Java: one method per IAM operation, taking the caller and typed arguments
 * and returning model records. Every method authorises the caller first ({@code iam:<Operation>}
 * on the resource IAM documents) and then performs its checks and writes in one transaction, so a
 * failed call changes nothing. Failures are {@link io.strongroom.core.AwsException}s carrying IAM's
 * error codes.
 *
 * <p>Optional arguments are the request parameters a caller may leave out; IAM's defaults apply.
 */
public final class IdentityService {

    private final UserOperations users;
    private final GroupOperations groups;
    private final RoleOperations roles;
    private final AccessKeyOperations accessKeys;
    private final InlinePolicyOperations inlinePolicies;
    private final ManagedPolicyOperations managedPolicies;
    private final PolicyAttachmentOperations attachments;
    private final TagOperations tags;
    private final PermissionsBoundaryOperations boundaries;
    private final AuthorizationDetailsQuery authorizationDetails;

    /**
     * @param changeListeners told after every committed change (this node's caches: the
     *                        authorizer's policies, the credential resolver's keys)
     */
    public IdentityService(IdentityRepository repository, Transactor transactor, RootKeyProvider rootKeys,
                           AccessAuthorizer authorizer, Clock clock, List<IdentityChangeListener> changeListeners) {
        requireNonNull(repository, "repository");
        requireNonNull(clock, "clock");
        GuardedOperations guard = new GuardedOperations(authorizer, transactor, changeListeners);
        this.users = new UserOperations(repository, guard, clock);
        this.groups = new GroupOperations(repository, guard, clock);
        this.roles = new RoleOperations(repository, guard, clock);
        this.accessKeys = new AccessKeyOperations(repository, guard, rootKeys, clock);
        this.inlinePolicies = new InlinePolicyOperations(repository, guard);
        this.managedPolicies = new ManagedPolicyOperations(repository, guard, clock);
        this.attachments = new PolicyAttachmentOperations(repository, guard);
        this.tags = new TagOperations(repository, guard);
        this.boundaries = new PermissionsBoundaryOperations(repository, guard);
        this.authorizationDetails = new AuthorizationDetailsQuery(repository, guard, attachments, managedPolicies);
    }

    // ---- users

    public User createUser(CallContext call, String userName, Optional<String> path,
                           Optional<String> permissionsBoundaryArn, List<Tag> tags) {
        return users.create(call, userName, path, permissionsBoundaryArn, tags);
    }

    /**
     * Without a name, the caller's own user. For the account root the answer is a user record whose
     * name is empty, whose id is the account id and whose ARN is the root ARN.
     */
    public User getUser(CallContext call, Optional<String> userName) {
        return users.get(call, userName);
    }

    public Page<User> listUsers(CallContext call, Optional<String> pathPrefix, PageRequest page) {
        return users.list(call, pathPrefix, page);
    }

    public void updateUser(CallContext call, String userName, Optional<String> newUserName, Optional<String> newPath) {
        users.update(call, userName, newUserName, newPath);
    }

    public void deleteUser(CallContext call, String userName) {
        users.delete(call, userName);
    }

    // ---- groups

    public Group createGroup(CallContext call, String groupName, Optional<String> path) {
        return groups.create(call, groupName, path);
    }

    public GroupWithMembers getGroup(CallContext call, String groupName, PageRequest page) {
        return groups.get(call, groupName, page);
    }

    public Page<Group> listGroups(CallContext call, Optional<String> pathPrefix, PageRequest page) {
        return groups.list(call, pathPrefix, page);
    }

    public void deleteGroup(CallContext call, String groupName) {
        groups.delete(call, groupName);
    }

    public void addUserToGroup(CallContext call, String groupName, String userName) {
        groups.addUser(call, groupName, userName);
    }

    public void removeUserFromGroup(CallContext call, String groupName, String userName) {
        groups.removeUser(call, groupName, userName);
    }

    public Page<Group> listGroupsForUser(CallContext call, String userName, PageRequest page) {
        return groups.listForUser(call, userName, page);
    }

    // ---- roles

    public Role createRole(CallContext call, String roleName, String assumeRolePolicyDocument, Optional<String> path,
                           Optional<String> description, Optional<Integer> maxSessionDuration,
                           Optional<String> permissionsBoundaryArn, List<Tag> tags) {
        return roles.create(call, roleName, assumeRolePolicyDocument, path, description, maxSessionDuration,
                permissionsBoundaryArn, tags);
    }

    public Role getRole(CallContext call, String roleName) {
        return roles.get(call, roleName);
    }

    public Page<Role> listRoles(CallContext call, Optional<String> pathPrefix, PageRequest page) {
        return roles.list(call, pathPrefix, page);
    }

    public void updateRole(CallContext call, String roleName, Optional<String> description,
                           Optional<Integer> maxSessionDuration) {
        roles.update(call, roleName, description, maxSessionDuration);
    }

    public void updateAssumeRolePolicy(CallContext call, String roleName, String policyDocument) {
        roles.updateAssumeRolePolicy(call, roleName, policyDocument);
    }

    public void deleteRole(CallContext call, String roleName) {
        roles.delete(call, roleName);
    }

    // ---- access keys (an empty user name means the caller's own user, or the root's keys)

    public CreatedAccessKey createAccessKey(CallContext call, Optional<String> userName) {
        return accessKeys.create(call, userName);
    }

    public List<AccessKey> listAccessKeys(CallContext call, Optional<String> userName) {
        return accessKeys.list(call, userName);
    }

    /** @param status {@code Active} or {@code Inactive} */
    public void updateAccessKey(CallContext call, Optional<String> userName, String accessKeyId, String status) {
        accessKeys.update(call, userName, accessKeyId, status);
    }

    public void deleteAccessKey(CallContext call, Optional<String> userName, String accessKeyId) {
        accessKeys.delete(call, userName, accessKeyId);
    }

    public AccessKeyLastUsedInfo getAccessKeyLastUsed(CallContext call, String accessKeyId) {
        return accessKeys.lastUsed(call, accessKeyId);
    }

    // ---- inline policies

    public void putUserPolicy(CallContext call, String userName, String policyName, String policyDocument) {
        inlinePolicies.put(call, PrincipalKind.USER, userName, policyName, policyDocument);
    }

    public InlinePolicy getUserPolicy(CallContext call, String userName, String policyName) {
        return inlinePolicies.get(call, PrincipalKind.USER, userName, policyName);
    }

    public Page<String> listUserPolicies(CallContext call, String userName, PageRequest page) {
        return inlinePolicies.list(call, PrincipalKind.USER, userName, page);
    }

    public void deleteUserPolicy(CallContext call, String userName, String policyName) {
        inlinePolicies.delete(call, PrincipalKind.USER, userName, policyName);
    }

    public void putGroupPolicy(CallContext call, String groupName, String policyName, String policyDocument) {
        inlinePolicies.put(call, PrincipalKind.GROUP, groupName, policyName, policyDocument);
    }

    public InlinePolicy getGroupPolicy(CallContext call, String groupName, String policyName) {
        return inlinePolicies.get(call, PrincipalKind.GROUP, groupName, policyName);
    }

    public Page<String> listGroupPolicies(CallContext call, String groupName, PageRequest page) {
        return inlinePolicies.list(call, PrincipalKind.GROUP, groupName, page);
    }

    public void deleteGroupPolicy(CallContext call, String groupName, String policyName) {
        inlinePolicies.delete(call, PrincipalKind.GROUP, groupName, policyName);
    }

    public void putRolePolicy(CallContext call, String roleName, String policyName, String policyDocument) {
        inlinePolicies.put(call, PrincipalKind.ROLE, roleName, policyName, policyDocument);
    }

    public InlinePolicy getRolePolicy(CallContext call, String roleName, String policyName) {
        return inlinePolicies.get(call, PrincipalKind.ROLE, roleName, policyName);
    }

    public Page<String> listRolePolicies(CallContext call, String roleName, PageRequest page) {
        return inlinePolicies.list(call, PrincipalKind.ROLE, roleName, page);
    }

    public void deleteRolePolicy(CallContext call, String roleName, String policyName) {
        inlinePolicies.delete(call, PrincipalKind.ROLE, roleName, policyName);
    }

    // ---- managed policies and versions

    public PolicyInfo createPolicy(CallContext call, String policyName, String policyDocument, Optional<String> path,
                                   Optional<String> description) {
        return managedPolicies.create(call, policyName, policyDocument, path, description);
    }

    public PolicyInfo getPolicy(CallContext call, String policyArn) {
        return managedPolicies.get(call, policyArn);
    }

    /** @param scope {@code All} (default), {@code AWS} or {@code Local} */
    public Page<PolicyInfo> listPolicies(CallContext call, Optional<String> scope, boolean onlyAttached,
                                         Optional<String> pathPrefix, PageRequest page) {
        return managedPolicies.list(call, scope, onlyAttached, pathPrefix, page);
    }

    public void deletePolicy(CallContext call, String policyArn) {
        managedPolicies.delete(call, policyArn);
    }

    public PolicyVersion createPolicyVersion(CallContext call, String policyArn, String policyDocument,
                                             boolean setAsDefault) {
        return managedPolicies.createVersion(call, policyArn, policyDocument, setAsDefault);
    }

    public PolicyVersion getPolicyVersion(CallContext call, String policyArn, String versionId) {
        return managedPolicies.getVersion(call, policyArn, versionId);
    }

    /** Newest first. */
    public List<PolicyVersion> listPolicyVersions(CallContext call, String policyArn) {
        return managedPolicies.listVersions(call, policyArn);
    }

    public void deletePolicyVersion(CallContext call, String policyArn, String versionId) {
        managedPolicies.deleteVersion(call, policyArn, versionId);
    }

    public void setDefaultPolicyVersion(CallContext call, String policyArn, String versionId) {
        managedPolicies.setDefaultVersion(call, policyArn, versionId);
    }

    // ---- attachments

    public void attachUserPolicy(CallContext call, String userName, String policyArn) {
        attachments.attach(call, PrincipalKind.USER, userName, policyArn);
    }

    public void detachUserPolicy(CallContext call, String userName, String policyArn) {
        attachments.detach(call, PrincipalKind.USER, userName, policyArn);
    }

    public Page<AttachedPolicy> listAttachedUserPolicies(CallContext call, String userName,
                                                         Optional<String> pathPrefix, PageRequest page) {
        return attachments.list(call, PrincipalKind.USER, userName, pathPrefix, page);
    }

    public void attachGroupPolicy(CallContext call, String groupName, String policyArn) {
        attachments.attach(call, PrincipalKind.GROUP, groupName, policyArn);
    }

    public void detachGroupPolicy(CallContext call, String groupName, String policyArn) {
        attachments.detach(call, PrincipalKind.GROUP, groupName, policyArn);
    }

    public Page<AttachedPolicy> listAttachedGroupPolicies(CallContext call, String groupName,
                                                          Optional<String> pathPrefix, PageRequest page) {
        return attachments.list(call, PrincipalKind.GROUP, groupName, pathPrefix, page);
    }

    public void attachRolePolicy(CallContext call, String roleName, String policyArn) {
        attachments.attach(call, PrincipalKind.ROLE, roleName, policyArn);
    }

    public void detachRolePolicy(CallContext call, String roleName, String policyArn) {
        attachments.detach(call, PrincipalKind.ROLE, roleName, policyArn);
    }

    public Page<AttachedPolicy> listAttachedRolePolicies(CallContext call, String roleName,
                                                         Optional<String> pathPrefix, PageRequest page) {
        return attachments.list(call, PrincipalKind.ROLE, roleName, pathPrefix, page);
    }

    // ---- tags

    public void tagUser(CallContext call, String userName, List<Tag> tags) {
        this.tags.tag(call, PrincipalKind.USER, userName, tags);
    }

    public void untagUser(CallContext call, String userName, List<String> tagKeys) {
        this.tags.untag(call, PrincipalKind.USER, userName, tagKeys);
    }

    /** Sorted by key. */
    public Page<Tag> listUserTags(CallContext call, String userName, PageRequest page) {
        return this.tags.list(call, PrincipalKind.USER, userName, page);
    }

    public void tagRole(CallContext call, String roleName, List<Tag> tags) {
        this.tags.tag(call, PrincipalKind.ROLE, roleName, tags);
    }

    public void untagRole(CallContext call, String roleName, List<String> tagKeys) {
        this.tags.untag(call, PrincipalKind.ROLE, roleName, tagKeys);
    }

    public Page<Tag> listRoleTags(CallContext call, String roleName, PageRequest page) {
        return this.tags.list(call, PrincipalKind.ROLE, roleName, page);
    }

    // ---- permissions boundaries

    public void putUserPermissionsBoundary(CallContext call, String userName, String policyArn) {
        boundaries.put(call, PrincipalKind.USER, userName, policyArn);
    }

    public void deleteUserPermissionsBoundary(CallContext call, String userName) {
        boundaries.delete(call, PrincipalKind.USER, userName);
    }

    public void putRolePermissionsBoundary(CallContext call, String roleName, String policyArn) {
        boundaries.put(call, PrincipalKind.ROLE, roleName, policyArn);
    }

    public void deleteRolePermissionsBoundary(CallContext call, String roleName) {
        boundaries.delete(call, PrincipalKind.ROLE, roleName);
    }

    // ---- account

    /** @param filter the entity types to include; empty means all */
    public AccountAuthorizationDetails getAccountAuthorizationDetails(
            CallContext call, Set<AccountAuthorizationDetails.EntityType> filter) {
        return authorizationDetails.get(call, filter);
    }
}
