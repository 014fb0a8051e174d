package io.strongroom.kms;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.access.AccessDeniedException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import io.strongroom.kms.KeyAccess.KeyView;
import io.strongroom.policy.Decision;
import io.strongroom.policy.MalformedPolicyDocumentException;
import io.strongroom.policy.PolicyDocument;
import io.strongroom.policy.PolicyType;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CreateGrant, ListGrants, ListRetirableGrants, RetireGrant and RevokeGrant. A grant allows its
 * grantee the operations it names from the moment CreateGrant returns (see {@link KeyPolicies#effective}).
 */
final class GrantOperations {
    /** Grants per key; each becomes a statement of the key's effective policy. */
    static final int MAX_GRANTS_PER_KEY = 10_000;
    private static final Pattern GRANT_ID = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> OPERATIONS = Set.of("Decrypt", "Encrypt", "GenerateDataKey",
            "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo", "Sign", "Verify", "GetPublicKey",
            "CreateGrant", "RetireGrant", "DescribeKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
            "GenerateMac", "VerifyMac");
    /** The operations that take an encryption context, the only ones a grant constraint can apply to. */
    private static final Set<String> CONTEXT_OPERATIONS = Set.of("Decrypt", "Encrypt", "GenerateDataKey",
            "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo", "GenerateDataKeyPair",
            "GenerateDataKeyPairWithoutPlaintext", "RetireGrant", "DescribeKey", "CreateGrant");
    private static final Map<KeyUsage, Set<String>> USAGE_OPERATIONS = Map.of(
            KeyUsage.ENCRYPT_DECRYPT, Set.of("Decrypt", "Encrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext",
                    "ReEncryptFrom", "ReEncryptTo", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
                    "GetPublicKey"),
            KeyUsage.SIGN_VERIFY, Set.of("Sign", "Verify", "GetPublicKey"),
            KeyUsage.GENERATE_VERIFY_MAC, Set.of("GenerateMac", "VerifyMac"));
    private static final Set<String> ANY_KEY_OPERATIONS = Set.of("CreateGrant", "RetireGrant", "DescribeKey");

    private final KmsRepository repository;
    private final KeyAccess access;
    private final GrantTokens tokens;
    private final Transactor transactor;
    private final Clock clock;
    private final KeyMaterials materials;

    GrantOperations(KmsRepository repository, KeyAccess access, GrantTokens tokens, Transactor transactor, Clock clock,
                    KeyMaterials materials) {
        this.repository = requireNonNull(repository, "repository");
        this.access = requireNonNull(access, "access");
        this.tokens = requireNonNull(tokens, "tokens");
        this.transactor = requireNonNull(transactor, "transactor");
        this.clock = requireNonNull(clock, "clock");
        this.materials = requireNonNull(materials, "materials");
    }

    KmsService.CreatedGrant create(CallContext call, KmsService.CreateGrantRequest request) {
        tokens.requireValid(request.grantTokens());
        List<String> operations = List.copyOf(new LinkedHashSet<>(request.operations()));
        operations.forEach(operation -> {
            if (!OPERATIONS.contains(operation)) {
                throw KmsErrors.validation("1 validation error detected: Value '" + operation + "' at 'operations' "
                        + "failed to satisfy constraint: Member must satisfy enum value set: " + OPERATIONS);
            }
        });
        boolean constrained = request.encryptionContextSubset().isPresent() || request.encryptionContextEquals().isPresent();
        if (request.encryptionContextSubset().isPresent() && request.encryptionContextEquals().isPresent()) {
            throw KmsErrors.validation("A grant constraint may have EncryptionContextSubset or EncryptionContextEquals,"
                    + " not both.");
        }
        if (constrained && !CONTEXT_OPERATIONS.containsAll(operations)) {
            throw KmsErrors.validation("Grant constraints are supported only for operations that take an encryption"
                    + " context.");
        }
        requireGrantablePrincipal(request.granteePrincipal(), "GranteePrincipal");
        request.retiringPrincipal().ifPresent(principal -> requireGrantablePrincipal(principal, "RetiringPrincipal"));
        Map<String, List<String>> conditionKeys = new HashMap<>();
        conditionKeys.put("kms:GrantOperations", operations);
        conditionKeys.put("kms:GranteePrincipal", List.of(request.granteePrincipal()));
        request.retiringPrincipal().ifPresent(p -> conditionKeys.put("kms:RetiringPrincipal", List.of(p)));
        if (constrained) {
            conditionKeys.put("kms:GrantConstraintType", List.of(request.encryptionContextSubset().isPresent()
                    ? "EncryptionContextSubset" : "EncryptionContextEquals"));
        }
        conditionKeys.put("kms:GrantIsForAWSResource", List.of("false"));
        Grant grant = transactor.inTransaction(() -> {
            KeyView view = access.resolveForUpdate(call, request.keyId());
            access.authorize(call, view, "CreateGrant", conditionKeys);
            KmsKey key = view.key();
            KeyStates.requireNotPendingDeletion(key);
            for (String operation : operations) {
                if (!ANY_KEY_OPERATIONS.contains(operation)
                        && !USAGE_OPERATIONS.get(key.keyUsage()).contains(operation)) {
                    throw KmsErrors.validation("Grant operation " + operation + " is not valid for " + key.arn()
                            + " (" + key.keyUsage().name() + ").");
                }
            }
            List<Grant> existing = repository.listGrants(key.keyId());
            requireWithinParentGrant(call, key, existing, request, operations, conditionKeys);
            if (request.name().isPresent()) {
                Optional<Grant> same = existing.stream().filter(g -> g.name().equals(request.name())).findFirst();
                if (same.isPresent() && sameParameters(same.get(), request, operations)) {
                    return same.get(); // a retried request: the same grant, as AWS answers
                }
            }
            if (existing.size() >= MAX_GRANTS_PER_KEY) {
                throw KmsErrors.limitExceeded("The KMS key " + key.arn() + " has " + MAX_GRANTS_PER_KEY
                        + " grants, the most this installation allows.");
            }
            String grantId = HexFormat.of().formatHex(materials.randomBytes(32));
            Grant created = new Grant(grantId, key.keyId(), request.name(), request.granteePrincipal(),
                    request.retiringPrincipal(), "arn:aws:iam::" + call.principal().accountId() + ":root", operations,
                    request.encryptionContextSubset(), request.encryptionContextEquals(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), GrantTokens.hash(GrantTokens.tokenOf(grantId)));
            repository.insertGrant(created);
            return created;
        });
        access.changed(grant.keyId());
        return new KmsService.CreatedGrant(grant.grantId(), GrantTokens.tokenOf(grant.grantId()));
    }

    KmsService.Page<Grant> list(CallContext call, String keyId, Optional<String> grantId,
                                Optional<String> granteePrincipal, Optional<String> marker, int limit) {
        KeyView view = access.resolve(call, keyId);
        access.authorize(call, view, "ListGrants", Map.of());
        grantId.ifPresent(GrantOperations::requireGrantIdFormat);
        List<Grant> grants = repository.listGrants(view.key().keyId()).stream()
                .filter(g -> grantId.isEmpty() || g.grantId().equals(grantId.get()))
                .filter(g -> granteePrincipal.isEmpty() || g.granteePrincipal().equals(granteePrincipal.get()))
                .sorted(Comparator.comparing(Grant::grantId)) // the marker is a grant id
                .toList();
        return KmsService.Page.after(grants, marker, limit, Grant::grantId);
    }

    String keyArnOf(Grant grant) {
        return access.findAnyState(grant.keyId()).map(KmsKey::arn)
                .orElseThrow(() -> new IllegalStateException("grant " + grant.grantId() + " names no key"));
    }

    KmsService.Page<Grant> listRetirable(CallContext call, String retiringPrincipal, Optional<String> marker,
                                         int limit) {
        access.authorizeAccountAction(call, "ListRetirableGrants", Map.of());
        List<Grant> grants = repository.listGrantsRetirableBy(retiringPrincipal).stream()
                .filter(grant -> access.byId(grant.keyId()).isPresent())
                .sorted(Comparator.comparing((Grant g) -> g.keyId() + "/" + g.grantId()))
                .toList();
        return KmsService.Page.after(grants, marker, limit, g -> g.keyId() + "/" + g.grantId());
    }

    /**
     * Retires a grant named by its token, or by key and grant id. Not governed by policies, as in AWS:
     * the grant's retiring principal may retire it, its grantee when the grant includes RetireGrant, and
     * the account that owns the key.
     */
    void retire(CallContext call, Optional<String> grantToken, Optional<String> keyId, Optional<String> grantId) {
        Grant grant = transactor.inTransaction(() -> {
            Grant found;
            if (grantToken.isPresent()) {
                found = repository.findGrantByTokenHash(GrantTokens.hash(grantToken.get()))
                        .orElseThrow(KmsErrors::invalidGrantToken);
            } else if (keyId.isPresent() && grantId.isPresent()) {
                requireGrantIdFormat(grantId.get());
                KmsKey key = access.resolveForUpdate(call, keyId.get()).key();
                found = repository.findGrant(key.keyId(), grantId.get())
                        .orElseThrow(() -> KmsErrors.notFound("Grant " + grantId.get() + " does not exist for "
                                + key.arn()));
            } else {
                throw KmsErrors.validation("Either GrantToken, or both KeyId and GrantId, must be specified.");
            }
            KeyView key = access.resolveForUpdate(call, access.findAnyState(found.keyId())
                    .map(KmsKey::arn).orElseThrow(() -> KmsErrors.keyNotFound(found.keyId())));
            Decision decision = access.decide(call, key, "RetireGrant");
            boolean named = namedToRetire(call.principal(), found);
            // the grant's retiring principal (or its grantee, given RetireGrant) may retire it unless a
            // policy denies it explicitly; anyone else needs kms:RetireGrant from the policies
            if (named ? decision.outcome() == Decision.Outcome.EXPLICIT_DENY : !decision.allowed()) {
                throw new AccessDeniedException(decision.accessDeniedMessage(call.principal().arn(), "kms:RetireGrant",
                        key.key().arn()), decision, "kms:RetireGrant", key.key().arn());
            }
            repository.deleteGrant(found.keyId(), found.grantId());
            return found;
        });
        access.changed(grant.keyId());
    }

    void revoke(CallContext call, String keyId, String grantId) {
        requireGrantIdFormat(grantId);
        String revokedFrom = transactor.inTransaction(() -> {
            KeyView view = access.resolveForUpdate(call, keyId);
            access.authorize(call, view, "RevokeGrant", Map.of());
            if (!repository.deleteGrant(view.key().keyId(), grantId)) {
                throw KmsErrors.notFound("Grant " + grantId + " does not exist for " + view.key().arn());
            }
            return view.key().keyId();
        });
        access.changed(revokedFrom);
    }

    /**
     * A principal allowed CreateGrant only by a grant creates grants within that grant, as AWS limits
     * it: the child's operations among the parent's, and a constrained parent's context at least as
     * strictly required by the child.
     */
    private void requireWithinParentGrant(CallContext call, KmsKey key, List<Grant> grants,
                                          KmsService.CreateGrantRequest request, List<String> operations,
                                          Map<String, List<String>> conditionKeys) {
        KeyView withoutGrants = new KeyView(key, KeyPolicies.keyPolicyOnly(key));
        if (access.decide(call, withoutGrants, "CreateGrant", conditionKeys).allowed()) {
            return;
        }
        Set<String> names = namesOf(call.principal());
        boolean withinAParent = grants.stream()
                .filter(parent -> names.contains(parent.granteePrincipal()) && parent.operations().contains("CreateGrant"))
                .anyMatch(parent -> parent.operations().containsAll(operations) && atLeastAsStrict(parent, request));
        if (!withinAParent) {
            Decision denied = Decision.implicitDeny(PolicyType.RESOURCE);
            throw new AccessDeniedException(denied.accessDeniedMessage(call.principal().arn(), "kms:CreateGrant",
                    key.arn()), denied, "kms:CreateGrant", key.arn());
        }
    }

    private static boolean atLeastAsStrict(Grant parent, KmsService.CreateGrantRequest child) {
        if (parent.encryptionContextEquals().isPresent()) {
            return child.encryptionContextEquals().equals(parent.encryptionContextEquals());
        }
        if (parent.encryptionContextSubset().isPresent()) {
            Map<String, String> required = parent.encryptionContextSubset().get();
            return child.encryptionContextEquals().or(child::encryptionContextSubset)
                    .filter(pairs -> pairs.entrySet().containsAll(required.entrySet())).isPresent();
        }
        return true;
    }

    /** Whether the grant names the caller itself as its retiring principal, or as a grantee that may retire it. */
    private static boolean namedToRetire(Principal caller, Grant grant) {
        Set<String> names = namesOf(caller);
        return grant.retiringPrincipal().filter(names::contains).isPresent()
                || grant.operations().contains("RetireGrant") && names.contains(grant.granteePrincipal());
    }

    /**
     * The ARNs a grant may name the caller by. A user's ARN is its principal ARN, hence a set that
     * tolerates the repetition; an account's root ARN names the root user only, not everyone in it.
     */
    private static Set<String> namesOf(Principal caller) {
        Set<String> names = new HashSet<>(List.of(caller.arn(), caller.principalArn()));
        if (caller.isRoot()) {
            names.add("arn:aws:iam::" + caller.accountId() + ":root");
        }
        return names;
    }

    private static boolean sameParameters(Grant grant, KmsService.CreateGrantRequest request, List<String> operations) {
        return grant.granteePrincipal().equals(request.granteePrincipal())
                && grant.retiringPrincipal().equals(request.retiringPrincipal())
                && Set.copyOf(grant.operations()).equals(Set.copyOf(operations))
                && grant.encryptionContextSubset().equals(request.encryptionContextSubset())
                && grant.encryptionContextEquals().equals(request.encryptionContextEquals());
    }

    /** A grantee must be something a policy's AWS principal can name; anything else is refused up front. */
    private static void requireGrantablePrincipal(String principal, String member) {
        if (!principal.startsWith("arn:") && !principal.matches("\\d{12}")) {
            throw KmsErrors.validation(member + " must be an AWS principal ARN: " + principal);
        }
        try {
            PolicyDocument.allowStatement("check", principal, List.of("kms:Decrypt"), Map.of());
        } catch (MalformedPolicyDocumentException e) {
            throw KmsErrors.validation(member + " is not a valid principal: " + principal);
        }
    }

    private static void requireGrantIdFormat(String grantId) {
        if (!GRANT_ID.matcher(grantId).matches()) {
            throw KmsErrors.invalidGrantId("Invalid grant ID " + grantId);
        }
    }
}
