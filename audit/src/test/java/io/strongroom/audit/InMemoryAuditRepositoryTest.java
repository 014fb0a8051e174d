package io.strongroom.audit;

import io.strongroom.audit.testing.AuditRepositoryContract;
import io.strongroom.audit.testing.InMemoryAuditRepository;
import io.strongroom.audit.testing.InMemoryAuditTransactor;

/** The in-memory fake keeps the same contract as the JDBC repository. */
class InMemoryAuditRepositoryTest extends AuditRepositoryContract {
    @Override
    protected Stores openEmpty() {
        InMemoryAuditRepository repository = new InMemoryAuditRepository();
        return new Stores(repository, new InMemoryAuditTransactor(repository));
    }
}
