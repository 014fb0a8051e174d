package io.strongroom.audit.trails;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What GetEventSelectors and PutEventSelectors answer: the trail's ARN and its event selectors. */
public record TrailSelectors(String trailArn, List<EventSelector> eventSelectors) {
    public TrailSelectors {
        requireNonNull(trailArn, "trailArn");
        eventSelectors = List.copyOf(eventSelectors);
    }
}
