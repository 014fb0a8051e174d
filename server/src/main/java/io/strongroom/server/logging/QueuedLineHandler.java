package io.strongroom.server.logging;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Writes one formatted line per record. Routine lines (below WARNING: the access log, start-up
 * progress) go through a bounded queue that one writer thread drains in batches, flushing whenever
 * the queue runs dry, so a busy server pays one write per batch instead of a formatted, flushed
 * write per request under a lock. Warnings and errors are written at once by the caller, after
 * whatever is queued, so they appear promptly and in order.
 *
 * <p>Nothing is dropped: when the queue is full the caller writes its own line (after draining the
 * queue), which is backpressure, not loss. {@link #writeThrough()} (from a shutdown hook) and
 * {@link #close()} drain the queue and make every later line synchronous.
 */
final class QueuedLineHandler extends Handler {

    static final int QUEUE_CAPACITY = 16_384;
    /** How long lines may gather after a write: short enough to read as immediate. */
    private static final long GATHER_NANOS = 2_000_000;

    /** A record and the request it was written for: the id lives in the writing thread, not in the record. */
    private record Pending(LogRecord record, String requestId) {
    }

    private final JsonLogFormatter formatter;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Writer out;
    private final Object writeLock = new Object();
    private final Thread writer;
    private volatile boolean synchronous;
    /** True while the writer waits for a first line; only then does a publisher need to wake it. */
    private volatile boolean idle;

    QueuedLineHandler(OutputStream stream, JsonLogFormatter formatter) {
        this.formatter = requireNonNull(formatter, "formatter");
        this.out = new BufferedWriter(new OutputStreamWriter(requireNonNull(stream, "stream"), StandardCharsets.UTF_8),
                1 << 16);
        setFormatter(formatter);
        this.writer = Thread.ofPlatform().daemon().name("log-writer").unstarted(this::drainForever);
        writer.start();
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        Pending pending = new Pending(record, RequestLogContext.currentRequestId().orElse(null));
        boolean routine = record.getLevel().intValue() < Level.WARNING.intValue();
        if (routine && !synchronous && queue.offer(pending)) {
            if (idle) {
                LockSupport.unpark(writer);
            }
            if (synchronous) {
                flush(); // writeThrough() ran meanwhile and may have drained before this line arrived
            }
            return;
        }
        synchronized (writeLock) {
            drainLocked();
            writeLocked(pending);
            flushLocked();
        }
    }

    @Override
    public void flush() {
        synchronized (writeLock) {
            drainLocked();
            flushLocked();
        }
    }

    /** From now on every line is written by its caller; what is queued is written now. */
    void writeThrough() {
        synchronous = true;
        flush();
    }

    @Override
    public void close() {
        writeThrough();
        writer.interrupt();
    }

    /**
     * Waits for work without taking it: a record leaves the queue only under the write lock, so a
     * warning written by its caller can never overtake a routine line queued before it. After each
     * write it pauses briefly so that, under load, lines gather into one write instead of waking
     * this thread (and making a system call) per line.
     */
    private void drainForever() {
        while (!Thread.currentThread().isInterrupted()) {
            if (queue.isEmpty()) {
                idle = true;
                if (queue.isEmpty()) {
                    LockSupport.park(this); // publish() wakes an idle writer
                }
                idle = false;
                continue;
            }
            synchronized (writeLock) {
                drainLocked();
                flushLocked();
            }
            LockSupport.parkNanos(this, GATHER_NANOS);
        }
    }

    private void drainLocked() {
        Pending pending;
        while ((pending = queue.poll()) != null) {
            writeLocked(pending);
        }
    }

    private void writeLocked(Pending pending) {
        try {
            out.write(formatter.format(pending.record(), pending.requestId()));
        } catch (IOException | RuntimeException e) {
            reportError("cannot write a log line", e, ErrorManager.WRITE_FAILURE);
        }
    }

    private void flushLocked() {
        try {
            out.flush();
        } catch (IOException e) {
            reportError("cannot flush the log", e, ErrorManager.FLUSH_FAILURE);
        }
    }
}
