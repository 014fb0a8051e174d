package io.strongroom.protocol.support;

import io.strongroom.core.spi.Transactor;
import java.util.function.Supplier;

/** Runs work at once: the in-memory repository has no transactions to join (protocol tests do not test atomicity). */
public final class DirectTransactor implements Transactor {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
