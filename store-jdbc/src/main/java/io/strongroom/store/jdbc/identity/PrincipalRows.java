package io.strongroom.store.jdbc.identity;

import io.strongroom.iam.identity.PrincipalKind;
import io.strongroom.store.jdbc.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Resolves a user, group or role name to its stable id. Attachments, inline policies and
 * memberships point at ids, so they follow a rename.
 */
final class PrincipalRows {
    private PrincipalRows() {
    }

    /** A principal as stored: its id and its name in the case it was created with. */
    record Resolved(String id, String name) {
    }

    static Optional<Resolved> find(Connection connection, String accountId, PrincipalKind kind, String name)
            throws SQLException {
        String sql = switch (kind) {
            case USER -> "SELECT user_id, user_name FROM users WHERE account_id = ? AND name_lc = ?";
            case GROUP -> "SELECT group_id, group_name FROM iam_groups WHERE account_id = ? AND name_lc = ?";
            case ROLE -> "SELECT role_id, role_name FROM roles WHERE account_id = ? AND name_lc = ?";
        };
        return Sql.one(connection, sql, row -> new Resolved(row.getString(1), row.getString(2)), accountId, Names.fold(name));
    }

    static Resolved require(Connection connection, String accountId, PrincipalKind kind, String name) throws SQLException {
        return find(connection, accountId, kind, name)
                .orElseThrow(() -> new IllegalArgumentException("no " + kind.name().toLowerCase(java.util.Locale.ROOT)
                        + " named " + name + " in account " + accountId));
    }

    /** Removes what points at a principal by id without a foreign key: its attachments and inline policies. */
    static void deleteDependents(Connection connection, PrincipalKind kind, String principalId) throws SQLException {
        Sql.update(connection, "DELETE FROM policy_attachments WHERE principal_kind = ? AND principal_id = ?", kind, principalId);
        Sql.update(connection, "DELETE FROM inline_policies WHERE principal_kind = ? AND principal_id = ?", kind, principalId);
    }
}
