package io.strongroom.audit.export;

import io.strongroom.audit.StoredAuditRecord;

/**
 * Decides, record by record, whether an export sends a record (trails that stopped logging or
 * narrowed their selectors send less). A record it refuses still counts as handled: the cursor
 * moves past it and retention may delete it. An export with gaps no longer verifies as one
 * unbroken chain on its own; the store keeps the full chain.
 */
@FunctionalInterface
public interface DeliveryFilter {
    /** Sends every record. */
    DeliveryFilter EVERYTHING = record -> true;

    boolean delivers(StoredAuditRecord record);
}
