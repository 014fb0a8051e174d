// SPI-READY
package io.strongroom.audit.export;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The persisted cursors of the audit exports. A cursor only moves forward: delivery is
 * at-least-once, so the exporter moves it after the destination confirmed, and a slower node
 * that confirms an older batch later never moves it back. Every call joins the caller's
 * transaction when there is one ({@link io.strongroom.core.spi.Transactor}), or runs in its own.
 */
public interface ExportCursorRepository {

    /** The export's cursor; empty before its first delivery. */
    Optional<ExportCursor> find(String exportName);

    /** The last sequence the export delivered; 0 before its first delivery. */
    default long deliveredThrough(String exportName) {
        return find(exportName).map(ExportCursor::deliveredThrough).orElse(0L);
    }

    /**
     * Moves the export's cursor to {@code throughSequence}, creating it when absent. A cursor
     * already at or past it stays where it is. Returns true when the cursor moved.
     *
     * @param updated when the delivery was confirmed (millisecond precision)
     */
    boolean advance(String exportName, long throughSequence, Instant updated);

    /** Every cursor, ordered by export name. */
    List<ExportCursor> list();
}
