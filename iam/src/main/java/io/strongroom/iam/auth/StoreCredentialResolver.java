package io.strongroom.iam.auth;

import io.strongroom.core.spi.RootKeyProvider;
import io.strongroom.iam.identity.IdentityChangeListener;
import io.strongroom.iam.identity.IdentityRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Resolves access keys from the identity store: long-term keys of users and the root, and STS
 * session keys. Throws {@code ExpiredToken} for a session past its expiry.
 */
public final class StoreCredentialResolver implements CredentialResolver, IdentityChangeListener {
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(2);

    public StoreCredentialResolver(IdentityRepository repository, RootKeyProvider rootKeys, Clock clock,
                                   Duration cacheTtl) {
    }

    @Override
    public Optional<ResolvedCredential> resolve(String accessKeyId) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void identitiesChanged() {
    }
}
