package io.strongroom.policy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * An AWS Organizations policy chain: the service control policies that bound a principal's account, or
 * the resource control policies that bound a resource's account. Each level (the organization root, each
 * OU on the way down, the account itself) must allow a request on its own, so a level without any
 * applicable Allow denies even when every other level allows.
 *
 * <p>An empty chain means the policy type does not apply at all: the account is in no organization, the
 * policy type is not enabled, or it is the management account (which SCPs and RCPs never restrict).
 *
 * @param levels from the root down to the account
 */
public record PolicyChain(List<Level> levels) {
    /** No organization policies apply. */
    public static final PolicyChain NONE = new PolicyChain(List.of());

    /**
     * One level of the chain.
     *
     * @param target   what the policies are attached to: the root ({@code r-…}), an OU ({@code ou-…}) or the account id
     * @param policies every policy attached there (an SCP chain always has at least FullAWSAccess or a replacement)
     */
    public record Level(String target, List<NamedPolicy> policies) {
        public Level {
            requireNonNull(target, "target");
            policies = List.copyOf(policies);
        }
    }

    public PolicyChain {
        levels = List.copyOf(levels);
    }

    /** A chain whose levels are named {@code level 1}, {@code level 2}… from the root down. */
    public static PolicyChain of(List<List<NamedPolicy>> levels) {
        List<Level> named = new ArrayList<>(levels.size());
        for (int i = 0; i < levels.size(); i++) {
            named.add(new Level("level " + (i + 1), levels.get(i)));
        }
        return new PolicyChain(named);
    }

    /** Whether this policy type applies: false for an empty chain. */
    public boolean applies() {
        return !levels.isEmpty();
    }
}
