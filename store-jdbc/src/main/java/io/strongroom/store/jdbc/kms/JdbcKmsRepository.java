package io.strongroom.store.jdbc.kms;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.identity.DuplicateEntityException;
import io.strongroom.kms.Grant;
import io.strongroom.kms.KeyAlias;
import io.strongroom.kms.KeyVersion;
import io.strongroom.kms.KmsKey;
import io.strongroom.kms.KmsRepository;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import io.strongroom.store.jdbc.SqlWork;
import io.strongroom.store.jdbc.StoreException;
import io.strongroom.store.jdbc.Vendor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link KmsRepository} over JDBC, on SQLite or PostgreSQL alike (tables {@code kms_*} of migration
 * V7). Each method is atomic: its own transaction, or a savepoint inside the caller's, so it joins
 * the other stores' transactions on the same {@link JdbcTransactor}. Primary and unique keys keep
 * the collision rules (key id; version per key; alias name per account and region; grant id; grant
 * token hash).
 *
 * <p>Versions, aliases and grants refer to their key by foreign key: inserting one for a key that
 * does not exist (or pointing an alias at one) throws {@link IllegalArgumentException} and changes
 * nothing, as {@link io.strongroom.store.jdbc.organizations.JdbcOrganizationsRepository} does for
 * memberships of unknown accounts. Instants are kept as epoch milliseconds (finer parts are dropped).
 */
public final class JdbcKmsRepository implements KmsRepository {
    private static final String SELECT_VERSION =
            "SELECT key_id, version, wrapped_material, public_key, created_at, rotation_type FROM kms_key_versions";
    private static final String SELECT_ALIAS =
            "SELECT account_id, region, alias_name, target_key_id, creation_date, last_updated_date FROM kms_aliases";

    private final JdbcTransactor transactor;
    private final Vendor vendor;

    /** {@code vendor} is the store's ({@code Database.vendor()}): locking a key's row is vendor SQL. */
    public JdbcKmsRepository(JdbcTransactor transactor, Vendor vendor) {
        this.transactor = requireNonNull(transactor, "transactor");
        this.vendor = requireNonNull(vendor, "vendor");
    }

    // ---- keys

    @Override
    public void insertKey(KmsKey key) {
        writeUnique("A key with id " + key.keyId() + " already exists.", c -> {
            KeyRows.insert(c, key);
            return null;
        });
    }

    @Override
    public Optional<KmsKey> findKey(String keyId) {
        return transactor.withConnection(c -> KeyRows.find(c, keyId));
    }

    @Override
    public Optional<KmsKey> findKeyForUpdate(String keyId) {
        return transactor.withConnection(c -> {
            switch (vendor) {
                // Lock first, then read in a statement of its own: a read that waited for the lock sees
                // the key and tags as the transaction that held it left them.
                case POSTGRESQL -> Sql.list(c, "SELECT key_id FROM kms_keys WHERE key_id = ? FOR UPDATE",
                        row -> row.getString(1), keyId);
                // a transaction already holds SQLite's one write lock (transactions begin IMMEDIATE)
                case SQLITE -> {
                }
            }
            return KeyRows.find(c, keyId);
        });
    }

    @Override
    public boolean updateKey(KmsKey key) {
        return transactor.atomically(c -> KeyRows.update(c, key));
    }

    @Override
    public List<KmsKey> listKeys(String accountId, String region, Optional<String> afterKeyId, int limit) {
        if (limit < 1) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(List.of(accountId, region));
        String after = "";
        if (afterKeyId.isPresent()) {
            after = " AND key_id > ?";
            parameters.add(afterKeyId.get());
        }
        parameters.add(limit);
        String filter = "SELECT * FROM kms_keys WHERE account_id = ? AND region = ? AND state <> 'DESTROYED'"
                + after + " ORDER BY key_id LIMIT ?";
        return transactor.withConnection(c -> KeyRows.select(c, filter, "key_id", parameters.toArray()));
    }

