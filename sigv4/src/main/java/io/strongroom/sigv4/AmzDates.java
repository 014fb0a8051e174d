package io.strongroom.sigv4;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** The two SigV4 time formats ({@code yyyyMMdd'T'HHmmss'Z'} and {@code yyyyMMdd}) and the HTTP Date header. */
final class AmzDates {
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                    .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private AmzDates() {
    }

    /** @throws IllegalArgumentException when not {@code yyyyMMdd'T'HHmmss'Z'} */
    static Instant parseDateTime(String value) {
        if (value.length() != 16) {
            throw new IllegalArgumentException("Invalid date '" + value + "': expected yyyyMMdd'T'HHmmss'Z'.");
        }
        try {
            return Instant.from(DATE_TIME.parse(value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Invalid date '" + value + "': expected yyyyMMdd'T'HHmmss'Z'.");
        }
    }

    /** @throws IllegalArgumentException when not {@code yyyyMMdd} */
    static LocalDate parseDate(String value) {
        if (value.length() != 8) {
            throw new IllegalArgumentException("Invalid credential date '" + value + "': expected yyyyMMdd.");
        }
        try {
            return LocalDate.parse(value, DATE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Invalid credential date '" + value + "': expected yyyyMMdd.");
        }
    }

    /** @throws IllegalArgumentException when not an RFC 1123 date */
    static Instant parseHttpDate(String value) {
        try {
            return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Invalid Date header '" + value + "'.");
        }
    }

    static String formatDateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    static String formatDate(LocalDate date) {
        return DATE.format(date);
    }

    static LocalDate utcDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
