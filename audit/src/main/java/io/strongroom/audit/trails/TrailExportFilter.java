package io.strongroom.audit.trails;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.audit.export.DeliveryFilter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * The trails as the exporter's {@link DeliveryFilter}: decides each record with a {@link TrailDelivery}
 * that it reloads only when it cannot be sure the loaded one holds every trail change that bears on
 * the record. A load taken at {@code loadedAt} holds the changes made before then, so it decides the
 * records of calls made well before it: {@code eventTime + 1 s (rounding) + SETTLE <= loadedAt}, where
 * SETTLE covers a trail change still committing at the load. Records of the last two seconds are
 * decided on a fresh load each: an exporter that keeps two seconds behind the newest record reads the
 * trails once per batch. Safe for the exporter's threads.
 */
final class TrailExportFilter implements DeliveryFilter {
    static final Duration SETTLE = Duration.ofSeconds(1);
    private static final Duration RECORD_TIME_RESOLUTION = Duration.ofSeconds(1);

    private final Function<Instant, TrailDelivery> load;
    private final Clock clock;
    private TrailDelivery delivery;
    private Instant since;
    private Instant loadedAt;

    TrailExportFilter(Function<Instant, TrailDelivery> load, Clock clock) {
        this.load = requireNonNull(load, "load");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public synchronized boolean delivers(StoredAuditRecord record) {
        Instant eventTime = record.eventTime();
        boolean covered = delivery != null && !eventTime.isBefore(since)
                && !eventTime.plus(RECORD_TIME_RESOLUTION).plus(SETTLE).isAfter(loadedAt);
        if (!covered) {
            since = since == null || eventTime.isBefore(since) ? eventTime : since;
            loadedAt = clock.instant();
            delivery = load.apply(since);
        }
        return delivery.delivers(record);
    }
}
