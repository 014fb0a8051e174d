package io.strongroom.audit.trails;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One configuration a trail had: every change (create, StartLogging, StopLogging, PutEventSelectors,
 * UpdateTrail, DeleteTrail) adds a version and none is ever changed, so the exports can apply to
 * each record the configuration that was in effect when the call was made, and an auditor can see
 * when a trail was narrowed or stopped.
 *
 * @param trail         the configuration
 * @param version       1 for the first version of an ARN, then one more for each change (a trail
 *                      created again under a deleted trail's name continues its ARN's numbering)
 * @param effectiveFrom when the change was made; the version is in effect until the next one's
 * @param deleted       whether this version is the trail's deletion (it then delivers nothing)
 */
public record TrailVersion(Trail trail, long version, Instant effectiveFrom, boolean deleted) {
    public TrailVersion {
        requireNonNull(trail, "trail");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        requireNonNull(effectiveFrom, "effectiveFrom");
    }

    /** The next version: {@code trail} as it is from {@code at} on. */
    TrailVersion next(Trail changed, Instant at) {
        return new TrailVersion(changed, version + 1, at, false);
    }

    /** The version that deletes the trail at {@code at}. */
    TrailVersion deletion(Instant at) {
        return new TrailVersion(trail, version + 1, at, true);
    }
}
