package io.strongroom.audit.testing;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.Transactor;
import java.util.function.Supplier;

/**
 * Joins an {@link InMemoryTrailRepository} to another store's transactions (iam's in-memory
 * transactor, say): the work runs in {@code inner}'s transaction, and the trails roll back to their
 * snapshot when it throws. Nested calls join the outer transaction.
 */
public final class InMemoryTrailTransactor implements Transactor {
    private final InMemoryTrailRepository trails;
    private final Transactor inner;
    private final ThreadLocal<Boolean> active = ThreadLocal.withInitial(() -> false);

    public InMemoryTrailTransactor(InMemoryTrailRepository trails, Transactor inner) {
        this.trails = requireNonNull(trails, "trails");
        this.inner = requireNonNull(inner, "inner");
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (active.get()) {
            return work.get();
        }
        return inner.inTransaction(() -> {
            Object snapshot = trails.snapshot();
            active.set(true);
            try {
                return work.get();
            } catch (RuntimeException e) {
                trails.restore(snapshot);
                throw e;
            } finally {
                active.set(false);
            }
        });
    }
}
