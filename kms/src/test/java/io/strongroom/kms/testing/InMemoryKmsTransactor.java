package io.strongroom.kms.testing;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.Transactor;
import java.util.function.Supplier;

/**
 * Transactions over an {@link InMemoryKmsRepository}: when the work throws, the store goes back to
 * where it was, as one JDBC transaction would. Nested calls join the outer transaction.
 */
public final class InMemoryKmsTransactor implements Transactor {
    private final InMemoryKmsRepository keys;
    private final ThreadLocal<Boolean> active = ThreadLocal.withInitial(() -> false);

    public InMemoryKmsTransactor(InMemoryKmsRepository keys) {
        this.keys = requireNonNull(keys, "keys");
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (active.get()) {
            return work.get();
        }
        Object snapshot = keys.snapshot();
        active.set(true);
        try {
            return work.get();
        } catch (RuntimeException e) {
            keys.restore(snapshot);
            throw e;
        } finally {
            active.set(false);
        }
    }
}
