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
        List<AuditEvent> redacted = new ArrayList<>(events.size());
        List<String> texts = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            AuditEvent safe = redaction.apply(event);
            redacted.add(safe);
            texts.add(safe.toCanonicalJson());
        }
        ChainHead head = repository.lockChainHead();
        List<StoredAuditRecord> records = new ArrayList<>(events.size());
        for (int i = 0; i < redacted.size(); i++) {
            ChainedRecord link = HashChain.next(head, texts.get(i));
            records.add(stored(link, redacted.get(i)));
            head = link.head();
        }
        repository.append(records);
        return records;
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
