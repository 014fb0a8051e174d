package io.strongroom.audit.export;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * How far one export has delivered: every record up to {@code deliveredThrough} reached its
 * destination (or was deliberately not sent, see {@link DeliveryFilter}).
 *
 * @param exportName       the export's stable name ({@code file}, {@code syslog}, {@code webhook}):
 *                         lower-case letters, digits and dashes, at most 64
 * @param deliveredThrough the last sequence delivered; 0 before the first
 * @param updated          when the cursor last moved
 */
public record ExportCursor(String exportName, long deliveredThrough, Instant updated) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public ExportCursor {
        requireValidName(exportName);
        if (deliveredThrough < 0) {
            throw new IllegalArgumentException("deliveredThrough must not be negative");
        }
        requireNonNull(updated, "updated");
    }

    /** Throws IllegalArgumentException unless the name is lower-case letters, digits and dashes (at most 64). */
    public static String requireValidName(String exportName) {
        requireNonNull(exportName, "exportName");
        if (!NAME.matcher(exportName).matches()) {
            throw new IllegalArgumentException("an export name is lower-case letters, digits and dashes (at most 64): '"
                    + exportName + "'");
        }
        return exportName;
    }
}
