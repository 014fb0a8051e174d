package io.strongroom.audit.testing;

import io.strongroom.audit.export.ExportCursor;
import io.strongroom.audit.export.ExportCursorRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The {@link ExportCursorRepository} contract in memory, for tests. */
public final class InMemoryExportCursorRepository implements ExportCursorRepository {
    private final TreeMap<String, ExportCursor> cursors = new TreeMap<>();

    @Override
    public synchronized Optional<ExportCursor> find(String exportName) {
        return Optional.ofNullable(cursors.get(ExportCursor.requireValidName(exportName)));
    }

    @Override
    public synchronized boolean advance(String exportName, long throughSequence, Instant updated) {
        ExportCursor next = new ExportCursor(exportName, throughSequence, updated);
        ExportCursor stored = cursors.get(exportName);
        if (stored != null && stored.deliveredThrough() >= throughSequence) {
            return false;
        }
        cursors.put(exportName, next);
        return true;
    }

    @Override
    public synchronized List<ExportCursor> list() {
        return List.copyOf(cursors.values());
    }
}
