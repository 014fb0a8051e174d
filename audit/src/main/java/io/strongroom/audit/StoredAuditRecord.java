package io.strongroom.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One audit record as stored: its place in the hash chain, the attributes LookupEvents searches,
 * and the record itself as canonical JSON. Only {@link #sequence}, {@link #eventJson},
 * {@link #previousHash} and {@link #hash} are covered by the chain; the other fields are copies
 * taken from the record for indexing.
 *
 * @param sequence           position in the chain: 1 for the first record, then no gaps
 * @param eventTime          the record's {@code eventTime} (whole seconds)
 * @param eventId            the record's {@code eventID}
 * @param eventSource        for example {@code iam.amazonaws.com}
 * @param eventName          for example {@code CreateUser}
 * @param awsRegion          the region that served the call
 * @param recipientAccountId the account the record belongs to (LookupEvents is scoped to it)
 * @param username           the caller's user name as LookupEvents reports it; null when there is none
 * @param accessKeyId        the access key the caller signed with (or claimed, when authentication
 *                           failed); null when there is none
 * @param readOnly           the record's {@code readOnly}
 * @param eventCategory      management or data event
 * @param resources          the resources the record names, in record order (possibly empty)
 * @param eventJson          the record's canonical JSON (see {@code CanonicalJson}), as hashed
 * @param previousHash       the hash of record {@code sequence - 1}, or {@link ChainHash#GENESIS}
 * @param hash               this record's chain hash (see {@code HashChain})
 */
public record StoredAuditRecord(
        long sequence,
        Instant eventTime,
        String eventId,
        String eventSource,
        String eventName,
        String awsRegion,
        String recipientAccountId,
        String username,
        String accessKeyId,
        boolean readOnly,
        EventCategory eventCategory,
        List<IndexedResource> resources,
        String eventJson,
        ChainHash previousHash,
        ChainHash hash) {

    public StoredAuditRecord {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        requireNonNull(eventTime, "eventTime");
        requireNonNull(eventId, "eventId");
        requireNonNull(eventSource, "eventSource");
        requireNonNull(eventName, "eventName");
        requireNonNull(awsRegion, "awsRegion");
        requireNonNull(recipientAccountId, "recipientAccountId");
        requireNonNull(eventCategory, "eventCategory");
        resources = List.copyOf(resources);
        requireNonNull(eventJson, "eventJson");
        requireNonNull(previousHash, "previousHash");
        requireNonNull(hash, "hash");
    }
}
