package io.strongroom.store.jdbc.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.identity.DuplicateEntityException;
import io.strongroom.s3.Bucket;
import io.strongroom.s3.ObjectLock;
import io.strongroom.s3.ObjectVersion;
import io.strongroom.s3.S3Repository;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import io.strongroom.store.jdbc.StoreException;
import io.strongroom.store.jdbc.Vendor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link S3Repository} over JDBC, on SQLite or PostgreSQL alike (tables {@code s3_*} of migration V8).
 * Each method is atomic: its own transaction, or a savepoint inside the caller's, so it joins the
 * other stores' transactions on the same {@link JdbcTransactor}.
 *
 * <p>Which version of a key is the latest is kept in a {@code latest} column that every put and
 * delete moves (to the put version, or to the remaining version with the highest {@code seq}), so
 * that reading a key's latest version and listing the latest of each key read only the latest rows,
 * through partial indexes, however many older versions and delete markers there are. A prefix is a
 * range of keys ({@link KeyRange}), never a LIKE pattern. On PostgreSQL the writers of a key take a
 * transaction-scoped advisory lock of it first, so that concurrent puts of one key serialise (SQLite
 * has one writer at a time anyway); a transaction that writes several keys takes their locks in the
 * order it writes them.
 *
 * <p>A version names an existing bucket (else {@link IllegalArgumentException}), and a bucket that
 * holds versions or delete markers cannot be deleted ({@link IllegalStateException}), both also kept
 * by a foreign key. Instants are kept as epoch milliseconds (finer parts are dropped).
 */
public final class JdbcS3Repository implements S3Repository {
    private static final String BUCKET_COLUMNS = "name, account_id, region, created, versioning, object_lock_enabled";
    /** The first key of the two-key advisory locks of object keys ("S3" and 1), apart from other locks. */
    private static final int KEY_LOCK_SPACE = 0x5333_0001;

    private final JdbcTransactor transactor;
    private final Vendor vendor;

    /** {@code vendor} is the store's ({@code Database.vendor()}): locking a key is vendor SQL. */
    public JdbcS3Repository(JdbcTransactor transactor, Vendor vendor) {
        this.transactor = requireNonNull(transactor, "transactor");
        this.vendor = requireNonNull(vendor, "vendor");
    }

    // ---- buckets

    @Override
    public void insertBucket(Bucket bucket) {
        requireNonNull(bucket, "bucket");
        try {
            transactor.atomically(c -> Sql.update(c, "INSERT INTO s3_buckets (" + BUCKET_COLUMNS + ")"
                            + " VALUES (?, ?, ?, ?, ?, ?)", bucket.name(), bucket.accountId(), bucket.region(),
                    bucket.created(), bucket.versioning(), bucket.objectLockEnabled()));
        } catch (StoreException e) {
            if (e.uniqueViolation()) {
                throw new DuplicateEntityException("A bucket named " + bucket.name() + " already exists.");
            }
            throw e;
        }
    }

    @Override
    public Optional<Bucket> findBucket(String name) {
        requireNonNull(name, "name");
        return transactor.withConnection(c -> Sql.one(c, "SELECT " + BUCKET_COLUMNS + " FROM s3_buckets WHERE name = ?",
                JdbcS3Repository::bucket, name));
    }

    @Override
    public boolean updateBucket(Bucket bucket) {
        requireNonNull(bucket, "bucket");
        return transactor.atomically(c -> Sql.update(c, "UPDATE s3_buckets SET region = ?, versioning = ?,"
                        + " object_lock_enabled = ? WHERE name = ?", bucket.region(), bucket.versioning(),
                bucket.objectLockEnabled(), bucket.name()) > 0);
    }

    @Override
    public boolean deleteBucket(String name) {
        requireNonNull(name, "name");
        return transactor.atomically(c -> {
            if (!bucketExists(c, name)) {
                return false;
            }
            if (hasVersions(c, name)) {
                throw new IllegalStateException("bucket " + name + " still holds versions");
            }
            Sql.update(c, "DELETE FROM s3_configs WHERE scope = ?", S3Repository.bucketScope(name));
            return Sql.update(c, "DELETE FROM s3_buckets WHERE name = ?", name) > 0;
        });
    }

    @Override
    public void putConfig(String scope, String kind, String document) {
        requireNonNull(scope, "scope");
        requireNonNull(kind, "kind");
        requireNonNull(document, "document");
        transactor.atomically(c -> Sql.update(c, "INSERT INTO s3_configs (scope, kind, document) VALUES (?, ?, ?)"
                + " ON CONFLICT (scope, kind) DO UPDATE SET document = excluded.document", scope, kind, document));
    }

