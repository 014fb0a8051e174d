// SPI-READY
package io.strongroom.s3;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Persistence of buckets and the object index.
 *
 * <p>Rules every implementation keeps:
 * <ul>
 *   <li>Bucket names and object keys are compared exactly; keys sort by their UTF-8 bytes, as S3 lists them.
 *   <li>{@link #insertBucket} throws {@link io.strongroom.iam.identity.DuplicateEntityException} when the
 *       name is taken (in any account) and changes nothing.
 *   <li>Updates and deletes return false when the entity does not exist, and change nothing.
 *   <li>Among a key's versions, the one put last is the latest, whatever its version id.
 *   <li>A version's Object Lock state goes with the version: when it is deleted, or replaced by a put of
 *       the same version id.
 *   <li>Each call is atomic; callers group calls with {@link io.strongroom.core.spi.Transactor}.
 * </ul>
 */
public interface S3Repository {

    // ---- buckets
    void insertBucket(Bucket bucket);

    Optional<Bucket> findBucket(String name);

    /** Replaces every field of the bucket but its name, owner and creation. */
    boolean updateBucket(Bucket bucket);

    boolean deleteBucket(String name);

    /** The account's buckets by name, after {@code afterName}. */
    List<Bucket> listBuckets(String accountId, Optional<String> afterName, int limit);

    /** Whether the bucket holds any version or delete marker. */
    boolean bucketHasVersions(String bucket);

    // ---- configuration documents
    /**
     * Stores a configuration document (a bucket policy, a public access block, default encryption,
     * tags, a lifecycle…) under its scope ({@link #bucketScope} or {@link #accountScope}) and kind,
     * replacing any before it. A bucket's documents go when the bucket goes.
     */
    void putConfig(String scope, String kind, String document);

    Optional<String> config(String scope, String kind);

    /** The documents of several kinds under one scope, in one look-up; absent kinds are not in the map. */
    default Map<String, String> configs(String scope, Set<String> kinds) {
        Map<String, String> documents = new HashMap<>();
        for (String kind : kinds) {
            config(scope, kind).ifPresent(document -> documents.put(kind, document));
        }
        return documents;
    }

    boolean deleteConfig(String scope, String kind);

    /** Every scope that holds a document of this kind (the buckets with a lifecycle, say), in no order. */
    List<String> configScopes(String kind);

    /** The scope of a bucket's configuration documents. */
    static String bucketScope(String bucket) {
        return "bucket/" + bucket;
    }

    /** The scope of an account's S3 configuration documents (S3 Control's account-level settings). */
    static String accountScope(String accountId) {
        return "account/" + accountId;
    }

    // ---- object versions
    /**
     * Stores a version (or delete marker) as the key's latest. When the key already has a version with
     * the same version id (the {@code "null"} version of an unversioned or suspended bucket), that one is
     * replaced and returned, so its blob can be deleted.
     */
    Optional<ObjectVersion> putVersion(ObjectVersion version);

    /** The key's latest version, which may be a delete marker. */
    Optional<ObjectVersion> latestVersion(String bucket, String key);

    Optional<ObjectVersion> findVersion(String bucket, String key, String versionId);

    /**
     * The key's latest version (which may be a delete marker), read under a lock that keeps every other
     * writer of the key out until the enclosing transaction ends: what a conditional write checks in the
     * transaction that commits it, so that of two racing writers only one sees the key free.
     */
    Optional<ObjectVersion> latestVersionForUpdate(String bucket, String key);

    /** Replaces the stored fields of an existing version (tags and the like) without making it the latest. */
    boolean updateVersion(ObjectVersion version);

    /** Deletes one version; if it was the latest, the newest remaining version becomes the latest. */
    boolean deleteVersion(String bucket, String key, String versionId);

    /**
     * The latest version of each key that starts with {@code prefix} and sorts after {@code afterKey}
     * (empty: from the start), by key, skipping keys whose latest version is a delete marker.
     */
    List<ObjectVersion> listLatest(String bucket, String prefix, String afterKey, int limit);

    /**
     * Every version and delete marker of the keys that start with {@code prefix}, by key and then newest
     * first, starting after the version {@code afterVersionId} of {@code afterKey} (or after every version
     * of {@code afterKey} when {@code afterVersionId} is empty; from the start when {@code afterKey} is empty).
     */
    List<ObjectVersion> listVersions(String bucket, String prefix, String afterKey, String afterVersionId, int limit);

    // ---- object lock
    /**
     * Stores a version's retention and legal hold, replacing what it had; false when there is no such
     * version (or it is a delete marker), and nothing changes.
     */
    boolean putObjectLock(String bucket, String key, String versionId, ObjectLock lock);

    /** A version's retention and legal hold, empty when neither was ever set. */
    Optional<ObjectLock> objectLock(String bucket, String key, String versionId);

    /** Whether any version names this blob (a blob nothing names is garbage from an interrupted write). */
    default boolean blobReferenced(String blobId) {
        return referencedBlobs(Set.of(blobId)).contains(blobId);
    }

    /** Which of these blobs some version names: one lookup for a page of the blob store's ids. */
    Set<String> referencedBlobs(Set<String> blobIds);
}
