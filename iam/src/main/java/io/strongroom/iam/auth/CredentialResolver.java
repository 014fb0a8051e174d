package io.strongroom.iam.auth;

import java.util.Optional;

/**
 * Looks up an access key id (long-term {@code AKIA…} or temporary {@code ASIA…}). Empty when the
 * key does not exist or a temporary key has expired and been forgotten. Implementations may cache,
 * but must see a deleted or deactivated key within seconds on every node.
 */
public interface CredentialResolver {
    Optional<ResolvedCredential> resolve(String accessKeyId);

    /** Records that a key was used (GetAccessKeyLastUsed); may be asynchronous and coalesced. */
    default void recordUse(String accessKeyId, String service, String region) {
    }
}
