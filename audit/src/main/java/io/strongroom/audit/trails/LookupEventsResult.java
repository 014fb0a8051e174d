package io.strongroom.audit.trails;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.StoredAuditRecord;
import java.util.List;
import java.util.Optional;

/** One page of LookupEvents: the records, newest first, and the token of the next page when there is one. */
public record LookupEventsResult(List<StoredAuditRecord> events, Optional<String> nextToken) {
    public LookupEventsResult {
        events = List.copyOf(events);
        requireNonNull(nextToken, "nextToken");
    }
}
