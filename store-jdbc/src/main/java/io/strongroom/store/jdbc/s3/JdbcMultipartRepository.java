package io.strongroom.store.jdbc.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.s3.MultipartRepository;
import io.strongroom.s3.MultipartUpload;
import io.strongroom.s3.ObjectChecksum;
import io.strongroom.s3.ObjectEncryption;
import io.strongroom.s3.ObjectPart;
import io.strongroom.s3.StoredAcl;
import io.strongroom.s3.UploadPart;
import io.strongroom.s3.checksum.ChecksumAlgorithm;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import io.strongroom.store.jdbc.Vendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link MultipartRepository} over JDBC, on SQLite or PostgreSQL alike (tables of migrations V11, V16 and V17). Each
 * method is atomic: its own transaction, or a savepoint inside the caller's, so a completion commits
 * the object's version (in {@link JdbcS3Repository}) and its parts together.
 */
public final class JdbcMultipartRepository implements MultipartRepository {
    private static final String UPLOAD_COLUMNS = "upload_id, bucket, object_key, initiated, owner_account_id,"
            + " initiator_arn, headers, user_metadata, tags, storage_class, sse_mode, kms_key_arn,"
            + " bucket_key_enabled, wrapped_data_key, customer_key_md5, customer_key_hmac, checksum_algorithm, checksum_type, acl";
    private static final String PART_COLUMNS = "upload_id, part_number, last_modified, size, etag,"
            + " checksum_algorithm, checksum_value, checksum_type, blob_id";

    private final JdbcTransactor transactor;

    /** {@code vendor} is the store's; the SQL here is the same on both. */
    public JdbcMultipartRepository(JdbcTransactor transactor, Vendor vendor) {
        this.transactor = requireNonNull(transactor, "transactor");
        requireNonNull(vendor, "vendor");
    }

