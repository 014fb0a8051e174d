package io.strongroom.audit.testing;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.Transactor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs one transaction at a time over an {@link InMemoryAuditRepository} (so appenders take turns,
 * as the chain-head lock makes them do in a database) and rolls the repository back to its snapshot
 * when the work throws. Nested calls join the outer transaction.
 */
public final class InMemoryAuditTransactor implements Transactor {
    private final InMemoryAuditRepository repository;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    public InMemoryAuditTransactor(InMemoryAuditRepository repository) {
        this.repository = requireNonNull(repository, "repository");
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (oneAtATime.isHeldByCurrentThread()) {
            return work.get();
        }
        oneAtATime.lock();
        try {
            Object snapshot = repository.snapshot();
            try {
                return work.get();
            } catch (RuntimeException e) {
                repository.restore(snapshot);
                throw e;
            }
        } finally {
            oneAtATime.unlock();
        }
    }
}
