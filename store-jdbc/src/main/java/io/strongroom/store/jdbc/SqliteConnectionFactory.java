package io.strongroom.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * SQLite connections set up for durability: WAL (readers never block the writer), synchronous=FULL
 * (a commit the caller saw acknowledged survives power loss), foreign keys enforced, and a busy
 * timeout for the rare contention with another process. Explicit transactions begin IMMEDIATE so
 * a transaction never has to upgrade a read snapshot to a write lock.
 */
final class SqliteConnectionFactory implements ConnectionFactory {
    private final JdbcUrl url;
    private final Duration busyTimeout;

    SqliteConnectionFactory(JdbcUrl url, Duration busyTimeout) {
        this.url = requireNonNull(url, "url");
        this.busyTimeout = requireNonNull(busyTimeout, "busyTimeout");
    }

    @Override
    public Connection open() throws SQLException {
        Properties properties = url.connectionProperties();
        properties.setProperty("transaction_mode", "IMMEDIATE");
        Connection connection = DriverManager.getConnection(url.driverUrl(), properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + busyTimeout.toMillis());
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
                if (!mode.next() || !"wal".equalsIgnoreCase(mode.getString(1))) {
                    throw new SQLException("SQLite refused WAL journal mode for this database file");
                }
            }
            statement.execute("PRAGMA synchronous = FULL");
            // The log is copied back by SqliteCheckpointer on its own thread; a commit checkpoints only
            // as a backstop, when the WAL reaches 10,000 pages (40 MB at 4 KiB) because that thread fell
            // behind.
            statement.execute("PRAGMA wal_autocheckpoint = 10000");
            statement.execute("PRAGMA foreign_keys = ON");
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
