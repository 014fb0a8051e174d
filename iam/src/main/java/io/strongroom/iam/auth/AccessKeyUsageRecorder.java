package io.strongroom.iam.auth;

import static java.util.Objects.requireNonNull;

import io.strongroom.iam.identity.AccessKey;
import io.strongroom.iam.identity.IdentityRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Remembers when each access key was last used and writes it to the store in the background,
 * coalesced: a key used a thousand times between two flushes costs one write. Last-used data is
 * advisory, so a crash loses at most one flush interval of it.
 */
public final class AccessKeyUsageRecorder implements AutoCloseable {
    private final IdentityRepository repository;
    private final Clock clock;
    private final Map<String, AccessKey.LastUsed> pending = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    public AccessKeyUsageRecorder(IdentityRepository repository, Clock clock) {
        this.repository = requireNonNull(repository, "repository");
        this.clock = requireNonNull(clock, "clock");
    }

    public void record(String accessKeyId, String service, String region) {
        pending.put(accessKeyId, new AccessKey.LastUsed(clock.instant(), service, region));
    }

    /** Writes what is pending; a key deleted meanwhile is skipped by the store. */
    public void flush() {
        for (String accessKeyId : pending.keySet()) {
            AccessKey.LastUsed lastUsed = pending.remove(accessKeyId);
            if (lastUsed != null) {
                repository.recordAccessKeyUse(accessKeyId, lastUsed);
            }
        }
    }

    public synchronized void startPeriodicFlush(Duration interval) {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("key-usage")
                .factory());
        scheduler.scheduleWithFixedDelay(this::flushQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
        flushQuietly();
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // Advisory data: a failed write is retried with the next use of the key.
        }
    }
}
