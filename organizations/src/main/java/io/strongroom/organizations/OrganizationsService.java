package io.strongroom.organizations;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.IdentityRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The AWS Organizations API as plain Java: one method per operation, taking the caller and the
 * request's members (enum members as the wire strings, so a bad value fails with AWS's error) and
 * returning records shaped like the model's. Every method validates its input first, then in one
 * transaction authorises {@code organizations:<Operation>} on the resources AWS documents, requires the
 * management account (members may only DescribeOrganization), and does its work; a failed call
 * changes nothing. Failures are {@link OrganizationsException}s with Organizations' codes and reasons.
 *
 * <p>Accounts themselves live in iam's {@link IdentityRepository}; CreateAccount writes there in the
 * same transaction. After each committed change the {@link OrganizationChangeListener}s are told.
 */
public final class OrganizationsService {
    private final OrganizationInitializer initializer;
    private final OrganizationGuard guard;
    private final AccountOperations accounts;
    private final OrganizationalUnitOperations units;
    private final HierarchyOperations hierarchy;
    private final PolicyOperations policies;
    private final PolicyAttachmentOperations attachments;
    private final PolicyTypeOperations policyTypes;

    public OrganizationsService(IdentityRepository identities, OrganizationsRepository repository,
                                Transactor transactor, AccessAuthorizer authorizer, Clock clock,
                                List<OrganizationChangeListener> changeListeners) {
        requireNonNull(identities, "identities");
        requireNonNull(repository, "repository");
        OrganizationTree tree = new OrganizationTree(identities, repository);
        this.guard = new OrganizationGuard(identities, repository, authorizer, transactor, changeListeners);
        this.initializer = new OrganizationInitializer(identities, repository, tree, transactor);
        this.accounts = new AccountOperations(identities, repository, guard, tree, clock);
        this.units = new OrganizationalUnitOperations(repository, guard, tree);
        this.hierarchy = new HierarchyOperations(repository, guard, tree, accounts);
        this.policies = new PolicyOperations(repository, guard);
        this.attachments = new PolicyAttachmentOperations(repository, guard, tree, policies);
        this.policyTypes = new PolicyTypeOperations(repository, guard, tree, hierarchy);
    }

    /**
     * Gives iam's organization what AWS gives a new one (the root {@code Root}, SCPs enabled with
     * {@code FullAWSAccess} attached, the AWS-managed policies) and places accounts that have no place
     * under the root. Idempotent; the server calls it at every start, after iam's bootstrap.
     *
     * @return whether anything was added
     */
    public boolean ensureInitialised() {
        boolean changed = initializer.ensureInitialised();
        if (changed) {
            guard.changed();
        }
        return changed;
    }

    // ---- organization and accounts

    public OrganizationDescription describeOrganization(CallContext call) {
        return accounts.describeOrganization(call);
    }

    /** @param iamUserAccessToBilling {@code ALLOW} or {@code DENY}; accepted and validated, billing has no effect here */
    public CreateAccountStatus createAccount(CallContext call, String email, String accountName,
                                             Optional<String> roleName, Optional<String> iamUserAccessToBilling) {
        return accounts.createAccount(call, email, accountName, roleName, iamUserAccessToBilling);
    }

    public CreateAccountStatus describeCreateAccountStatus(CallContext call, String createAccountRequestId) {
        return accounts.describeCreateAccountStatus(call, createAccountRequestId);
    }

    /** @param states CreateAccountState names to keep; empty keeps all */
    public Page<CreateAccountStatus> listCreateAccountStatus(CallContext call, List<String> states, PageRequest page) {
        return accounts.listCreateAccountStatus(call, states, page);
    }

    public Page<OrganizationAccount> listAccounts(CallContext call, PageRequest page) {
        return accounts.listAccounts(call, page);
    }

    public OrganizationAccount describeAccount(CallContext call, String accountId) {
        return accounts.describeAccount(call, accountId);
    }

    public Page<OrganizationAccount> listAccountsForParent(CallContext call, String parentId, PageRequest page) {
        return accounts.listAccountsForParent(call, parentId, page);
    }

    // ---- roots, OUs and the tree

    public Page<RootDescription> listRoots(CallContext call, PageRequest page) {
        return hierarchy.listRoots(call, page);
    }

    public OrganizationalUnit createOrganizationalUnit(CallContext call, String parentId, String name) {
        return units.create(call, parentId, name);
    }

    public OrganizationalUnit updateOrganizationalUnit(CallContext call, String organizationalUnitId,
                                                       Optional<String> name) {
        return units.update(call, organizationalUnitId, name);
    }

    public void deleteOrganizationalUnit(CallContext call, String organizationalUnitId) {
        units.delete(call, organizationalUnitId);
    }

    public OrganizationalUnit describeOrganizationalUnit(CallContext call, String organizationalUnitId) {
        return units.describe(call, organizationalUnitId);
    }

    public Page<OrganizationalUnit> listOrganizationalUnitsForParent(CallContext call, String parentId,
                                                                     PageRequest page) {
        return units.listForParent(call, parentId, page);
    }

    public Page<Parent> listParents(CallContext call, String childId, PageRequest page) {
        return hierarchy.listParents(call, childId, page);
    }

    /** @param childType {@code ACCOUNT} or {@code ORGANIZATIONAL_UNIT} */
    public Page<Child> listChildren(CallContext call, String parentId, String childType, PageRequest page) {
        return hierarchy.listChildren(call, parentId, childType, page);
    }

    public void moveAccount(CallContext call, String accountId, String sourceParentId, String destinationParentId) {
        hierarchy.moveAccount(call, accountId, sourceParentId, destinationParentId);
    }

    // ---- policies

    /** @param type a PolicyType name: {@code SERVICE_CONTROL_POLICY} or {@code RESOURCE_CONTROL_POLICY} */
    public OrganizationPolicy createPolicy(CallContext call, String content, String description, String name,
                                           String type) {
        return policies.create(call, content, description, name, type);
    }

    public OrganizationPolicy updatePolicy(CallContext call, String policyId, Optional<String> name,
                                           Optional<String> description, Optional<String> content) {
        return policies.update(call, policyId, name, description, content);
    }

    public void deletePolicy(CallContext call, String policyId) {
        policies.delete(call, policyId);
    }

    public OrganizationPolicy describePolicy(CallContext call, String policyId) {
        return policies.describe(call, policyId);
    }

    /** @param filter a PolicyType name */
    public Page<PolicySummary> listPolicies(CallContext call, String filter, PageRequest page) {
        return policies.list(call, filter, page);
    }

    // ---- attachments

    public void attachPolicy(CallContext call, String policyId, String targetId) {
        attachments.attach(call, policyId, targetId);
    }

    public void detachPolicy(CallContext call, String policyId, String targetId) {
        attachments.detach(call, policyId, targetId);
    }

    public Page<PolicySummary> listPoliciesForTarget(CallContext call, String targetId, String filter,
                                                     PageRequest page) {
        return attachments.listForTarget(call, targetId, filter, page);
    }

    public Page<PolicyTargetSummary> listTargetsForPolicy(CallContext call, String policyId, PageRequest page) {
        return attachments.listTargets(call, policyId, page);
    }

    // ---- policy types

    public RootDescription enablePolicyType(CallContext call, String rootId, String policyType) {
        return policyTypes.enable(call, rootId, policyType);
    }

    public RootDescription disablePolicyType(CallContext call, String rootId, String policyType) {
        return policyTypes.disable(call, rootId, policyType);
    }
}
