package io.strongroom.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pool: a fair semaphore caps the connections in use, idle ones wait in a deque (most
 * recently used first, so surplus ones go stale and are dropped), each is validated when borrowed.
 * Connections come back in auto-commit mode; one that cannot be reset is discarded.
 */
final class ConnectionPool implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ConnectionPool.class.getName());
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final ConnectionFactory factory;
    private final int maxSize;
    private final Duration borrowTimeout;
    private final Semaphore permits;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    ConnectionPool(ConnectionFactory factory, int maxSize, Duration borrowTimeout) {
        this.factory = requireNonNull(factory, "factory");
        if (maxSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1");
        }
        this.maxSize = maxSize;
        this.borrowTimeout = requireNonNull(borrowTimeout, "borrowTimeout");
        this.permits = new Semaphore(maxSize, true);
    }

    Connection borrow() {
        ensureOpen();
        acquirePermit();
        try {
            ensureOpen();
            return idleOrNewConnection();
        } catch (RuntimeException | Error e) {
            permits.release();
            throw e;
        }
    }

    /** Returns a connection; it is reset to auto-commit or, failing that, closed. */
    void release(Connection connection) {
        try {
            if (closed || connection.isClosed()) {
                closeQuietly(connection);
            } else {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                idle.push(connection);
                if (closed && idle.remove(connection)) {
                    closeQuietly(connection);
                }
            }
        } catch (SQLException e) {
            closeQuietly(connection);
        } finally {
            permits.release();
        }
    }

    /** Closes a connection that may be broken instead of returning it. */
    void discard(Connection connection) {
        closeQuietly(connection);
        permits.release();
    }

    int maxSize() {
        return maxSize;
    }

    int idleCount() {
        return idle.size();
    }

    /** Stops lending, waits up to {@code grace} for borrowed connections, then closes every idle one. */
    void close(Duration grace) {
        closed = true;
        boolean drained = false;
        try {
            drained = permits.tryAcquire(maxSize, grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!drained) {
            LOG.log(System.Logger.Level.WARNING, "closing the store while connections are still in use; they close when returned");
        }
        for (Connection connection; (connection = idle.poll()) != null; ) {
            closeQuietly(connection);
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    private void acquirePermit() {
        try {
            if (!permits.tryAcquire(borrowTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StoreException("no database connection became free within " + borrowTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a database connection", e);
        }
    }

    private Connection idleOrNewConnection() {
        for (Connection connection; (connection = idle.poll()) != null; ) {
            if (isUsable(connection)) {
                return connection;
            }
            closeQuietly(connection);
        }
        try {
            return factory.open();
        } catch (SQLException e) {
            throw new StoreException("cannot open a database connection", e);
        }
    }

    private static boolean isUsable(Connection connection) {
        try {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the store is closed");
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a database connection failed", e);
        }
    }
}
