package io.strongroom.kms;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.Tag;
import io.strongroom.iam.identity.TagConditionKeys;
import io.strongroom.kms.KeyAccess.KeyView;
import io.strongroom.policy.NamedPolicy;
import io.strongroom.policy.PolicyType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** CreateKey, DescribeKey, ListKeys, Enable/DisableKey, UpdateKeyDescription and the key-policy operations. */
final class KeyOperations {
    static final int MAX_DESCRIPTION = 8192;
    /** Key specs AWS offers that this installation does not make. */
    private static final Set<String> UNSUPPORTED_SPECS = Set.of("ECC_NIST_P521", "ECC_SECG_P256K1", "SM2",
            "ML_DSA_44", "ML_DSA_65", "ML_DSA_87");

    private final KmsRepository repository;
    private final KeyAccess access;
    private final KeyMaterials materials;
    private final Transactor transactor;
    private final Clock clock;
    private final String region;

    KeyOperations(KmsRepository repository, KeyAccess access, KeyMaterials materials, Transactor transactor,
                  Clock clock, String region) {
        this.repository = requireNonNull(repository, "repository");
        this.access = requireNonNull(access, "access");
        this.materials = requireNonNull(materials, "materials");
        this.transactor = requireNonNull(transactor, "transactor");
        this.clock = requireNonNull(clock, "clock");
        this.region = requireNonNull(region, "region");
    }

