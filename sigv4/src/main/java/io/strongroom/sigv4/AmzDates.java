package io.strongroom.sigv4;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
        // Read by hand rather than through DATE_TIME: this runs on every request. Same strictness:
        // fixed width, ASCII digits only, and LocalDateTime.of rejects any out-of-range field.
        if (value.length() != 16 || value.charAt(8) != 'T' || value.charAt(15) != 'Z') {
            throw invalidDateTime(value);
        }
        try {
            return LocalDateTime.of(digits(value, 0, 4), digits(value, 4, 6), digits(value, 6, 8),
                    digits(value, 9, 11), digits(value, 11, 13), digits(value, 13, 15)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException | NumberFormatException e) {
            throw invalidDateTime(value);
        }
    }

    /** @throws IllegalArgumentException when not {@code yyyyMMdd} */
    static LocalDate parseDate(String value) {
        if (value.length() != 8) {
            throw invalidDate(value);
        }
        try {
            return LocalDate.of(digits(value, 0, 4), digits(value, 4, 6), digits(value, 6, 8));
        } catch (DateTimeException | NumberFormatException e) {
            throw invalidDate(value);
        }
    }

    /** The ASCII digits from {@code start} to {@code end} as a number. */
    private static int digits(String value, int start, int end) {
        int number = 0;
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException();
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    private static IllegalArgumentException invalidDateTime(String value) {
        return new IllegalArgumentException("Invalid date '" + value + "': expected yyyyMMdd'T'HHmmss'Z'.");
    }

    private static IllegalArgumentException invalidDate(String value) {
        return new IllegalArgumentException("Invalid credential date '" + value + "': expected yyyyMMdd.");
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
        LocalDateTime time = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        if (time.getYear() < 0 || time.getYear() > 9999) {
            return DATE_TIME.format(instant);
        }
        StringBuilder text = new StringBuilder(16);
        appendDate(text, time.toLocalDate()).append('T');
        pad(text, time.getHour(), 2);
        pad(text, time.getMinute(), 2);
        return pad(text, time.getSecond(), 2).append('Z').toString();
    }

    static String formatDate(LocalDate date) {
        if (date.getYear() < 0 || date.getYear() > 9999) {
            return DATE.format(date);
        }
        return appendDate(new StringBuilder(8), date).toString();
    }

    /** {@code yyyyMMdd}, for a year of at most four digits (the formatters above handle the rest). */
    private static StringBuilder appendDate(StringBuilder text, LocalDate date) {
        pad(text, date.getYear(), 4);
        pad(text, date.getMonthValue(), 2);
        return pad(text, date.getDayOfMonth(), 2);
    }

    private static StringBuilder pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }

    static LocalDate utcDate(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
