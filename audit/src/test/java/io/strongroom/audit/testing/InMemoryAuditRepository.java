package io.strongroom.audit.testing;

import io.strongroom.audit.AuditConflictException;
import io.strongroom.audit.AuditLookupPage;
import io.strongroom.audit.AuditLookupQuery;
import io.strongroom.audit.AuditPurge;
import io.strongroom.audit.AuditRepository;
import io.strongroom.audit.ChainHead;
import io.strongroom.audit.IndexedResource;
import io.strongroom.audit.LookupCursor;
import io.strongroom.audit.SignedDigest;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.audit.StoredSigningKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The {@link AuditRepository} contract in memory, for tests. Appenders take turns through
 * {@link InMemoryAuditTransactor}, which runs one transaction at a time (as SQLite's write lock
 * does) and rolls back to a {@link #snapshot()} when the work throws.
 */
public final class InMemoryAuditRepository implements AuditRepository {

    private static final Comparator<StoredAuditRecord> NEWEST_FIRST =
            Comparator.comparing(StoredAuditRecord::eventTime).thenComparingLong(StoredAuditRecord::sequence).reversed();

    /**
     * All state; records, digests and keys are immutable, so shallow copies make a snapshot.
     * {@code records} holds the kept records: sequence {@code purgedThrough + 1} sits at index 0.
     */
    private static final class State {
        ChainHead head = ChainHead.GENESIS;
        List<StoredAuditRecord> records = new ArrayList<>();
        long purgedThrough;
        List<AuditPurge> purges = new ArrayList<>();
        TreeMap<Instant, SignedDigest> digestsByEnd = new TreeMap<>();
        List<StoredSigningKey> keys = new ArrayList<>();

        State copy() {
            State copy = new State();
            copy.head = head;
            copy.records = new ArrayList<>(records);
            copy.purgedThrough = purgedThrough;
            copy.purges = new ArrayList<>(purges);
            copy.digestsByEnd = new TreeMap<>(digestsByEnd);
            copy.keys = new ArrayList<>(keys);
            return copy;
        }
    }

    private State state = new State();

    public synchronized Object snapshot() {
        return state.copy();
    }

    public synchronized void restore(Object snapshot) {
        state = ((State) snapshot).copy();
    }

    // ---- the chain

    @Override
    public synchronized ChainHead lockChainHead() {
        return state.head;
    }

    @Override
    public synchronized ChainHead chainHead() {
        return state.head;
    }

    @Override
    public synchronized void append(List<StoredAuditRecord> records) {
        ChainHead head = state.head;
        for (StoredAuditRecord record : records) {
            if (record.sequence() != head.sequence() + 1 || !record.previousHash().equals(head.hash())) {
                throw new AuditConflictException("record " + record.sequence() + " does not continue the chain head "
                        + head.sequence());
            }
            head = new ChainHead(record.sequence(), record.hash());
        }
        state.records.addAll(records);
        state.head = head;
    }

    @Override
    public synchronized List<StoredAuditRecord> readRange(long fromSequence, long toSequence, int limit) {
        List<StoredAuditRecord> range = new ArrayList<>();
        // sequence n sits at index n - purgedThrough - 1 because sequences have no gaps
        long first = Math.max(fromSequence, state.purgedThrough + 1);
        long last = state.purgedThrough + state.records.size();
        for (long sequence = first; sequence <= toSequence && sequence <= last && range.size() < limit; sequence++) {
            range.add(state.records.get((int) (sequence - state.purgedThrough - 1)));
        }
        return range;
    }

    // ---- retention

    @Override
    public synchronized long deletePrefix(long throughSequence, Instant purgedAt) {
        if (throughSequence <= state.purgedThrough) {
            return 0;
        }
        if (throughSequence >= state.head.sequence()) {
            throw new AuditConflictException("record " + throughSequence + " is not before the chain head "
                    + state.head.sequence() + ": the head's record is never deleted");
        }
        StoredAuditRecord last = state.records.get((int) (throughSequence - state.purgedThrough - 1));
        boolean digestEndsThere = state.digestsByEnd.values().stream()
                .anyMatch(digest -> digest.lastSequence() == throughSequence && digest.headHash().equals(last.hash()));
        if (!digestEndsThere) {
            throw new AuditConflictException("no digest ends at record " + throughSequence
                    + ": a purge must end where a digest ends");
        }
        int deleted = (int) (throughSequence - state.purgedThrough);
        state.records = new ArrayList<>(state.records.subList(deleted, state.records.size()));
        state.purgedThrough = throughSequence;
        state.purges.add(new AuditPurge(throughSequence, last.hash(), purgedAt));
        return deleted;
    }

    @Override
    public synchronized Optional<AuditPurge> latestPurge() {
        return state.purges.isEmpty() ? Optional.empty() : Optional.of(state.purges.getLast());
    }

    // ---- LookupEvents

    @Override
    public synchronized AuditLookupPage lookup(AuditLookupQuery query) {
        List<StoredAuditRecord> matches = state.records.stream()
                .filter(matcher(query))
                .sorted(NEWEST_FIRST)
                .filter(record -> query.after() == null || isOlder(record, query.after()))
                .limit(query.maxResults() + 1L)
                .toList();
        if (matches.size() <= query.maxResults()) {
            return new AuditLookupPage(matches, null);
        }
        List<StoredAuditRecord> page = matches.subList(0, query.maxResults());
        StoredAuditRecord last = page.getLast();
        return new AuditLookupPage(page, new LookupCursor(last.eventTime(), last.sequence()));
    }

    private static boolean isOlder(StoredAuditRecord record, LookupCursor cursor) {
        int byTime = record.eventTime().compareTo(cursor.eventTime());
        return byTime < 0 || (byTime == 0 && record.sequence() < cursor.sequence());
    }

    private static Predicate<StoredAuditRecord> matcher(AuditLookupQuery query) {
        Predicate<StoredAuditRecord> matches = record -> true;
        if (query.recipientAccountId() != null) {
            matches = matches.and(record -> record.recipientAccountId().equals(query.recipientAccountId()));
        }
        if (query.startTime() != null) {
            matches = matches.and(record -> !record.eventTime().isBefore(query.startTime()));
        }
        if (query.endTime() != null) {
            matches = matches.and(record -> !record.eventTime().isAfter(query.endTime()));
        }
        if (query.eventCategory() != null) {
            matches = matches.and(record -> record.eventCategory() == query.eventCategory());
        }
        if (query.attributeKey() != null) {
            String value = query.attributeValue();
            matches = matches.and(switch (query.attributeKey()) {
                case EVENT_ID -> record -> record.eventId().equals(value);
                case EVENT_NAME -> record -> record.eventName().equals(value);
                case READ_ONLY -> record -> Boolean.toString(record.readOnly()).equals(value);
                case USERNAME -> record -> value.equals(record.username());
                case RESOURCE_TYPE -> record -> record.resources().stream()
                        .map(IndexedResource::type).anyMatch(value::equals);
                case RESOURCE_NAME -> record -> record.resources().stream()
                        .map(IndexedResource::name).anyMatch(value::equals);
                case EVENT_SOURCE -> record -> record.eventSource().equals(value);
                case ACCESS_KEY_ID -> record -> value.equals(record.accessKeyId());
            });
        }
        return matches;
    }

    // ---- signed digests

    @Override
    public synchronized void insertDigest(SignedDigest digest) {
        boolean sameStart = state.digestsByEnd.values().stream()
                .anyMatch(stored -> stored.digestStart().equals(digest.digestStart()));
        if (sameStart || state.digestsByEnd.containsKey(digest.digestEnd())) {
            throw new AuditConflictException("a digest for the interval starting " + digest.digestStart()
                    + " or ending " + digest.digestEnd() + " exists");
        }
        state.digestsByEnd.put(digest.digestEnd(), digest);
    }

    @Override
    public synchronized Optional<SignedDigest> latestDigest() {
        return state.digestsByEnd.isEmpty() ? Optional.empty() : Optional.of(state.digestsByEnd.lastEntry().getValue());
    }

    @Override
    public synchronized List<SignedDigest> listDigests(Instant endAfter, int limit) {
        var after = endAfter == null ? state.digestsByEnd : state.digestsByEnd.tailMap(endAfter, false);
        return after.values().stream().limit(limit).toList();
    }

    // ---- signing keys

    @Override
    public synchronized void insertSigningKey(StoredSigningKey key) {
        if (findSigningKey(key.keyId()).isPresent()) {
            throw new AuditConflictException("signing key " + key.keyId() + " exists");
        }
        state.keys.add(key);
    }

    @Override
    public synchronized Optional<StoredSigningKey> findSigningKey(String keyId) {
        return state.keys.stream().filter(key -> key.keyId().equals(keyId)).findFirst();
    }

    @Override
    public synchronized List<StoredSigningKey> listSigningKeys() {
        return state.keys.stream()
                .sorted(Comparator.comparing(StoredSigningKey::created).thenComparing(StoredSigningKey::keyId))
                .toList();
    }

    @Override
    public synchronized boolean replaceWrappedPrivateKey(String keyId, byte[] expectedWrapped, byte[] newWrapped) {
        for (int i = 0; i < state.keys.size(); i++) {
            StoredSigningKey key = state.keys.get(i);
            if (key.keyId().equals(keyId)) {
                if (!Arrays.equals(key.wrappedPrivateKey(), expectedWrapped)) {
                    return false;
                }
                state.keys.set(i, new StoredSigningKey(keyId, newWrapped, key.publicKey(), key.created()));
                return true;
            }
        }
        return false;
    }
}
