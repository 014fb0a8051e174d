package io.strongroom.bench.kms;

import static java.util.Objects.requireNonNull;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: each thread makes its own call back to back, as a client with one request in
 * flight does; or, paced, each thread starts its calls on a fixed schedule so that all threads
 * together offer a given rate, and a call's latency counts from when it was due (a call that waits
 * for a slow predecessor is charged the wait, so a stall is not hidden). Calls that start during the warm-up are not counted; every call that starts in the
 * measured window is, its latency recorded exactly (HdrHistogram, 3 significant digits). Failed calls
 * are counted apart and left out of the figures.
 */
final class ClosedLoop {
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final String AUDIT_WRITER_THREAD = "audit-group-commit";
    private static final int WARM_UP = 0;
    private static final int MEASURE = 1;
    private static final int STOP = 2;

    /** One thread's call; throws when the call fails or its answer is wrong. */
    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    /**
     * @param calls     successful calls started in the measured window
     * @param errors    failed calls started in the measured window
     * @param seconds   the measured window
     * @param latencies every successful measured call, in nanoseconds
     * @param cpu       how busy the machine was during the measured window, and with what
     * @param firstError the first failure seen, warm-up included
     */
    record Result(long calls, long errors, double seconds, Histogram latencies, CpuSample.Share cpu,
                  long processCpuNanos, long loadCpuNanos, long auditWriterCpuNanos, Optional<Throwable> firstError) {
        double perSecond() {
            return calls / seconds;
        }

        /** CPU per call of this JVM's threads other than the load's own (the node, for calls over HTTP). */
        double otherMicrosPerCall() {
            return (processCpuNanos - loadCpuNanos) / 1e3 / Math.max(1, calls);
        }

        /** CPU per call of the node's audit writer thread, a part of {@link #otherMicrosPerCall}. */
        double auditWriterMicrosPerCall() {
            return auditWriterCpuNanos / 1e3 / Math.max(1, calls);
        }

        /** CPU per call of the load's threads (the SDK clients, for calls over HTTP). */
        double loadMicrosPerCall() {
            return loadCpuNanos / 1e3 / Math.max(1, calls);
        }

        double millisAt(double percentile) {
            return latencies.getValueAtPercentile(percentile) / 1e6;
        }
    }

    private volatile int phase = WARM_UP;

    private ClosedLoop() {
    }

    /** Runs one thread per call, back to back: {@code warmUp}, then {@code measured}. */
    static Result run(String name, List<Call> calls, Duration warmUp, Duration measured) throws InterruptedException {
        requireNonNull(calls, "calls");
        return new ClosedLoop().drive(name, calls, warmUp, measured, 0);
    }

    /** As {@link #run}, with the threads together starting {@code ratePerSecond} calls a second. */
    static Result paced(String name, List<Call> calls, Duration warmUp, Duration measured, double ratePerSecond)
            throws InterruptedException {
        requireNonNull(calls, "calls");
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("the rate must be positive");
        }
        return new ClosedLoop().drive(name, calls, warmUp, measured, (long) (1e9 * calls.size() / ratePerSecond));
    }

    /** @param intervalNanos each thread's time between call starts; 0 for back to back */
    private Result drive(String name, List<Call> calls, Duration warmUp, Duration measured, long intervalNanos)
            throws InterruptedException {
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long firstDue = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        for (int i = 0; i < calls.size(); i++) {
            // paced threads are staggered evenly over one interval, so the calls arrive spread out
            Worker worker = new Worker(calls.get(i), firstError, intervalNanos,
                    firstDue + intervalNanos * i / calls.size());
            workers.add(worker);
            Thread thread = new Thread(worker, name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        // Each worker's histogram is some 200 KB, 7 MB for 32 threads, and would otherwise be promoted by a
        // young collection in the middle of the row: a pause of 15-20 ms in the server's JVM that only the
        // load generator causes. A full collection now moves them to the old generation before any call.
        System.gc();
        threads.forEach(Thread::start);
        Thread.sleep(warmUp);
        CpuSample cpuAtStart = CpuSample.now();
        long loadCpuAtStart = cpuTime(threads);
        long writerCpuAtStart = auditWriterCpuTime();
        long start = System.nanoTime();
        phase = MEASURE;
        Thread.sleep(measured);
        // CPU times are read while the workers still run: a worker that stops may end its thread, whose
        // time then reads as nothing and made the load's share come out negative
        long loadCpu = cpuTime(threads) - loadCpuAtStart;
        long writerCpu = auditWriterCpuTime() - writerCpuAtStart;
        CpuSample cpuAtEnd = CpuSample.now();
        phase = STOP;
        long end = System.nanoTime();
        CpuSample.Share cpu = cpuAtEnd.since(cpuAtStart);
        Histogram latencies = new Histogram(HIGHEST_NANOS, 3);
        long errors = 0;
        for (Thread thread : threads) {
            thread.join();
        }
        for (Worker worker : workers) {
            latencies.add(worker.latencies);
            errors += worker.errors;
        }
        return new Result(latencies.getTotalCount(), errors, (end - start) / 1e9, latencies, cpu,
                cpuAtEnd.processCpuNanos() - cpuAtStart.processCpuNanos(), loadCpu, writerCpu,
                Optional.ofNullable(firstError.get()));
    }

    /** The CPU time of the node's audit writer so far ({@code AuditGroupCommitter}'s thread); 0 without one. */
    private static long auditWriterCpuTime() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        return cpuTime(Arrays.stream(bean.getThreadInfo(bean.getAllThreadIds()))
                .filter(info -> info != null && info.getThreadName().equals(AUDIT_WRITER_THREAD))
                .mapToLong(ThreadInfo::getThreadId));
    }

    /** The CPU time the load's threads have used so far. */
    private static long cpuTime(List<Thread> threads) {
        return cpuTime(threads.stream().mapToLong(Thread::threadId));
    }

    /** A thread that already ended counts nothing. */
    private static long cpuTime(LongStream threadIds) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        return threadIds.map(id -> Math.max(0, bean.getThreadCpuTime(id))).sum();
    }

    private final class Worker implements Runnable {
        private final Call call;
        private final AtomicReference<Throwable> firstError;
        private final Histogram latencies = new Histogram(HIGHEST_NANOS, 3);
        private final long intervalNanos;
        private long due;
        private long errors;

        Worker(Call call, AtomicReference<Throwable> firstError, long intervalNanos, long firstDue) {
            this.call = call;
            this.firstError = firstError;
            this.intervalNanos = intervalNanos;
            this.due = firstDue;
        }

        /** When this call counts from: now, or for a paced thread the time it was due (after waiting for it). */
        private long start() {
            if (intervalNanos == 0) {
                return System.nanoTime();
            }
            long start = due;
            due += intervalNanos;
            long wait;
            while ((wait = start - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            return start;
        }

        @Override
        public void run() {
            int now;
            while ((now = phase) != STOP) {
                long start = start();
                try {
                    call.run();
                } catch (Exception | AssertionError e) {
                    firstError.compareAndSet(null, e);
                    if (now == MEASURE) {
                        errors++;
                    }
                    continue;
                }
                if (now == MEASURE) {
                    latencies.recordValue(Math.min(System.nanoTime() - start, HIGHEST_NANOS));
                }
            }
        }
    }
}
