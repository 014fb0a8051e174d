package io.strongroom.audit.export;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How {@link AuditExporter} paces itself.
 *
 * @param batchSize      records read and delivered at a time (1 to 10,000)
 * @param pollInterval   how long a caught-up export waits before it looks for new records (unless woken)
 * @param initialBackoff the wait after a first failure; it doubles with each further failure
 * @param maxBackoff     the longest wait between two attempts
 * @param closeTimeout   how long {@link AuditExporter#close()} keeps delivering what is pending
 */
public record ExportOptions(int batchSize, Duration pollInterval, Duration initialBackoff, Duration maxBackoff,
                            Duration closeTimeout) {
    public static final ExportOptions DEFAULTS = new ExportOptions(500, Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofMinutes(1), Duration.ofSeconds(10));

    public ExportOptions {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batchSize must lie between 1 and 10000");
        }
        requirePositive(pollInterval, "pollInterval");
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
        }
        requireNonNull(closeTimeout, "closeTimeout");
        if (closeTimeout.isNegative()) {
            throw new IllegalArgumentException("closeTimeout must not be negative");
        }
    }

    /** The wait after {@code failures} failures in a row: initial, doubling, at most the maximum. */
    public Duration backoff(int failures) {
        Duration wait = initialBackoff;
        for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private static void requirePositive(Duration duration, String name) {
        requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
