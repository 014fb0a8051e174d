package io.strongroom.store.jdbc.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.export.ExportCursorRepository;
import io.strongroom.audit.testing.ExportCursorRepositoryContract;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.Sql;
import io.strongroom.store.jdbc.StoreException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteExportCursorRepositoryTest extends ExportCursorRepositoryContract {
    @TempDir
    Path dataDirectory;
    Database database;

    @Override
    protected ExportCursorRepository openEmpty() {
        database = Database.openSqlite(dataDirectory);
        return new JdbcExportCursorRepository(database.transactor());
    }

    @Override
    protected void close() {
        database.close();
    }

    @Test
    void aCursorSurvivesReopeningTheStore() {
        cursors.advance("file", 42, T0);
        database.close();
        database = Database.openSqlite(dataDirectory);
        assertThat(new JdbcExportCursorRepository(database.transactor()).deliveredThrough("file")).isEqualTo(42);
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
