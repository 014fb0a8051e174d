package io.strongroom.store.jdbc;

import java.sql.Connection;

/**
 * The calling thread's open transaction: its connection, and whether a failure of work that ran
 * without a savepoint of its own has doomed it. A doomed transaction never commits, whatever the
 * outer work caught, because what the failed work had already written cannot be taken back alone.
 */
final class OpenTransaction {
    private final Connection connection;
    private Throwable doomedBy; // only the owning thread reads or writes it

    OpenTransaction(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    void doom(Throwable cause) {
        if (doomedBy == null) {
            doomedBy = cause;
        }
    }

    /** Throws when the transaction is doomed, so that its owner rolls it back instead of committing. */
    void refuseIfDoomed() {
        if (doomedBy != null) {
            throw new StoreException("an earlier failure in this transaction could not be taken back alone", doomedBy);
        }
    }
}
