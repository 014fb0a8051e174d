package io.strongroom.audit.trails;

import io.strongroom.audit.testing.InMemoryTrailRepository;
import io.strongroom.audit.testing.InMemoryTrailTransactor;
import io.strongroom.audit.testing.TrailRepositoryContract;
import io.strongroom.core.spi.Transactor;
import java.util.function.Supplier;

/** The in-memory fake keeps the same contract as the JDBC repository. */
class InMemoryTrailRepositoryTest extends TrailRepositoryContract {
    @Override
    protected Stores openEmpty() {
        InMemoryTrailRepository repository = new InMemoryTrailRepository();
        Transactor noOtherStore = new Transactor() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return work.get();
            }
        };
        return new Stores(repository, new InMemoryTrailTransactor(repository, noOtherStore));
    }
}
