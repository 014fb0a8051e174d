package io.strongroom.store.jdbc.audit;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.export.ExportCursor;
import io.strongroom.audit.export.ExportCursorRepository;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link ExportCursorRepository} over JDBC, on SQLite or PostgreSQL alike (table
 * {@code audit_export_cursors} of migration V6). Advancing is one upsert whose update only applies
 * when it moves the cursor forward, so concurrent exporters keep the highest value; a trigger
 * refuses a backward move from any other code path.
 */
public final class JdbcExportCursorRepository implements ExportCursorRepository {
    private static final String SELECT = "SELECT export_name, delivered_through, updated FROM audit_export_cursors";

    private final JdbcTransactor transactor;

    public JdbcExportCursorRepository(JdbcTransactor transactor) {
        this.transactor = requireNonNull(transactor, "transactor");
    }

    @Override
    public Optional<ExportCursor> find(String exportName) {
        ExportCursor.requireValidName(exportName);
        return transactor.withConnection(c -> Sql.one(c, SELECT + " WHERE export_name = ?",
                JdbcExportCursorRepository::cursor, exportName));
    }

    @Override
    public boolean advance(String exportName, long throughSequence, Instant updated) {
        ExportCursor cursor = new ExportCursor(exportName, throughSequence, updated);
        long at = Millis.of(cursor.updated());
        return transactor.atomically(c -> Sql.update(c, "INSERT INTO audit_export_cursors (export_name,"
                        + " delivered_through, updated) VALUES (?, ?, ?) ON CONFLICT (export_name) DO UPDATE"
                        + " SET delivered_through = excluded.delivered_through, updated = excluded.updated"
                        + " WHERE audit_export_cursors.delivered_through < excluded.delivered_through",
                exportName, throughSequence, at) == 1);
    }

    @Override
    public List<ExportCursor> list() {
        // COLLATE "C" on PostgreSQL would be vendor SQL; names are ASCII, where both vendors sort alike
        return transactor.withConnection(c -> Sql.list(c, SELECT + " ORDER BY export_name",
                JdbcExportCursorRepository::cursor));
    }

    private static ExportCursor cursor(ResultSet row) throws SQLException {
        return new ExportCursor(row.getString("export_name"), row.getLong("delivered_through"),
                Sql.instant(row, "updated"));
    }
}
