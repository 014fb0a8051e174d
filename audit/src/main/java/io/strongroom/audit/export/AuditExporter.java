package io.strongroom.audit.export;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.AuditRepository;
import io.strongroom.audit.StoredAuditRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers the audit trail to each export, at least once: one virtual thread per sink reads the
 * records after the sink's persisted cursor in batches, hands them to the sink, and moves the
 * cursor only once the sink returned. A crash or a failure between the two repeats the batch,
 * never skips it. A failing sink is retried with a doubling backoff and holds back no other sink.
 * The cursors survive restarts (see {@link ExportCursorRepository}).
 *
 * <p>Several nodes may run exporters for the same sinks: cursors only move forward, so nothing is
 * lost, but records may be delivered more than once. Run the export on one node to avoid that.
 */
public final class AuditExporter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AuditExporter.class.getName());
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private final AuditRepository records;
    private final ExportCursorRepository cursors;
    private final DeliveryFilter filter;
    private final ExportOptions options;
    private final Clock clock;
    private final List<Worker> workers = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private boolean started;
    private boolean closed;
    /** While closing: deliver up to this sequence, then stop. -1 while running normally. */
    private volatile long drainThrough = -1;
    private volatile boolean stopping;
    /** Counts wake-ups, so that a wake-up between a worker's read and its wait is not lost. */
    private volatile long wakeUps;

    public AuditExporter(AuditRepository records, ExportCursorRepository cursors, List<? extends ExportSink> sinks,
                         DeliveryFilter filter, ExportOptions options, Clock clock) {
        this.records = requireNonNull(records, "records");
        this.cursors = requireNonNull(cursors, "cursors");
        this.filter = requireNonNull(filter, "filter");
        this.options = requireNonNull(options, "options");
        this.clock = requireNonNull(clock, "clock");
        Set<String> names = new HashSet<>();
        for (ExportSink sink : sinks) {
            String name = ExportCursor.requireValidName(sink.name());
            if (!names.add(name)) {
                throw new IllegalArgumentException("two exports are named " + name);
            }
            workers.add(new Worker(sink));
        }
    }

    /** The names of the exports this exporter delivers to: retention waits for each of them. */
    public Set<String> exportNames() {
        return Set.copyOf(workers.stream().map(worker -> worker.sink.name()).toList());
    }

    /** Starts one delivery thread per export. */
    public AuditExporter start() {
        lock.lock();
        try {
            if (started || closed) {
                throw new IllegalStateException("the exporter was started already");
            }
            started = true;
            for (Worker worker : workers) {
                worker.thread = Thread.ofVirtual().name("audit-export-" + worker.sink.name()).start(worker);
            }
            return this;
        } finally {
            lock.unlock();
        }
    }

    /** New records were appended: exports that wait for records look now instead of at their next poll. */
    public void wake() {
        lock.lock();
        try {
            wakeUps++;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Each export's progress, by name. */
    public Map<String, ExportStatus> status() {
        Map<String, ExportStatus> status = new LinkedHashMap<>();
        for (Worker worker : workers) {
            status.put(worker.sink.name(), new ExportStatus(worker.sink.name(), Math.max(worker.delivered, 0),
                    worker.failures, worker.lastError));
        }
        return status;
    }

    /**
     * Delivers what was appended before the call, for at most the options' close timeout (a
     * failing sink keeps being retried until then), then stops the threads and closes the sinks.
     * What is left undelivered goes out after the next start. Idempotent.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lock.unlock();
        }
        if (started) {
            try {
                drainThrough = records.chainHead().sequence();
            } catch (RuntimeException e) {
                // the store is gone: nothing more can be read, so stop at once
                LOG.log(System.Logger.Level.WARNING, "Cannot read the audit chain head to finish the exports: "
                        + e.getMessage());
                drainThrough = 0;
            }
            wake();
            long deadline = System.nanoTime() + options.closeTimeout().toNanos();
            for (Worker worker : workers) {
                join(worker.thread, deadline - System.nanoTime());
            }
            stopping = true;
            wake();
            long graceEnd = System.nanoTime() + STOP_GRACE.toNanos();
            for (Worker worker : workers) {
                worker.thread.interrupt();
                join(worker.thread, graceEnd - System.nanoTime());
            }
        }
        // closing a sink also breaks a write that still blocks on a stalled receiver
        for (Worker worker : workers) {
            try {
                worker.sink.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "Closing the audit export " + worker.sink.name() + " failed: "
                        + e.getMessage());
            }
        }
    }

    private static void join(Thread thread, long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            thread.join(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until the time is up or a wake-up came after {@code seenWakeUps} was read; false when
     * the exporter is stopping.
     */
    private boolean pause(Duration wait, long seenWakeUps) {
        lock.lock();
        try {
            long nanos = wait.toNanos();
            while (!stopping && wakeUps == seenWakeUps && nanos > 0) {
                nanos = signal.awaitNanos(nanos);
            }
            return !stopping;
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** One export's delivery loop. */
    private final class Worker implements Runnable {
        final ExportSink sink;
        Thread thread;
        /** The cursor as this worker last read or moved it; -1 until read. */
        volatile long delivered = -1;
        volatile int failures;
        volatile String lastError;

        Worker(ExportSink sink) {
            this.sink = sink;
        }

        @Override
        public void run() {
            while (!stopping) {
                long seenWakeUps = wakeUps;
                Duration wait;
                try {
                    if (delivered < 0) {
                        delivered = cursors.deliveredThrough(sink.name());
                    }
                    boolean more = deliverNextBatch();
                    recovered();
                    if (more) {
                        continue;
                    }
                    if (drainThrough >= 0) {
                        return; // closing, and everything asked for is delivered
                    }
                    sink.idle(clock.instant());
                    wait = options.pollInterval();
                } catch (Exception e) {
                    if (stopping) {
                        return;
                    }
                    failed(e);
                    wait = options.backoff(failures);
                }
                if (!pause(wait, seenWakeUps)) {
                    return;
                }
            }
        }

        /** Delivers the next batch after the cursor; false when there was none (or none left to drain). */
        private boolean deliverNextBatch() throws Exception {
            long drain = drainThrough;
            long upTo = drain >= 0 ? drain : Long.MAX_VALUE;
            if (delivered >= upTo) {
                return false;
            }
            List<StoredAuditRecord> batch = records.readRange(delivered + 1, upTo, options.batchSize());
            if (batch.isEmpty()) {
                return false;
            }
            List<StoredAuditRecord> deliverable = batch.stream().filter(filter::delivers).toList();
            if (!deliverable.isEmpty()) {
                sink.deliver(deliverable);
            }
            long through = batch.getLast().sequence();
            // only now: a crash before this line delivers the batch again, never loses it
            cursors.advance(sink.name(), through, now());
            delivered = through;
            return true;
        }

        private void failed(Exception e) {
            failures++;
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            // log the first failures, then ever more rarely while the sink stays down
            if (Integer.bitCount(failures) == 1) {
                LOG.log(System.Logger.Level.WARNING, "Audit export " + sink.name() + " failed (" + failures
                        + " attempt" + (failures == 1 ? "" : "s") + " in a row; retrying in "
                        + options.backoff(failures) + "): " + lastError);
            }
        }

        private void recovered() {
            if (failures > 0) {
                LOG.log(System.Logger.Level.INFO, "Audit export " + sink.name() + " delivers again after " + failures
                        + " failed attempts");
                failures = 0;
                lastError = null;
            }
        }
    }
}
