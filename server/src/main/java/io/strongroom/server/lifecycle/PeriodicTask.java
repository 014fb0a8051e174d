package io.strongroom.server.lifecycle;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a piece of upkeep now and then after every interval until closed. A failed run is logged
 * and does not cancel the schedule: the next run tries again.
 */
final class PeriodicTask implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PeriodicTask.class.getName());

    private final String name;
    private final ScheduledExecutorService scheduler;

    private PeriodicTask(String name, Runnable work, Duration interval) {
        this.name = requireNonNull(name, "name");
        requireNonNull(work, "work");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name(name).factory());
        scheduler.scheduleWithFixedDelay(() -> runQuietly(work), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    static PeriodicTask start(String name, Duration interval, Runnable work) {
        return new PeriodicTask(name, work, interval);
    }

    private void runQuietly(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled task " + name + " failed; it runs again at its next interval", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "PeriodicTask[" + name + "]";
    }
}
