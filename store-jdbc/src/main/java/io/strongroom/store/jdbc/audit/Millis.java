package io.strongroom.store.jdbc.audit;

import java.time.Instant;

/** Instants as the UTC epoch milliseconds the audit tables hold. */
final class Millis {
    private static final int NANOS_PER_MILLI = 1_000_000;

    private Millis() {
    }

    /**
     * The exact milliseconds of an instant that is to be stored; a finer instant is refused rather than
     * silently truncated, which would make the stored value differ from the one given.
     */
    static long of(Instant instant) {
        if (!isWhole(instant)) {
            throw new IllegalArgumentException("the audit store keeps milliseconds; " + instant + " is finer");
        }
        return instant.toEpochMilli();
    }

    static boolean isWhole(Instant instant) {
        return instant.getNano() % NANOS_PER_MILLI == 0;
    }

    /** The last millisecond at or before the instant (a bound of "at or before"); clamped far out of range. */
    static long floor(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** The first millisecond at or after the instant (a bound of "at or after"). */
    static long ceiling(Instant instant) {
        long floor = floor(instant);
        return isWhole(instant) || floor == Long.MAX_VALUE ? floor : floor + 1;
    }
}
