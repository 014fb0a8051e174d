package io.strongroom.iam.identity;

/**
 * Told after a committed IAM change, so this node's caches (parsed policies, resolved
 * credentials) drop what they hold at once; other nodes rely on those caches' short lifetimes.
 */
@FunctionalInterface
public interface IdentityChangeListener {
    void identitiesChanged();
}
