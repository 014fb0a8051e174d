package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A bucket's Object Lock configuration beyond being enabled: the default retention every new version
 * gets when its write names none.
 */
public record ObjectLockConfiguration(Optional<DefaultRetention> defaultRetention) {
    public static final ObjectLockConfiguration NO_RULE = new ObjectLockConfiguration(Optional.empty());
    static final String KIND = "object-lock";

    public ObjectLockConfiguration {
        requireNonNull(defaultRetention, "defaultRetention");
    }

    /**
     * A mode and a period of either days or years (never both), each at least one; validated by
     * {@link ObjectLockOperations} with S3's errors before one is built from a request.
     */
    public record DefaultRetention(ObjectLock.Mode mode, Optional<Integer> days, Optional<Integer> years) {
        public DefaultRetention {
            requireNonNull(mode, "mode");
            requireNonNull(days, "days");
            requireNonNull(years, "years");
            if (days.isPresent() == years.isPresent()) {
                throw new IllegalArgumentException("a default retention has days or years");
            }
        }

        /** The retention of a version created at {@code created}: years are calendar years in UTC. */
        public ObjectLock.Retention from(Instant created) {
            Instant until = days.isPresent() ? created.plus(days.get(), ChronoUnit.DAYS)
                    : created.atZone(ZoneOffset.UTC).plusYears(years.orElseThrow()).toInstant();
            return new ObjectLock.Retention(mode, until.truncatedTo(ChronoUnit.MILLIS));
        }
    }

    /** The stored document: empty for no rule, else {@code MODE Days|Years N}. */
    String encode() {
        return defaultRetention.map(r -> r.mode() + " " + (r.days().isPresent() ? "Days " + r.days().get()
                : "Years " + r.years().orElseThrow())).orElse("");
    }

    static ObjectLockConfiguration decode(String document) {
        if (document.isEmpty()) {
            return NO_RULE;
        }
        String[] parts = document.split(" ");
        ObjectLock.Mode mode = ObjectLock.Mode.valueOf(parts[0]);
        int period = Integer.parseInt(parts[2]);
        return new ObjectLockConfiguration(Optional.of(parts[1].equals("Days")
                ? new DefaultRetention(mode, Optional.of(period), Optional.empty())
                : new DefaultRetention(mode, Optional.empty(), Optional.of(period))));
    }
}
