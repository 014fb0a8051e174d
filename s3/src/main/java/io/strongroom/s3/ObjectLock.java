package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A version's Object Lock state: its retention and its legal hold, either of which may never have
 * been set (S3 tells "never set" apart from a legal hold turned off).
 *
 * @param retention the mode and the instant until which the version cannot be deleted
 * @param legalHold ON (true) or OFF (false) when ever set; a hold protects without a date
 */
public record ObjectLock(Optional<Retention> retention, Optional<Boolean> legalHold) {
    public static final ObjectLock NONE = new ObjectLock(Optional.empty(), Optional.empty());

    public ObjectLock {
        requireNonNull(retention, "retention");
        requireNonNull(legalHold, "legalHold");
    }

    /** Whether the version is protected from deletion at {@code now}. */
    public boolean protects(Instant now) {
        return legalHold.orElse(false) || retention.filter(r -> r.inForceAt(now)).isPresent();
    }

    public boolean isEmpty() {
        return retention.isEmpty() && legalHold.isEmpty();
    }

    public ObjectLock withRetention(Optional<Retention> newRetention) {
        return new ObjectLock(newRetention, legalHold);
    }

    public ObjectLock withLegalHold(boolean on) {
        return new ObjectLock(retention, Optional.of(on));
    }

    /** S3's two retention modes: GOVERNANCE yields to a permitted bypass, COMPLIANCE to nobody. */
    public enum Mode {
        GOVERNANCE, COMPLIANCE
    }

    /** @param retainUntil kept to the millisecond */
    public record Retention(Mode mode, Instant retainUntil) {
        public Retention {
            requireNonNull(mode, "mode");
            requireNonNull(retainUntil, "retainUntil");
        }

        public boolean inForceAt(Instant now) {
            return now.isBefore(retainUntil);
        }
    }
}