    @Override
    public List<KmsKey> keysDueForRotation(Instant now, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return transactor.withConnection(c -> KeyRows.select(c, "SELECT * FROM kms_keys WHERE rotation_enabled = ?"
                + " AND state = 'ENABLED' AND next_rotation_date <= ? ORDER BY next_rotation_date, key_id LIMIT ?",
                "next_rotation_date, key_id", true, now, limit));
    }

    @Override
    public List<KmsKey> keysDueForDeletion(Instant now, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return transactor.withConnection(c -> KeyRows.select(c, "SELECT * FROM kms_keys WHERE state = 'PENDING_DELETION'"
                + " AND deletion_date <= ? ORDER BY deletion_date, key_id LIMIT ?", "deletion_date, key_id", now, limit));
    }

    // ---- material

    @Override
    public void insertVersion(KeyVersion version) {
        writeUnique("Version " + version.version() + " of key " + version.keyId() + " already exists.", c -> {
            requireKey(c, version.keyId());
            return Columns.update(c, "INSERT INTO kms_key_versions (key_id, version, wrapped_material, public_key,"
                            + " created_at, rotation_type) VALUES (?, ?, ?, ?, ?, ?)",
                    version.keyId(), version.version(), version.wrappedMaterial(), Columns.bytes(version.publicKey()),
                    version.createdAt(), version.rotationType());
        });
    }

    @Override
    public Optional<KeyVersion> findVersion(String keyId, int version) {
        return transactor.withConnection(c -> Sql.one(c, SELECT_VERSION + " WHERE key_id = ? AND version = ?",
                JdbcKmsRepository::version, keyId, version));
    }

    @Override
    public List<KeyVersion> listVersions(String keyId) {
        return transactor.withConnection(c -> Sql.list(c, SELECT_VERSION + " WHERE key_id = ? ORDER BY version",
                JdbcKmsRepository::version, keyId));
    }

    @Override
    public int deleteVersions(String keyId) {
        return transactor.atomically(c -> Sql.update(c, "DELETE FROM kms_key_versions WHERE key_id = ?", keyId));
    }

    // ---- aliases

    @Override
    public void insertAlias(KeyAlias alias) {
        writeUnique("An alias named " + alias.aliasName() + " already exists.", c -> {
            requireKey(c, alias.targetKeyId());
            return Sql.update(c, "INSERT INTO kms_aliases (account_id, region, alias_name, target_key_id, creation_date,"
                            + " last_updated_date) VALUES (?, ?, ?, ?, ?, ?)", alias.accountId(), alias.region(),
                    alias.aliasName(), alias.targetKeyId(), alias.creationDate(), alias.lastUpdatedDate());
        });
    }

    @Override
    public Optional<KeyAlias> findAlias(String accountId, String region, String aliasName) {
        return transactor.withConnection(c -> Sql.one(c, SELECT_ALIAS
                        + " WHERE account_id = ? AND region = ? AND alias_name = ?", JdbcKmsRepository::alias,
                accountId, region, aliasName));
    }

