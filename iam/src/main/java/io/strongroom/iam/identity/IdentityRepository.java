package io.strongroom.iam.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persistence of organizations, accounts, IAM identities, policies, access keys and STS sessions.
 *
 * <p>Rules every implementation keeps:
 * <ul>
 *   <li>Names of users, groups, roles, managed policies and inline policies are unique per account
 *       and compared case-insensitively, as in IAM; lookups by name are case-insensitive too.
 *   <li>Inserts throw {@link DuplicateEntityException} on a collision and change nothing.
 *   <li>Updates and deletes return false when the entity does not exist.
 *   <li>Listings are ordered by name (case-insensitively), then paged: {@code marker} is opaque,
 *       taken from a previous {@link Page#marker()}.
 *   <li>Each call is atomic; callers group calls with {@link io.strongroom.core.spi.Transactor}.
 *   <li>Secrets arrive and leave already wrapped by the root key; the repository never sees
 *       plaintext.
 * </ul>
 */
public interface IdentityRepository {

    // ---- organization and accounts
    void insertOrganization(Organization organization);

    Optional<Organization> findOrganization();

    void insertAccount(Account account);

    Optional<Account> findAccount(String accountId);

    List<Account> listAccounts();

    // ---- users
    void insertUser(User user);

    Optional<User> findUser(String accountId, String userName);

    Optional<User> findUserById(String userId);

    Page<User> listUsers(String accountId, String pathPrefix, Optional<String> marker, int maxItems);

    /** Renames and/or moves a user; the new name must be free. */
    boolean updateUser(String accountId, String userName, String newUserName, String newPath, String newArn);

    boolean deleteUser(String accountId, String userName);

    boolean setUserTags(String accountId, String userName, Map<String, String> tags);

    boolean setUserPermissionsBoundary(String accountId, String userName, Optional<String> policyArn);

    // ---- groups and membership
    void insertGroup(Group group);

    Optional<Group> findGroup(String accountId, String groupName);

    Page<Group> listGroups(String accountId, String pathPrefix, Optional<String> marker, int maxItems);

    boolean deleteGroup(String accountId, String groupName);

    /** Adds a user to a group; adding an existing member changes nothing. */
    void addUserToGroup(String accountId, String groupName, String userName);

    boolean removeUserFromGroup(String accountId, String groupName, String userName);

    List<User> listGroupMembers(String accountId, String groupName);

    List<Group> listGroupsForUser(String accountId, String userName);

    // ---- roles
    void insertRole(Role role);

    Optional<Role> findRole(String accountId, String roleName);

    Page<Role> listRoles(String accountId, String pathPrefix, Optional<String> marker, int maxItems);

    boolean updateRole(String accountId, String roleName, Optional<String> description, int maxSessionDuration);

    boolean updateAssumeRolePolicy(String accountId, String roleName, String document);

    boolean deleteRole(String accountId, String roleName);

    boolean setRoleTags(String accountId, String roleName, Map<String, String> tags);

    boolean setRolePermissionsBoundary(String accountId, String roleName, Optional<String> policyArn);

    // ---- managed policies and their versions
    /**
     * Inserts a policy together with its first version, which is the default. The policy's version
     * counter starts after that version's number ({@code v1} → the next is {@code v2}).
     */
    void insertManagedPolicy(ManagedPolicy policy, PolicyVersion firstVersion);

    Optional<ManagedPolicy> findManagedPolicy(String policyArn);

    /**
     * Lists the policies visible to an account: its own (scope {@code Local}), the AWS-managed
     * ones ({@code AWS}) or both ({@code All}); {@code onlyAttached} keeps those attached somewhere.
     */
    Page<ManagedPolicy> listManagedPolicies(String accountId, String scope, boolean onlyAttached, String pathPrefix,
                                            Optional<String> marker, int maxItems);

    boolean deleteManagedPolicy(String policyArn);

    /**
     * Adds a version under the next id of the policy's counter and returns it; {@code asDefault}
     * makes it the default and sets the policy's update date to {@code createDate}. The counter only
     * goes up, so an id is never reused: after {@code v1}–{@code v3} and deleting {@code v3}, the
     * next is {@code v4}, as in IAM. Empty, changing nothing, when the policy does not exist.
     */
    Optional<PolicyVersion> insertPolicyVersion(String policyArn, String document, boolean asDefault, Instant createDate);

    Optional<PolicyVersion> findPolicyVersion(String policyArn, String versionId);

    /** All versions, newest first. */
    List<PolicyVersion> listPolicyVersions(String policyArn);

    boolean deletePolicyVersion(String policyArn, String versionId);

    /** Makes {@code versionId} the default and clears the flag on the others; updates the policy's update date. */
    boolean setDefaultPolicyVersion(String policyArn, String versionId, Instant updateDate);

    // ---- attachments of managed policies
    void attachPolicy(String accountId, PrincipalKind kind, String principalName, String policyArn);

    boolean detachPolicy(String accountId, PrincipalKind kind, String principalName, String policyArn);

    /** ARNs of the managed policies attached to a user, group or role, in attachment order. */
    List<String> listAttachedPolicies(String accountId, PrincipalKind kind, String principalName);

    /** How many users, groups and roles a policy is attached to. */
    int countAttachments(String policyArn);

    /** Used as a permissions boundary by how many users and roles. */
    int countBoundaryUses(String policyArn);

    // ---- inline policies
    /** Creates or replaces an inline policy. */
    void putInlinePolicy(InlinePolicy policy);

    Optional<InlinePolicy> findInlinePolicy(String accountId, PrincipalKind kind, String principalName, String policyName);

    List<InlinePolicy> listInlinePolicies(String accountId, PrincipalKind kind, String principalName);

    boolean deleteInlinePolicy(String accountId, PrincipalKind kind, String principalName, String policyName);

    // ---- access keys
    void insertAccessKey(AccessKey key);

    Optional<AccessKey> findAccessKey(String accessKeyId);

    /** Keys of a user, or of the account root when {@code userName} is empty. */
    List<AccessKey> listAccessKeys(String accountId, Optional<String> userName);

    boolean setAccessKeyActive(String accessKeyId, boolean active);

    boolean deleteAccessKey(String accessKeyId);

    void recordAccessKeyUse(String accessKeyId, AccessKey.LastUsed lastUsed);

    // ---- STS sessions
    void insertSession(StsSessionRecord session);

    Optional<StsSessionRecord> findSession(String accessKeyId);

    /** Forgets sessions that expired before {@code cutoff}; returns how many. */
    int deleteSessionsExpiredBefore(Instant cutoff);
}
