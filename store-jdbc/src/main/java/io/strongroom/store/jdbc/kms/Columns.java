package io.strongroom.store.jdbc.kms;

import io.strongroom.store.jdbc.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/**
 * Nullable numeric and binary columns. {@link Sql} binds an absent value as a text NULL, which
 * PostgreSQL will not put in a BIGINT, INTEGER or BYTEA column; {@link #update} binds absent values
 * made here with their column's type instead (SQLite ignores it).
 */
final class Columns {
    /** An absent value of a column of this {@link Types} type. */
    record TypedNull(int sqlType) {
    }

    private Columns() {
    }

    /** Epoch milliseconds, or a BIGINT NULL. */
    static Object millis(Optional<Instant> instant) {
        return instant.<Object>map(Instant::toEpochMilli).orElse(new TypedNull(Types.BIGINT));
    }

    static Object integer(Optional<Integer> value) {
        return value.<Object>map(v -> v).orElse(new TypedNull(Types.INTEGER));
    }

    static Object bytes(Optional<byte[]> value) {
        return value.<Object>map(v -> v).orElse(new TypedNull(Types.BINARY));
    }

    /** {@link Sql#update}, also binding {@link TypedNull}s. */
    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        Object[] plain = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            plain[i] = parameters[i] instanceof TypedNull ? null : parameters[i];
        }
        Sql.bind(statement, plain);
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof TypedNull typed) {
                statement.setNull(i + 1, typed.sqlType());
            }
        }
    }

    static Optional<Integer> optionalInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    static Optional<byte[]> optionalBytes(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getBytes(column));
    }
}