    @Override
    public void insertUpload(MultipartUpload upload) {
        requireNonNull(upload, "upload");
        ObjectEncryption e = upload.encryption();
        transactor.atomically(c -> {
            try (PreparedStatement statement = c.prepareStatement("INSERT INTO s3_multipart_uploads ("
                    + UPLOAD_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Sql.bind(statement, upload.uploadId(), upload.bucket(), upload.key(), upload.initiated(),
                        upload.ownerAccountId(), upload.initiatorArn(), StringMaps.encode(upload.headers()),
                        StringMaps.encode(upload.userMetadata()), StringMaps.encode(upload.tags()),
                        upload.storageClass(), e.mode(), e.kmsKeyArn(), e.bucketKeyEnabled(), e.wrappedDataKey(),
                        e.customerKeyMd5(), null, upload.checksumAlgorithm().map(ChecksumAlgorithm::s3Name),
                        upload.checksumType(), upload.acl().isDefault() ? null : upload.acl().document());
                if (e.customerKeyHmac() == null) {
                    statement.setNull(16, Types.BINARY);
                } else {
                    statement.setBytes(16, e.customerKeyHmac());
                }
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public Optional<MultipartUpload> findUpload(String uploadId) {
        requireNonNull(uploadId, "uploadId");
        return transactor.withConnection(c -> Sql.one(c, "SELECT " + UPLOAD_COLUMNS
                + " FROM s3_multipart_uploads WHERE upload_id = ?", JdbcMultipartRepository::upload, uploadId));
    }

    @Override
    public boolean deleteUpload(String uploadId) {
        requireNonNull(uploadId, "uploadId");
        return transactor.atomically(c -> {
            Sql.update(c, "DELETE FROM s3_upload_parts WHERE upload_id = ?", uploadId);
            return Sql.update(c, "DELETE FROM s3_multipart_uploads WHERE upload_id = ?", uploadId) > 0;
        });
    }

    @Override
    public List<MultipartUpload> listUploads(String bucket, String prefix, String afterKey, String afterUploadId,
                                             int limit) {
        requireNonNull(bucket, "bucket");
        requireNonNull(prefix, "prefix");
        requireNonNull(afterKey, "afterKey");
        requireNonNull(afterUploadId, "afterUploadId");
        if (limit < 1) {
            return List.of();
        }
        return transactor.withConnection(c -> {
            Optional<Instant> markerInitiated = afterKey.isEmpty() || afterUploadId.isEmpty() ? Optional.empty()
                    : Sql.one(c, "SELECT initiated FROM s3_multipart_uploads WHERE upload_id = ? AND bucket = ?"
                    + " AND object_key = ?", row -> Sql.instant(row, "initiated"), afterUploadId, bucket, afterKey);
            List<Object> parameters = new ArrayList<>(List.of(bucket));
            StringBuilder sql = new StringBuilder("SELECT " + UPLOAD_COLUMNS
                    + " FROM s3_multipart_uploads WHERE bucket = ?");
            sql.append(KeyRange.where(prefix, "", parameters));
            if (markerInitiated.isPresent()) {
                sql.append(" AND (object_key > ? OR (object_key = ? AND (initiated > ?"
                        + " OR (initiated = ? AND upload_id > ?))))");
                parameters.addAll(List.of(afterKey, afterKey, markerInitiated.get(), markerInitiated.get(),
                        afterUploadId));
            } else if (!afterKey.isEmpty()) {
                sql.append(" AND object_key > ?");
                parameters.add(afterKey);
            }
            sql.append(" ORDER BY object_key, initiated, upload_id LIMIT ?");
            parameters.add(limit);
            return Sql.list(c, sql.toString(), JdbcMultipartRepository::upload, parameters.toArray());
        });
    }

    @Override
    public Optional<UploadPart> putPart(UploadPart part) {
        requireNonNull(part, "part");
        return transactor.atomically(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM s3_multipart_uploads WHERE upload_id = ?", part.uploadId()) == 0) {
                throw new IllegalArgumentException("no upload " + part.uploadId());
            }
            Optional<UploadPart> replaced = Sql.one(c, "SELECT " + PART_COLUMNS + " FROM s3_upload_parts"
                    + " WHERE upload_id = ? AND part_number = ?", JdbcMultipartRepository::part, part.uploadId(),
                    part.partNumber());
            if (replaced.isPresent()) {
                Sql.update(c, "DELETE FROM s3_upload_parts WHERE upload_id = ? AND part_number = ?",
                        part.uploadId(), part.partNumber());
            }
            Optional<ObjectChecksum> checksum = part.checksum();
            Sql.update(c, "INSERT INTO s3_upload_parts (" + PART_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    part.uploadId(), part.partNumber(), part.lastModified(), part.size(), part.etag(),
                    checksum.map(ObjectChecksum::algorithm), checksum.map(ObjectChecksum::value),
                    checksum.map(ObjectChecksum::type), part.blobId());
            return replaced;
        });
    }

    @Override
    public List<UploadPart> listParts(String uploadId, int afterPartNumber, int limit) {
        requireNonNull(uploadId, "uploadId");
        if (limit < 1) {
            return List.of();
        }
        return transactor.withConnection(c -> Sql.list(c, "SELECT " + PART_COLUMNS + " FROM s3_upload_parts"
                        + " WHERE upload_id = ? AND part_number > ? ORDER BY part_number LIMIT ?",
                JdbcMultipartRepository::part, uploadId, afterPartNumber, limit));
    }

    @Override
    public void putObjectParts(String objectBlobId, List<ObjectPart> parts) {
        requireNonNull(objectBlobId, "objectBlobId");
        List<ObjectPart> copy = List.copyOf(parts);
        transactor.atomically(c -> {
            Sql.update(c, "DELETE FROM s3_object_parts WHERE object_blob_id = ?", objectBlobId);
            Sql.batch(c, "INSERT INTO s3_object_parts (object_blob_id, part_number, upload_id, size, blob_id)"
                    + " VALUES (?, ?, ?, ?, ?)", statement -> {
                for (ObjectPart part : copy) {
                    Sql.bind(statement, objectBlobId, part.partNumber(), part.uploadId(), part.size(), part.blobId());
                    statement.addBatch();
                }
            });
            return null;
        });
    }

    @Override
    public List<ObjectPart> objectParts(String objectBlobId) {
        requireNonNull(objectBlobId, "objectBlobId");
        return transactor.withConnection(c -> Sql.list(c, "SELECT part_number, upload_id, size, blob_id"
                        + " FROM s3_object_parts WHERE object_blob_id = ? ORDER BY part_number",
                row -> new ObjectPart(row.getInt("part_number"), row.getString("upload_id"), row.getLong("size"),
                        row.getString("blob_id")), objectBlobId));
    }

    @Override
    public boolean deleteObjectParts(String objectBlobId) {
        requireNonNull(objectBlobId, "objectBlobId");
        return transactor.atomically(c -> Sql.update(c, "DELETE FROM s3_object_parts WHERE object_blob_id = ?",
                objectBlobId) > 0);
    }

    @Override
    public Set<String> referencedBlobs(Set<String> blobIds) {
        return transactor.withConnection(c -> Sql.presentIn(c, blobIds, "s3_upload_parts.blob_id",
                "s3_object_parts.blob_id"));
    }

    private static MultipartUpload upload(ResultSet row) throws SQLException {
        ObjectEncryption encryption = new ObjectEncryption(ObjectEncryption.Mode.valueOf(row.getString("sse_mode")),
                row.getString("kms_key_arn"), row.getBoolean("bucket_key_enabled"), row.getBytes("wrapped_data_key"),
                row.getString("customer_key_md5"), row.getBytes("customer_key_hmac"));
        return new MultipartUpload(row.getString("upload_id"), row.getString("bucket"), row.getString("object_key"),
                Sql.instant(row, "initiated"), row.getString("owner_account_id"), row.getString("initiator_arn"),
                StringMaps.decode(row.getString("headers")), StringMaps.decode(row.getString("user_metadata")),
                StringMaps.decode(row.getString("tags")), row.getString("storage_class"), encryption,
                Optional.ofNullable(row.getString("checksum_algorithm")).flatMap(ChecksumAlgorithm::fromS3Name),
                "FULL_OBJECT".equals(row.getString("checksum_type")),
                Optional.ofNullable(row.getString("acl")).map(StoredAcl::parse).orElse(StoredAcl.PRIVATE));
    }

    private static UploadPart part(ResultSet row) throws SQLException {
        String algorithm = row.getString("checksum_algorithm");
        Optional<ObjectChecksum> checksum = algorithm == null ? Optional.empty()
                : Optional.of(new ObjectChecksum(algorithm, row.getString("checksum_value"),
                        row.getString("checksum_type")));
        return new UploadPart(row.getString("upload_id"), row.getInt("part_number"),
                Sql.instant(row, "last_modified"), row.getLong("size"), row.getString("etag"), checksum,
                row.getString("blob_id"));
    }
}
