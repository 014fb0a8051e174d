package io.strongroom.audit.export;

import io.strongroom.audit.StoredAuditRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * A destination of the audit export. {@link AuditExporter} calls one sink from one thread at a
 * time, and moves the sink's cursor only after {@link #deliver} returned, so a sink that cannot
 * confirm must throw: the same records come again later (at-least-once). A sink must never put a
 * secret (a token, a signing key) in an exception message or a log line.
 */
public interface ExportSink extends AutoCloseable {

    /** The export's stable name, which keys its persisted cursor (see {@link ExportCursor}). */
    String name();

    /**
     * Delivers records in ascending sequence order (gaps only where the {@link DeliveryFilter}
     * held records back) and returns once the destination has them. Records may repeat ones
     * delivered before a crash or a failure.
     */
    void deliver(List<StoredAuditRecord> records) throws IOException;

    /** Called when the export has caught up; a sink can finish work that waits for time to pass. */
    default void idle(Instant now) throws IOException {
    }

    /** Releases connections and files; what was delivered stays delivered. */
    @Override
    default void close() throws IOException {
    }
}
