package io.strongroom.iam.testing;

import io.strongroom.iam.access.OrganizationGuardrails;
import io.strongroom.policy.NamedPolicy;
import io.strongroom.policy.PolicyChain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Guardrails held in maps, set by a test: the organizations module's provider is tested on its own. */
public final class MapGuardrails implements OrganizationGuardrails {
    /** The SCP levels (root first) per account. */
    public final Map<String, List<List<NamedPolicy>>> scps = new HashMap<>();
    /** The RCP levels (root first) per account. */
    public final Map<String, List<List<NamedPolicy>>> rcps = new HashMap<>();
    public final Map<String, AccountPlacement> placements = new HashMap<>();

    @Override
    public PolicyChain serviceControlChain(String accountId) {
        return PolicyChain.of(scps.getOrDefault(accountId, List.of()));
    }

    @Override
    public PolicyChain resourceControlChain(String accountId) {
        return PolicyChain.of(rcps.getOrDefault(accountId, List.of()));
    }

    @Override
    public Optional<AccountPlacement> placement(String accountId) {
        return Optional.ofNullable(placements.get(accountId));
    }
}
