package io.strongroom.kms;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Automatic rotation of a symmetric key.
 *
 * @param enabled            whether the scheduler rotates the key
 * @param periodDays         the period asked for (kept when rotation is disabled, as AWS shows it again)
 * @param nextRotationDate   when the scheduler next rotates it, while enabled
 */
public record RotationSettings(boolean enabled, Optional<Integer> periodDays, Optional<Instant> nextRotationDate) {
    public static final int DEFAULT_PERIOD_DAYS = 365;
    public static final int MIN_PERIOD_DAYS = 90;
    public static final int MAX_PERIOD_DAYS = 2560;
    public static final RotationSettings DISABLED = new RotationSettings(false, Optional.empty(), Optional.empty());

    public RotationSettings {
        requireNonNull(periodDays, "periodDays");
        requireNonNull(nextRotationDate, "nextRotationDate");
    }
}
