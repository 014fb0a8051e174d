package io.strongroom.audit.trails;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A LookupEvents request as sent, before validation: attribute keys and the event category as their
 * wire strings, so that each bad value gets CloudTrail's own error.
 *
 * @param lookupAttributes at most one (AWS's rule); none looks up every event
 * @param startTime        only events at or after it
 * @param endTime          only events at or before it
 * @param eventCategory    {@code insight} (Strongroom records no Insights events, so that finds none)
 * @param maxResults       1 to 50; 50 when absent
 * @param nextToken        the NextToken of the previous page of the same request
 */
public record LookupEventsRequest(
        List<LookupAttribute> lookupAttributes,
        Optional<Instant> startTime,
        Optional<Instant> endTime,
        Optional<String> eventCategory,
        Optional<Integer> maxResults,
        Optional<String> nextToken) {

    public LookupEventsRequest {
        lookupAttributes = List.copyOf(lookupAttributes);
        requireNonNull(startTime, "startTime");
        requireNonNull(endTime, "endTime");
        requireNonNull(eventCategory, "eventCategory");
        requireNonNull(maxResults, "maxResults");
        requireNonNull(nextToken, "nextToken");
    }

    /** Every event, newest first, one full page. */
    public static LookupEventsRequest all() {
        return new LookupEventsRequest(List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** One attribute: {@code key} as on the wire ({@code EventName}, {@code Username}…). */
    public record LookupAttribute(String key, String value) {
        public LookupAttribute {
            requireNonNull(key, "key");
            requireNonNull(value, "value");
        }
    }
}
