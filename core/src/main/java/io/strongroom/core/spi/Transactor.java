package io.strongroom.core.spi;

import java.util.function.Supplier;

/**
 * Runs work in one store transaction. Repositories called inside {@code work} on the same thread
 * join it, so a change and the audit record that describes it commit or roll back together.
 * Nested calls join the outer transaction. A runtime exception rolls back and is rethrown.
 */
public interface Transactor {
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
