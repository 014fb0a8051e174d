package io.strongroom.audit.trails;

import io.strongroom.audit.StoredAuditRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which records the export sinks deliver, by the trails' configurations over time: a record is
 * delivered when a trail was logging at the time of the call and took the record then (its account,
 * region and event selectors). A trail stopped, narrowed or deleted later still delivers the records
 * of calls made before, the StopLogging call itself included, so an export that lags behind loses
 * nothing.
 *
 * <p>A record's {@code eventTime} is whole seconds, the time the call was received, rounded down; a
 * configuration counts for a record when their times overlap within that second. At the second of a
 * change a record may therefore be delivered under both configurations' rules: delivering one record
 * too many is harmless, one too few is not.
 *
 * <p>This never decides what is recorded or what LookupEvents finds: those are every call, always.
 */
public final class TrailDelivery {
    /** Services whose events a trail takes only with IncludeGlobalServiceEvents. */
    static final Set<String> GLOBAL_SERVICE_SOURCES = Set.of("iam.amazonaws.com", "sts.amazonaws.com",
            "organizations.amazonaws.com", "signin.amazonaws.com", "cloudfront.amazonaws.com");
    private static final Duration RECORD_TIME_RESOLUTION = Duration.ofSeconds(1);

    /** One configuration and the interval of call times it was in effect for ({@code until} null: still). */
    private record Period(Trail trail, Instant from, Instant until) {
        boolean overlapsTheSecondOf(Instant eventTime) {
            return eventTime.plus(RECORD_TIME_RESOLUTION).isAfter(from) && (until == null || eventTime.isBefore(until));
        }
    }

    private final List<Period> loggingPeriods;

    private TrailDelivery(List<Period> loggingPeriods) {
        this.loggingPeriods = List.copyOf(loggingPeriods);
    }

    /** From a repository's {@link TrailRepository#history} (ordered by ARN, then version). */
    static TrailDelivery of(List<TrailVersion> history) {
        List<Period> periods = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            TrailVersion version = history.get(i);
            TrailVersion next = i + 1 < history.size() && history.get(i + 1).trail().arn().equals(version.trail().arn())
                    ? history.get(i + 1) : null;
            if (!version.deleted() && version.trail().logging()) {
                periods.add(new Period(version.trail(), version.effectiveFrom(), next == null ? null : next.effectiveFrom()));
            }
        }
        return new TrailDelivery(periods);
    }

    /** Whether any trail was logging at any time this delivery covers; when not, nothing is delivered. */
    public boolean anyLogging() {
        return !loggingPeriods.isEmpty();
    }

    /** Whether the export sinks deliver the record. */
    public boolean delivers(StoredAuditRecord record) {
        for (Period period : loggingPeriods) {
            if (period.overlapsTheSecondOf(record.eventTime()) && takes(period.trail(), record)) {
                return true;
            }
        }
        return false;
    }

    private static boolean takes(Trail trail, StoredAuditRecord record) {
        boolean global = GLOBAL_SERVICE_SOURCES.contains(record.eventSource());
        if (global && !trail.includeGlobalServiceEvents()) {
            return false;
        }
        if (!trail.organizationTrail() && !record.recipientAccountId().equals(trail.ownerAccountId())) {
            return false;
        }
        if (!trail.multiRegion() && !global && !record.awsRegion().equals(trail.homeRegion())) {
            return false;
        }
        return trail.eventSelectors().stream().anyMatch(selector -> selector.takes(record));
    }
}
