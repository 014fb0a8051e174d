package io.strongroom.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Prepared-statement shortcuts shared by the repositories; their statements are kept for reuse per
 * connection ({@link PreparedStatements}). Parameters bind by type, identically on
 * both vendors: an {@link Instant} as UTC epoch milliseconds, an empty {@link Optional} or null as
 * SQL NULL text, an enum by its name, {@code byte[]} as BLOB/BYTEA.
 */
public final class Sql {
    private Sql() {
    }

    /**
     * Which of {@code values} occur in any of the text columns named as {@code table.column}: one query,
     * an IN list per column. Table and column names are the caller's constants, never input.
     */
    public static Set<String> presentIn(Connection connection, Set<String> values, String... tableColumns)
            throws SQLException {
        if (values.isEmpty()) {
            return Set.of();
        }
        Object[] each = values.toArray();
        String in = String.join(", ", Collections.nCopies(each.length, "?"));
        StringJoiner sql = new StringJoiner(" UNION ");
        List<Object> parameters = new ArrayList<>(each.length * tableColumns.length);
        for (String tableColumn : tableColumns) {
            int dot = tableColumn.indexOf('.');
            String column = tableColumn.substring(dot + 1);
            sql.add("SELECT " + column + " FROM " + tableColumn.substring(0, dot)
                    + " WHERE " + column + " IN (" + in + ")");
            parameters.addAll(Arrays.asList(each));
        }
        return Set.copyOf(list(connection, sql.toString(), row -> row.getString(1), parameters.toArray()));
    }

    public static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        PreparedStatement statement = PreparedStatements.borrow(connection, sql);
        boolean reusable = false;
        try {
            bind(statement, parameters);
            List<T> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
            }
            reusable = true;
            return result;
        } finally {
            PreparedStatements.release(connection, sql, statement, reusable);
        }
    }

    public static <T> Optional<T> one(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        List<T> rows = list(connection, sql, mapper, parameters);
        if (rows.size() > 1) {
            throw new SQLException("expected at most one row, got " + rows.size());
        }
        return rows.stream().findFirst();
    }

    public static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        return one(connection, sql, row -> row.getLong(1), parameters).orElse(0L);
    }

    /** Executes an INSERT, UPDATE or DELETE and returns the number of rows it touched. */
    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = PreparedStatements.borrow(connection, sql);
        boolean reusable = false;
        try {
            bind(statement, parameters);
            int touched = statement.executeUpdate();
            reusable = true;
            return touched;
        } finally {
            PreparedStatements.release(connection, sql, statement, reusable);
        }
    }

    /** Adds rows to a statement's batch; {@link #batch} executes it. */
    @FunctionalInterface
    public interface BatchRows {
        void addTo(PreparedStatement statement) throws SQLException;
    }

    /** Executes {@code sql} once for every row {@code rows} adds (one JDBC batch), on a kept statement. */
    public static void batch(Connection connection, String sql, BatchRows rows) throws SQLException {
        PreparedStatement statement = PreparedStatements.borrow(connection, sql);
        boolean reusable = false;
        try {
            rows.addTo(statement);
            statement.executeBatch();
            reusable = true;
        } finally {
            PreparedStatements.release(connection, sql, statement, reusable);
        }
    }

    public static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            bindOne(statement, i + 1, parameters[i]);
        }
    }

    /** Reads an epoch-millisecond column. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        return Instant.ofEpochMilli(row.getLong(column));
    }

    public static Optional<Instant> optionalInstant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    public static Optional<String> optionalText(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getString(column));
    }

    private static void bindOne(PreparedStatement statement, int index, Object value) throws SQLException {
        switch (value) {
            case null -> statement.setNull(index, Types.VARCHAR);
            case Optional<?> optional -> bindOne(statement, index, optional.orElse(null));
            case String text -> statement.setString(index, text);
            case Integer number -> statement.setInt(index, number);
            case Long number -> statement.setLong(index, number);
            case Boolean flag -> statement.setBoolean(index, flag);
            case byte[] bytes -> statement.setBytes(index, bytes);
            case Instant instant -> statement.setLong(index, instant.toEpochMilli());
            case Enum<?> constant -> statement.setString(index, constant.name());
            default -> throw new IllegalArgumentException("cannot bind a " + value.getClass().getName());
        }
    }
}
