package io.strongroom.s3.testing;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.Transactor;
import java.util.function.Supplier;

/**
 * Transactions over an {@link InMemoryS3Repository}: when the work throws, the store goes back to
 * where it was, as one JDBC transaction would. Nested calls join the outer transaction.
 */
public final class InMemoryS3Transactor implements Transactor {
    private final InMemoryS3Repository objects;
    private final InMemoryMultipartRepository uploads;
    private final InMemoryRestoreRepository restores;
    private final ThreadLocal<Boolean> active = ThreadLocal.withInitial(() -> false);

    public InMemoryS3Transactor(InMemoryS3Repository objects) {
        this(objects, new InMemoryMultipartRepository());
    }

    /** Rolls back the multipart uploads too. */
    public InMemoryS3Transactor(InMemoryS3Repository objects, InMemoryMultipartRepository uploads) {
        this(objects, uploads, new InMemoryRestoreRepository());
    }

    /** Rolls back the multipart uploads and the restores too. */
    public InMemoryS3Transactor(InMemoryS3Repository objects, InMemoryMultipartRepository uploads,
                                InMemoryRestoreRepository restores) {
        this.objects = requireNonNull(objects, "objects");
        this.uploads = requireNonNull(uploads, "uploads");
        this.restores = requireNonNull(restores, "restores");
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (active.get()) {
            return work.get();
        }
        Object snapshot = objects.snapshot();
        Object uploadsSnapshot = uploads.snapshot();
        Object restoresSnapshot = restores.snapshot();
        active.set(true);
        try {
            return work.get();
        } catch (RuntimeException e) {
            objects.restore(snapshot);
            uploads.restore(uploadsSnapshot);
            restores.restore(restoresSnapshot);
            throw e;
        } finally {
            active.set(false);
        }
    }
}
