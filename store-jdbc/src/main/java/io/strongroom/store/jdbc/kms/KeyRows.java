package io.strongroom.store.jdbc.kms;

import io.strongroom.kms.KeyManager;
import io.strongroom.kms.KeySpec;
import io.strongroom.kms.KeyState;
import io.strongroom.kms.KeyUsage;
import io.strongroom.kms.KmsKey;
import io.strongroom.kms.RotationSettings;
import io.strongroom.store.jdbc.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keys as rows of {@code kms_keys} with their tags in {@code kms_key_tags}. A key is read with its
 * tags in one statement (keys left-joined to tags), so a read never sees a key from before a
 * change with tags from after it.
 */
final class KeyRows {
    private static final String COLUMNS = "key_id, account_id, region, description, key_spec, key_usage, state,"
            + " creation_date, deletion_date, pending_window_days, policy, rotation_enabled, rotation_period_days,"
            + " next_rotation_date, current_version, last_rotation_date, on_demand_rotations, key_manager";

    private KeyRows() {
    }

    static void insert(Connection connection, KmsKey key) throws SQLException {
        RotationSettings rotation = key.rotation();
        Columns.update(connection, "INSERT INTO kms_keys (" + COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                key.keyId(), key.accountId(), key.region(), key.description(), key.keySpec(), key.keyUsage(),
                key.state(), key.creationDate(), Columns.millis(key.deletionDate()),
                Columns.integer(key.pendingWindowDays()), key.policy(), rotation.enabled(),
                Columns.integer(rotation.periodDays()), Columns.millis(rotation.nextRotationDate()),
                key.currentVersion(), Columns.millis(key.lastRotationDate()), key.onDemandRotations(),
                key.keyManager());
        insertTags(connection, key);
    }

    /** Replaces every column and the tags; false when there is no such key. */
    static boolean update(Connection connection, KmsKey key) throws SQLException {
        RotationSettings rotation = key.rotation();
        int updated = Columns.update(connection, "UPDATE kms_keys SET account_id = ?, region = ?, description = ?,"
                        + " key_spec = ?, key_usage = ?, state = ?, creation_date = ?, deletion_date = ?,"
                        + " pending_window_days = ?, policy = ?, rotation_enabled = ?, rotation_period_days = ?,"
                        + " next_rotation_date = ?, current_version = ?, last_rotation_date = ?,"
                        + " on_demand_rotations = ?, key_manager = ? WHERE key_id = ?",
                key.accountId(), key.region(), key.description(), key.keySpec(), key.keyUsage(), key.state(),
                key.creationDate(), Columns.millis(key.deletionDate()), Columns.integer(key.pendingWindowDays()),
                key.policy(), rotation.enabled(), Columns.integer(rotation.periodDays()),
                Columns.millis(rotation.nextRotationDate()), key.currentVersion(),
                Columns.millis(key.lastRotationDate()), key.onDemandRotations(), key.keyManager(), key.keyId());
        if (updated == 0) {
            return false;
        }
        Sql.update(connection, "DELETE FROM kms_key_tags WHERE key_id = ?", key.keyId());
        insertTags(connection, key);
        return true;
    }

    private static void insertTags(Connection connection, KmsKey key) throws SQLException {
        for (Map.Entry<String, String> tag : key.tags().entrySet()) {
            Sql.update(connection, "INSERT INTO kms_key_tags (key_id, tag_key, tag_value) VALUES (?, ?, ?)",
                    key.keyId(), tag.getKey(), tag.getValue());
        }
    }

    static Optional<KmsKey> find(Connection connection, String keyId) throws SQLException {
        return select(connection, "SELECT * FROM kms_keys WHERE key_id = ?", "key_id", keyId).stream().findFirst();
    }

    static boolean exists(Connection connection, String keyId) throws SQLException {
        return Sql.count(connection, "SELECT COUNT(*) FROM kms_keys WHERE key_id = ?", keyId) > 0;
    }

    /**
     * The keys that {@code filter} selects from {@code kms_keys}, each with its tags, in the order
     * {@code order} (columns of kms_keys, ending in key_id so each key's rows come together).
     * {@code filter} may end in ORDER BY … LIMIT.
     */
    static List<KmsKey> select(Connection connection, String filter, String order, Object... parameters)
            throws SQLException {
        String sql = "SELECT k.*, t.tag_key, t.tag_value FROM (" + filter + ") k"
                + " LEFT JOIN kms_key_tags t ON t.key_id = k.key_id ORDER BY " + prefixed(order) + ", t.tag_key";
        List<Row> rows = Sql.list(connection, sql, KeyRows::row, parameters);
        Map<String, KmsKey> keys = new LinkedHashMap<>();
        Map<String, Map<String, String>> tags = new HashMap<>();
        for (Row row : rows) {
            keys.putIfAbsent(row.key().keyId(), row.key());
            Map<String, String> keyTags = tags.computeIfAbsent(row.key().keyId(), id -> new HashMap<>());
            if (row.tagKey() != null) {
                keyTags.put(row.tagKey(), row.tagValue());
            }
        }
        List<KmsKey> result = new ArrayList<>(keys.size());
        keys.values().forEach(key -> result.add(key.withTags(tags.get(key.keyId()))));
        return result;
    }

    private static String prefixed(String order) {
        List<String> columns = new ArrayList<>();
        for (String column : order.split(",")) {
            columns.add("k." + column.strip());
        }
        return String.join(", ", columns);
    }

    /** One row of the join: a key without its tags, and one tag or none. */
    private record Row(KmsKey key, String tagKey, String tagValue) {
    }

    private static Row row(ResultSet row) throws SQLException {
        KmsKey key = new KmsKey(row.getString("key_id"), row.getString("account_id"), row.getString("region"),
                row.getString("description"), KeySpec.valueOf(row.getString("key_spec")),
                KeyUsage.valueOf(row.getString("key_usage")), KeyState.valueOf(row.getString("state")),
                Sql.instant(row, "creation_date"), Sql.optionalInstant(row, "deletion_date"),
                Columns.optionalInt(row, "pending_window_days"), row.getString("policy"),
                new RotationSettings(row.getBoolean("rotation_enabled"), Columns.optionalInt(row, "rotation_period_days"),
                        Sql.optionalInstant(row, "next_rotation_date")),
                row.getInt("current_version"), Sql.optionalInstant(row, "last_rotation_date"),
                row.getInt("on_demand_rotations"), Map.of(),
                KeyManager.valueOf(row.getString("key_manager")));
        return new Row(key, row.getString("tag_key"), row.getString("tag_value"));
    }
}
