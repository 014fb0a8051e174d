package io.strongroom.kms;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.Arn;
import io.strongroom.iam.access.AccessAuthorizer;
import io.strongroom.iam.access.AccessDeniedException;
import io.strongroom.iam.access.ProtectedResource;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.cache.ExpiringCache;
import io.strongroom.policy.ConditionKeys;
import io.strongroom.policy.Decision;
import io.strongroom.policy.NamedPolicy;
import io.strongroom.policy.PolicyType;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the key a request names and decides whether the caller may use it.
 *
 * <p>A request names a key by its id, its ARN, an alias name or an alias ARN. An id or alias name
 * means the caller's own account; another account's key is named by ARN, and its key policy must
 * then allow the caller. Every decision goes through IAM's {@link AccessAuthorizer}, so the key policy
 * (a required resource policy, as in AWS), the key's grants, the caller's identity policies and the
 * organization's guardrails combine as AWS combines them.
 *
 * <p>For the cryptographic operations, a key and its effective policy are kept for a short TTL: a
 * change made on this node clears them at once ({@link #changed}); another node's shows within the TTL.
 */
final class KeyAccess {
    static final Duration DEFAULT_TTL = Duration.ofSeconds(2);
    private static final int MAX_CACHED = 10_000;
    /**
     * What no one may do to an AWS managed key, whatever a policy says: AWS administers it. (Its
     * policy allows none of these either; this holds should a stored policy ever say otherwise.)
     */
    private static final Set<String> AWS_MANAGED_FORBIDDEN = Set.of("PutKeyPolicy", "EnableKey", "DisableKey",
            "ScheduleKeyDeletion", "CancelKeyDeletion", "TagResource", "UntagResource", "EnableKeyRotation",
            "DisableKeyRotation", "RotateKeyOnDemand", "UpdateKeyDescription", "CreateAlias", "UpdateAlias",
            "DeleteAlias", "UpdatePrimaryRegion", "ReplicateKey");

    /** A key as authorisation sees it. */
    record KeyView(KmsKey key, NamedPolicy policy, Map<String, List<String>> conditionKeys) {
        KeyView(KmsKey key, NamedPolicy policy) {
            this(key, policy, keyConditionKeys(key));
        }
    }

    private final KmsRepository repository;
    private final AccessAuthorizer authorizer;
    private final String region;
    private final ExpiringCache<String, Optional<KeyView>> views;
    private final ExpiringCache<String, Optional<String>> aliases;

    KeyAccess(KmsRepository repository, AccessAuthorizer authorizer, Clock clock, Duration ttl, String region) {
        this.repository = requireNonNull(repository, "repository");
        this.authorizer = requireNonNull(authorizer, "authorizer");
        this.region = requireNonNull(region, "region");
        this.views = new ExpiringCache<>(clock, ttl, MAX_CACHED);
        this.aliases = new ExpiringCache<>(clock, ttl, MAX_CACHED);
    }

    /** The key a request names, possibly a few seconds old; NotFoundException when there is none. */
    KeyView resolve(CallContext call, String keyIdInput) {
        String keyId = keyIdOf(call, keyIdInput, true);
        return views.get(keyId, this::load).orElseThrow(() -> notFound(call, keyIdInput));
    }

    /** The key a request names, read now and locked for a change; call inside a transaction. */
    KeyView resolveForUpdate(CallContext call, String keyIdInput) {
        String keyId = keyIdOf(call, keyIdInput, false);
        return repository.findKeyForUpdate(keyId).flatMap(this::view).orElseThrow(() -> notFound(call, keyIdInput));
    }

    /** A usable-or-not key by id in any account, possibly a few seconds old; empty when absent or destroyed. */
    Optional<KeyView> byId(String keyId) {
        return isKeyId(keyId) ? views.get(keyId, this::load) : Optional.empty();
    }

    /** A key by id, destroyed ones included, uncached (the ciphertext of a destroyed key must say so). */
    Optional<KmsKey> findAnyState(String keyId) {
        return repository.findKey(keyId).filter(key -> key.region().equals(region));
    }

    /**
     * Throws AccessDeniedException unless the caller may perform {@code kms:<operation>} on the key.
     *
     * @param requestKeys the request's own condition keys (encryption context, algorithm…)
     */
    void authorize(CallContext call, KeyView view, String operation, Map<String, List<String>> requestKeys) {
        if (forbiddenOnAwsManaged(view, operation)) {
            Decision denied = Decision.implicitDeny(PolicyType.RESOURCE);
            throw new AccessDeniedException(denied.accessDeniedMessage(call.principal().arn(), "kms:" + operation,
                    view.key().arn()), denied, "kms:" + operation, view.key().arn());
        }
        authorizer.authorize(call, "kms:" + operation, resourceOf(view), conditionKeys(call, view, requestKeys));
    }

    /** Whether the caller may perform {@code kms:<operation>} on the key, without throwing. */
    boolean allows(CallContext call, KeyView view, String operation) {
        return decide(call, view, operation).allowed();
    }

    /** The decision on {@code kms:<operation>} for the key, without throwing. */
    Decision decide(CallContext call, KeyView view, String operation) {
        return decide(call, view, operation, Map.of());
    }

    Decision decide(CallContext call, KeyView view, String operation, Map<String, List<String>> requestKeys) {
        if (forbiddenOnAwsManaged(view, operation)) {
            return Decision.implicitDeny(PolicyType.RESOURCE);
        }
        return authorizer.decide(call, "kms:" + operation, resourceOf(view), conditionKeys(call, view, requestKeys));
    }

    private static ProtectedResource resourceOf(KeyView view) {
        return new ProtectedResource(view.key().arn(), Optional.of(view.key().accountId()), Optional.of(view.policy()),
                true);
    }

    private static Map<String, List<String>> conditionKeys(CallContext call, KeyView view,
                                                           Map<String, List<String>> requestKeys) {
        return ConditionKeys.builder().putAll(requestKeys).putAll(view.conditionKeys())
                .put("kms:CallerAccount", List.of(call.principal().accountId())).build();
    }

    private static boolean forbiddenOnAwsManaged(KeyView view, String operation) {
        return view.key().awsManaged() && AWS_MANAGED_FORBIDDEN.contains(operation);
    }

    /** Authorises an action that names no key (CreateKey, ListKeys, ListAliases). */
    void authorizeAccountAction(CallContext call, String operation, Map<String, List<String>> requestKeys) {
        Map<String, List<String>> keys = new HashMap<>(requestKeys);
        keys.put("kms:CallerAccount", List.of(call.principal().accountId()));
        authorizer.authorize(call, "kms:" + operation, "*", keys);
    }

    /** Authorises an action on an alias resource (the alias ARN, governed by identity policies only). */
    void authorizeAlias(CallContext call, String operation, String aliasArn) {
        authorizer.authorize(call, "kms:" + operation, aliasArn,
                Map.of("kms:CallerAccount", List.of(call.principal().accountId())));
    }

    /** Drops what is cached of a key (and every alias resolution, which may point at it). */
    void changed(String keyId) {
        views.invalidate(keyId);
        aliases.invalidateAll();
    }

    void aliasesChanged() {
        aliases.invalidateAll();
    }

    private Optional<KeyView> load(String keyId) {
        return repository.findKey(keyId).flatMap(this::view);
    }

    /** A live key of this region with its effective policy; empty for a destroyed or foreign-region key. */
    private Optional<KeyView> view(KmsKey key) {
        if (key.state() == KeyState.DESTROYED || !key.region().equals(region)) {
            return Optional.empty();
        }
        return Optional.of(new KeyView(key, KeyPolicies.effective(key, repository.listGrants(key.keyId()))));
    }

    /** The condition keys that depend on the key alone (the caller's account is added per call). */
    private static Map<String, List<String>> keyConditionKeys(KmsKey key) {
        Map<String, List<String>> keys = new HashMap<>();
        keys.put("kms:KeySpec", List.of(key.keySpec().name()));
        keys.put("kms:KeyUsage", List.of(key.keyUsage().name()));
        keys.put("kms:KeyOrigin", List.of("AWS_KMS"));
        keys.put("kms:KeyManager", List.of(key.keyManager().name()));
        keys.put("kms:MultiRegion", List.of("false"));
        key.tags().forEach((tag, value) -> keys.put("aws:ResourceTag/" + tag, List.of(value)));
        return Map.copyOf(keys);
    }

    /**
     * The key id a KeyId parameter names, resolving aliases. A bare id or alias name is the caller's
     * account's; ARNs may name another account but must name this region.
     */
    private String keyIdOf(CallContext call, String input, boolean cachedAliases) {
        String account = call.principal().accountId();
        String reference = input;
        if (input.startsWith("arn:")) {
            Arn arn = parseArn(input);
            if (!arn.service().equals("kms") || !arn.region().equals(region)) {
                throw notFound(call, input);
            }
            account = arn.accountId();
            reference = arn.resource();
            if (reference.startsWith("key/")) {
                String keyId = reference.substring("key/".length());
                return ownedKey(keyId, account).orElseThrow(() -> notFound(call, input));
            }
            if (!reference.startsWith("alias/")) {
                throw notFound(call, input);
            }
        }
        if (reference.startsWith("alias/")) {
            String aliasAccount = account;
            String aliasName = reference;
            Optional<String> target = cachedAliases
                    ? aliases.get(aliasAccount + "|" + aliasName, key -> aliasTarget(aliasAccount, aliasName))
                    : aliasTarget(aliasAccount, aliasName);
            return target.orElseThrow(() -> KmsErrors.aliasNotFound(KeyAlias.arn(region, aliasAccount, aliasName)));
        }
        if (!isKeyId(reference)) {
            throw KmsErrors.notFound("Invalid keyId '" + reference + "'");
        }
        return ownedKey(reference, account).orElseThrow(() -> notFound(call, input));
    }

    private Optional<String> ownedKey(String keyId, String account) {
        // the owner is checked against the loaded key: a key id is unique across accounts
        return isKeyId(keyId)
                ? views.get(keyId, this::load).filter(view -> view.key().accountId().equals(account))
                        .map(view -> keyId)
                : Optional.empty();
    }

    private Optional<String> aliasTarget(String account, String aliasName) {
        return repository.findAlias(account, region, aliasName).map(KeyAlias::targetKeyId);
    }

    private Arn parseArn(String input) {
        try {
            return Arn.parse(input);
        } catch (IllegalArgumentException e) {
            throw KmsErrors.notFound("Invalid arn " + input);
        }
    }

    private KmsException notFound(CallContext call, String input) {
        String named = input.startsWith("arn:") ? input : KmsKey.arn(region, call.principal().accountId(), input);
        return KmsErrors.keyNotFound(named);
    }

    /** A key id as KMS makes them: a lower-case UUID (checked by hand, as it is on every call's path). */
    static boolean isKeyId(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
