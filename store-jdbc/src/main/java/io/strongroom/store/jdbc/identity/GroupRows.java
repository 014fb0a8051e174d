package io.strongroom.store.jdbc.identity;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.identity.Group;
import io.strongroom.iam.identity.Page;
import io.strongroom.iam.identity.PrincipalKind;
import io.strongroom.iam.identity.User;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.PageMarker;
import io.strongroom.store.jdbc.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** IAM groups and their members. */
final class GroupRows {
    private static final String COLUMNS = "g.group_id, g.account_id, g.group_name, g.path, g.arn, g.create_date";

    private final JdbcTransactor transactor;

    GroupRows(JdbcTransactor transactor) {
        this.transactor = requireNonNull(transactor, "transactor");
    }

    void insert(Group group) {
        Writes.insert(transactor, "Group with name " + group.groupName() + " already exists.", c -> Sql.update(c,
                "INSERT INTO iam_groups (group_id, account_id, group_name, name_lc, path, arn, create_date) VALUES (?, ?, ?, ?, ?, ?, ?)",
                group.groupId(), group.accountId(), group.groupName(), Names.fold(group.groupName()), group.path(), group.arn(),
                group.createDate()));
    }

    Optional<Group> find(String accountId, String groupName) {
        return transactor.withConnection(c -> Sql.one(c,
                "SELECT " + COLUMNS + " FROM iam_groups g WHERE g.account_id = ? AND g.name_lc = ?",
                GroupRows::group, accountId, Names.fold(groupName)));
    }

    Page<Group> list(String accountId, String pathPrefix, Optional<String> marker, int maxItems) {
        Paging.check(maxItems);
        Optional<String> after = marker.map(m -> PageMarker.decode(m, 1).getFirst());
        List<Group> fetched = transactor.withConnection(c -> Sql.list(c,
                "SELECT " + COLUMNS + " FROM iam_groups g WHERE g.account_id = ? AND substr(g.path, 1, ?) = ?"
                        + (after.isPresent() ? " AND g.name_lc > ?" : "") + " ORDER BY g.name_lc LIMIT ?",
                GroupRows::group, Paging.parameters(accountId, pathPrefix, after, maxItems + 1)));
        return Paging.page(fetched, maxItems, group -> List.of(Names.fold(group.groupName())));
    }

    /** Deletes the group with its memberships, attachments and inline policies. */
    boolean delete(String accountId, String groupName) {
        return transactor.atomically(c -> {
            Optional<PrincipalRows.Resolved> group = PrincipalRows.find(c, accountId, PrincipalKind.GROUP, groupName);
            if (group.isEmpty()) {
                return false;
            }
            PrincipalRows.deleteDependents(c, PrincipalKind.GROUP, group.get().id());
            return Sql.update(c, "DELETE FROM iam_groups WHERE group_id = ?", group.get().id()) > 0;
        });
    }

    void addMember(String accountId, String groupName, String userName) {
        transactor.atomically(c -> {
            String groupId = PrincipalRows.require(c, accountId, PrincipalKind.GROUP, groupName).id();
            String userId = PrincipalRows.require(c, accountId, PrincipalKind.USER, userName).id();
            return Sql.update(c, "INSERT INTO group_members (group_id, user_id) VALUES (?, ?) ON CONFLICT (group_id, user_id) DO NOTHING",
                    groupId, userId);
        });
    }

    boolean removeMember(String accountId, String groupName, String userName) {
        return transactor.atomically(c -> Sql.update(c,
                "DELETE FROM group_members WHERE group_id IN (SELECT group_id FROM iam_groups WHERE account_id = ? AND name_lc = ?)"
                        + " AND user_id IN (SELECT user_id FROM users WHERE account_id = ? AND name_lc = ?)",
                accountId, Names.fold(groupName), accountId, Names.fold(userName)) > 0);
    }

    List<User> members(String accountId, String groupName) {
        return transactor.withConnection(c -> UserRows.withTags(c, Sql.list(c,
                "SELECT " + UserRows.COLUMNS + " FROM users u JOIN group_members m ON m.user_id = u.user_id"
                        + " JOIN iam_groups g ON g.group_id = m.group_id WHERE g.account_id = ? AND g.name_lc = ? ORDER BY u.name_lc",
                UserRows::withoutTags, accountId, Names.fold(groupName))));
    }

    List<Group> groupsOf(String accountId, String userName) {
        return transactor.withConnection(c -> Sql.list(c,
                "SELECT " + COLUMNS + " FROM iam_groups g JOIN group_members m ON m.group_id = g.group_id"
                        + " JOIN users u ON u.user_id = m.user_id WHERE u.account_id = ? AND u.name_lc = ? ORDER BY g.name_lc",
                GroupRows::group, accountId, Names.fold(userName)));
    }

    private static Group group(ResultSet row) throws SQLException {
        return new Group(row.getString("account_id"), row.getString("group_name"), row.getString("group_id"), row.getString("path"),
                row.getString("arn"), Sql.instant(row, "create_date"));
    }
}
