package io.strongroom.store.jdbc.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.s3.ObjectRestore;
import io.strongroom.s3.RestoreRepository;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link RestoreRepository} over JDBC, on SQLite or PostgreSQL alike (table of migration V14). Each
 * method is atomic: its own transaction, or a savepoint inside the caller's.
 */
public final class JdbcRestoreRepository implements RestoreRepository {
    private static final String COLUMNS = "bucket, object_key, version_id, archived_blob_id, days, tier, requested,"
            + " restored_blob_id, expiry";

    private final JdbcTransactor transactor;

    public JdbcRestoreRepository(JdbcTransactor transactor) {
        this.transactor = requireNonNull(transactor, "transactor");
    }

    @Override
    public void putRestore(ObjectRestore restore) {
        requireNonNull(restore, "restore");
        transactor.atomically(c -> {
            try (PreparedStatement statement = c.prepareStatement("INSERT INTO s3_restores (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (bucket, object_key, version_id) DO UPDATE SET"
                    + " archived_blob_id = excluded.archived_blob_id, days = excluded.days, tier = excluded.tier,"
                    + " requested = excluded.requested, restored_blob_id = excluded.restored_blob_id,"
                    + " expiry = excluded.expiry")) {
                Sql.bind(statement, restore.bucket(), restore.key(), restore.versionId(), restore.archivedBlobId(),
                        restore.days(), restore.tier(), restore.requested(), restore.restoredBlobId());
                // typed nulls: PostgreSQL refuses a varchar null in a bigint column
                if (restore.expiry().isPresent()) {
                    statement.setLong(9, restore.expiry().get().toEpochMilli());
                } else {
                    statement.setNull(9, Types.BIGINT);
                }
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public Optional<ObjectRestore> findRestore(String bucket, String key, String versionId) {
        requireNonNull(bucket, "bucket");
        requireNonNull(key, "key");
        requireNonNull(versionId, "versionId");
        return transactor.withConnection(c -> Sql.one(c, "SELECT " + COLUMNS + " FROM s3_restores"
                + " WHERE bucket = ? AND object_key = ? AND version_id = ?", JdbcRestoreRepository::restore,
                bucket, key, versionId));
    }

    @Override
    public boolean deleteRestore(String bucket, String key, String versionId) {
        requireNonNull(bucket, "bucket");
        requireNonNull(key, "key");
        requireNonNull(versionId, "versionId");
        return transactor.atomically(c -> Sql.update(c, "DELETE FROM s3_restores"
                + " WHERE bucket = ? AND object_key = ? AND version_id = ?", bucket, key, versionId) > 0);
    }

    @Override
    public List<ObjectRestore> ongoingRestores(int limit) {
        return transactor.withConnection(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM s3_restores"
                + " WHERE restored_blob_id IS NULL ORDER BY requested, bucket, object_key, version_id LIMIT ?",
                JdbcRestoreRepository::restore, limit));
    }

    @Override
    public List<ObjectRestore> expiredRestores(Instant now, int limit) {
        requireNonNull(now, "now");
        return transactor.withConnection(c -> Sql.list(c, "SELECT " + COLUMNS + " FROM s3_restores"
                + " WHERE expiry IS NOT NULL AND expiry <= ? ORDER BY expiry, bucket, object_key, version_id LIMIT ?",
                JdbcRestoreRepository::restore, now, limit));
    }

    @Override
    public Set<String> referencedBlobs(Set<String> blobIds) {
        return transactor.withConnection(c -> Sql.presentIn(c, blobIds, "s3_restores.restored_blob_id"));
    }

    private static ObjectRestore restore(ResultSet row) throws SQLException {
        return new ObjectRestore(row.getString("bucket"), row.getString("object_key"), row.getString("version_id"),
                row.getString("archived_blob_id"), row.getInt("days"), row.getString("tier"),
                Sql.instant(row, "requested"), Sql.optionalText(row, "restored_blob_id"),
                Sql.optionalInstant(row, "expiry"));
    }
}
