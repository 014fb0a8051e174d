package io.strongroom.iam.identity;

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

    public IdentityService(IdentityRepository repository, Transactor transactor, RootKeyProvider rootKeys,
                           AccessAuthorizer authorizer, Clock clock, List<IdentityChangeListener> changeListeners) {
    }

    private static <T> T todo() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    // ---- users

    public User createUser(CallContext call, String userName, Optional<String> path,
                           Optional<String> permissionsBoundaryArn, List<Tag> tags) {
        return todo();
    }

    /**
     * Without a name, the caller's own user. For the account root the answer is a user record whose
     * name is empty, whose id is the account id and whose ARN is the root ARN.
     */
    public User getUser(CallContext call, Optional<String> userName) {
        return todo();
    }

    public Page<User> listUsers(CallContext call, Optional<String> pathPrefix, PageRequest page) {
        return todo();
    }

    public void updateUser(CallContext call, String userName, Optional<String> newUserName, Optional<String> newPath) {
        todo();
    }

    public void deleteUser(CallContext call, String userName) {
        todo();
    }

    // ---- groups

    public Group createGroup(CallContext call, String groupName, Optional<String> path) {
        return todo();
    }

    public GroupWithMembers getGroup(CallContext call, String groupName, PageRequest page) {
        return todo();
    }

    public Page<Group> listGroups(CallContext call, Optional<String> pathPrefix, PageRequest page) {
        return todo();
    }

    public void deleteGroup(CallContext call, String groupName) {
        todo();
    }

    public void addUserToGroup(CallContext call, String groupName, String userName) {
        todo();
    }

    public void removeUserFromGroup(CallContext call, String groupName, String userName) {
        todo();
    }

    public Page<Group> listGroupsForUser(CallContext call, String userName, PageRequest page) {
        return todo();
    }

    // ---- roles

    public Role createRole(CallContext call, String roleName, String assumeRolePolicyDocument, Optional<String> path,
                           Optional<String> description, Optional<Integer> maxSessionDuration,
                           Optional<String> permissionsBoundaryArn, List<Tag> tags) {
        return todo();
    }

    public Role getRole(CallContext call, String roleName) {
        return todo();
    }

    public Page<Role> listRoles(CallContext call, Optional<String> pathPrefix, PageRequest page) {
        return todo();
    }

    public void updateRole(CallContext call, String roleName, Optional<String> description,
                           Optional<Integer> maxSessionDuration) {
        todo();
    }

    public void updateAssumeRolePolicy(CallContext call, String roleName, String policyDocument) {
        todo();
    }

    public void deleteRole(CallContext call, String roleName) {
        todo();
    }

    // ---- access keys (an empty user name means the caller's own user, or the root's keys)

    public CreatedAccessKey createAccessKey(CallContext call, Optional<String> userName) {
        return todo();
    }

    public List<AccessKey> listAccessKeys(CallContext call, Optional<String> userName) {
        return todo();
    }

    /** @param status {@code Active} or {@code Inactive} */
    public void updateAccessKey(CallContext call, Optional<String> userName, String accessKeyId, String status) {
        todo();
    }

    public void deleteAccessKey(CallContext call, Optional<String> userName, String accessKeyId) {
        todo();
    }

    public AccessKeyLastUsedInfo getAccessKeyLastUsed(CallContext call, String accessKeyId) {
        return todo();
    }

    // ---- inline policies

    public void putUserPolicy(CallContext call, String userName, String policyName, String policyDocument) {
        todo();
    }

    public InlinePolicy getUserPolicy(CallContext call, String userName, String policyName) {
        return todo();
    }

    public Page<String> listUserPolicies(CallContext call, String userName, PageRequest page) {
        return todo();
    }

    public void deleteUserPolicy(CallContext call, String userName, String policyName) {
        todo();
    }

    public void putGroupPolicy(CallContext call, String groupName, String policyName, String policyDocument) {
        todo();
    }

    public InlinePolicy getGroupPolicy(CallContext call, String groupName, String policyName) {
        return todo();
    }

    public Page<String> listGroupPolicies(CallContext call, String groupName, PageRequest page) {
        return todo();
    }

    public void deleteGroupPolicy(CallContext call, String groupName, String policyName) {
        todo();
    }

    public void putRolePolicy(CallContext call, String roleName, String policyName, String policyDocument) {
        todo();
    }

    public InlinePolicy getRolePolicy(CallContext call, String roleName, String policyName) {
        return todo();
    }

    public Page<String> listRolePolicies(CallContext call, String roleName, PageRequest page) {
        return todo();
    }

    public void deleteRolePolicy(CallContext call, String roleName, String policyName) {
        todo();
    }

    // ---- managed policies and versions

    public PolicyInfo createPolicy(CallContext call, String policyName, String policyDocument, Optional<String> path,
                                   Optional<String> description) {
        return todo();
    }

    public PolicyInfo getPolicy(CallContext call, String policyArn) {
        return todo();
    }

    /** @param scope {@code All} (default), {@code AWS} or {@code Local} */
    public Page<PolicyInfo> listPolicies(CallContext call, Optional<String> scope, boolean onlyAttached,
                                         Optional<String> pathPrefix, PageRequest page) {
        return todo();
    }

    public void deletePolicy(CallContext call, String policyArn) {
        todo();
    }

    public PolicyVersion createPolicyVersion(CallContext call, String policyArn, String policyDocument,
                                             boolean setAsDefault) {
        return todo();
    }

    public PolicyVersion getPolicyVersion(CallContext call, String policyArn, String versionId) {
        return todo();
    }

    /** Newest first. */
    public List<PolicyVersion> listPolicyVersions(CallContext call, String policyArn) {
        return todo();
    }

    public void deletePolicyVersion(CallContext call, String policyArn, String versionId) {
        todo();
    }

    public void setDefaultPolicyVersion(CallContext call, String policyArn, String versionId) {
        todo();
    }

    // ---- attachments

    public void attachUserPolicy(CallContext call, String userName, String policyArn) {
        todo();
    }

    public void detachUserPolicy(CallContext call, String userName, String policyArn) {
        todo();
    }

    public Page<AttachedPolicy> listAttachedUserPolicies(CallContext call, String userName,
                                                         Optional<String> pathPrefix, PageRequest page) {
        return todo();
    }

    public void attachGroupPolicy(CallContext call, String groupName, String policyArn) {
        todo();
    }

    public void detachGroupPolicy(CallContext call, String groupName, String policyArn) {
        todo();
    }

    public Page<AttachedPolicy> listAttachedGroupPolicies(CallContext call, String groupName,
                                                          Optional<String> pathPrefix, PageRequest page) {
        return todo();
    }

    public void attachRolePolicy(CallContext call, String roleName, String policyArn) {
        todo();
    }

    public void detachRolePolicy(CallContext call, String roleName, String policyArn) {
        todo();
    }

    public Page<AttachedPolicy> listAttachedRolePolicies(CallContext call, String roleName,
                                                         Optional<String> pathPrefix, PageRequest page) {
        return todo();
    }

    // ---- tags

    public void tagUser(CallContext call, String userName, List<Tag> tags) {
        todo();
    }

    public void untagUser(CallContext call, String userName, List<String> tagKeys) {
        todo();
    }

    /** Sorted by key. */
    public Page<Tag> listUserTags(CallContext call, String userName, PageRequest page) {
        return todo();
    }

    public void tagRole(CallContext call, String roleName, List<Tag> tags) {
        todo();
    }

    public void untagRole(CallContext call, String roleName, List<String> tagKeys) {
        todo();
    }

    public Page<Tag> listRoleTags(CallContext call, String roleName, PageRequest page) {
        return todo();
    }

    // ---- permissions boundaries

    public void putUserPermissionsBoundary(CallContext call, String userName, String policyArn) {
        todo();
    }

    public void deleteUserPermissionsBoundary(CallContext call, String userName) {
        todo();
    }

    public void putRolePermissionsBoundary(CallContext call, String roleName, String policyArn) {
        todo();
    }

    public void deleteRolePermissionsBoundary(CallContext call, String roleName) {
        todo();
    }

    // ---- account

    /** @param filter the entity types to include; empty means all */
    public AccountAuthorizationDetails getAccountAuthorizationDetails(
            CallContext call, Set<AccountAuthorizationDetails.EntityType> filter) {
        return todo();
    }
}
