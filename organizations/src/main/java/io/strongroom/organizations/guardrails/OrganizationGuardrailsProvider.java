package io.strongroom.organizations.guardrails;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.access.OrganizationGuardrails;
import io.strongroom.iam.cache.ExpiringCache;
import io.strongroom.iam.identity.Account;
import io.strongroom.iam.identity.IdentityRepository;
import io.strongroom.iam.identity.Organization;
import io.strongroom.organizations.AccountMembership;
import io.strongroom.organizations.OrganizationChangeListener;
import io.strongroom.organizations.OrganizationPolicy;
import io.strongroom.organizations.OrganizationPolicyType;
import io.strongroom.organizations.OrganizationalUnit;
import io.strongroom.organizations.OrganizationsRepository;
import io.strongroom.organizations.PolicyAttachment;
import io.strongroom.organizations.PolicyContentRules;
import io.strongroom.organizations.Root;
import io.strongroom.policy.NamedPolicy;
import io.strongroom.policy.PolicyChain;
import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SCP and RCP chains and the org placement of each account, read from the organizations store.
 * Each account's answer is cached for a short TTL: a change made on this node clears the cache at
 * once ({@link #organizationChanged}), one made on another node shows within the TTL.
 *
 * <p>The management account is exempt from both chains, as in AWS, and a policy type that is not
 * enabled on the root yields an empty chain. A stored policy that no longer parses (it was valid when
 * saved) is replaced by one that denies everything: on doubt, deny.
 */
public final class OrganizationGuardrailsProvider implements OrganizationGuardrails, OrganizationChangeListener {
    private static final int MAX_CACHED_ACCOUNTS = 10_000;
    /** Deeper than any valid tree (five OU levels); stops a corrupt parent cycle. */
    private static final int MAX_WALK = 16;

    private final IdentityRepository identities;
    private final OrganizationsRepository repository;
    private final Transactor transactor;
    private final ExpiringCache<String, AccountGuardrails> cache;

    /** What binds one account. */
    private record AccountGuardrails(PolicyChain serviceControl, PolicyChain resourceControl,
                                     Optional<AccountPlacement> placement) {
        static final AccountGuardrails NONE = new AccountGuardrails(PolicyChain.NONE, PolicyChain.NONE,
                Optional.empty());
    }

    public OrganizationGuardrailsProvider(IdentityRepository identities, OrganizationsRepository repository,
                                          Transactor transactor, Clock clock, Duration cacheTtl) {
        this.identities = requireNonNull(identities, "identities");
        this.repository = requireNonNull(repository, "repository");
        this.transactor = requireNonNull(transactor, "transactor");
        this.cache = new ExpiringCache<>(clock, cacheTtl, MAX_CACHED_ACCOUNTS);
    }

    public OrganizationGuardrailsProvider(IdentityRepository identities, OrganizationsRepository repository,
                                          Transactor transactor, Clock clock) {
        this(identities, repository, transactor, clock, AccessAuthorizer.DEFAULT_CACHE_TTL);
    }

    @Override
    public PolicyChain serviceControlChain(String accountId) {
        return guardrails(accountId).serviceControl();
    }

    @Override
    public PolicyChain resourceControlChain(String accountId) {
        return guardrails(accountId).resourceControl();
    }

    @Override
    public Optional<AccountPlacement> placement(String accountId) {
        return guardrails(accountId).placement();
    }

    @Override
    public void organizationChanged() {
        cache.invalidateAll();
    }

    private AccountGuardrails guardrails(String accountId) {
        requireNonNull(accountId, "accountId");
        return cache.get(accountId, id -> transactor.inTransaction(() -> load(id)));
    }

    private AccountGuardrails load(String accountId) {
        Optional<Organization> organization = identities.findOrganization();
        Optional<Account> account = identities.findAccount(accountId);
        Optional<Root> root = repository.listRoots().stream().findFirst();
        if (organization.isEmpty() || account.isEmpty() || root.isEmpty()
                || !organization.get().id().equals(account.get().organizationId())) {
            return AccountGuardrails.NONE;
        }
        List<String> containers = containers(root.get(), accountId);
        AccountPlacement placement = new AccountPlacement(organization.get().id(),
                organization.get().id() + "/" + String.join("/", containers) + "/");
        if (accountId.equals(organization.get().managementAccountId())) {
            return new AccountGuardrails(PolicyChain.NONE, PolicyChain.NONE, Optional.of(placement));
        }
        List<String> levels = new ArrayList<>(containers);
        levels.add(accountId);
        Set<OrganizationPolicyType> enabled = repository.listEnabledPolicyTypes(root.get().id());
        return new AccountGuardrails(
                chain(levels, enabled, OrganizationPolicyType.SERVICE_CONTROL_POLICY, PolicyType.SERVICE_CONTROL),
                chain(levels, enabled, OrganizationPolicyType.RESOURCE_CONTROL_POLICY, PolicyType.RESOURCE_CONTROL),
                Optional.of(placement));
    }

    /** The root and each OU down to the account's parent. */
    private List<String> containers(Root root, String accountId) {
        List<String> upward = new ArrayList<>();
        String current = repository.findAccountMembership(accountId).map(AccountMembership::parentId)
                .orElse(root.id());
        while (current.startsWith("ou-") && upward.size() < MAX_WALK) {
            upward.add(current);
            current = repository.findOrganizationalUnit(current).map(OrganizationalUnit::parentId).orElse(root.id());
        }
        upward.add(root.id());
        Collections.reverse(upward);
        return upward;
    }

    private PolicyChain chain(List<String> levels, Set<OrganizationPolicyType> enabled,
                              OrganizationPolicyType type, PolicyType evaluationType) {
        if (!enabled.contains(type)) {
            return PolicyChain.NONE;
        }
        List<PolicyChain.Level> chain = new ArrayList<>(levels.size());
        for (String target : levels) {
            List<NamedPolicy> level = new ArrayList<>();
            for (PolicyAttachment attachment : repository.listAttachmentsForTarget(target)) {
                repository.findPolicy(attachment.policyId())
                        .filter(p -> p.type() == type)
                        .ifPresent(p -> level.add(new NamedPolicy(evaluationType, p.arn(), parsed(p))));
            }
            chain.add(new PolicyChain.Level(target, level));
        }
        return new PolicyChain(chain);
    }

    private static PolicyDocument parsed(OrganizationPolicy policy) {
        try {
            return PolicyContentRules.parseStored(policy);
        } catch (AwsException e) {
            return PolicyDocument.denyAll(PolicyContentRules.evaluationKind(policy.type()));
        }
    }
}
