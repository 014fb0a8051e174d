package io.strongroom.kms;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.Transactor;
import io.strongroom.iam.identity.DuplicateEntityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * AWS managed keys ({@code alias/aws/<service>}): made for an account the first time a service needs
 * one, rotated every year, with a policy that lets the account's principals use the key only through
 * that service. The alias is the one record of which key is an account's: creating the key, its first
 * version and the alias commit together, and the alias's uniqueness makes concurrent first requests
 * (on one node or several) agree on a single key.
 */
final class AwsManagedKeys {
    /** AWS managed keys rotate every year, and their rotation cannot be changed. */
    static final int ROTATION_PERIOD_DAYS = 365;
    /** The services this installation makes AWS managed keys for. */
    static final Set<String> SERVICES = Set.of("s3");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");

    private final KmsRepository repository;
    private final KeyAccess access;
    private final KeyMaterials materials;
    private final Transactor transactor;
    private final Clock clock;
    private final String region;

    AwsManagedKeys(KmsRepository repository, KeyAccess access, KeyMaterials materials, Transactor transactor,
                   Clock clock, String region) {
        this.repository = requireNonNull(repository, "repository");
        this.access = requireNonNull(access, "access");
        this.materials = requireNonNull(materials, "materials");
        this.transactor = requireNonNull(transactor, "transactor");
        this.clock = requireNonNull(clock, "clock");
        this.region = requireNonNull(region, "region");
    }

    static String aliasName(String service) {
        return "alias/aws/" + service;
    }

    /** The ARN of the account's AWS managed key for {@code service}, made now if it has none yet. */
    String keyArn(String accountId, String service) {
        if (!SERVICES.contains(service) || !ACCOUNT.matcher(accountId).matches()) {
            throw new IllegalArgumentException("no AWS managed key for " + service + " in " + accountId);
        }
        return existing(accountId, service).or(() -> create(accountId, service))
                .or(() -> existing(accountId, service)) // another request made it first
                .map(keyId -> KmsKey.arn(region, accountId, keyId))
                .orElseThrow(() -> new IllegalStateException("the AWS managed key " + aliasName(service)
                        + " of " + accountId + " could neither be made nor found"));
    }

    private Optional<String> existing(String accountId, String service) {
        return repository.findAlias(accountId, region, aliasName(service)).map(KeyAlias::targetKeyId);
    }

    /** Makes the key, its material and its alias at once; empty when another request's alias won. */
    private Optional<String> create(String accountId, String service) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String keyId = UUID.randomUUID().toString();
        KmsKey key = new KmsKey(keyId, accountId, region, description(service), KeySpec.SYMMETRIC_DEFAULT,
                KeyUsage.ENCRYPT_DECRYPT, KeyState.ENABLED, now, Optional.empty(), Optional.empty(),
                KeyPolicies.awsManagedPolicy(accountId, service, region),
                new RotationSettings(true, Optional.of(ROTATION_PERIOD_DAYS),
                        Optional.of(now.plus(Duration.ofDays(ROTATION_PERIOD_DAYS)))),
                1, Optional.empty(), 0, Map.of(), KeyManager.AWS);
        KeyVersion first = materials.generate(keyId, 1, KeySpec.SYMMETRIC_DEFAULT, now, Optional.empty());
        try {
            transactor.run(() -> {
                repository.insertKey(key);
                repository.insertVersion(first);
                repository.insertAlias(new KeyAlias(accountId, region, aliasName(service), keyId, now, now));
            });
        } catch (DuplicateEntityException lost) {
            return Optional.empty();
        }
        access.aliasesChanged();
        return Optional.of(keyId);
    }

    /** The description AWS gives its managed keys. */
    static String description(String service) {
        return switch (service) {
            case "s3" -> "Default key that protects my S3 objects when no other key is defined";
            default -> "Default key that protects my " + service.toUpperCase(Locale.ROOT)
                    + " data when no other key is defined";
        };
    }
}
