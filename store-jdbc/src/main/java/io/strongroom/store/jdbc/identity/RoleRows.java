package io.strongroom.store.jdbc.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.identity.Page;
import io.strongroom.iam.identity.PrincipalKind;
import io.strongroom.iam.identity.Role;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.PageMarker;
import io.strongroom.store.jdbc.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** IAM roles and their tags. */
final class RoleRows {
    private static final String COLUMNS = "r.role_id, r.account_id, r.role_name, r.path, r.arn, r.create_date, r.assume_role_policy,"
            + " r.description, r.max_session_duration, r.permissions_boundary_arn";

    private final JdbcTransactor transactor;

    RoleRows(JdbcTransactor transactor) {
        this.transactor = requireNonNull(transactor, "transactor");
    }

    void insert(Role role) {
        Writes.insert(transactor, "Role with name " + role.roleName() + " already exists.", c -> {
            Sql.update(c, "INSERT INTO roles (role_id, account_id, role_name, name_lc, path, arn, create_date, assume_role_policy,"
                            + " description, max_session_duration, permissions_boundary_arn) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    role.roleId(), role.accountId(), role.roleName(), Names.fold(role.roleName()), role.path(), role.arn(),
                    role.createDate(), role.assumeRolePolicyDocument(), role.description(), role.maxSessionDuration(),
                    role.permissionsBoundaryArn());
            TagRows.ROLES.insert(c, role.roleId(), role.tags());
            return null;
        });
    }

    Optional<Role> find(String accountId, String roleName) {
        return transactor.withConnection(c -> withTags(c, Sql.list(c,
                "SELECT " + COLUMNS + " FROM roles r WHERE r.account_id = ? AND r.name_lc = ?",
                RoleRows::withoutTags, accountId, Names.fold(roleName)))).stream().findFirst();
    }

    Page<Role> list(String accountId, String pathPrefix, Optional<String> marker, int maxItems) {
        Paging.check(maxItems);
        Optional<String> after = marker.map(m -> PageMarker.decode(m, 1).getFirst());
        List<Role> fetched = transactor.withConnection(c -> withTags(c, Sql.list(c,
                "SELECT " + COLUMNS + " FROM roles r WHERE r.account_id = ? AND substr(r.path, 1, ?) = ?"
                        + (after.isPresent() ? " AND r.name_lc > ?" : "") + " ORDER BY r.name_lc LIMIT ?",
                RoleRows::withoutTags, Paging.parameters(accountId, pathPrefix, after, maxItems + 1))));
        return Paging.page(fetched, maxItems, role -> List.of(Names.fold(role.roleName())));
    }

    /** Sets the description (empty clears it) and the maximum session duration. */
    boolean update(String accountId, String roleName, Optional<String> description, int maxSessionDuration) {
        return transactor.atomically(c -> Sql.update(c,
                "UPDATE roles SET description = ?, max_session_duration = ? WHERE account_id = ? AND name_lc = ?",
                description, maxSessionDuration, accountId, Names.fold(roleName)) > 0);
    }

    boolean updateAssumeRolePolicy(String accountId, String roleName, String document) {
        return transactor.atomically(c -> Sql.update(c,
                "UPDATE roles SET assume_role_policy = ? WHERE account_id = ? AND name_lc = ?",
                document, accountId, Names.fold(roleName)) > 0);
    }

    /** Deletes the role with its tags, attachments and inline policies. */
    boolean delete(String accountId, String roleName) {
        return transactor.atomically(c -> {
            Optional<PrincipalRows.Resolved> role = PrincipalRows.find(c, accountId, PrincipalKind.ROLE, roleName);
            if (role.isEmpty()) {
                return false;
            }
            PrincipalRows.deleteDependents(c, PrincipalKind.ROLE, role.get().id());
            return Sql.update(c, "DELETE FROM roles WHERE role_id = ?", role.get().id()) > 0;
        });
    }

    boolean setTags(String accountId, String roleName, Map<String, String> tags) {
        return transactor.atomically(c -> {
            Optional<PrincipalRows.Resolved> role = PrincipalRows.find(c, accountId, PrincipalKind.ROLE, roleName);
            if (role.isPresent()) {
                TagRows.ROLES.replace(c, role.get().id(), tags);
            }
            return role.isPresent();
        });
    }

    boolean setPermissionsBoundary(String accountId, String roleName, Optional<String> policyArn) {
        return transactor.atomically(c -> Sql.update(c,
                "UPDATE roles SET permissions_boundary_arn = ? WHERE account_id = ? AND name_lc = ?",
                policyArn, accountId, Names.fold(roleName)) > 0);
    }

    private static List<Role> withTags(Connection connection, List<Role> roles) throws SQLException {
        Map<String, Map<String, String>> tags = TagRows.ROLES.loadAll(connection, roles.stream().map(Role::roleId).toList());
        return roles.stream()
                .map(r -> new Role(r.accountId(), r.roleName(), r.roleId(), r.path(), r.arn(), r.createDate(),
                        r.assumeRolePolicyDocument(), r.description(), r.maxSessionDuration(), r.permissionsBoundaryArn(),
                        tags.getOrDefault(r.roleId(), Map.of())))
                .toList();
    }

    private static Role withoutTags(ResultSet row) throws SQLException {
        return new Role(row.getString("account_id"), row.getString("role_name"), row.getString("role_id"), row.getString("path"),
                row.getString("arn"), Sql.instant(row, "create_date"), row.getString("assume_role_policy"),
                Sql.optionalText(row, "description"), row.getInt("max_session_duration"),
                Sql.optionalText(row, "permissions_boundary_arn"), Map.of());
    }
}
