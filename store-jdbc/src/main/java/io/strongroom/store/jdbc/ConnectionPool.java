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
 * recently used first, so surplus ones go stale and are dropped). One idle for longer than
 * {@link #VALIDATE_AFTER} is validated with a round trip when borrowed; one returned just now is only
 * checked for being closed, since a round trip per borrow cost a tenth of a small read's CPU and
 * drivers mark a connection closed once it failed. Connections come back in auto-commit mode; one that
 * cannot be reset is discarded.
 */
final class ConnectionPool implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ConnectionPool.class.getName());
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;
    static final Duration VALIDATE_AFTER = Duration.ofSeconds(5);

    private final long validateAfterNanos;

    private final ConnectionFactory factory;
    private final int maxSize;
    private final Duration borrowTimeout;
    private final Semaphore permits;
    private final Deque<Idle> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    ConnectionPool(ConnectionFactory factory, int maxSize, Duration borrowTimeout) {
        this(factory, maxSize, borrowTimeout, VALIDATE_AFTER);
    }

    ConnectionPool(ConnectionFactory factory, int maxSize, Duration borrowTimeout, Duration validateAfter) {
        this.validateAfterNanos = validateAfter.toNanos();
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
                Idle returned = new Idle(connection, System.nanoTime());
                idle.push(returned);
                if (closed && idle.remove(returned)) {
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
        for (Idle waiting; (waiting = idle.poll()) != null; ) {
            closeQuietly(waiting.connection());
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
        for (Idle waiting; (waiting = idle.poll()) != null; ) {
            if (waiting.isUsable(validateAfterNanos)) {
                return waiting.connection();
            }
            closeQuietly(waiting.connection());
        }
        try {
            return factory.open();
        } catch (SQLException e) {
            throw new StoreException("cannot open a database connection", e);
        }
    }

    /** An idle connection and when it came back. */
    private record Idle(Connection connection, long returnedAtNanos) {
        boolean isUsable(long validateAfterNanos) {
            try {
                if (System.nanoTime() - returnedAtNanos < validateAfterNanos) {
                    return !connection.isClosed();
                }
                return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
            } catch (SQLException e) {
                return false;
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the store is closed");
        }
    }

    private static void closeQuietly(Connection connection) {
        PreparedStatements.forget(connection);
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a database connection failed", e);
        }
    }
}
