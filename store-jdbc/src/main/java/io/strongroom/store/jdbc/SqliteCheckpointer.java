package io.strongroom.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Copies SQLite's write-ahead log back into the database file on its own thread and connection, a
 * little at a time. Left to SQLite, the copy happens inside the commit that crosses the
 * auto-checkpoint threshold: that commit, and every request waiting on it (an audit group commit
 * carries dozens), stalls for the whole copy and its flush. A PASSIVE checkpoint never blocks a
 * writer or a reader, so commits keep their own pace; the connections' auto-checkpoint stays as a
 * backstop should this thread fall behind.
 */
final class SqliteCheckpointer implements AutoCloseable {
    /**
     * Often, so each copy is small: the commits' own log flushes wait behind the flush of the database
     * file that ends a copy, and that flush takes longer the more a copy wrote. At 5,000 audited calls
     * a second a copy every 500 ms took 20-80 ms; every 100 ms, 3-6 ms; every 25 ms the audited calls'
     * p99 fell by about a third against 100 ms, and every 10 ms was no better than 25. A run with
     * nothing to copy costs about 0.1 ms.
     */
    static final Duration INTERVAL = Duration.ofMillis(25);
    private static final System.Logger LOG = System.getLogger(SqliteCheckpointer.class.getName());

    private final Connection connection;
    private final ScheduledExecutorService executor;

    private SqliteCheckpointer(Connection connection, Duration interval) {
        this.connection = connection;
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> Thread.ofPlatform()
                .name("sqlite-checkpoint").daemon(true).unstarted(task));
        executor.scheduleWithFixedDelay(this::checkpoint, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    static SqliteCheckpointer start(ConnectionFactory factory, Duration interval) {
        requireNonNull(factory, "factory");
        try {
            return new SqliteCheckpointer(factory.open(), interval);
        } catch (SQLException e) {
            throw new StoreException("cannot open the SQLite checkpoint connection", e);
        }
    }

    private void checkpoint() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException | RuntimeException e) {
            // the next run tries again; the auto-checkpoint backstop keeps the log bounded meanwhile
            LOG.log(System.Logger.Level.WARNING, "SQLite checkpoint failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the SQLite checkpoint connection failed: " + e.getMessage());
        }
    }
}
