package io.strongroom.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements kept per connection for {@link Sql}'s shortcuts, so that the same SQL is not
 * parsed again on every call: on SQLite a prepare (with the column names the driver reads each time)
 * cost about as much as running a small query. A statement is lent to one caller at a time; a second
 * caller with the same SQL on the same connection (a query made while a result is still being read)
 * gets one of its own that is closed after use. Each connection keeps at most {@link #PER_CONNECTION}.
 * A lent statement comes back with its parameters cleared, so no bound value stays referenced.
 */
final class PreparedStatements {
    static final int PER_CONNECTION = 64;

    private static final Map<Connection, PreparedStatements> BY_CONNECTION = new ConcurrentHashMap<>();

    /** Idle statements by SQL, least recently used first; touched only by the connection's one user. */
    private final LinkedHashMap<String, PreparedStatement> idle = new LinkedHashMap<>(16, 0.75f, true);

    private PreparedStatements() {
    }

    /** A statement for {@code sql} on {@code connection}; give it back with {@link #release}. */
    static PreparedStatement borrow(Connection connection, String sql) throws SQLException {
        PreparedStatements cache = BY_CONNECTION.computeIfAbsent(connection, c -> new PreparedStatements());
        PreparedStatement statement = cache.idle.remove(sql);
        return statement != null ? statement : connection.prepareStatement(sql);
    }

    /**
     * Takes a statement back for the next caller, or closes it: when it failed ({@code reusable} false),
     * when another for the same SQL is already idle, or when its connection is closed.
     */
    static void release(Connection connection, String sql, PreparedStatement statement, boolean reusable) {
        PreparedStatements cache = BY_CONNECTION.get(connection);
        try {
            if (!reusable || cache == null || connection.isClosed() || cache.idle.containsKey(sql)) {
                statement.close();
                return;
            }
            statement.clearParameters();
            cache.idle.put(sql, statement);
            if (cache.idle.size() > PER_CONNECTION) {
                Iterator<PreparedStatement> eldest = cache.idle.values().iterator();
                PreparedStatement evicted = eldest.next();
                eldest.remove();
                evicted.close();
            }
        } catch (SQLException e) {
            closeQuietly(statement);
        }
    }

    /** Drops a connection's statements; the pool calls this when it closes the connection. */
    static void forget(Connection connection) {
        PreparedStatements cache = BY_CONNECTION.remove(connection);
        if (cache != null) {
            cache.idle.values().forEach(PreparedStatements::closeQuietly);
            cache.idle.clear();
        }
    }

    /** How many statements wait for reuse on {@code connection}. */
    static int idleCount(Connection connection) {
        PreparedStatements cache = BY_CONNECTION.get(connection);
        return cache == null ? 0 : cache.idle.size();
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // the connection is going or gone; nothing to save
        }
    }
}
