package io.strongroom.audit;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes audit records: redacts each event, serialises it canonically, chains it onto the head
 * and appends it. Call it inside the transaction of the change the record describes (management
 * events), or with a batch of events in one transaction of their own (group commit of data
 * events); the chain-head lock makes concurrent writers take turns.
 */
public final class AuditTrail {
    private final AuditRepository repository;
    private final Redaction redaction;

    public AuditTrail(AuditRepository repository, Redaction redaction) {
        this.repository = requireNonNull(repository, "repository");
        this.redaction = requireNonNull(redaction, "redaction");
    }

    /** Appends one record in the caller's current transaction. */
    public StoredAuditRecord record(AuditEvent event) {
        return recordAll(List.of(event)).getFirst();
    }

    /** Appends records in order, in the caller's current transaction. */
    public List<StoredAuditRecord> recordAll(List<AuditEvent> events) {
        // serialise before taking the lock: the lock is held for as short a time as possible
        return recordPrepared(events.stream().map(this::prepare).toList());
    }

    /**
     * Redacts an event and writes its canonical text: the part of an append that needs no lock,
     * done by the caller's thread (the group committer's callers, in parallel) rather than under it.
     */
    public PreparedRecord prepare(AuditEvent event) {
        AuditEvent safe = redaction.apply(event);
        return new PreparedRecord(safe, safe.toCanonicalJson());
    }

    /** Chains and appends prepared records in order, in the caller's current transaction. */
    public List<StoredAuditRecord> recordPrepared(List<PreparedRecord> prepared) {
        ChainHead head = repository.lockChainHead();
        List<StoredAuditRecord> records = new ArrayList<>(prepared.size());
        for (PreparedRecord record : prepared) {
            ChainedRecord link = HashChain.next(head, record.canonicalJson());
            records.add(stored(link, record.event()));
            head = link.head();
        }
        repository.append(records);
        return records;
    }

    /** A redacted event and its canonical JSON, ready to be chained. */
    public record PreparedRecord(AuditEvent event, String canonicalJson) {
        public PreparedRecord {
            requireNonNull(event, "event");
            requireNonNull(canonicalJson, "canonicalJson");
        }
    }

    /** The stored form of a chained record: the link plus the attributes LookupEvents searches. */
    static StoredAuditRecord stored(ChainedRecord link, AuditEvent event) {
        List<IndexedResource> resources = event.resources().stream()
                .map(resource -> new IndexedResource(resource.type(), resource.arn()))
                .toList();
        return new StoredAuditRecord(link.sequence(), event.eventTime(), event.eventId(), event.eventSource(),
                event.eventName(), event.awsRegion(), event.recipientAccountId(),
                event.userIdentity().lookupUsername(), event.userIdentity().accessKeyId(), event.readOnly(),
                event.eventCategory(), resources, link.eventJson(), link.previousHash(), link.hash());
    }
}
