// SPI-READY
package io.strongroom.audit.trails;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of trails as versions ({@link TrailVersion}) and of the service's {@link TrailSettings}.
 *
 * <p>Rules every implementation keeps:
 * <ul>
 *   <li>Every call joins the caller's current transaction ({@link io.strongroom.core.spi.Transactor}).
 *   <li>Versions are appended, never changed or deleted; {@link #append} stores a version only when it
 *       continues its ARN's history (so two nodes changing one trail at once cannot both succeed).
 *   <li>Instants are stored with at least millisecond precision (the domain never passes finer).
 *   <li>Listings come ordered by ARN (compared as UTF-16 code units, i.e. byte order for ASCII ARNs),
 *       then by version.
 * </ul>
 */
public interface TrailRepository {

    /** The latest version of the trail with this ARN, a deletion included; empty when there never was one. */
    Optional<TrailVersion> latest(String trailArn);

    /** The latest version of every trail that is not deleted, ordered by ARN. */
    List<TrailVersion> current();

    /**
     * Stores a version if it continues its ARN's history: version 1 of an ARN that has none, or the
     * latest version plus one. Returns false, storing nothing, otherwise.
     */
    boolean append(TrailVersion version);

    /**
     * Every version in effect at or after {@code since}: for each ARN, the version in effect at
     * {@code since} (the last one that took effect at or before it) and every version that took
     * effect after it, deletions included, ordered by ARN then version.
     */
    List<TrailVersion> history(Instant since);

    /** The settings, once {@link #initialise} has stored them. */
    Optional<TrailSettings> settings();

    /** Stores the settings unless some are stored already; returns whether these were stored. */
    boolean initialise(TrailSettings settings);
}
