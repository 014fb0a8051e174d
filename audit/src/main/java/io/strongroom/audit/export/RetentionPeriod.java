package io.strongroom.audit.export;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How long audit records are kept, as an ISO-8601 period: calendar years, months and days
 * ({@code P7Y}, {@code P18M}, {@code P400D}) or a duration with a time part ({@code PT36H},
 * {@code P1DT12H}). Calendar units count in UTC, so {@code P1Y} from 2024-02-29 is 2023-02-28.
 */
public final class RetentionPeriod {
    private final String text;
    private final Period period;
    private final Duration duration;

    private RetentionPeriod(String text, Period period, Duration duration) {
        this.text = text;
        this.period = period;
        this.duration = duration;
    }

    /** Parses the ISO-8601 text; throws IllegalArgumentException naming the fault. */
    public static RetentionPeriod parse(String text) {
        requireNonNull(text, "text");
        String iso = text.strip().toUpperCase(Locale.ROOT);
        try {
            if (iso.contains("T")) {
                Duration duration = Duration.parse(iso);
                if (duration.isNegative() || duration.isZero()) {
                    throw new IllegalArgumentException("the retention must be longer than zero");
                }
                return new RetentionPeriod(iso, Period.ZERO, duration);
            }
            Period period = Period.parse(iso);
            if (period.isNegative() || period.isZero() || period.getYears() < 0 || period.getMonths() < 0
                    || period.getDays() < 0) {
                throw new IllegalArgumentException("the retention must be longer than zero");
            }
            return new RetentionPeriod(iso, period, Duration.ZERO);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 period like P7Y, P90D or PT36H");
        }
    }

    /** The oldest instant a record may have and still be kept at {@code now}. */
    public Instant cutoff(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minus(period).minus(duration).toInstant();
    }

    /** True when the retention keeps records at least {@code minimum} (measured back from {@code now}). */
    public boolean atLeast(Duration minimum, Instant now) {
        return !cutoff(now).isAfter(now.minus(minimum));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RetentionPeriod that && period.equals(that.period) && duration.equals(that.duration);
    }

    @Override
    public int hashCode() {
        return period.hashCode() * 31 + duration.hashCode();
    }

    /** The ISO-8601 text. */
    @Override
    public String toString() {
        return text;
    }
}
