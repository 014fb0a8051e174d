package io.strongroom.iam.testing;

import io.strongroom.core.spi.Transactor;
import java.util.function.Supplier;

/** Runs work against the in-memory repository and rolls it back to a snapshot when the work throws. */
public final class InMemoryTransactor implements Transactor {
    private final InMemoryIdentityRepository repository;
    private final ThreadLocal<Boolean> active = ThreadLocal.withInitial(() -> false);

    public InMemoryTransactor(InMemoryIdentityRepository repository) {
        this.repository = repository;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (active.get()) {
            return work.get();
        }
        Object snapshot = repository.snapshot();
        active.set(true);
        try {
            return work.get();
        } catch (RuntimeException e) {
            repository.restore(snapshot);
            throw e;
        } finally {
            active.set(false);
        }
    }
}
