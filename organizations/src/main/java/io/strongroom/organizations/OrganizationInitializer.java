package io.strongroom.organizations;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.identity.Account;
import io.strongroom.iam.identity.IdentityRepository;
import io.strongroom.iam.identity.Organization;
import java.util.Optional;

/**
 * Gives the organization iam's bootstrap created what AWS gives a new organization: one root named
 * {@code Root} with SCPs enabled and {@code FullAWSAccess} attached, the AWS-managed policies, and
 * every existing account placed under the root. Idempotent: each start repeats only what is missing.
 */
final class OrganizationInitializer {
    private final IdentityRepository identities;
    private final OrganizationsRepository repository;
    private final OrganizationTree tree;
    private final Transactor transactor;

    OrganizationInitializer(IdentityRepository identities, OrganizationsRepository repository, OrganizationTree tree,
                            Transactor transactor) {
        this.identities = requireNonNull(identities, "identities");
        this.repository = requireNonNull(repository, "repository");
        this.tree = requireNonNull(tree, "tree");
        this.transactor = requireNonNull(transactor, "transactor");
    }

    /** Returns whether anything was added. */
    boolean ensureInitialised() {
        return transactor.inTransaction(() -> identities.findOrganization().map(this::initialise).orElse(false));
    }

    private boolean initialise(Organization organization) {
        boolean changed = false;
        for (OrganizationPolicyType type : OrganizationPolicyType.values()) {
            OrganizationPolicy policy = AwsManagedOrganizationPolicies.fullAccess(type);
            if (repository.findPolicy(policy.id()).isEmpty()) {
                repository.insertPolicy(policy);
                changed = true;
            }
        }
        Optional<Root> existing = repository.listRoots().stream().findFirst();
        Root root;
        if (existing.isPresent()) {
            root = existing.get();
        } else {
            String rootId = OrganizationIds.rootId(organization.id());
            root = new Root(rootId, "arn:aws:organizations::" + organization.managementAccountId() + ":root/"
                    + organization.id() + "/" + rootId, "Root");
            repository.insertRoot(root);
            repository.enablePolicyType(rootId, OrganizationPolicyType.SERVICE_CONTROL_POLICY);
            tree.attachIfAbsent(AwsManagedOrganizationPolicies.FULL_AWS_ACCESS_ID, rootId, TargetType.ROOT);
            changed = true;
        }
        OrganizationContext context = new OrganizationContext(organization, root);
        for (Account account : identities.listAccounts()) {
            if (organization.id().equals(account.organizationId())
                    && repository.findAccountMembership(account.id()).isEmpty()) {
                repository.insertAccountMembership(tree.membership(context, account));
                tree.attachDefaults(context, account.id(), TargetType.ACCOUNT);
                changed = true;
            }
        }
        return changed;
    }
}
