package io.strongroom.audit.export;

import io.strongroom.audit.ChainHead;
import io.strongroom.audit.ChainedRecord;
import io.strongroom.audit.EventCategory;
import io.strongroom.audit.HashChain;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.audit.testing.InMemoryAuditRepository;
import io.strongroom.audit.testing.InMemoryAuditTransactor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Appends chained records to an in-memory trail, and builds records without one. */
final class TestRecords {
    final InMemoryAuditRepository repository = new InMemoryAuditRepository();
    final InMemoryAuditTransactor transactor = new InMemoryAuditTransactor(repository);

    /** Appends {@code count} records at {@code time} in one transaction. */
    List<StoredAuditRecord> append(int count, Instant time) {
        return transactor.inTransaction(() -> {
            ChainHead head = repository.lockChainHead();
            List<StoredAuditRecord> records = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                StoredAuditRecord record = next(head, time, "PutObject");
                records.add(record);
                head = new ChainHead(record.sequence(), record.hash());
            }
            repository.append(records);
            return records;
        });
    }

    /** The record after {@code head}, correctly chained. */
    static StoredAuditRecord next(ChainHead head, Instant time, String eventName) {
        long sequence = head.sequence() + 1;
        String eventId = String.format("00000000-0000-4000-8000-%012d", sequence);
        String json = "{\"eventID\":\"" + eventId + "\",\"eventName\":\"" + eventName + "\",\"eventTime\":\""
                + time + "\",\"note\":\"caf\u00e9 \\\"quoted\\\"\"}";
        ChainedRecord link = HashChain.next(head, json);
        return new StoredAuditRecord(link.sequence(), time, eventId, "s3.amazonaws.com", eventName, "us-east-1",
                "111122223333", "alice", "AKIAIOSFODNN7EXAMPLE", false, EventCategory.DATA, List.of(),
                json, link.previousHash(), link.hash());
    }

    /** A chain of records, one per time, without a store. */
    static List<StoredAuditRecord> chain(Instant... times) {
        List<StoredAuditRecord> records = new ArrayList<>();
        ChainHead head = ChainHead.GENESIS;
        for (Instant time : times) {
            StoredAuditRecord record = next(head, time, "GetObject");
            records.add(record);
            head = new ChainHead(record.sequence(), record.hash());
        }
        return records;
    }

    static List<Long> sequences(List<StoredAuditRecord> records) {
        return records.stream().map(StoredAuditRecord::sequence).toList();
    }
}