    @Override
    public Optional<String> config(String scope, String kind) {
        requireNonNull(scope, "scope");
        requireNonNull(kind, "kind");
        return transactor.withConnection(c -> Sql.one(c,
                "SELECT document FROM s3_configs WHERE scope = ? AND kind = ?", row -> row.getString(1), scope, kind));
    }

    @Override
    public Map<String, String> configs(String scope, Set<String> kinds) {
        requireNonNull(scope, "scope");
        if (kinds.isEmpty()) {
            return Map.of();
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(scope);
        parameters.addAll(kinds);
        String in = String.join(", ", Collections.nCopies(kinds.size(), "?"));
        List<Map.Entry<String, String>> rows = transactor.withConnection(c -> Sql.list(c,
                "SELECT kind, document FROM s3_configs WHERE scope = ? AND kind IN (" + in + ")",
                row -> Map.entry(row.getString(1), row.getString(2)), parameters.toArray()));
        return rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public List<String> configScopes(String kind) {
        requireNonNull(kind, "kind");
        return transactor.withConnection(c -> Sql.list(c, "SELECT scope FROM s3_configs WHERE kind = ?",
                row -> row.getString(1), kind));
    }

    @Override
    public boolean deleteConfig(String scope, String kind) {
        requireNonNull(scope, "scope");
        requireNonNull(kind, "kind");
        return transactor.atomically(c -> Sql.update(c, "DELETE FROM s3_configs WHERE scope = ? AND kind = ?",
                scope, kind) > 0);
    }

    @Override
    public List<Bucket> listBuckets(String accountId, Optional<String> afterName, int limit) {
        requireNonNull(accountId, "accountId");
        requireNonNull(afterName, "afterName");
        if (limit < 1) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(List.of(accountId));
        String after = "";
        if (afterName.isPresent()) {
            after = " AND name > ?";
            parameters.add(afterName.get());
        }
        parameters.add(limit);
        String sql = "SELECT " + BUCKET_COLUMNS + " FROM s3_buckets WHERE account_id = ?" + after
                + " ORDER BY name LIMIT ?";
        return transactor.withConnection(c -> Sql.list(c, sql, JdbcS3Repository::bucket, parameters.toArray()));
    }

    @Override
    public boolean bucketHasVersions(String bucket) {
        requireNonNull(bucket, "bucket");
        return transactor.withConnection(c -> hasVersions(c, bucket));
    }

    // ---- object versions

    @Override
    public Optional<ObjectVersion> putVersion(ObjectVersion version) {
        requireNonNull(version, "version");
        return transactor.atomically(c -> {
            lockKey(c, version.bucket(), version.key());
            if (!bucketExists(c, version.bucket())) {
                throw new IllegalArgumentException("no bucket " + version.bucket());
            }
            Optional<ObjectVersion> replaced = find(c, version.bucket(), version.key(), version.versionId());
            if (replaced.isPresent()) {
                deleteLock(c, version.bucket(), version.key(), version.versionId());
                Sql.update(c, "DELETE FROM s3_object_versions WHERE bucket = ? AND object_key = ? AND version_id = ?",
                        version.bucket(), version.key(), version.versionId());
            }
            Sql.update(c, "UPDATE s3_object_versions SET latest = FALSE WHERE bucket = ? AND object_key = ? AND latest",
                    version.bucket(), version.key());
            VersionRows.insertLatest(c, version);
            return replaced;
        });
    }

    @Override
    public Optional<ObjectVersion> latestVersion(String bucket, String key) {
        requireNonNull(bucket, "bucket");
        requireNonNull(key, "key");
        return transactor.withConnection(c -> Sql.one(c, VersionRows.SELECT
                + " WHERE bucket = ? AND object_key = ? AND latest", VersionRows::row, bucket, key));
    }

    @Override
    public Optional<ObjectVersion> latestVersionForUpdate(String bucket, String key) {
        requireNonNull(bucket, "bucket");
        requireNonNull(key, "key");
        return transactor.atomically(c -> {
            lockKey(c, bucket, key);
            return Sql.one(c, VersionRows.SELECT + " WHERE bucket = ? AND object_key = ? AND latest", VersionRows::row,
                    bucket, key);
        });
    }

    @Override
    public Optional<ObjectVersion> findVersion(String bucket, String key, String versionId) {
        requireNonNull(bucket, "bucket");
        requireNonNull(key, "key");
        requireNonNull(versionId, "versionId");
        return transactor.withConnection(c -> find(c, bucket, key, versionId));
    }

    @Override
    public boolean updateVersion(ObjectVersion version) {
        requireNonNull(version, "version");
        return transactor.atomically(c -> VersionRows.update(c, version));
    }

    @Override
    public boolean deleteVersion(String bucket, String key, String versionId) {
        requireNonNull(bucket, "bucket");
        requireNonNull(key, "key");
        requireNonNull(versionId, "versionId");
        return transactor.atomically(c -> {
            lockKey(c, bucket, key);
            Optional<Boolean> wasLatest = Sql.one(c, "SELECT latest FROM s3_object_versions"
                    + " WHERE bucket = ? AND object_key = ? AND version_id = ?", row -> row.getBoolean(1),
                    bucket, key, versionId);
            if (wasLatest.isEmpty()) {
                return false;
            }
            deleteLock(c, bucket, key, versionId);
            Sql.update(c, "DELETE FROM s3_object_versions WHERE bucket = ? AND object_key = ? AND version_id = ?",
                    bucket, key, versionId);
            if (wasLatest.get()) {
                Sql.update(c, "UPDATE s3_object_versions SET latest = TRUE WHERE seq = (SELECT seq"
                        + " FROM s3_object_versions WHERE bucket = ? AND object_key = ? ORDER BY seq DESC LIMIT 1)",
                        bucket, key);
            }
            return true;
        });
    }

    @Override
    public List<ObjectVersion> listLatest(String bucket, String prefix, String afterKey, int limit) {
        requireNonNull(bucket, "bucket");
        requireNonNull(prefix, "prefix");
        requireNonNull(afterKey, "afterKey");
        if (limit < 1) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(List.of(bucket));
        // "latest AND NOT delete_marker" as spelt in the partial index s3_listed_objects
        String sql = VersionRows.SELECT + " WHERE bucket = ? AND latest AND NOT delete_marker"
                + KeyRange.where(prefix, afterKey, parameters) + " ORDER BY object_key LIMIT ?";
        parameters.add(limit);
        return transactor.withConnection(c -> Sql.list(c, sql, VersionRows::row, parameters.toArray()));
    }

    /**
     * One statement, so that a page is one consistent read: the rest of {@code afterKey}'s versions
     * after the marker version (all of them when it no longer exists), then the versions of the keys
     * after it, each part limited on its own and the two put in order.
     */
    @Override
    public List<ObjectVersion> listVersions(String bucket, String prefix, String afterKey, String afterVersionId,
                                            int limit) {
        requireNonNull(bucket, "bucket");
        requireNonNull(prefix, "prefix");
        requireNonNull(afterKey, "afterKey");
        requireNonNull(afterVersionId, "afterVersionId");
        if (limit < 1) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + VersionRows.COLUMNS + " FROM (");
        if (!afterKey.isEmpty() && !afterVersionId.isEmpty() && afterKey.startsWith(prefix)) {
            sql.append("SELECT * FROM (SELECT ").append(VersionRows.COLUMNS).append(", seq, 0 AS part")
                    .append(" FROM s3_object_versions WHERE bucket = ? AND object_key = ? AND seq < COALESCE(")
                    .append("(SELECT seq FROM s3_object_versions WHERE bucket = ? AND object_key = ?")
                    .append(" AND version_id = ?), ").append(Long.MAX_VALUE).append(")")
                    .append(" ORDER BY seq DESC LIMIT ?) marked UNION ALL ");
            parameters.addAll(List.of(bucket, afterKey, bucket, afterKey, afterVersionId, limit));
        }
        parameters.add(bucket);
        String range = KeyRange.where(prefix, afterKey, parameters);
        sql.append("SELECT * FROM (SELECT ").append(VersionRows.COLUMNS).append(", seq, 1 AS part")
                .append(" FROM s3_object_versions WHERE bucket = ?").append(range)
                .append(" ORDER BY object_key, seq DESC LIMIT ?) following) page")
                .append(" ORDER BY part, object_key, seq DESC LIMIT ?");
        parameters.add(limit);
        parameters.add(limit);
        return transactor.withConnection(c -> Sql.list(c, sql.toString(), VersionRows::row, parameters.toArray()));
    }

    // ---- object lock (migration V12)

    @Override
    public boolean putObjectLock(String bucket, String key, String versionId, ObjectLock lock) {
        requireNonNull(bucket, "bucket");
        requireNonNull(key, "key");
        requireNonNull(versionId, "versionId");
        requireNonNull(lock, "lock");
        return transactor.atomically(c -> {
            lockKey(c, bucket, key);
            Optional<ObjectVersion> version = find(c, bucket, key, versionId);
            if (version.isEmpty() || version.get().deleteMarker()) {
                return false;
            }
            // CAST: a NULL bound as text must still fit PostgreSQL's BIGINT column
            Sql.update(c, "INSERT INTO s3_object_locks (bucket, object_key, version_id, retention_mode, retain_until,"
                            + " legal_hold) VALUES (?, ?, ?, ?, CAST(? AS BIGINT), ?) ON CONFLICT (bucket, object_key,"
                            + " version_id) DO UPDATE SET retention_mode = excluded.retention_mode,"
                            + " retain_until = excluded.retain_until, legal_hold = excluded.legal_hold",
                    bucket, key, versionId, lock.retention().map(r -> r.mode().name()),
                    lock.retention().map(r -> r.retainUntil().toEpochMilli()),
                    lock.legalHold().map(on -> on ? "ON" : "OFF"));
            return true;
        });
    }

    @Override
    public Optional<ObjectLock> objectLock(String bucket, String key, String versionId) {
        requireNonNull(bucket, "bucket");
        requireNonNull(key, "key");
        requireNonNull(versionId, "versionId");
        return transactor.withConnection(c -> Sql.one(c, "SELECT retention_mode, retain_until, legal_hold"
                + " FROM s3_object_locks WHERE bucket = ? AND object_key = ? AND version_id = ?",
                JdbcS3Repository::lock, bucket, key, versionId));
    }

    private static void deleteLock(Connection connection, String bucket, String key, String versionId)
            throws SQLException {
        Sql.update(connection, "DELETE FROM s3_object_locks WHERE bucket = ? AND object_key = ? AND version_id = ?",
                bucket, key, versionId);
    }

    private static ObjectLock lock(ResultSet row) throws SQLException {
        Optional<String> mode = Sql.optionalText(row, "retention_mode");
        Optional<Instant> until = Sql.optionalInstant(row, "retain_until");
        Optional<ObjectLock.Retention> retention = mode.isEmpty() ? Optional.empty()
                : Optional.of(new ObjectLock.Retention(ObjectLock.Mode.valueOf(mode.get()), until.orElseThrow()));
        return new ObjectLock(retention, Sql.optionalText(row, "legal_hold").map("ON"::equals));
    }

    @Override
    public Set<String> referencedBlobs(Set<String> blobIds) {
        return transactor.withConnection(c -> Sql.presentIn(c, blobIds, "s3_object_versions.blob_id"));
    }

    // ---- rows

    /**
     * Serialises the writers of one key for the rest of the transaction. PostgreSQL's READ COMMITTED
     * would otherwise let two puts each unmark the latest they saw and both insert a latest version.
     */
    private void lockKey(Connection connection, String bucket, String key) throws SQLException {
        switch (vendor) {
            case POSTGRESQL -> Sql.list(connection, "SELECT pg_advisory_xact_lock(?, ?)", row -> Boolean.TRUE,
                    KEY_LOCK_SPACE, keyLockId(bucket, key));
            // a transaction already holds SQLite's one write lock (transactions begin IMMEDIATE)
            case SQLITE -> {
            }
        }
    }

    /** 32 bits of the SHA-256 of "bucket/key" (bucket names hold no '/'); a collision only serialises more. */
    static int keyLockId(String bucket, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((bucket + "/" + key).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getInt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static boolean bucketExists(Connection connection, String name) throws SQLException {
        return Sql.count(connection, "SELECT COUNT(*) FROM s3_buckets WHERE name = ?", name) > 0;
    }

    private static boolean hasVersions(Connection connection, String bucket) throws SQLException {
        return Sql.count(connection,
                "SELECT COUNT(*) FROM (SELECT 1 FROM s3_object_versions WHERE bucket = ? LIMIT 1) held", bucket) > 0;
    }

    private static Optional<ObjectVersion> find(Connection connection, String bucket, String key, String versionId)
            throws SQLException {
        return Sql.one(connection, VersionRows.SELECT + " WHERE bucket = ? AND object_key = ? AND version_id = ?",
                VersionRows::row, bucket, key, versionId);
    }

    private static Bucket bucket(ResultSet row) throws SQLException {
        return new Bucket(row.getString("name"), row.getString("account_id"), row.getString("region"),
                Sql.instant(row, "created"), Bucket.Versioning.valueOf(row.getString("versioning")),
                row.getBoolean("object_lock_enabled"));
    }
}
