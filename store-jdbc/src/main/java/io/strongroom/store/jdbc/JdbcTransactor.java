package io.strongroom.store.jdbc;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.Transactor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Transactions bound to the calling thread (a {@link ThreadLocal}, so each virtual thread has its
 * own). On PostgreSQL the outermost {@link #inTransaction} borrows a connection and commits or rolls
 * back; on SQLite it joins the single writer's {@link GroupCommit}, whose members share one commit.
 * Calls nested inside it join the same connection under a savepoint, so a nested failure that the
 * outer work catches undoes only the nested part and the outer transaction stays usable (PostgreSQL
 * would otherwise refuse every later statement). {@link #atomicallyWithoutSavepoint} joins without one,
 * for writes that change many pages: SQLite copies each page changed under a savepoint into a journal,
 * which past 64 KiB spills into a temporary file. Its failure dooms the transaction instead.
 *
 * <p>Repositories use {@link #withConnection} to read (joins the current transaction, else an
 * auto-commit connection that does not wait for writers) and {@link #atomically} to write.
 * Work inside a transaction must stay on its thread: another thread does not join it.
 */
public final class JdbcTransactor implements Transactor {
    private final ConnectionPool pool;
    private final Optional<GroupCommit> singleWriter;
    private final ThreadLocal<OpenTransaction> current = new ThreadLocal<>();

    JdbcTransactor(ConnectionPool pool, Vendor vendor) {
        this.pool = requireNonNull(pool, "pool");
        this.singleWriter = vendor == Vendor.SQLITE ? Optional.of(new GroupCommit(pool)) : Optional.empty();
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        requireNonNull(work, "work");
        return atomically(connection -> work.get());
    }

    /** Runs a write as one unit: its own transaction, or a savepoint inside the current one. */
    public <T> T atomically(SqlWork<T> work) {
        OpenTransaction joined = current.get();
        if (joined != null) {
            return withinSavepoint(joined.connection(), work);
        }
        return begin(work);
    }

    /**
     * Runs a write as one unit: its own transaction, or part of the current one without a savepoint.
     * If the work fails inside the current transaction, that whole transaction rolls back at its end,
     * even when the outer work catches the failure.
     */
    public <T> T atomicallyWithoutSavepoint(SqlWork<T> work) {
        OpenTransaction joined = current.get();
        if (joined == null) {
            return begin(work);
        }
        try {
            return call(work, joined.connection());
        } catch (RuntimeException | Error e) {
            joined.doom(e);
            throw e;
        }
    }

    /** Runs a read in the current transaction, or on a pooled auto-commit connection. */
    public <T> T withConnection(SqlWork<T> work) {
        OpenTransaction joined = current.get();
        if (joined != null) {
            return call(work, joined.connection());
        }
        Connection connection = pool.borrow();
        try {
            return call(work, connection);
        } finally {
            pool.release(connection);
        }
    }

    /** SQLite's shared writer; empty on PostgreSQL, where every transaction commits on its own. */
    Optional<GroupCommit> groupCommit() {
        return singleWriter;
    }

    /** Whether the calling thread is inside a transaction of this store. */
    public boolean inTransaction() {
        return current.get() != null;
    }

    private <T> T begin(SqlWork<T> work) {
        return singleWriter.isPresent() ? singleWriter.get().run(work, current) : outermost(work);
    }

    private <T> T outermost(SqlWork<T> work) {
        Connection connection = pool.borrow();
        boolean reusable = false;
        try {
            connection.setAutoCommit(false);
            OpenTransaction transaction = new OpenTransaction(connection);
            current.set(transaction);
            T result = call(work, connection);
            transaction.refuseIfDoomed();
            connection.commit();
            connection.setAutoCommit(true);
            reusable = true;
            return result;
        } catch (SQLException e) {
            throw new StoreException("a database transaction failed", e);
        } finally {
            current.remove();
            if (reusable) {
                pool.release(connection);
            } else {
                rollbackAndDiscard(connection);
            }
        }
    }

    private void rollbackAndDiscard(Connection connection) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
            pool.release(connection);
        } catch (SQLException | RuntimeException e) {
            pool.discard(connection);
        }
    }

    private static <T> T withinSavepoint(Connection connection, SqlWork<T> work) {
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw new StoreException("cannot set a savepoint", e);
        }
        T result;
        try {
            result = call(work, connection);
        } catch (RuntimeException | Error e) {
            try {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw new StoreException("cannot release a savepoint", e);
        }
        return result;
    }

    private static <T> T call(SqlWork<T> work, Connection connection) {
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StoreException("a database statement failed", e);
        }
    }
}
