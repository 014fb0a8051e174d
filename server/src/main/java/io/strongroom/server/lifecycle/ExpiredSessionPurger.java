package io.strongroom.server.lifecycle;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Deletes STS sessions that expired more than a day ago, on a schedule, so the session table does
 * not grow with every AssumeRole forever. The day of slack keeps recent sessions for investigation.
 */
public final class ExpiredSessionPurger implements AutoCloseable {

    public static final Duration INTERVAL = Duration.ofMinutes(10);
    public static final Duration RETENTION = Duration.ofHours(24);
    private static final Logger LOG = Logger.getLogger(ExpiredSessionPurger.class.getName());

    /** The one store operation the purger needs. */
    @FunctionalInterface
    public interface ExpiredSessions {
        /** Deletes sessions that expired before {@code cutoff}; returns how many. */
        int deleteSessionsExpiredBefore(Instant cutoff);
    }

    private final ExpiredSessions sessions;
    private final Clock clock;
    private final Duration retention;
    private PeriodicTask schedule;

    public ExpiredSessionPurger(ExpiredSessions sessions, Clock clock, Duration retention) {
        this.sessions = requireNonNull(sessions, "sessions");
        this.clock = requireNonNull(clock, "clock");
        this.retention = requireNonNull(retention, "retention");
    }

    /** Purges now and then every {@code interval} until closed. */
    public ExpiredSessionPurger start(Duration interval) {
        schedule = PeriodicTask.start("sts-session-purge", interval, this::purgeAndLog);
        return this;
    }

    /** Deletes the sessions that expired more than the retention ago; returns how many. */
    public int purge() {
        return sessions.deleteSessionsExpiredBefore(clock.instant().minus(retention));
    }

    private void purgeAndLog() {
        int deleted = purge();
        if (deleted > 0) {
            LOG.info("Purged " + deleted + " expired STS sessions");
        }
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.close();
        }
    }
}
