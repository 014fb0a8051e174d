package io.strongroom.store.jdbc.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.identity.StsSessionRecord;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Temporary credentials issued by AssumeRole: wrapped secret, token hash and session tags. */
final class StsSessionRows {
    private final JdbcTransactor transactor;

    StsSessionRows(JdbcTransactor transactor) {
        this.transactor = requireNonNull(transactor, "transactor");
    }

    void insert(StsSessionRecord session) {
        Writes.insert(transactor, "A session with this access key id already exists.", c -> {
            Sql.update(c, "INSERT INTO sts_sessions (access_key_id, account_id, wrapped_secret, session_token_hash, role_arn, role_id,"
                            + " role_name, session_name, issued_at, expires_at, session_policy, source_identity, issued_by)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    session.accessKeyId(), session.accountId(), session.wrappedSecret(), session.sessionTokenHash(), session.roleArn(),
                    session.roleId(), session.roleName(), session.sessionName(), session.issuedAt(), session.expiresAt(),
                    session.sessionPolicy(), session.sourceIdentity(), session.issuedBy());
            TagRows.STS_SESSIONS.insert(c, session.accessKeyId(), session.sessionTags());
            return null;
        });
    }

    Optional<StsSessionRecord> find(String accessKeyId) {
        return transactor.withConnection(c -> {
            Optional<StsSessionRecord> session = Sql.one(c, "SELECT * FROM sts_sessions WHERE access_key_id = ?",
                    StsSessionRows::withoutTags, accessKeyId);
            return session.isEmpty() ? session : Optional.of(withTags(c, session.get()));
        });
    }

    int deleteExpiredBefore(Instant cutoff) {
        return transactor.atomically(c -> Sql.update(c, "DELETE FROM sts_sessions WHERE expires_at < ?", cutoff));
    }

    private static StsSessionRecord withTags(Connection c, StsSessionRecord s) throws SQLException {
        return new StsSessionRecord(s.accessKeyId(), s.accountId(), s.wrappedSecret(), s.sessionTokenHash(), s.roleArn(), s.roleId(),
                s.roleName(), s.sessionName(), s.issuedAt(), s.expiresAt(), s.sessionPolicy(),
                TagRows.STS_SESSIONS.load(c, s.accessKeyId()), s.sourceIdentity(), s.issuedBy());
    }

    private static StsSessionRecord withoutTags(ResultSet row) throws SQLException {
        return new StsSessionRecord(row.getString("access_key_id"), row.getString("account_id"), row.getBytes("wrapped_secret"),
                row.getBytes("session_token_hash"), row.getString("role_arn"), row.getString("role_id"), row.getString("role_name"),
                row.getString("session_name"), Sql.instant(row, "issued_at"), Sql.instant(row, "expires_at"),
                Sql.optionalText(row, "session_policy"), Map.of(), Sql.optionalText(row, "source_identity"), row.getString("issued_by"));
    }
}
