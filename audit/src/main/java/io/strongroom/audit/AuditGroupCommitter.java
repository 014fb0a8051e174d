package io.strongroom.audit;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.Transactor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Appends records that do not belong to a change (reads, refused and failed calls, later data
 * events such as GetObject and Decrypt) in shared transactions: one writer thread takes whatever
 * has queued, up to a batch, and commits it as one group, so a commit's cost is shared by every
 * caller waiting on it. Callers redact and serialise their own records first, so only chaining
 * and the write happen on the writer thread. {@link #append} returns only once its record is durable, so a response is
 * never sent for a call whose record could still be lost. The queue is bounded: under overload
 * callers wait for room, and no record is ever dropped. {@link #close} writes everything queued.
 */
public final class AuditGroupCommitter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AuditGroupCommitter.class.getName());
    public static final int DEFAULT_CAPACITY = 4096;
    /**
     * Records per commit at most. Under sustained load a commit's fixed cost (the log flush) is
     * shared by this many records: at 1,000, some 30 to 50 ms of work per commit, inside the 200 ms
     * a read's record may wait, and about a fifth more throughput on PostgreSQL than at 200.
     */
    public static final int DEFAULT_MAX_BATCH = 1000;
    private static final long IDLE_CHECK_MILLIS = 100;

    private final AuditTrail trail;
    private final Transactor transactor;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private volatile boolean closing;

    public AuditGroupCommitter(AuditTrail trail, Transactor transactor, int capacity, int maxBatch) {
        this.trail = requireNonNull(trail, "trail");
        this.transactor = requireNonNull(transactor, "transactor");
        if (capacity < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("capacity and batch size are positive");
        }
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = Thread.ofPlatform().name("audit-group-commit").daemon(true).unstarted(this::writeUntilClosed);
        writer.start();
    }

    public AuditGroupCommitter(AuditTrail trail, Transactor transactor) {
        this(trail, transactor, DEFAULT_CAPACITY, DEFAULT_MAX_BATCH);
    }

    /**
     * Queues a record, waiting for room when the queue is full, and returns once it is committed.
     *
     * @throws AuditUnavailableException when the record could not be written (the caller must not
     *                                   report success), or when the committer is closed
     */
    public StoredAuditRecord append(AuditEvent event) {
        requireNonNull(event, "event");
        Pending pending = new Pending(trail.prepare(event), new CompletableFuture<>());
        try {
            if (closing) {
                throw new AuditUnavailableException("the audit trail is shutting down", null);
            }
            queue.put(pending);
            return awaitWritten(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while the audit record was written", e);
        } catch (ExecutionException e) {
            throw new AuditUnavailableException("the audit record could not be written", e.getCause());
        }
    }

    private StoredAuditRecord awaitWritten(Pending pending) throws InterruptedException, ExecutionException {
        while (true) {
            try {
                return pending.done().get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                if (!writer.isAlive() && queue.remove(pending)) {
                    throw new AuditUnavailableException("the audit trail has shut down", null);
                }
            }
        }
    }

    /** Stops taking records, writes every queued one, then returns. */
    @Override
    public void close() {
        closing = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // a caller that raced past the closing check gets an answer rather than waiting forever
        Pending late;
        while ((late = queue.poll()) != null) {
            late.done().completeExceptionally(new AuditUnavailableException("the audit trail has shut down", null));
        }
    }

    private void writeUntilClosed() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (true) {
            Pending first;
            try {
                // a timed wait, not an interrupt, notices close(): an interrupt could abort a commit
                first = queue.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue; // nothing interrupts this thread on purpose
            }
            if (first == null) {
                if (closing && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            write(batch);
            batch.clear();
        }
    }

    /** One transaction for the batch; if it fails, each record on its own, so one bad record fails alone. */
    private void write(List<Pending> batch) {
        try {
            List<StoredAuditRecord> stored = transactor.inTransaction(
                    () -> trail.recordPrepared(batch.stream().map(Pending::record).toList()));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(stored.get(i));
            }
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                fail(batch.getFirst(), batchFailure);
                return;
            }
            for (Pending pending : batch) {
                try {
                    pending.done().complete(transactor.inTransaction(
                            () -> trail.recordPrepared(List.of(pending.record())).getFirst()));
                } catch (RuntimeException e) {
                    fail(pending, e);
                }
            }
        }
    }

    private static void fail(Pending pending, RuntimeException cause) {
        LOG.log(Level.SEVERE, "An audit record could not be written; its call is answered with an error", cause);
        pending.done().completeExceptionally(cause);
    }

    private record Pending(AuditTrail.PreparedRecord record, CompletableFuture<StoredAuditRecord> done) {
    }
}
