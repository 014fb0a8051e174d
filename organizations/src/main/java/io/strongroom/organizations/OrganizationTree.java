package io.strongroom.organizations;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.identity.Account;
import io.strongroom.iam.identity.DuplicateEntityException;
import io.strongroom.iam.identity.IdentityRepository;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads and small writes over the organization's tree shared by the operation families: which
 * containers exist, where an account or OU sits, the chain from the root down to it, and the
 * default policies a new OU or account receives.
 */
final class OrganizationTree {
    /** OUs nest at most this many levels under the root, as in AWS. */
    static final int MAX_OU_DEPTH = 5;

    private final IdentityRepository identities;
    private final OrganizationsRepository repository;

    OrganizationTree(IdentityRepository identities, OrganizationsRepository repository) {
        this.identities = requireNonNull(identities, "identities");
        this.repository = requireNonNull(repository, "repository");
    }

    /** Whether a root or OU id names a container of this organization. */
    boolean containerExists(OrganizationContext context, String parentId) {
        if (parentId.startsWith("r-")) {
            return parentId.equals(context.root().id());
        }
        return repository.findOrganizationalUnit(parentId).isPresent();
    }

    /** An account of this organization, or empty. */
    Optional<Account> account(OrganizationContext context, String accountId) {
        return identities.findAccount(accountId).filter(a -> context.id().equals(a.organizationId()));
    }

    /**
     * Where an account sits. An account of the organization without a membership (made before the
     * organization was initialised, or by another path) sits under the root.
     */
    AccountMembership membership(OrganizationContext context, Account account) {
        return repository.findAccountMembership(account.id()).orElseGet(() -> new AccountMembership(account.id(),
                context.root().id(), account.id().equals(context.managementAccountId()) ? JoinedMethod.INVITED
                : JoinedMethod.CREATED, account.createdAt()));
    }

    /** Every account of the organization, with where it sits. */
    List<AccountMembership> memberships(OrganizationContext context) {
        return identities.listAccounts().stream()
                .filter(a -> context.id().equals(a.organizationId()))
                .map(a -> membership(context, a))
                .toList();
    }

    OrganizationAccount describe(OrganizationContext context, Account account) {
        AccountMembership membership = membership(context, account);
        return new OrganizationAccount(account.id(), context.accountArn(account.id()), account.email(),
                account.name(), OrganizationAccount.ACTIVE, OrganizationAccount.ACTIVE, membership.joinedMethod(),
                membership.joinedTimestamp());
    }

    /** The accounts directly under a container. */
    List<AccountMembership> accountsUnder(OrganizationContext context, String parentId) {
        return memberships(context).stream().filter(m -> m.parentId().equals(parentId)).toList();
    }

    /** The containers from the root down to {@code containerId}, both included. */
    List<String> chainTo(OrganizationContext context, String containerId) {
        List<String> chain = new ArrayList<>();
        String current = containerId;
        // The depth bound also stops a corrupt cycle from looping forever.
        while (current.startsWith("ou-") && chain.size() <= MAX_OU_DEPTH + 1) {
            chain.add(current);
            current = repository.findOrganizationalUnit(current).map(OrganizationalUnit::parentId)
                    .orElse(context.root().id());
        }
        chain.add(context.root().id());
        Collections.reverse(chain);
        return chain;
    }

    /** How many OUs deep a container is: 0 for the root, 1 for an OU directly under it. */
    int depth(OrganizationContext context, String containerId) {
        return chainTo(context, containerId).size() - 1;
    }

    static ParentType parentType(String parentId) {
        return parentId.startsWith("r-") ? ParentType.ROOT : ParentType.ORGANIZATIONAL_UNIT;
    }

    /** Attaches the full-access policy of each enabled type, as AWS does for every new OU and account. */
    void attachDefaults(OrganizationContext context, String targetId, TargetType targetType) {
        for (OrganizationPolicyType type : repository.listEnabledPolicyTypes(context.root().id())) {
            attachIfAbsent(AwsManagedOrganizationPolicies.fullAccess(type).id(), targetId, targetType);
        }
    }

    void attachIfAbsent(String policyId, String targetId, TargetType targetType) {
        boolean attached = repository.listAttachmentsForTarget(targetId).stream()
                .anyMatch(a -> a.policyId().equals(policyId));
        if (!attached) {
            try {
                repository.attachPolicy(new PolicyAttachment(policyId, targetId, targetType));
            } catch (DuplicateEntityException e) {
                // attached meanwhile: the outcome is the same
            }
        }
    }
}
