package io.strongroom.store.jdbc.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.identity.AccessKey;
import io.strongroom.iam.identity.PrincipalKind;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Long-term access keys of users and account roots; the secret column holds exactly the wrapped bytes given. */
final class AccessKeyRows {
    private static final String SELECT = "SELECT k.access_key_id, k.account_id, u.user_name, k.active, k.create_date, k.wrapped_secret,"
            + " k.last_used_date, k.last_used_service, k.last_used_region FROM access_keys k LEFT JOIN users u ON u.user_id = k.user_id";

    private final JdbcTransactor transactor;

    AccessKeyRows(JdbcTransactor transactor) {
        this.transactor = requireNonNull(transactor, "transactor");
    }

    void insert(AccessKey key) {
        Writes.insert(transactor, "An access key with this id already exists.", c -> {
            String userId = null;
            if (key.userName().isPresent()) {
                userId = PrincipalRows.require(c, key.accountId(), PrincipalKind.USER, key.userName().get()).id();
            }
            Sql.update(c, "INSERT INTO access_keys (access_key_id, account_id, user_id, active, create_date, wrapped_secret)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    key.accessKeyId(), key.accountId(), userId, key.active(), key.createDate(), key.wrappedSecret());
            if (key.lastUsed().isPresent()) {
                updateLastUsed(c, key.accessKeyId(), key.lastUsed().get());
            }
            return null;
        });
    }

    Optional<AccessKey> find(String accessKeyId) {
        return transactor.withConnection(c -> Sql.one(c, SELECT + " WHERE k.access_key_id = ?", AccessKeyRows::key, accessKeyId));
    }

    List<AccessKey> list(String accountId, Optional<String> userName) {
        return transactor.withConnection(c -> userName.isPresent()
                ? Sql.list(c, SELECT + " WHERE u.account_id = ? AND u.name_lc = ? ORDER BY k.create_date, k.access_key_id",
                        AccessKeyRows::key, accountId, Names.fold(userName.get()))
                : Sql.list(c, SELECT + " WHERE k.account_id = ? AND k.user_id IS NULL ORDER BY k.create_date, k.access_key_id",
                        AccessKeyRows::key, accountId));
    }

    boolean setActive(String accessKeyId, boolean active) {
        return transactor.atomically(c -> Sql.update(c, "UPDATE access_keys SET active = ? WHERE access_key_id = ?",
                active, accessKeyId) > 0);
    }

    boolean delete(String accessKeyId) {
        return transactor.atomically(c -> Sql.update(c, "DELETE FROM access_keys WHERE access_key_id = ?", accessKeyId) > 0);
    }

    void recordUse(String accessKeyId, AccessKey.LastUsed lastUsed) {
        transactor.atomically(c -> updateLastUsed(c, accessKeyId, lastUsed));
    }

    private static int updateLastUsed(Connection c, String accessKeyId, AccessKey.LastUsed lastUsed) throws SQLException {
        return Sql.update(c,
                "UPDATE access_keys SET last_used_date = ?, last_used_service = ?, last_used_region = ? WHERE access_key_id = ?",
                lastUsed.date(), lastUsed.serviceName(), lastUsed.region(), accessKeyId);
    }

    private static AccessKey key(ResultSet row) throws SQLException {
        Optional<Instant> lastUsedDate = Sql.optionalInstant(row, "last_used_date");
        Optional<AccessKey.LastUsed> lastUsed = lastUsedDate.isEmpty() ? Optional.empty()
                : Optional.of(new AccessKey.LastUsed(lastUsedDate.get(), row.getString("last_used_service"), row.getString("last_used_region")));
        return new AccessKey(row.getString("access_key_id"), row.getString("account_id"), Sql.optionalText(row, "user_name"),
                row.getBoolean("active"), Sql.instant(row, "create_date"), row.getBytes("wrapped_secret"), lastUsed);
    }
}
