package io.strongroom.audit;

import java.util.List;

/**
 * One page of a lookup, newest first.
 *
 * @param records the matches, newest first by {@code (eventTime, sequence)}
 * @param next    the cursor of the last record when more records match; null when this is the last page
 */
public record AuditLookupPage(List<StoredAuditRecord> records, LookupCursor next) {
    public AuditLookupPage {
        records = List.copyOf(records);
    }
}
