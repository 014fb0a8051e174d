package io.strongroom.bench.kms;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: each thread makes its own call back to back, as a client with one request in
 * flight does. Calls that start during the warm-up are not counted; every call that starts in the
 * measured window is, its latency recorded exactly (HdrHistogram, 3 significant digits). Failed calls
 * are counted apart and left out of the figures.
 */
final class ClosedLoop {
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);
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
                  Optional<Throwable> firstError) {
        double perSecond() {
            return calls / seconds;
        }

        double millisAt(double percentile) {
            return latencies.getValueAtPercentile(percentile) / 1e6;
        }
    }

    private volatile int phase = WARM_UP;

    private ClosedLoop() {
    }

    /** Runs one thread per call: {@code warmUp}, then {@code measured}. */
    static Result run(String name, List<Call> calls, Duration warmUp, Duration measured) throws InterruptedException {
        requireNonNull(calls, "calls");
        return new ClosedLoop().drive(name, calls, warmUp, measured);
    }

    private Result drive(String name, List<Call> calls, Duration warmUp, Duration measured)
            throws InterruptedException {
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Worker worker = new Worker(calls.get(i), firstError);
            workers.add(worker);
            Thread thread = new Thread(worker, name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        Thread.sleep(warmUp);
        CpuSample cpuAtStart = CpuSample.now();
        long start = System.nanoTime();
        phase = MEASURE;
        Thread.sleep(measured);
        phase = STOP;
        long end = System.nanoTime();
        CpuSample.Share cpu = CpuSample.now().since(cpuAtStart);
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
                Optional.ofNullable(firstError.get()));
    }

    private final class Worker implements Runnable {
        private final Call call;
        private final AtomicReference<Throwable> firstError;
        private final Histogram latencies = new Histogram(HIGHEST_NANOS, 3);
        private long errors;

        Worker(Call call, AtomicReference<Throwable> firstError) {
            this.call = call;
            this.firstError = firstError;
        }

        @Override
        public void run() {
            int now;
            while ((now = phase) != STOP) {
                long start = System.nanoTime();
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
