package io.strongroom.kms;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A KMS key: everything about it but its material, which lives in {@link KeyVersion}s.
 *
 * @param keyId               the key's UUID
 * @param accountId           the owning account
 * @param region              the region in its ARN
 * @param description         free text, possibly empty
 * @param keySpec             the kind of material
 * @param keyUsage            what it may be used for
 * @param state               its lifecycle state
 * @param creationDate        when it was created (key age is judged from here and from the last rotation)
 * @param deletionDate        when its material is destroyed, while pending deletion
 * @param pendingWindowDays   the waiting period asked for, while pending deletion
 * @param policy              the key policy document (JSON text, as stored; its name is always "default")
 * @param rotation            automatic rotation settings
 * @param currentVersion      the version new encryptions use (1 until the first rotation)
 * @param lastRotationDate    when the newest version was made by a rotation; empty before any
 * @param onDemandRotations   how many on-demand rotations the key has had (they are limited)
 * @param tags                the key's tags
 * @param keyManager          whether the customer or AWS manages it
 */
public record KmsKey(String keyId, String accountId, String region, String description, KeySpec keySpec,
                     KeyUsage keyUsage, KeyState state, Instant creationDate, Optional<Instant> deletionDate,
                     Optional<Integer> pendingWindowDays, String policy, RotationSettings rotation,
                     int currentVersion, Optional<Instant> lastRotationDate, int onDemandRotations,
                     Map<String, String> tags, KeyManager keyManager) {

    public KmsKey {
        requireNonNull(keyId, "keyId");
        requireNonNull(accountId, "accountId");
        requireNonNull(region, "region");
        requireNonNull(description, "description");
        requireNonNull(keySpec, "keySpec");
        requireNonNull(keyUsage, "keyUsage");
        requireNonNull(state, "state");
        requireNonNull(creationDate, "creationDate");
        requireNonNull(deletionDate, "deletionDate");
        requireNonNull(pendingWindowDays, "pendingWindowDays");
        requireNonNull(policy, "policy");
        requireNonNull(rotation, "rotation");
        requireNonNull(lastRotationDate, "lastRotationDate");
        tags = Map.copyOf(tags);
        requireNonNull(keyManager, "keyManager");
    }

    /** A customer managed key. */
    public KmsKey(String keyId, String accountId, String region, String description, KeySpec keySpec,
                  KeyUsage keyUsage, KeyState state, Instant creationDate, Optional<Instant> deletionDate,
                  Optional<Integer> pendingWindowDays, String policy, RotationSettings rotation,
                  int currentVersion, Optional<Instant> lastRotationDate, int onDemandRotations,
                  Map<String, String> tags) {
        this(keyId, accountId, region, description, keySpec, keyUsage, state, creationDate, deletionDate,
                pendingWindowDays, policy, rotation, currentVersion, lastRotationDate, onDemandRotations, tags,
                KeyManager.CUSTOMER);
    }

    public boolean awsManaged() {
        return keyManager == KeyManager.AWS;
    }

    public static String arn(String region, String accountId, String keyId) {
        return "arn:aws:kms:" + region + ":" + accountId + ":key/" + keyId;
    }

    public String arn() {
        return arn(region, accountId, keyId);
    }

    public KmsKey withState(KeyState newState, Optional<Instant> newDeletionDate, Optional<Integer> newWindow) {
        return new KmsKey(keyId, accountId, region, description, keySpec, keyUsage, newState, creationDate,
                newDeletionDate, newWindow, policy, rotation, currentVersion, lastRotationDate, onDemandRotations, tags,
                keyManager);
    }

    public KmsKey withState(KeyState newState) {
        return withState(newState, Optional.empty(), Optional.empty());
    }

    public KmsKey withDescription(String newDescription) {
        return new KmsKey(keyId, accountId, region, newDescription, keySpec, keyUsage, state, creationDate,
                deletionDate, pendingWindowDays, policy, rotation, currentVersion, lastRotationDate, onDemandRotations,
                tags, keyManager);
    }

    public KmsKey withPolicy(String newPolicy) {
        return new KmsKey(keyId, accountId, region, description, keySpec, keyUsage, state, creationDate,
                deletionDate, pendingWindowDays, newPolicy, rotation, currentVersion, lastRotationDate,
                onDemandRotations, tags,
                keyManager);
    }

    public KmsKey withRotation(RotationSettings newRotation) {
        return new KmsKey(keyId, accountId, region, description, keySpec, keyUsage, state, creationDate,
                deletionDate, pendingWindowDays, policy, newRotation, currentVersion, lastRotationDate,
                onDemandRotations, tags,
                keyManager);
    }

    /** The key after a rotation made {@code version} current at {@code when}. */
    public KmsKey rotatedTo(int version, Instant when, boolean onDemand, RotationSettings newRotation) {
        return new KmsKey(keyId, accountId, region, description, keySpec, keyUsage, state, creationDate,
                deletionDate, pendingWindowDays, policy, newRotation, version, Optional.of(when),
                onDemandRotations + (onDemand ? 1 : 0), tags, keyManager);
    }

    public KmsKey withTags(Map<String, String> newTags) {
        return new KmsKey(keyId, accountId, region, description, keySpec, keyUsage, state, creationDate,
                deletionDate, pendingWindowDays, policy, rotation, currentVersion, lastRotationDate, onDemandRotations,
                newTags, keyManager);
    }
}
