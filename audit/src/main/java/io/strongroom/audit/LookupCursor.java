package io.strongroom.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * Where a page of a lookup ended: the sort key of its last record. Lookups sort newest first by
 * {@code (eventTime, sequence)}, so the next page holds the records strictly older than this key:
 * {@code eventTime < this.eventTime}, or the same time and {@code sequence < this.sequence}. The
 * service encodes it as the opaque {@code NextToken}.
 */
public record LookupCursor(Instant eventTime, long sequence) {
    public LookupCursor {
        requireNonNull(eventTime, "eventTime");
    }
}
