package io.strongroom.store.jdbc.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.identity.Page;
import io.strongroom.iam.identity.PrincipalKind;
import io.strongroom.iam.identity.User;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.PageMarker;
import io.strongroom.store.jdbc.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** IAM users and their tags. */
final class UserRows {
    static final String COLUMNS = "u.user_id, u.account_id, u.user_name, u.path, u.arn, u.create_date, u.permissions_boundary_arn";

    private final JdbcTransactor transactor;

    UserRows(JdbcTransactor transactor) {
        this.transactor = requireNonNull(transactor, "transactor");
    }

    void insert(User user) {
        Writes.insert(transactor, "User with name " + user.userName() + " already exists.", c -> {
            Sql.update(c, "INSERT INTO users (user_id, account_id, user_name, name_lc, path, arn, create_date, permissions_boundary_arn)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    user.userId(), user.accountId(), user.userName(), Names.fold(user.userName()), user.path(), user.arn(),
                    user.createDate(), user.permissionsBoundaryArn());
            TagRows.USERS.insert(c, user.userId(), user.tags());
            return null;
        });
    }

    Optional<User> find(String accountId, String userName) {
        return transactor.withConnection(c -> withTags(c, Sql.list(c,
                "SELECT " + COLUMNS + " FROM users u WHERE u.account_id = ? AND u.name_lc = ?",
                UserRows::withoutTags, accountId, Names.fold(userName)))).stream().findFirst();
    }

    Optional<User> findById(String userId) {
        return transactor.withConnection(c -> withTags(c, Sql.list(c,
                "SELECT " + COLUMNS + " FROM users u WHERE u.user_id = ?", UserRows::withoutTags, userId))).stream().findFirst();
    }

    Page<User> list(String accountId, String pathPrefix, Optional<String> marker, int maxItems) {
        Paging.check(maxItems);
        Optional<String> after = marker.map(m -> PageMarker.decode(m, 1).getFirst());
        List<User> fetched = transactor.withConnection(c -> withTags(c, Sql.list(c,
                "SELECT " + COLUMNS + " FROM users u WHERE u.account_id = ? AND substr(u.path, 1, ?) = ?"
                        + (after.isPresent() ? " AND u.name_lc > ?" : "") + " ORDER BY u.name_lc LIMIT ?",
                UserRows::withoutTags, Paging.parameters(accountId, pathPrefix, after, maxItems + 1))));
        return Paging.page(fetched, maxItems, user -> List.of(Names.fold(user.userName())));
    }

    boolean update(String accountId, String userName, String newUserName, String newPath, String newArn) {
        return Writes.insert(transactor, "User with name " + newUserName + " already exists.", c -> Sql.update(c,
                "UPDATE users SET user_name = ?, name_lc = ?, path = ?, arn = ? WHERE account_id = ? AND name_lc = ?",
                newUserName, Names.fold(newUserName), newPath, newArn, accountId, Names.fold(userName)) > 0);
    }

    /** Deletes the user with its tags, memberships, access keys, attachments and inline policies. */
    boolean delete(String accountId, String userName) {
        return transactor.atomically(c -> {
            Optional<PrincipalRows.Resolved> user = PrincipalRows.find(c, accountId, PrincipalKind.USER, userName);
            if (user.isEmpty()) {
                return false;
            }
            PrincipalRows.deleteDependents(c, PrincipalKind.USER, user.get().id());
            return Sql.update(c, "DELETE FROM users WHERE user_id = ?", user.get().id()) > 0;
        });
    }

    boolean setTags(String accountId, String userName, Map<String, String> tags) {
        return transactor.atomically(c -> {
            Optional<PrincipalRows.Resolved> user = PrincipalRows.find(c, accountId, PrincipalKind.USER, userName);
            if (user.isPresent()) {
                TagRows.USERS.replace(c, user.get().id(), tags);
            }
            return user.isPresent();
        });
    }

    boolean setPermissionsBoundary(String accountId, String userName, Optional<String> policyArn) {
        return transactor.atomically(c -> Sql.update(c,
                "UPDATE users SET permissions_boundary_arn = ? WHERE account_id = ? AND name_lc = ?",
                policyArn, accountId, Names.fold(userName)) > 0);
    }

    /** Attaches tags to users read without them, in one query. */
    static List<User> withTags(Connection connection, List<User> users) throws SQLException {
        Map<String, Map<String, String>> tags = TagRows.USERS.loadAll(connection, users.stream().map(User::userId).toList());
        return users.stream()
                .map(u -> new User(u.accountId(), u.userName(), u.userId(), u.path(), u.arn(), u.createDate(),
                        u.permissionsBoundaryArn(), tags.getOrDefault(u.userId(), Map.of())))
                .toList();
    }

    static User withoutTags(ResultSet row) throws SQLException {
        return new User(row.getString("account_id"), row.getString("user_name"), row.getString("user_id"), row.getString("path"),
                row.getString("arn"), Sql.instant(row, "create_date"), Sql.optionalText(row, "permissions_boundary_arn"), Map.of());
    }
}
