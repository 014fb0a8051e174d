package io.strongroom.store.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SQLite's one writer, shared by concurrent transactions so that they commit together. SQLite admits
 * one writer at a time and a durable commit costs an fsync, so one commit per transaction caps the
 * store at the disk's fsync rate. Here writers queue on a fair lock; each runs its work on its own
 * thread in one open transaction, and the last writer of a queue commits for all of them. Nobody
 * returns before the commit that holds their work: a failed commit fails every member. A failing work
 * is taken back and leaves the others untouched, exactly as when each had its own transaction: the
 * first member's by rolling back the transaction, which holds nothing else yet, and every later one's
 * by rolling back to a savepoint of its own. The first needs none, which spares a lone writer SQLite's
 * savepoint journal. A lone writer commits at once, as before.
 */
final class GroupCommit {
    /** Bounds how long the first member waits for a commit while later ones keep arriving. */
    static final int MAX_MEMBERS = 64;

    private final ConnectionPool pool;
    private final ReentrantLock lock = new ReentrantLock(true);
    // guarded by lock: the open transaction, if any
    private Batch batch;
    private long commits;

    GroupCommit(ConnectionPool pool) {
        this.pool = requireNonNull(pool, "pool");
    }

    /** Runs {@code work} as a member of the open transaction, returning once that transaction committed. */
    <T> T run(SqlWork<T> work, ThreadLocal<OpenTransaction> current) {
        Batch mine;
        T result;
        lock.lock();
        try {
            mine = openTransaction();
            // a failed first member drops the batch, so one still open with no member is fresh
            result = mine.members > 0 ? runMember(work, mine.connection, current) : runFirst(work, mine, current);
            mine.members++;
        } finally {
            try {
                if (batch != null && (batch.members >= MAX_MEMBERS || !lock.hasQueuedThreads())) {
                    commit();
                }
            } finally {
                lock.unlock();
            }
        }
        mine.awaitCommit();
        return result;
    }

    /** Transactions committed so far; fewer than the writes they held when writers overlapped. */
    long commits() {
        lock.lock();
        try {
            return commits;
        } finally {
            lock.unlock();
        }
    }

    /** Writers waiting for their turn. */
    int queuedWriters() {
        return lock.getQueueLength();
    }

    private Batch openTransaction() {
        if (batch == null) {
            Connection connection = pool.borrow();
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                pool.discard(connection);
                throw new StoreException("cannot begin a database transaction", e);
            }
            batch = new Batch(connection);
        }
        return batch;
    }

    private <T> T runFirst(SqlWork<T> work, Batch first, ThreadLocal<OpenTransaction> current) {
        OpenTransaction transaction = new OpenTransaction(first.connection);
        current.set(transaction);
        try {
            T result = work.apply(first.connection);
            transaction.refuseIfDoomed();
            return result;
        } catch (SQLException e) {
            dropFirst();
            throw new StoreException("a database statement failed", e);
        } catch (RuntimeException | Error e) {
            dropFirst();
            throw e;
        } finally {
            current.remove();
        }
    }

    /** Takes back the failed first member's work: the transaction holds nothing else and nobody waits on it. */
    private void dropFirst() {
        Batch failed = batch;
        batch = null;
        rollbackAndRelease(failed.connection);
    }

    private <T> T runMember(SqlWork<T> work, Connection connection, ThreadLocal<OpenTransaction> current) {
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            abandon(new StoreException("cannot set a savepoint", e));
            throw new StoreException("cannot set a savepoint", e);
        }
        OpenTransaction transaction = new OpenTransaction(connection);
        current.set(transaction);
        try {
            T result = work.apply(connection);
            transaction.refuseIfDoomed();
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            undo(connection, savepoint, e);
            throw new StoreException("a database statement failed", e);
        } catch (RuntimeException | Error e) {
            undo(connection, savepoint, e);
            throw e;
        } finally {
            current.remove();
        }
    }

    /** Takes back a failed member's work; when even that fails, the whole open transaction is lost. */
    private void undo(Connection connection, Savepoint savepoint, Throwable failure) {
        try {
            connection.rollback(savepoint);
            connection.releaseSavepoint(savepoint);
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
            abandon(new StoreException("a database transaction failed", rollbackFailure));
        }
    }

    private void commit() {
        Batch committing = batch;
        Connection connection = committing.connection;
        batch = null;
        StoreException failure = null;
        try {
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException | RuntimeException | Error e) {
            failure = new StoreException("a database transaction failed", e);
        }
        if (failure == null) {
            commits++;
            pool.release(connection);
        } else {
            rollbackAndDiscard(connection);
        }
        committing.complete(failure);
    }

    /** Rolls the open transaction back and fails every member that already finished its work. */
    private void abandon(StoreException failure) {
        Batch failing = batch;
        batch = null;
        rollbackAndDiscard(failing.connection);
        failing.complete(failure);
    }

    private void rollbackAndRelease(Connection connection) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
            pool.release(connection);
        } catch (SQLException | RuntimeException e) {
            pool.discard(connection);
        }
    }

    private void rollbackAndDiscard(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException ignored) {
            // discarded next either way
        }
        pool.discard(connection);
    }

    /** One open transaction and its members, released together when it commits or fails. */
    private static final class Batch {
        private final Connection connection;
        private final CountDownLatch done = new CountDownLatch(1);
        private int members; // guarded by the lock: members whose work succeeded
        private volatile StoreException failure;

        Batch(Connection connection) {
            this.connection = connection;
        }

        void complete(StoreException outcome) {
            failure = outcome;
            done.countDown();
        }

        void awaitCommit() {
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the outcome is still needed: a commit cannot be taken back
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            StoreException outcome = failure;
            if (outcome != null) {
                throw new StoreException(outcome.getMessage(), outcome);
            }
        }
    }
}
