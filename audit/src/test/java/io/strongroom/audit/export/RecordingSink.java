package io.strongroom.audit.export;

import io.strongroom.audit.StoredAuditRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A sink that keeps what it got. While {@link #failing} it keeps the batch and then throws, as a
 * receiver that stored the records but whose confirmation was lost.
 */
final class RecordingSink implements ExportSink {
    private final String name;
    private final List<StoredAuditRecord> received = new ArrayList<>();
    volatile boolean failing;
    volatile boolean closed;
    private int attempts;

    RecordingSink(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void deliver(List<StoredAuditRecord> records) throws IOException {
        attempts++;
        received.addAll(records);
        if (failing) {
            throw new IOException("the receiver did not confirm");
        }
    }

    synchronized List<Long> sequences() {
        return TestRecords.sequences(received);
    }

    synchronized int attempts() {
        return attempts;
    }

    @Override
    public void close() {
        closed = true;
    }
}