    /** Retargets the alias and sets its last-updated date; its creation date stays. */
    @Override
    public boolean updateAlias(KeyAlias alias) {
        return transactor.atomically(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM kms_aliases WHERE account_id = ? AND region = ? AND alias_name = ?",
                    alias.accountId(), alias.region(), alias.aliasName()) == 0) {
                return false;
            }
            requireKey(c, alias.targetKeyId());
            return Sql.update(c, "UPDATE kms_aliases SET target_key_id = ?, last_updated_date = ?"
                            + " WHERE account_id = ? AND region = ? AND alias_name = ?", alias.targetKeyId(),
                    alias.lastUpdatedDate(), alias.accountId(), alias.region(), alias.aliasName()) > 0;
        });
    }

    @Override
    public boolean deleteAlias(String accountId, String region, String aliasName) {
        return transactor.atomically(c -> Sql.update(c,
                "DELETE FROM kms_aliases WHERE account_id = ? AND region = ? AND alias_name = ?",
                accountId, region, aliasName) > 0);
    }

    @Override
    public List<KeyAlias> listAliases(String accountId, String region, Optional<String> targetKeyId,
                                      Optional<String> afterAliasName, int limit) {
        if (limit < 1) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(SELECT_ALIAS).append(" WHERE account_id = ? AND region = ?");
        List<Object> parameters = new ArrayList<>(List.of(accountId, region));
        if (targetKeyId.isPresent()) {
            sql.append(" AND target_key_id = ?");
            parameters.add(targetKeyId.get());
        }
        if (afterAliasName.isPresent()) {
            sql.append(" AND alias_name > ?");
            parameters.add(afterAliasName.get());
        }
        sql.append(" ORDER BY alias_name LIMIT ?");
        parameters.add(limit);
        return transactor.withConnection(c -> Sql.list(c, sql.toString(), JdbcKmsRepository::alias,
                parameters.toArray()));
    }

    @Override
    public int deleteAliasesOf(String keyId) {
        return transactor.atomically(c -> Sql.update(c, "DELETE FROM kms_aliases WHERE target_key_id = ?", keyId));
    }

    // ---- grants

    @Override
    public void insertGrant(Grant grant) {
        writeUnique("A grant with id " + grant.grantId() + " or the same token already exists.", c -> {
            requireKey(c, grant.keyId());
            GrantRows.insert(c, grant);
            return null;
        });
    }

    @Override
    public Optional<Grant> findGrant(String keyId, String grantId) {
        return transactor.withConnection(c -> Sql.one(c, GrantRows.SELECT + " WHERE key_id = ? AND grant_id = ?",
                GrantRows::row, keyId, grantId));
    }

    @Override
    public Optional<Grant> findGrantByTokenHash(byte[] tokenHash) {
        requireNonNull(tokenHash, "tokenHash");
        return transactor.withConnection(c -> Sql.one(c, GrantRows.SELECT + " WHERE token_hash = ?",
                GrantRows::row, (Object) tokenHash));
    }

    @Override
    public List<Grant> listGrants(String keyId) {
        return transactor.withConnection(c -> Sql.list(c,
                GrantRows.SELECT + " WHERE key_id = ? ORDER BY creation_date, grant_id", GrantRows::row, keyId));
    }

    @Override
    public List<Grant> listGrantsRetirableBy(String retiringPrincipal) {
        return transactor.withConnection(c -> Sql.list(c,
                GrantRows.SELECT + " WHERE retiring_principal = ? ORDER BY key_id, grant_id", GrantRows::row,
                retiringPrincipal));
    }

    @Override
    public boolean deleteGrant(String keyId, String grantId) {
        return transactor.atomically(c -> Sql.update(c, "DELETE FROM kms_grants WHERE key_id = ? AND grant_id = ?",
                keyId, grantId) > 0);
    }

    @Override
    public int deleteGrantsOf(String keyId) {
        return transactor.atomically(c -> Sql.update(c, "DELETE FROM kms_grants WHERE key_id = ?", keyId));
    }

    // ---- rows

    /** Runs a write atomically; a unique-key violation becomes {@link DuplicateEntityException}. */
    private <T> T writeUnique(String duplicateMessage, SqlWork<T> work) {
        try {
            return transactor.atomically(work);
        } catch (StoreException e) {
            if (e.uniqueViolation()) {
                throw new DuplicateEntityException(duplicateMessage);
            }
            throw e;
        }
    }

    private static void requireKey(Connection connection, String keyId) throws SQLException {
        if (!KeyRows.exists(connection, keyId)) {
            throw new IllegalArgumentException("no key " + keyId);
        }
    }

    private static KeyVersion version(ResultSet row) throws SQLException {
        return new KeyVersion(row.getString("key_id"), row.getInt("version"), row.getBytes("wrapped_material"),
                Columns.optionalBytes(row, "public_key"), Sql.instant(row, "created_at"),
                Sql.optionalText(row, "rotation_type"));
    }

    private static KeyAlias alias(ResultSet row) throws SQLException {
        return new KeyAlias(row.getString("account_id"), row.getString("region"), row.getString("alias_name"),
                row.getString("target_key_id"), Sql.instant(row, "creation_date"),
                Sql.instant(row, "last_updated_date"));
    }
}
