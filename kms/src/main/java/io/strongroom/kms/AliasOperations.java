package io.strongroom.kms;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.identity.DuplicateEntityException;
import io.strongroom.kms.KeyAccess.KeyView;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * CreateAlias, UpdateAlias, DeleteAlias and ListAliases. An alias change is authorised on the alias
 * (identity policies) and on every key it touches (key policies), as AWS requires.
 */
final class AliasOperations {
    private static final Pattern NAME = Pattern.compile("alias/[a-zA-Z0-9/_-]{1,250}");
    private static final String RESERVED = "alias/aws/";

    private final KmsRepository repository;
    private final KeyAccess access;
    private final Transactor transactor;
    private final Clock clock;
    private final String region;

    AliasOperations(KmsRepository repository, KeyAccess access, Transactor transactor, Clock clock, String region) {
        this.repository = requireNonNull(repository, "repository");
        this.access = requireNonNull(access, "access");
        this.transactor = requireNonNull(transactor, "transactor");
        this.clock = requireNonNull(clock, "clock");
        this.region = requireNonNull(region, "region");
    }

    void create(CallContext call, String aliasName, String targetKeyId) {
        requireValidName(aliasName);
        requireKeyNotAlias(targetKeyId);
        String account = call.principal().accountId();
        transactor.run(() -> {
            KeyView target = access.resolveForUpdate(call, targetKeyId);
            requireOwnKey(call, target.key());
            access.authorizeAlias(call, "CreateAlias", KeyAlias.arn(region, account, aliasName));
            access.authorize(call, target, "CreateAlias", Map.of());
            KeyStates.requireNotPendingDeletion(target.key());
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            try {
                repository.insertAlias(new KeyAlias(account, region, aliasName, target.key().keyId(), now, now));
            } catch (DuplicateEntityException e) {
                throw KmsErrors.alreadyExists("An alias with the name " + KeyAlias.arn(region, account, aliasName)
                        + " already exists");
            }
        });
        access.aliasesChanged();
    }

    void update(CallContext call, String aliasName, String targetKeyId) {
        requireValidName(aliasName);
        requireKeyNotAlias(targetKeyId);
        String account = call.principal().accountId();
        transactor.run(() -> {
            KeyAlias alias = existing(account, aliasName);
            KeyView current = access.resolveForUpdate(call, alias.targetKeyId());
            KeyView target = access.resolveForUpdate(call, targetKeyId);
            requireOwnKey(call, target.key());
            access.authorizeAlias(call, "UpdateAlias", alias.arn());
            access.authorize(call, current, "UpdateAlias", Map.of());
            access.authorize(call, target, "UpdateAlias", Map.of());
            KeyStates.requireNotPendingDeletion(target.key());
            if (current.key().keyUsage() != target.key().keyUsage()
                    || current.key().keySpec().symmetric() != target.key().keySpec().symmetric()) {
                throw KmsErrors.validation("The current and new KMS key of an alias must have the same key usage and"
                        + " both be symmetric or both asymmetric.");
            }
            repository.updateAlias(new KeyAlias(account, region, aliasName, target.key().keyId(), alias.creationDate(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        });
        access.aliasesChanged();
    }

    void delete(CallContext call, String aliasName) {
        requireValidName(aliasName);
        String account = call.principal().accountId();
        transactor.run(() -> {
            KeyAlias alias = existing(account, aliasName);
            KeyView target = access.resolveForUpdate(call, alias.targetKeyId());
            access.authorizeAlias(call, "DeleteAlias", alias.arn());
            access.authorize(call, target, "DeleteAlias", Map.of());
            repository.deleteAlias(account, region, aliasName);
        });
        access.aliasesChanged();
    }

    KmsService.Page<KeyAlias> list(CallContext call, Optional<String> keyId, Optional<String> marker, int limit) {
        access.authorizeAccountAction(call, "ListAliases", Map.of());
        Optional<String> target = keyId.map(id -> access.resolve(call, id)).map(view -> {
            requireOwnKey(call, view.key());
            return view.key().keyId();
        });
        Optional<String> after = marker.map(Markers::decode);
        List<KeyAlias> aliases = repository.listAliases(call.principal().accountId(), region, target, after, limit + 1);
        return KmsService.Page.of(aliases, limit, KeyAlias::aliasName);
    }

    private KeyAlias existing(String account, String aliasName) {
        return repository.findAlias(account, region, aliasName)
                .orElseThrow(() -> KmsErrors.aliasNotFound(KeyAlias.arn(region, account, aliasName)));
    }

    /** Aliases name keys of their own account only. */
    private void requireOwnKey(CallContext call, KmsKey key) {
        if (!key.accountId().equals(call.principal().accountId())) {
            throw KmsErrors.keyNotFound(key.arn());
        }
    }

    /** An alias names a key, never another alias. */
    private static void requireKeyNotAlias(String targetKeyId) {
        if (targetKeyId.startsWith("alias/") || targetKeyId.matches("arn:[^:]*:kms:[^:]*:[^:]*:alias/.*")) {
            throw KmsErrors.validation("Aliases must refer to keys. Not aliases");
        }
    }

    private static void requireValidName(String aliasName) {
        if (aliasName.startsWith(RESERVED)) {
            throw KmsErrors.invalidAliasName("Alias names that begin with " + RESERVED
                    + " are reserved for AWS managed keys.");
        }
        if (!NAME.matcher(aliasName).matches()) {
            throw KmsErrors.validation("1 validation error detected: Value '" + aliasName + "' at 'aliasName' failed"
                    + " to satisfy constraint: Member must satisfy regular expression pattern: ^alias/[a-zA-Z0-9/_-]+$");
        }
    }
}