    KmsKey create(CallContext call, KmsService.CreateKeyRequest request) {
        KeySpec spec = keySpec(request.keySpec());
        KeyUsage usage = keyUsage(request.keyUsage(), spec);
        if (!spec.allows(usage)) {
            throw KmsErrors.validation("KeyUsage " + usage.name() + " is not compatible with KeySpec " + spec.name());
        }
        requireDescriptionLength(request.description());
        Tags.validate(request.tags());
        String accountId = call.principal().accountId();
        String policy = request.policy().orElseGet(() -> KeyPolicies.defaultPolicy(accountId));
        KeyPolicies.parse(policy);
        Map<String, List<String>> conditionKeys = new HashMap<>(TagConditionKeys.request(
                request.tags().entrySet().stream().map(e -> new Tag(e.getKey(), e.getValue())).toList()));
        conditionKeys.put("kms:KeySpec", List.of(spec.name()));
        conditionKeys.put("kms:KeyUsage", List.of(usage.name()));
        conditionKeys.put("kms:KeyOrigin", List.of("AWS_KMS"));
        conditionKeys.put("kms:MultiRegion", List.of("false"));
        conditionKeys.put("kms:BypassPolicyLockoutSafetyCheck", List.of(String.valueOf(request.bypassPolicyLockoutSafetyCheck())));
        access.authorizeAccountAction(call, "CreateKey", conditionKeys);
        if (!request.tags().isEmpty()) {
            access.authorizeAccountAction(call, "TagResource", conditionKeys);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String keyId = UUID.randomUUID().toString();
        KmsKey key = new KmsKey(keyId, accountId, region, request.description(), spec, usage, KeyState.ENABLED, now,
                Optional.empty(), Optional.empty(), policy, RotationSettings.DISABLED, 1, Optional.empty(), 0,
                request.tags());
        if (request.policy().isPresent() && !request.bypassPolicyLockoutSafetyCheck()) {
            requireNoLockout(call, key);
        }
        KeyVersion first = materials.generate(keyId, 1, spec, now, Optional.empty());
        transactor.run(() -> {
            repository.insertKey(key);
            repository.insertVersion(first);
        });
        access.changed(keyId);
        return key;
    }

    KmsKey describe(CallContext call, String keyId, List<String> grantTokens, GrantTokens tokens) {
        tokens.requireValid(grantTokens);
        KeyView view = access.resolve(call, keyId);
        access.authorize(call, view, "DescribeKey", Map.of());
        return view.key();
    }

    KmsService.Page<KmsKey> list(CallContext call, Optional<String> marker, int limit) {
        access.authorizeAccountAction(call, "ListKeys", Map.of());
        Optional<String> after = marker.map(Markers::decode);
        List<KmsKey> keys = repository.listKeys(call.principal().accountId(), region, after, limit + 1);
        return KmsService.Page.of(keys, limit, KmsKey::keyId);
    }

    KmsKey enable(CallContext call, String keyId) {
        return change(call, keyId, "EnableKey", key -> {
            KeyStates.requireNotPendingDeletion(key);
            return key.withState(KeyState.ENABLED);
        });
    }

    KmsKey disable(CallContext call, String keyId) {
        KmsKey disabled = change(call, keyId, "DisableKey", key -> {
            KeyStates.requireNotPendingDeletion(key);
            return key.withState(KeyState.DISABLED);
        });
        materials.forget(disabled.keyId());
        return disabled;
    }

    KmsKey updateDescription(CallContext call, String keyId, String description) {
        requireDescriptionLength(description);
        return change(call, keyId, "UpdateKeyDescription", key -> {
            KeyStates.requireNotPendingDeletion(key);
            return key.withDescription(description);
        });
    }

    String getPolicy(CallContext call, String keyId, String policyName) {
        requirePolicyName(policyName);
        KeyView view = access.resolve(call, keyId);
        access.authorize(call, view, "GetKeyPolicy", Map.of());
        return view.key().policy();
    }

    List<String> listPolicies(CallContext call, String keyId) {
        KeyView view = access.resolve(call, keyId);
        access.authorize(call, view, "ListKeyPolicies", Map.of());
        return List.of(KeyPolicies.POLICY_NAME);
    }

    KmsKey putPolicy(CallContext call, String keyId, String policyName, String policy, boolean bypassLockoutCheck) {
        requirePolicyName(policyName);
        KeyPolicies.parse(policy);
        return change(call, keyId, "PutKeyPolicy", key -> {
            KeyStates.requireNotPendingDeletion(key);
            KmsKey changed = key.withPolicy(policy);
            if (!bypassLockoutCheck) {
                requireNoLockout(call, changed);
            }
            return changed;
        }, Map.of("kms:BypassPolicyLockoutSafetyCheck", List.of(String.valueOf(bypassLockoutCheck))));
    }

    /** Reads the key locked, authorises, applies the change, stores it and drops the cached view. */
    KmsKey change(CallContext call, String keyId, String operation, UnaryOperator<KmsKey> change) {
        return change(call, keyId, operation, change, Map.of());
    }

    KmsKey change(CallContext call, String keyId, String operation, UnaryOperator<KmsKey> change,
                  Map<String, List<String>> conditionKeys) {
        KmsKey changed = transactor.inTransaction(() -> {
            KeyView view = access.resolveForUpdate(call, keyId);
            access.authorize(call, view, operation, conditionKeys);
            KmsKey updated = change.apply(view.key());
            if (!updated.equals(view.key())) {
                repository.updateKey(updated);
            }
            return updated;
        });
        access.changed(changed.keyId());
        return changed;
    }

    /**
     * AWS's policy lockout safety check: a key policy must let the principal setting it change it
     * again, or nobody may ever fix it.
     */
    private void requireNoLockout(CallContext call, KmsKey key) {
        NamedPolicy policy = new NamedPolicy(PolicyType.RESOURCE, key.arn() + "/policy/default", KeyPolicies.parse(key.policy()));
        if (!access.allows(call, new KeyView(key, policy), "PutKeyPolicy")) {
            throw KmsErrors.malformedPolicy("The new key policy will not allow you to update the key policy in the future.");
        }
    }

    private static void requireDescriptionLength(String description) {
        if (description.length() > MAX_DESCRIPTION) {
            throw KmsErrors.validation("1 validation error detected: Value at 'description' failed to satisfy "
                    + "constraint: Member must have length less than or equal to " + MAX_DESCRIPTION);
        }
    }

    private static void requirePolicyName(String policyName) {
        if (!policyName.equals(KeyPolicies.POLICY_NAME)) {
            throw KmsErrors.notFound("No such policy exists");
        }
    }

    private static KeySpec keySpec(Optional<String> wire) {
        if (wire.isEmpty()) {
            return KeySpec.SYMMETRIC_DEFAULT;
        }
        if (UNSUPPORTED_SPECS.contains(wire.get())) {
            throw KmsErrors.unsupported("KeySpec " + wire.get() + " is not supported by this installation.");
        }
        return KeySpec.fromWire(wire.get()).orElseThrow(() -> KmsErrors.validation("1 validation error detected: Value '"
                + wire.get() + "' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: "
                + Arrays.toString(KeySpec.values())));
    }

    private static KeyUsage keyUsage(Optional<String> wire, KeySpec spec) {
        if (wire.isEmpty()) {
            if (!spec.symmetric()) {
                throw KmsErrors.validation("You must specify a KeyUsage value for all KMS keys except for symmetric"
                        + " encryption keys.");
            }
            return KeyUsage.ENCRYPT_DECRYPT;
        }
        if (wire.get().equals("KEY_AGREEMENT")) {
            throw KmsErrors.unsupported("KeyUsage KEY_AGREEMENT is not supported by this installation.");
        }
        return KeyUsage.fromWire(wire.get()).orElseThrow(() -> KmsErrors.validation("1 validation error detected: Value '"
                + wire.get() + "' at 'keyUsage' failed to satisfy constraint: Member must satisfy enum value set: "
                + Arrays.toString(KeyUsage.values())));
    }
}
