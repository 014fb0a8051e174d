package io.strongroom.store.jdbc.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.export.ExportCursorRepository;
import io.strongroom.audit.testing.ExportCursorRepositoryContract;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.PostgresTestDatabase;
import io.strongroom.store.jdbc.Sql;
import io.strongroom.store.jdbc.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract on a fresh PostgreSQL database; skipped with a notice when STRONGROOM_TEST_PG_URL is unset. */
class PostgresExportCursorRepositoryTest extends ExportCursorRepositoryContract {
    @RegisterExtension
    static final PostgresTestDatabase.PerClass postgres = new PostgresTestDatabase.PerClass();
    Database database;

    @Override
    protected ExportCursorRepository openEmpty() throws Exception {
        database = Database.open(postgres.emptiedUrl());
        return new JdbcExportCursorRepository(database.transactor());
    }

    @Override
    protected void close() {
        database.close();
    }

    @Test
    void theDatabaseRefusesToMoveACursorBack() {
        cursors.advance("file", 42, T0);
        assertThatThrownBy(() -> database.transactor().withConnection(c -> Sql.update(c,
                "UPDATE audit_export_cursors SET delivered_through = 41")))
                .isInstanceOf(StoreException.class).rootCause().hasMessageContaining("only moves forward");
        assertThat(cursors.deliveredThrough("file")).isEqualTo(42);
    }
}
