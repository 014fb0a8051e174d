package io.strongroom.store.jdbc;

import java.sql.SQLException;

/**
 * A store failure that is not the caller's fault (the database is unreachable, closed, or a
 * statement failed). Messages name the operation, never values or the database URL.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the underlying failure is a unique or primary-key constraint violation. */
    public boolean uniqueViolation() {
        return getCause() instanceof SQLException sql && SqlErrors.isUniqueViolation(sql);
    }
}
