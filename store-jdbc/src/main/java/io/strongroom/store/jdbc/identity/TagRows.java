package io.strongroom.store.jdbc.identity;

import io.strongroom.store.jdbc.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Tags kept as rows of a per-entity table ({@code user_tags}, {@code role_tags}, {@code sts_session_tags}). */
final class TagRows {
    private final String table;
    private final String ownerColumn;

    TagRows(String table, String ownerColumn) {
        this.table = table;
        this.ownerColumn = ownerColumn;
    }

    static final TagRows USERS = new TagRows("user_tags", "user_id");
    static final TagRows ROLES = new TagRows("role_tags", "role_id");
    static final TagRows STS_SESSIONS = new TagRows("sts_session_tags", "access_key_id");

    Map<String, String> load(Connection connection, String ownerId) throws SQLException {
        Map<String, String> tags = new HashMap<>();
        for (String[] row : Sql.list(connection, "SELECT tag_key, tag_value FROM " + table + " WHERE " + ownerColumn + " = ?",
                r -> new String[] {r.getString(1), r.getString(2)}, ownerId)) {
            tags.put(row[0], row[1]);
        }
        return tags;
    }

    /** Tags of many owners in one query; owners without tags are absent from the result. */
    Map<String, Map<String, String>> loadAll(Connection connection, Collection<String> ownerIds) throws SQLException {
        Map<String, Map<String, String>> tags = new HashMap<>();
        if (ownerIds.isEmpty()) {
            return tags;
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(ownerIds.size(), "?"));
        for (String[] row : Sql.list(connection,
                "SELECT " + ownerColumn + ", tag_key, tag_value FROM " + table + " WHERE " + ownerColumn + " IN (" + placeholders + ")",
                r -> new String[] {r.getString(1), r.getString(2), r.getString(3)}, ownerIds.toArray())) {
            tags.computeIfAbsent(row[0], id -> new HashMap<>()).put(row[1], row[2]);
        }
        return tags;
    }

    void replace(Connection connection, String ownerId, Map<String, String> tags) throws SQLException {
        Sql.update(connection, "DELETE FROM " + table + " WHERE " + ownerColumn + " = ?", ownerId);
        insert(connection, ownerId, tags);
    }

    void insert(Connection connection, String ownerId, Map<String, String> tags) throws SQLException {
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            Sql.update(connection, "INSERT INTO " + table + " (" + ownerColumn + ", tag_key, tag_value) VALUES (?, ?, ?)",
                    ownerId, tag.getKey(), tag.getValue());
        }
    }
}
