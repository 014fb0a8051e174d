package io.strongroom.audit;

import java.time.Instant;

/**
 * A LookupEvents search. Every filter is optional (null means "any"); all given filters must hold.
 *
 * @param recipientAccountId only records of this account
 * @param attributeKey       with {@code attributeValue}: the one LookupEvents attribute; values match
 *                           exactly (case-sensitive); {@link LookupAttributeKey#READ_ONLY} takes
 *                           {@code "true"} or {@code "false"}; resource type and name match any of a
 *                           record's resources
 * @param attributeValue     the value, given exactly when {@code attributeKey} is
 * @param startTime          only records with {@code eventTime >= startTime}
 * @param endTime            only records with {@code eventTime <= endTime}
 * @param eventCategory      only management or only data events
 * @param after              continue after this cursor (the previous page's {@link AuditLookupPage#next()})
 * @param maxResults         at most this many records (at least 1)
 */
public record AuditLookupQuery(
        String recipientAccountId,
        LookupAttributeKey attributeKey,
        String attributeValue,
        Instant startTime,
        Instant endTime,
        EventCategory eventCategory,
        LookupCursor after,
        int maxResults) {

    public AuditLookupQuery {
        if ((attributeKey == null) != (attributeValue == null)) {
            throw new IllegalArgumentException("attributeKey and attributeValue go together");
        }
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1");
        }
    }

    /** Everything, newest first, {@code maxResults} at a time. */
    public static AuditLookupQuery all(int maxResults) {
        return new AuditLookupQuery(null, null, null, null, null, null, null, maxResults);
    }
}
