package io.strongroom.iam.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.Ids;
import io.strongroom.core.spi.RootKeyProvider;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey, GetAccessKeyLastUsed. Without
 * a user name these act on the caller's own user, or on the account root's keys for the root.
 */
final class AccessKeyOperations {
    static final int MAX_KEYS_PER_USER = 2;

    private final IdentityRepository repository;
    private final IdentityLookup lookup;
    private final GuardedOperations guard;
    private final RootKeyProvider rootKeys;
    private final Clock clock;

    /** Whose keys: a user (name present) or the account root (name empty). */
    private record Owner(Optional<String> userName, String arn) {
    }

    AccessKeyOperations(IdentityRepository repository, GuardedOperations guard, RootKeyProvider rootKeys, Clock clock) {
        this.repository = requireNonNull(repository, "repository");
        this.lookup = new IdentityLookup(repository);
        this.guard = requireNonNull(guard, "guard");
        this.rootKeys = requireNonNull(rootKeys, "rootKeys");
        this.clock = requireNonNull(clock, "clock");
    }

    CreatedAccessKey create(CallContext call, Optional<String> userName) {
        String account = call.principal().accountId();
        Owner owner = owner(call, userName);
        return guard.write(call, "iam:CreateAccessKey", owner.arn(), java.util.Map.of(), () -> {
            Optional<String> name = owner.userName().map(n -> lookup.user(account, n).userName());
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
        Owner owner = owner(call, userName);
        return guard.read(call, "iam:ListAccessKeys", owner.arn(), () -> {
            Optional<String> name = owner.userName().map(n -> lookup.user(account, n).userName());
            return repository.listAccessKeys(account, name);
        });
    }

    void update(CallContext call, Optional<String> userName, String accessKeyId, String status) {
        InputValidator.accessKeyId("accessKeyId", accessKeyId);
        boolean active = switch (status) {
            case "Active" -> true;
            case "Inactive" -> false;
            case "Expired" -> throw IamErrors.invalidInput("Status Expired cannot be set by UpdateAccessKey.");
            default -> throw IamErrors.validation("1 validation error detected: Value '" + status
                    + "' at 'status' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[Active, Inactive, Expired]");
        };
        String account = call.principal().accountId();
        Owner owner = owner(call, userName);
        guard.write(call, "iam:UpdateAccessKey", owner.arn(), () -> {
            ownedKey(account, owner, accessKeyId);
            repository.setAccessKeyActive(accessKeyId, active);
        });
    }

    void delete(CallContext call, Optional<String> userName, String accessKeyId) {
        InputValidator.accessKeyId("accessKeyId", accessKeyId);
        String account = call.principal().accountId();
        Owner owner = owner(call, userName);
        guard.write(call, "iam:DeleteAccessKey", owner.arn(), () -> {
            ownedKey(account, owner, accessKeyId);
            repository.deleteAccessKey(accessKeyId);
        });
    }

    AccessKeyLastUsedInfo lastUsed(CallContext call, String accessKeyId) {
        InputValidator.accessKeyId("accessKeyId", accessKeyId);
        String account = call.principal().accountId();
        Optional<AccessKey> key = repository.findAccessKey(accessKeyId).filter(k -> k.accountId().equals(account));
        String resource = key.map(k -> k.userName().map(n -> lookup.userArn(account, n))
                .orElse(IamArns.root(account))).orElse(IamArns.collection(account, "user"));
        return guard.read(call, "iam:GetAccessKeyLastUsed", resource, () -> {
            AccessKey found = key.orElseThrow(() -> notFound(accessKeyId));
            return new AccessKeyLastUsedInfo(found.userName(), found.lastUsed());
        });
    }

    private void ownedKey(String account, Owner owner, String accessKeyId) {
        Optional<String> name = owner.userName().map(n -> lookup.user(account, n).userName());
        repository.findAccessKey(accessKeyId)
                .filter(k -> k.accountId().equals(account))
                .filter(k -> k.userName().map(n -> n.toLowerCase(java.util.Locale.ROOT))
                        .equals(name.map(n -> n.toLowerCase(java.util.Locale.ROOT))))
                .orElseThrow(() -> notFound(accessKeyId));
    }

    private Owner owner(CallContext call, Optional<String> userName) {
        Principal caller = call.principal();
        String account = caller.accountId();
        if (userName.isPresent()) {
            InputValidator.name("userName", userName.get(), UserOperations.MAX_EXISTING_USER_NAME);
            return new Owner(userName, lookup.userArn(account, userName.get()));
        }
        return switch (caller.type()) {
            case ROOT -> new Owner(Optional.empty(), IamArns.root(account));
            case IAM_USER -> new Owner(Optional.of(caller.name()), caller.arn());
            case ASSUMED_ROLE -> throw IamErrors.validation("Must specify userName when calling with non-User credentials");
        };
    }

    private static io.strongroom.core.AwsException notFound(String accessKeyId) {
        return IamErrors.noSuchEntity("The Access Key with id " + accessKeyId + " cannot be found.");
    }

}
