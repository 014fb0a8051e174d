package io.strongroom.organizations.testing;

import io.strongroom.iam.identity.DuplicateEntityException;
import io.strongroom.organizations.AccountMembership;
import io.strongroom.organizations.CreateAccountStatus;
import io.strongroom.organizations.OrganizationPolicy;
import io.strongroom.organizations.OrganizationPolicyType;
import io.strongroom.organizations.OrganizationalUnit;
import io.strongroom.organizations.OrganizationsRepository;
import io.strongroom.organizations.PolicyAttachment;
import io.strongroom.organizations.Root;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link OrganizationsRepository} contract over maps, for tests. {@link #snapshot()} and
 * {@link #restore} let a fake transactor roll back ({@link InMemoryOrganizationsTransactor}).
 */
public final class InMemoryOrganizationsRepository implements OrganizationsRepository {

    /** All state, copied whole for snapshots; records are immutable, so shallow copies suffice. */
    private static final class State {
        Map<String, Root> roots = new LinkedHashMap<>();
        Map<String, Set<OrganizationPolicyType>> enabledTypes = new HashMap<>();
        Map<String, OrganizationalUnit> units = new LinkedHashMap<>();
        Map<String, AccountMembership> memberships = new LinkedHashMap<>();
        Map<String, OrganizationPolicy> policies = new LinkedHashMap<>();
        List<PolicyAttachment> attachments = new ArrayList<>();
        Map<String, CreateAccountStatus> createAccountStatuses = new LinkedHashMap<>();

        State copy() {
            State copy = new State();
            copy.roots = new LinkedHashMap<>(roots);
            enabledTypes.forEach((root, types) -> copy.enabledTypes.put(root, EnumSet.copyOf(types)));
            copy.units = new LinkedHashMap<>(units);
            copy.memberships = new LinkedHashMap<>(memberships);
            copy.policies = new LinkedHashMap<>(policies);
            copy.attachments = new ArrayList<>(attachments);
            copy.createAccountStatuses = new LinkedHashMap<>(createAccountStatuses);
            return copy;
        }
    }

    private State state = new State();

    public synchronized Object snapshot() {
        return state.copy();
    }

    public synchronized void restore(Object snapshot) {
        state = ((State) snapshot).copy();
    }

    /** Everything stored, as values that compare equal when the stores hold the same (for "nothing changed"). */
    public synchronized List<Object> contents() {
        Map<String, Set<OrganizationPolicyType>> types = new HashMap<>();
        state.enabledTypes.forEach((root, t) -> types.put(root, Set.copyOf(t)));
        return List.of(Map.copyOf(state.roots), Map.copyOf(types), Map.copyOf(state.units),
                Map.copyOf(state.memberships), Map.copyOf(state.policies), Set.copyOf(state.attachments),
                Map.copyOf(state.createAccountStatuses));
    }

    // ---- roots

    @Override
    public synchronized void insertRoot(Root root) {
        if (state.roots.containsKey(root.id())) {
            throw new DuplicateEntityException("root " + root.id());
        }
        state.roots.put(root.id(), root);
    }

    @Override
    public synchronized Optional<Root> findRoot(String rootId) {
        return Optional.ofNullable(state.roots.get(rootId));
    }

    @Override
    public synchronized List<Root> listRoots() {
        return List.copyOf(state.roots.values());
    }

    @Override
    public synchronized Set<OrganizationPolicyType> listEnabledPolicyTypes(String rootId) {
        Set<OrganizationPolicyType> types = state.enabledTypes.get(rootId);
        return types == null ? Set.of() : Set.copyOf(types);
    }

    @Override
    public synchronized boolean enablePolicyType(String rootId, OrganizationPolicyType type) {
        return state.enabledTypes.computeIfAbsent(rootId, r -> EnumSet.noneOf(OrganizationPolicyType.class)).add(type);
    }

    @Override
    public synchronized boolean disablePolicyType(String rootId, OrganizationPolicyType type) {
        Set<OrganizationPolicyType> types = state.enabledTypes.get(rootId);
        return types != null && types.remove(type);
    }

    // ---- organizational units

    @Override
    public synchronized void insertOrganizationalUnit(OrganizationalUnit unit) {
        if (state.units.containsKey(unit.id())) {
            throw new DuplicateEntityException("organizational unit " + unit.id());
        }
        requireFreeName(unit.parentId(), unit.name(), unit.id());
        state.units.put(unit.id(), unit);
    }

    @Override
    public synchronized Optional<OrganizationalUnit> findOrganizationalUnit(String unitId) {
        return Optional.ofNullable(state.units.get(unitId));
    }

    @Override
    public synchronized List<OrganizationalUnit> listOrganizationalUnits(String parentId) {
        return state.units.values().stream().filter(u -> u.parentId().equals(parentId)).toList();
    }

    @Override
    public synchronized boolean renameOrganizationalUnit(String unitId, String newName) {
        OrganizationalUnit unit = state.units.get(unitId);
        if (unit == null) {
            return false;
        }
        requireFreeName(unit.parentId(), newName, unitId);
        state.units.put(unitId, new OrganizationalUnit(unit.id(), unit.arn(), newName, unit.parentId()));
        return true;
    }

    @Override
    public synchronized boolean deleteOrganizationalUnit(String unitId) {
        return state.units.remove(unitId) != null;
    }

    private void requireFreeName(String parentId, String name, String exceptId) {
        boolean taken = state.units.values().stream()
                .anyMatch(u -> u.parentId().equals(parentId) && u.name().equals(name) && !u.id().equals(exceptId));
        if (taken) {
            throw new DuplicateEntityException("organizational unit named " + name + " under " + parentId);
        }
    }

    // ---- memberships

    @Override
    public synchronized void insertAccountMembership(AccountMembership membership) {
        if (state.memberships.containsKey(membership.accountId())) {
            throw new DuplicateEntityException("membership of " + membership.accountId());
        }
        state.memberships.put(membership.accountId(), membership);
    }

    @Override
    public synchronized Optional<AccountMembership> findAccountMembership(String accountId) {
        return Optional.ofNullable(state.memberships.get(accountId));
    }

    @Override
    public synchronized List<AccountMembership> listAccountMemberships(String parentId) {
        return state.memberships.values().stream().filter(m -> m.parentId().equals(parentId)).toList();
    }

    @Override
    public synchronized boolean moveAccount(String accountId, String newParentId) {
        AccountMembership membership = state.memberships.get(accountId);
        if (membership == null) {
            return false;
        }
        state.memberships.put(accountId, new AccountMembership(accountId, newParentId, membership.joinedMethod(),
                membership.joinedTimestamp()));
        return true;
    }

    // ---- policies

    @Override
    public synchronized void insertPolicy(OrganizationPolicy policy) {
        if (state.policies.containsKey(policy.id())) {
            throw new DuplicateEntityException("policy " + policy.id());
        }
        requireFreePolicyName(policy);
        state.policies.put(policy.id(), policy);
    }

    @Override
    public synchronized Optional<OrganizationPolicy> findPolicy(String policyId) {
        return Optional.ofNullable(state.policies.get(policyId));
    }

    @Override
    public synchronized List<OrganizationPolicy> listPolicies(OrganizationPolicyType type) {
        return state.policies.values().stream().filter(p -> p.type() == type).toList();
    }

    @Override
    public synchronized boolean updatePolicy(OrganizationPolicy policy) {
        OrganizationPolicy existing = state.policies.get(policy.id());
        if (existing == null) {
            return false;
        }
        OrganizationPolicy updated = new OrganizationPolicy(existing.id(), existing.arn(), policy.name(),
                policy.description(), existing.type(), existing.awsManaged(), policy.content());
        requireFreePolicyName(updated);
        state.policies.put(policy.id(), updated);
        return true;
    }

    @Override
    public synchronized boolean deletePolicy(String policyId) {
        return state.policies.remove(policyId) != null;
    }

    private void requireFreePolicyName(OrganizationPolicy policy) {
        boolean taken = state.policies.values().stream().anyMatch(p -> p.type() == policy.type()
                && p.name().equals(policy.name()) && !p.id().equals(policy.id()));
        if (taken) {
            throw new DuplicateEntityException("policy named " + policy.name());
        }
    }

    // ---- attachments

    @Override
    public synchronized void attachPolicy(PolicyAttachment attachment) {
        boolean attached = state.attachments.stream().anyMatch(a -> a.policyId().equals(attachment.policyId())
                && a.targetId().equals(attachment.targetId()));
        if (attached) {
            throw new DuplicateEntityException("attachment of " + attachment.policyId() + " to "
                    + attachment.targetId());
        }
        state.attachments.add(attachment);
    }

    @Override
    public synchronized boolean detachPolicy(String policyId, String targetId) {
        return state.attachments.removeIf(a -> a.policyId().equals(policyId) && a.targetId().equals(targetId));
    }

    @Override
    public synchronized int detachAllFromTarget(String targetId) {
        int before = state.attachments.size();
        state.attachments.removeIf(a -> a.targetId().equals(targetId));
        return before - state.attachments.size();
    }

    @Override
    public synchronized List<PolicyAttachment> listAttachmentsForTarget(String targetId) {
        return state.attachments.stream().filter(a -> a.targetId().equals(targetId)).toList();
    }

    @Override
    public synchronized List<PolicyAttachment> listAttachmentsForPolicy(String policyId) {
        return state.attachments.stream().filter(a -> a.policyId().equals(policyId)).toList();
    }

    // ---- CreateAccount request records

    @Override
    public synchronized void insertCreateAccountStatus(CreateAccountStatus status) {
        if (state.createAccountStatuses.containsKey(status.id())) {
            throw new DuplicateEntityException("create account request " + status.id());
        }
        state.createAccountStatuses.put(status.id(), status);
    }

    @Override
    public synchronized Optional<CreateAccountStatus> findCreateAccountStatus(String requestId) {
        return Optional.ofNullable(state.createAccountStatuses.get(requestId));
    }

    @Override
    public synchronized List<CreateAccountStatus> listCreateAccountStatuses() {
        return List.copyOf(state.createAccountStatuses.values());
    }
}
