package io.strongroom.audit.trails;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/** What GetTrailStatus answers: whether the trail delivers, and since when or until when. */
public record TrailStatus(boolean logging, Optional<Instant> startLoggingTime, Optional<Instant> stopLoggingTime) {
    public TrailStatus {
        requireNonNull(startLoggingTime, "startLoggingTime");
        requireNonNull(stopLoggingTime, "stopLoggingTime");
    }
}
