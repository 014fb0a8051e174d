package io.strongroom.iam.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.Ids;
import io.strongroom.core.spi.RootKeyProvider;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey, GetAccessKeyLastUsed. Without
 * a user name these act on the caller's own user, or on the account root's keys for the root.
 */
final class AccessKeyOperations {
    static final int MAX_KEYS_PER_USER = 2;

    private final IdentityRepository repository;
    private final GuardedOperations guard;
    private final IdentityTargetGuard users;
    private final RootKeyProvider rootKeys;
    private final Clock clock;

    AccessKeyOperations(IdentityRepository repository, GuardedOperations guard, RootKeyProvider rootKeys, Clock clock) {
        this.repository = requireNonNull(repository, "repository");
        this.guard = requireNonNull(guard, "guard");
        this.users = new IdentityTargetGuard(new IdentityLookup(repository), guard);
        this.rootKeys = requireNonNull(rootKeys, "rootKeys");
        this.clock = requireNonNull(clock, "clock");
    }

    CreatedAccessKey create(CallContext call, Optional<String> userName) {
        String account = call.principal().accountId();
        return onOwner(call, "iam:CreateAccessKey", userName, name -> {
            if (repository.listAccessKeys(account, name).size() >= MAX_KEYS_PER_USER) {
                throw IamErrors.limitExceeded("Cannot exceed quota for AccessKeysPerUser: " + MAX_KEYS_PER_USER);
            }
            String accessKeyId = Ids.accessKeyId();
            String secret = Ids.secretAccessKey();
            byte[] wrapped = rootKeys.wrap(secret.getBytes(StandardCharsets.UTF_8),
                    SecretBinding.accessKeyAad(accessKeyId));
            AccessKey key = new AccessKey(accessKeyId, account, name, true, clock.instant(), wrapped, Optional.empty());
            repository.insertAccessKey(key);
            return new CreatedAccessKey(key, name.orElse(""), secret);
        });
    }

    List<AccessKey> list(CallContext call, Optional<String> userName) {
        String account = call.principal().accountId();
        String action = "iam:ListAccessKeys";
        Optional<String> owner = ownerName(call, userName);
        return guard.readWithin(() -> repository.listAccessKeys(account, authorizeOwner(call, action, owner)));
    }

    void update(CallContext call, Optional<String> userName, String accessKeyId, String status) {
        InputValidator.accessKeyId("accessKeyId", accessKeyId);
        boolean active = switch (status) {
            case "Active" -> true;
            case "Inactive" -> false;
            case "Expired" -> throw IamErrors.invalidInput("Status Expired cannot be set by UpdateAccessKey.");
            default -> throw IamErrors.validation("1 validation error detected: Value '" + InputValidator.abbreviated(status)
                    + "' at 'status' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[Active, Inactive, Expired]");
        };
        String account = call.principal().accountId();
        onOwner(call, "iam:UpdateAccessKey", userName, name -> {
            ownedKey(account, name, accessKeyId);
            repository.setAccessKeyActive(accessKeyId, active);
            return null;
        });
    }

    void delete(CallContext call, Optional<String> userName, String accessKeyId) {
        InputValidator.accessKeyId("accessKeyId", accessKeyId);
        String account = call.principal().accountId();
        onOwner(call, "iam:DeleteAccessKey", userName, name -> {
            ownedKey(account, name, accessKeyId);
            repository.deleteAccessKey(accessKeyId);
            return null;
        });
    }

    /** Authorised on the key's owner (with its tags), or on the user collection for an unknown key. */
    AccessKeyLastUsedInfo lastUsed(CallContext call, String accessKeyId) {
        InputValidator.accessKeyId("accessKeyId", accessKeyId);
        String account = call.principal().accountId();
        String action = "iam:GetAccessKeyLastUsed";
        return guard.readWithin(() -> {
            Optional<AccessKey> key = repository.findAccessKey(accessKeyId).filter(k -> k.accountId().equals(account));
            Optional<String> owner = key.flatMap(AccessKey::userName);
            if (key.isEmpty()) {
                guard.authorize(call, action, IamArns.collection(account, "user"), Map.of());
            } else if (owner.isPresent()) {
                users.authorize(call, action, PrincipalKind.USER, owner.get(), Map.of());
            } else {
                guard.authorize(call, action, IamArns.root(account), Map.of());
            }
            AccessKey found = key.orElseThrow(() -> notFound(accessKeyId));
            return new AccessKeyLastUsedInfo(found.userName(), found.lastUsed());
        });
    }

    /** A change on the keys of a user or the root, authorised within its transaction. */
    private <T> T onOwner(CallContext call, String action, Optional<String> userName,
                          Function<Optional<String>, T> work) {
        Optional<String> owner = ownerName(call, userName);
        return guard.changeWithin(() -> work.apply(authorizeOwner(call, action, owner)));
    }

    /** Authorises on the named user (with its tags) or on the root; returns the user's stored name. */
    private Optional<String> authorizeOwner(CallContext call, String action, Optional<String> owner) {
        if (owner.isEmpty()) {
            guard.authorize(call, action, IamArns.root(call.principal().accountId()), Map.of());
            return Optional.empty();
        }
        return Optional.of(users.authorize(call, action, PrincipalKind.USER, owner.get(), Map.of()).name());
    }

    private void ownedKey(String account, Optional<String> storedName, String accessKeyId) {
        repository.findAccessKey(accessKeyId)
                .filter(k -> k.accountId().equals(account))
                .filter(k -> k.userName().map(n -> n.toLowerCase(Locale.ROOT))
                        .equals(storedName.map(n -> n.toLowerCase(Locale.ROOT))))
                .orElseThrow(() -> notFound(accessKeyId));
    }

    /** Whose keys: the named user, else the calling user, else (empty) the calling account root. */
    private static Optional<String> ownerName(CallContext call, Optional<String> userName) {
        Principal caller = call.principal();
        if (userName.isPresent()) {
            InputValidator.name("userName", userName.get(), UserOperations.MAX_EXISTING_USER_NAME);
            return userName;
        }
        return switch (caller.type()) {
            case ROOT -> Optional.empty();
            case IAM_USER -> Optional.of(caller.name());
            case ASSUMED_ROLE -> throw IamErrors.validation("Must specify userName when calling with non-User credentials");
        };
    }

    private static io.strongroom.core.AwsException notFound(String accessKeyId) {
        return IamErrors.noSuchEntity("The Access Key with id " + accessKeyId + " cannot be found.");
    }

}
