// SPI-READY
package io.strongroom.kms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of keys, their material versions, aliases, tags and grants.
 *
 * <p>Rules every implementation keeps:
 * <ul>
 *   <li>Ids and alias names are compared exactly.
 *   <li>Inserts throw {@link io.strongroom.iam.identity.DuplicateEntityException} on a collision (a
 *       taken key id, version, alias name in the same account and region, or grant id) and change nothing.
 *   <li>Updates and deletes return false when the entity does not exist, and change nothing.
 *   <li>Listings are ordered as each method says, so the service can page them.
 *   <li>A key's tags are read and written with the key ({@link KmsKey#tags}).
 *   <li>Each call is atomic; callers group calls with {@link io.strongroom.core.spi.Transactor}.
 * </ul>
 */
public interface KmsRepository {

    // ---- keys
    void insertKey(KmsKey key);

    /** The key with its tags, whatever its state (destroyed keys included). */
    Optional<KmsKey> findKey(String keyId);

    /**
     * As {@link #findKey}, and locks the key's row until the transaction ends where the store can
     * (PostgreSQL {@code FOR UPDATE}); call it inside a transaction before changing the key.
     */
    Optional<KmsKey> findKeyForUpdate(String keyId);

    /** Replaces every field of the key, its tags included. */
    boolean updateKey(KmsKey key);

    /** The account's keys in this region that are not destroyed, by key id, after {@code afterKeyId}. */
    List<KmsKey> listKeys(String accountId, String region, Optional<String> afterKeyId, int limit);

    /**
     * Enabled keys with rotation on whose next rotation date is at or before {@code now}, earliest
     * first (a disabled key waits, and rotates once enabled again).
     */
    List<KmsKey> keysDueForRotation(Instant now, int limit);

    /** Keys pending deletion whose deletion date is at or before {@code now}. */
    List<KmsKey> keysDueForDeletion(Instant now, int limit);

    // ---- material
    void insertVersion(KeyVersion version);

    Optional<KeyVersion> findVersion(String keyId, int version);

    /** Every version of the key, oldest first. */
    List<KeyVersion> listVersions(String keyId);

    /** Deletes every version of the key's material; returns how many were deleted. */
    int deleteVersions(String keyId);

    // ---- aliases
    void insertAlias(KeyAlias alias);

    Optional<KeyAlias> findAlias(String accountId, String region, String aliasName);

    /** Points an alias at another key; false when the alias does not exist. */
    boolean updateAlias(KeyAlias alias);

    boolean deleteAlias(String accountId, String region, String aliasName);

    /** The account's aliases in this region, by name after {@code afterAliasName}; only those of one key when given. */
    List<KeyAlias> listAliases(String accountId, String region, Optional<String> targetKeyId,
                               Optional<String> afterAliasName, int limit);

    /** Deletes every alias of a key (when its material is destroyed); returns how many. */
    int deleteAliasesOf(String keyId);

    // ---- grants
    void insertGrant(Grant grant);

    Optional<Grant> findGrant(String keyId, String grantId);

    /** The grant whose token hashes to {@code tokenHash}. */
    Optional<Grant> findGrantByTokenHash(byte[] tokenHash);

    /** The key's grants, by creation date then grant id. */
    List<Grant> listGrants(String keyId);

    /** Grants naming {@code retiringPrincipal} as their retiring principal, by key id then grant id. */
    List<Grant> listGrantsRetirableBy(String retiringPrincipal);

    boolean deleteGrant(String keyId, String grantId);

    /** Deletes every grant of a key; returns how many. */
    int deleteGrantsOf(String keyId);
}
