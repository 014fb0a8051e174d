package io.strongroom.iam.auth;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.core.Ids;
import io.strongroom.core.spi.RootKeyProvider;
import io.strongroom.iam.cache.ExpiringCache;
import io.strongroom.iam.identity.AccessKey;
import io.strongroom.iam.identity.IamArns;
import io.strongroom.iam.identity.IdentityChangeListener;
import io.strongroom.iam.identity.IdentityRepository;
import io.strongroom.iam.identity.Role;
import io.strongroom.iam.identity.SecretBinding;
import io.strongroom.iam.identity.StsSessionRecord;
import io.strongroom.iam.identity.User;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves access keys from the identity store: long-term keys of users and of the account root,
 * and STS session keys. A session past its expiry is an {@code ExpiredToken} failure rather than
 * an unknown key. Found credentials are cached briefly (unknown ids are not, so guessing ids cannot
 * flush the cache); a key deleted on another node stops working within the TTL.
 */
public final class StoreCredentialResolver implements CredentialResolver, IdentityChangeListener {
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(2);
    private static final int MAX_CACHED_KEYS = 10_000;

    private final IdentityRepository repository;
    private final RootKeyProvider rootKeys;
    private final Clock clock;
    private final ExpiringCache<String, Optional<ResolvedCredential>> cache;
    private final Optional<AccessKeyUsageRecorder> usage;

    public StoreCredentialResolver(IdentityRepository repository, RootKeyProvider rootKeys, Clock clock,
                                   Duration cacheTtl) {
        this(repository, rootKeys, clock, cacheTtl, Optional.empty());
    }

    /** @param usage records GetAccessKeyLastUsed data; coalesced and written in the background */
    public StoreCredentialResolver(IdentityRepository repository, RootKeyProvider rootKeys, Clock clock,
                                   Duration cacheTtl, Optional<AccessKeyUsageRecorder> usage) {
        this.repository = requireNonNull(repository, "repository");
        this.rootKeys = requireNonNull(rootKeys, "rootKeys");
        this.clock = requireNonNull(clock, "clock");
        this.cache = new ExpiringCache<>(clock, cacheTtl, MAX_CACHED_KEYS);
        this.usage = requireNonNull(usage, "usage");
    }

    @Override
    public Optional<ResolvedCredential> resolve(String accessKeyId) {
        requireNonNull(accessKeyId, "accessKeyId");
        Optional<ResolvedCredential> resolved = cache.get(accessKeyId, this::load);
        if (resolved.isEmpty()) {
            cache.invalidate(accessKeyId);
        }
        resolved.flatMap(c -> c.principal().session()).ifPresent(session -> {
            if (!clock.instant().isBefore(session.expiresAt())) {
                throw expiredToken();
            }
        });
        return resolved;
    }

    @Override
    public void recordUse(String accessKeyId, String service, String region) {
        if (accessKeyId.startsWith(Ids.ACCESS_KEY_PREFIX)) {
            usage.ifPresent(recorder -> recorder.record(accessKeyId, service, region));
        }
    }

    @Override
    public void identitiesChanged() {
        cache.invalidateAll();
    }

    public static AwsException expiredToken() {
        return new AwsException("ExpiredToken", 403, "The security token included in the request is expired");
    }

    private Optional<ResolvedCredential> load(String accessKeyId) {
        if (accessKeyId.startsWith(Ids.TEMPORARY_ACCESS_KEY_PREFIX)) {
            return repository.findSession(accessKeyId).flatMap(this::fromSession);
        }
        return repository.findAccessKey(accessKeyId).flatMap(this::fromAccessKey);
    }

    private Optional<ResolvedCredential> fromAccessKey(AccessKey key) {
        Optional<Principal> principal = key.userName().isPresent()
                ? repository.findUser(key.accountId(), key.userName().get()).map(user -> userPrincipal(user, key))
                : Optional.of(rootPrincipal(key));
        byte[] secret = rootKeys.unwrap(key.wrappedSecret(), SecretBinding.accessKeyAad(key.accessKeyId()));
        return principal.map(p -> new ResolvedCredential(secret, p, key.active(), Optional.empty()));
    }

    private Optional<ResolvedCredential> fromSession(StsSessionRecord record) {
        // A role deleted (or deleted and re-created) since the session was issued ends the session.
        Optional<Role> role = repository.findRole(record.accountId(), record.roleName())
                .filter(r -> r.roleId().equals(record.roleId()));
        if (role.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> tags = new HashMap<>(role.get().tags());
        tags.putAll(record.sessionTags());
        Session session = new Session(record.roleArn(), record.roleId(), record.sessionName(), record.issuedAt(),
                record.expiresAt(), record.sessionPolicy(), record.sessionTags(), record.sourceIdentity(),
                record.issuedBy());
        Principal principal = new Principal(PrincipalType.ASSUMED_ROLE, record.accountId(),
                IamArns.assumedRole(record.accountId(), record.roleName(), record.sessionName()), record.roleArn(),
                record.roleId() + ":" + record.sessionName(), record.roleName(), record.accessKeyId(), tags,
                Optional.of(session));
        byte[] secret = rootKeys.unwrap(record.wrappedSecret(), SecretBinding.stsSessionAad(record.accessKeyId()));
        return Optional.of(new ResolvedCredential(secret, principal, true, Optional.of(record.sessionTokenHash())));
    }

    private static Principal userPrincipal(User user, AccessKey key) {
        return new Principal(PrincipalType.IAM_USER, user.accountId(), user.arn(), user.arn(), user.userId(),
                user.userName(), key.accessKeyId(), user.tags(), Optional.empty());
    }

    private static Principal rootPrincipal(AccessKey key) {
        String arn = IamArns.root(key.accountId());
        return new Principal(PrincipalType.ROOT, key.accountId(), arn, arn, key.accountId(), key.accountId(),
                key.accessKeyId(), Map.of(), Optional.empty());
    }
}
