package io.strongroom.audit.export;

import io.strongroom.audit.testing.ExportCursorRepositoryContract;
import io.strongroom.audit.testing.InMemoryExportCursorRepository;

/** The in-memory fake keeps the same contract as the JDBC repository. */
class InMemoryExportCursorRepositoryTest extends ExportCursorRepositoryContract {
    @Override
    protected ExportCursorRepository openEmpty() {
        return new InMemoryExportCursorRepository();
    }
}
