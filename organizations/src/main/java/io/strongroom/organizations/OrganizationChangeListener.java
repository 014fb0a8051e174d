package io.strongroom.organizations;

/**
 * Told after a committed Organizations change (a policy, an attachment, a move, a policy type), so
 * this node's guardrail caches drop what they hold at once; other nodes rely on their short TTLs.
 */
@FunctionalInterface
public interface OrganizationChangeListener {
    void organizationChanged();
}
