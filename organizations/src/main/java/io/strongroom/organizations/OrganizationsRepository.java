// SPI-READY
package io.strongroom.organizations;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Persistence of what AWS Organizations adds to the organization and accounts that iam's
 * {@link io.strongroom.iam.identity.IdentityRepository} already keeps: the root, organizational
 * units, where each account sits, service and resource control policies, their attachments, the
 * policy types enabled on the root, and the CreateAccount request records.
 *
 * <p>Rules every implementation keeps:
 * <ul>
 *   <li>Ids are compared exactly (they are case-sensitive: {@code p-FullAWSAccess}).
 *   <li>Inserts throw {@link io.strongroom.iam.identity.DuplicateEntityException} on a collision and
 *       change nothing: a taken id; an OU name already used by another OU of the same parent; a policy
 *       name already used by another policy of the same type (names compared exactly); a policy
 *       already attached to the same target; an account that already has a membership.
 *   <li>Updates, moves and deletes return false when the entity does not exist (and change nothing).
 *   <li>Listings return every match in no particular order; the service sorts and pages them.
 *   <li>Nothing cascades: deleting an OU or a policy leaves attachments alone (the service removes
 *       them first), and nothing checks that a parent or target exists (the service does).
 *   <li>Each call is atomic; callers group calls with {@link io.strongroom.core.spi.Transactor}.
 * </ul>
 */
public interface OrganizationsRepository {

    // ---- roots and the policy types enabled on them
    void insertRoot(Root root);

    Optional<Root> findRoot(String rootId);

    List<Root> listRoots();

    /** The policy types enabled on a root; empty for an unknown root. */
    Set<OrganizationPolicyType> listEnabledPolicyTypes(String rootId);

    /** Returns false (and changes nothing) when the type was already enabled. */
    boolean enablePolicyType(String rootId, OrganizationPolicyType type);

    /** Returns false when the type was not enabled. */
    boolean disablePolicyType(String rootId, OrganizationPolicyType type);

    // ---- organizational units
    void insertOrganizationalUnit(OrganizationalUnit unit);

    Optional<OrganizationalUnit> findOrganizationalUnit(String unitId);

    /** The OUs directly under a root or OU. */
    List<OrganizationalUnit> listOrganizationalUnits(String parentId);

    /** Throws DuplicateEntityException when a sibling already has {@code newName}. */
    boolean renameOrganizationalUnit(String unitId, String newName);

    boolean deleteOrganizationalUnit(String unitId);

    // ---- where accounts sit
    void insertAccountMembership(AccountMembership membership);

    Optional<AccountMembership> findAccountMembership(String accountId);

    /** The accounts directly under a root or OU. */
    List<AccountMembership> listAccountMemberships(String parentId);

    boolean moveAccount(String accountId, String newParentId);

    // ---- policies
    void insertPolicy(OrganizationPolicy policy);

    Optional<OrganizationPolicy> findPolicy(String policyId);

    List<OrganizationPolicy> listPolicies(OrganizationPolicyType type);

    /**
     * Replaces name, description and content of the policy with {@code policy.id()} (id, arn, type and
     * awsManaged never change). Throws DuplicateEntityException when another policy of the same type
     * has the new name.
     */
    boolean updatePolicy(OrganizationPolicy policy);

    boolean deletePolicy(String policyId);

    // ---- attachments
    void attachPolicy(PolicyAttachment attachment);

    boolean detachPolicy(String policyId, String targetId);

    /** Removes every attachment to a target; returns how many there were. */
    int detachAllFromTarget(String targetId);

    List<PolicyAttachment> listAttachmentsForTarget(String targetId);

    List<PolicyAttachment> listAttachmentsForPolicy(String policyId);

    // ---- CreateAccount request records
    void insertCreateAccountStatus(CreateAccountStatus status);

    Optional<CreateAccountStatus> findCreateAccountStatus(String requestId);

    List<CreateAccountStatus> listCreateAccountStatuses();
}
