package io.strongroom.store.jdbc.identity;

import io.strongroom.iam.identity.DuplicateEntityException;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.SqlWork;
import io.strongroom.store.jdbc.StoreException;

/** Runs a write atomically and turns a unique-constraint violation into {@link DuplicateEntityException}. */
final class Writes {
    private Writes() {
    }

    static <T> T insert(JdbcTransactor transactor, String duplicateMessage, SqlWork<T> work) {
        try {
            return transactor.atomically(work);
        } catch (StoreException e) {
            if (e.uniqueViolation()) {
                throw new DuplicateEntityException(duplicateMessage);
            }
            throw e;
        }
    }
}
