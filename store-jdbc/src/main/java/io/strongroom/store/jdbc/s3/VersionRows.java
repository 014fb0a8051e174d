package io.strongroom.store.jdbc.s3;

import io.strongroom.s3.ObjectChecksum;
import io.strongroom.s3.ObjectEncryption;
import io.strongroom.s3.ObjectVersion;
import io.strongroom.store.jdbc.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/**
 * Versions as rows of {@code s3_object_versions}. A delete marker's encryption columns are NULL
 * (and bucket_key_enabled false); a checksum is three columns, all NULL when there is none.
 */
final class VersionRows {
    /** The columns of a version, without seq and latest, which only the store uses. */
    static final String COLUMNS = "bucket, object_key, version_id, delete_marker, last_modified, size, etag, headers,"
            + " user_metadata, tags, checksum_algorithm, checksum_value, checksum_type, storage_class, sse_mode,"
            + " kms_key_arn, bucket_key_enabled, wrapped_data_key, customer_key_md5, customer_key_hmac, blob_id";
    static final String SELECT = "SELECT " + COLUMNS + " FROM s3_object_versions";

    /** A NULL for a BLOB/BYTEA column: {@link Sql} binds null as text, which PostgreSQL refuses there. */
    private static final Object NULL_BYTES = new Object();

    private VersionRows() {
    }

    /** Inserts the version as its key's latest; the caller has unmarked the previous latest. */
    static void insertLatest(Connection connection, ObjectVersion version) throws SQLException {
        Object[] fields = fields(version);
        Object[] parameters = new Object[fields.length + 1];
        System.arraycopy(fields, 0, parameters, 0, fields.length);
        parameters[fields.length] = true;
        update(connection, "INSERT INTO s3_object_versions (" + COLUMNS + ", latest)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", parameters);
    }

    /** Replaces every column but the version's identity, seq and latest; false when there is no such version. */
    static boolean update(Connection connection, ObjectVersion version) throws SQLException {
        Object[] fields = fields(version);
        Object[] parameters = new Object[fields.length];
        // the identity (bucket, key, version id) moves from the front to the WHERE clause
        System.arraycopy(fields, 3, parameters, 0, fields.length - 3);
        System.arraycopy(fields, 0, parameters, fields.length - 3, 3);
        return update(connection, "UPDATE s3_object_versions SET delete_marker = ?, last_modified = ?, size = ?,"
                + " etag = ?, headers = ?, user_metadata = ?, tags = ?, checksum_algorithm = ?, checksum_value = ?,"
                + " checksum_type = ?, storage_class = ?, sse_mode = ?, kms_key_arn = ?, bucket_key_enabled = ?,"
                + " wrapped_data_key = ?, customer_key_md5 = ?, customer_key_hmac = ?, blob_id = ?"
                + " WHERE bucket = ? AND object_key = ? AND version_id = ?", parameters) > 0;
    }

    /** The values of {@link #COLUMNS}, in order. */
    private static Object[] fields(ObjectVersion v) {
        Optional<ObjectChecksum> checksum = v.checksum();
        ObjectEncryption e = v.encryption();
        return new Object[] {v.bucket(), v.key(), v.versionId(), v.deleteMarker(), v.lastModified(), v.size(),
                v.etag(), StringMaps.encode(v.headers()), StringMaps.encode(v.userMetadata()),
                StringMaps.encode(v.tags()), checksum.map(ObjectChecksum::algorithm),
                checksum.map(ObjectChecksum::value), checksum.map(ObjectChecksum::type), v.storageClass(),
                e == null ? null : e.mode(), e == null ? null : e.kmsKeyArn(), e != null && e.bucketKeyEnabled(),
                e == null ? NULL_BYTES : e.wrappedDataKey(), e == null ? null : e.customerKeyMd5(),
                e == null || e.customerKeyHmac() == null ? NULL_BYTES : e.customerKeyHmac(), v.blobId()};
    }

    static ObjectVersion row(ResultSet row) throws SQLException {
        String algorithm = row.getString("checksum_algorithm");
        Optional<ObjectChecksum> checksum = algorithm == null ? Optional.empty()
                : Optional.of(new ObjectChecksum(algorithm, row.getString("checksum_value"),
                        row.getString("checksum_type")));
        String mode = row.getString("sse_mode");
        ObjectEncryption encryption = null;
        if (mode != null) {
            byte[] wrapped = row.getBytes("wrapped_data_key");
            encryption = new ObjectEncryption(ObjectEncryption.Mode.valueOf(mode), row.getString("kms_key_arn"),
                    row.getBoolean("bucket_key_enabled"), wrapped == null ? new byte[0] : wrapped,
                    row.getString("customer_key_md5"), row.getBytes("customer_key_hmac"));
        }
        return new ObjectVersion(row.getString("bucket"), row.getString("object_key"), row.getString("version_id"),
                row.getBoolean("delete_marker"), Sql.instant(row, "last_modified"), row.getLong("size"),
                row.getString("etag"), StringMaps.decode(row.getString("headers")),
                StringMaps.decode(row.getString("user_metadata")), checksum, StringMaps.decode(row.getString("tags")),
                row.getString("storage_class"), encryption, row.getString("blob_id"));
    }

    /** {@link Sql#update}, also binding {@link #NULL_BYTES}. */
    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Object[] plain = new Object[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                plain[i] = parameters[i] == NULL_BYTES ? null : parameters[i];
            }
            Sql.bind(statement, plain);
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == NULL_BYTES) {
                    statement.setNull(i + 1, Types.BINARY);
                }
            }
            return statement.executeUpdate();
        }
    }
}
