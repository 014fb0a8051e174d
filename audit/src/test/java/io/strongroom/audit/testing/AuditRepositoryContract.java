package io.strongroom.audit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.AuditConflictException;
import io.strongroom.audit.AuditLookupPage;
import io.strongroom.audit.AuditLookupQuery;
import io.strongroom.audit.AuditPurge;
import io.strongroom.audit.AuditRepository;
import io.strongroom.audit.ChainHash;
import io.strongroom.audit.ChainHead;
import io.strongroom.audit.ChainedRecord;
import io.strongroom.audit.EventCategory;
import io.strongroom.audit.HashChain;
import io.strongroom.audit.IndexedResource;
import io.strongroom.audit.LookupAttributeKey;
import io.strongroom.audit.LookupCursor;
import io.strongroom.audit.SignedDigest;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.audit.StoredSigningKey;
import io.strongroom.core.spi.Transactor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link AuditRepository} must show. An implementation's test extends this class
 * and opens an empty store in {@link #openEmpty()}, together with the transactor its calls join.
 */
public abstract class AuditRepositoryContract {
    protected static final String ACCOUNT = "111122223333";
    protected static final String OTHER_ACCOUNT = "444455556666";
    protected static final Instant T0 = Instant.parse("2025-03-04T05:06:07Z");

    /** The store under test and the transactor whose transactions its calls join. */
    public record Stores(AuditRepository repository, Transactor transactor) {
    }

    protected Stores stores;
    protected AuditRepository repository;
    protected Transactor transactor;

    /** Opens the store on an empty database. */
    protected abstract Stores openEmpty() throws Exception;

    /** Releases what {@link #openEmpty()} opened. */
    protected void close() throws Exception {
    }

    @BeforeEach
    public void openStores() throws Exception {
        stores = openEmpty();
        repository = stores.repository();
        transactor = stores.transactor();
    }

    @AfterEach
    public void closeStores() throws Exception {
        close();
    }

    // ---- the chain

    @Test
    public void anEmptyChainStartsAtGenesis() {
        assertThat(repository.chainHead()).isEqualTo(ChainHead.GENESIS);
        assertThat(transactor.inTransaction(repository::lockChainHead)).isEqualTo(ChainHead.GENESIS);
        assertThat(repository.readRange(1, Long.MAX_VALUE, 100)).isEmpty();
    }

    @Test
    public void appendedRecordsRoundTripAndMoveTheHead() {
        List<StoredAuditRecord> appended = appendInOneTransaction(
                event("CreateUser").username("alice").accessKeyId("AKIAEXAMPLE1").resource("AWS::IAM::User", "bob"),
                event("ListUsers").readOnly(true),
                event("GetObject").category(EventCategory.DATA).username(null).accessKeyId(null)
                        .resource("AWS::S3::Bucket", "reports").resource("AWS::S3::Object", "reports/q1.csv"));

        assertThat(repository.readRange(1, 3, 10)).containsExactlyElementsOf(appended);
        StoredAuditRecord last = appended.getLast();
        assertThat(repository.chainHead()).isEqualTo(new ChainHead(3, last.hash()));
        assertThat(transactor.inTransaction(repository::lockChainHead)).isEqualTo(new ChainHead(3, last.hash()));
        assertThat(last.username()).isNull();
        assertThat(last.accessKeyId()).isNull();
    }

    @Test
    public void theCanonicalJsonIsKeptExactly() {
        String text = "{\"eventName\":\"PutObject\",\"note\":\"caf\u00e9 \u20ac \ud83d\ude00 \\\"quoted\\\" \\u0000\","
                + "\"pad\":\"" + "x".repeat(200_000) + "\"}";
        StoredAuditRecord record = chain(ChainHead.GENESIS, event("PutObject").json(text));
        transactor.run(() -> {
            repository.lockChainHead();
            repository.append(List.of(record));
        });
        assertThat(repository.readRange(1, 1, 1)).singleElement()
                .satisfies(stored -> assertThat(stored.eventJson()).isEqualTo(text))
                .isEqualTo(record);
    }

    @Test
    public void appendsAcrossTransactionsContinueTheChain() {
        List<StoredAuditRecord> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.addAll(appendInOneTransaction(event("CreateUser"), event("DeleteUser")));
        }
        assertThat(repository.readRange(1, 10, 100)).containsExactlyElementsOf(all);
        assertThat(repository.chainHead().sequence()).isEqualTo(10);
    }

    @Test
    public void anEmptyAppendChangesNothing() {
        transactor.run(() -> {
            repository.lockChainHead();
            repository.append(List.of());
        });
        assertThat(repository.chainHead()).isEqualTo(ChainHead.GENESIS);
    }

    @Test
    public void anAppendThatSkipsASequenceIsRefused() {
        appendInOneTransaction(event("CreateUser"));
        ChainHead head = repository.chainHead();
        StoredAuditRecord skipping = chain(new ChainHead(head.sequence() + 1, head.hash()), event("DeleteUser"));
        assertRefusedAndNothingChanged(List.of(skipping));
    }

    @Test
    public void anAppendThatRepeatsASequenceIsRefused() {
        appendInOneTransaction(event("CreateUser"), event("CreateUser"));
        ChainHead head = repository.chainHead();
        StoredAuditRecord repeating = chain(new ChainHead(head.sequence() - 1, head.hash()), event("DeleteUser"));
        assertRefusedAndNothingChanged(List.of(repeating));
    }

    @Test
    public void anAppendWithTheWrongPreviousHashIsRefused() {
        appendInOneTransaction(event("CreateUser"));
        ChainHead head = repository.chainHead();
        StoredAuditRecord forked = chain(new ChainHead(head.sequence(), ChainHash.GENESIS), event("DeleteUser"));
        assertRefusedAndNothingChanged(List.of(forked));
    }

    @Test
    public void aBatchThatBreaksInTheMiddleIsRefusedWhole() {
        appendInOneTransaction(event("CreateUser"));
        ChainHead head = repository.chainHead();
        StoredAuditRecord first = chain(head, event("GetObject"));
        StoredAuditRecord unlinked = chain(new ChainHead(first.sequence(), head.hash()), event("GetObject"));
        assertRefusedAndNothingChanged(List.of(first, unlinked));

        StoredAuditRecord gap = chain(new ChainHead(first.sequence() + 1, first.hash()), event("GetObject"));
        assertRefusedAndNothingChanged(List.of(first, gap));
    }

    @Test
    public void aRolledBackTransactionTakesItsRecordsWithIt() {
        appendInOneTransaction(event("CreateUser"));
        ChainHead before = repository.chainHead();
        assertThatThrownBy(() -> transactor.run(() -> {
            ChainHead head = repository.lockChainHead();
            repository.append(List.of(chain(head, event("DeleteUser"))));
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(repository.chainHead()).isEqualTo(before);
        assertThat(repository.readRange(1, Long.MAX_VALUE, 100)).hasSize(1);
        appendInOneTransaction(event("DeleteUser"));
        assertThat(repository.chainHead().sequence()).isEqualTo(2);
    }

    @Test
    public void concurrentAppendersTakeTurns() throws Exception {
        int threads = 4;
        int transactionsEach = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < transactionsEach; i++) {
                        appendInOneTransaction(event("GetObject"), event("PutObject"));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int total = threads * transactionsEach * 2;
        List<StoredAuditRecord> records = repository.readRange(1, Long.MAX_VALUE, total + 1);
        assertThat(records).hasSize(total);
        ChainHead head = ChainHead.GENESIS;
        for (StoredAuditRecord record : records) {
            assertThat(record.sequence()).isEqualTo(head.sequence() + 1);
            assertThat(record.previousHash()).isEqualTo(head.hash());
            head = new ChainHead(record.sequence(), record.hash());
        }
        assertThat(repository.chainHead()).isEqualTo(head);
    }

    @Test
    public void rangesAreInclusiveOrderedAndLimited() {
        List<StoredAuditRecord> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            all.addAll(appendInOneTransaction(event("A"), event("B"), event("C")));
        }
        assertThat(repository.readRange(3, 7, 100)).containsExactlyElementsOf(all.subList(2, 7));
        assertThat(repository.readRange(3, 7, 2)).containsExactlyElementsOf(all.subList(2, 4));
        assertThat(repository.readRange(0, 1, 100)).containsExactly(all.getFirst());
        assertThat(repository.readRange(12, 20, 100)).containsExactly(all.getLast());
        assertThat(repository.readRange(13, 20, 100)).isEmpty();
        assertThat(repository.readRange(7, 3, 100)).isEmpty();
    }

    // ---- retention

    @Test
    public void aPrefixEndingWhereADigestEndsIsDeletedWithItsLookupEntries() {
        List<StoredAuditRecord> all = appendSix();
        insertDigestOver(all, 1, 3, T0);

        assertThat(repository.deletePrefix(3, T0.plusSeconds(3600))).isEqualTo(3);

        assertThat(repository.readRange(1, Long.MAX_VALUE, 100)).containsExactlyElementsOf(all.subList(3, 6));
        assertThat(repository.readRange(2, 4, 100)).containsExactly(all.get(3));
        assertThat(repository.latestPurge()).contains(new AuditPurge(3, all.get(2).hash(), T0.plusSeconds(3600)));
        assertThat(repository.chainHead()).isEqualTo(new ChainHead(6, all.getLast().hash()));
        assertThat(names(repository.lookup(query().maxResults(10).build()))).containsExactly("E6", "E5", "E4");
        assertThat(lookupNames(LookupAttributeKey.RESOURCE_NAME, "reports/1")).isEmpty();
        assertThat(lookupNames(LookupAttributeKey.RESOURCE_NAME, "reports/4")).containsExactly("E4");
        assertThat(lookupNames(LookupAttributeKey.EVENT_NAME, "E1")).isEmpty();
        assertThat(repository.listDigests(null, 10)).hasSize(1);
        // the chain goes on from the kept head
        appendInOneTransaction(event("E7"));
        assertThat(repository.readRange(1, Long.MAX_VALUE, 100)).hasSize(4);
    }

    @Test
    public void aPurgeThatDoesNotEndWhereADigestEndsIsRefused() {
        List<StoredAuditRecord> all = appendSix();
        insertDigestOver(all, 1, 3, T0);
        assertThatThrownBy(() -> repository.deletePrefix(2, T0)).isInstanceOf(AuditConflictException.class);
        // a digest that ends at the sequence but signed another head does not count
        transactor.run(() -> repository.insertDigest(new SignedDigest(T0.plusSeconds(60), T0.plusSeconds(120), 4, 4,
                all.get(2).hash(), new byte[] {1}, "key-1", bytes(64, 4))));
        assertThatThrownBy(() -> repository.deletePrefix(4, T0)).isInstanceOf(AuditConflictException.class);

        assertThat(repository.readRange(1, Long.MAX_VALUE, 100)).containsExactlyElementsOf(all);
        assertThat(repository.latestPurge()).isEmpty();
    }

    @Test
    public void theHeadsRecordIsNeverDeleted() {
        List<StoredAuditRecord> all = appendSix();
        insertDigestOver(all, 1, 6, T0);
        assertThatThrownBy(() -> repository.deletePrefix(6, T0)).isInstanceOf(AuditConflictException.class);
        assertThatThrownBy(() -> repository.deletePrefix(7, T0)).isInstanceOf(AuditConflictException.class);
        assertThat(repository.readRange(1, Long.MAX_VALUE, 100)).containsExactlyElementsOf(all);
        assertThat(repository.latestPurge()).isEmpty();
    }

    @Test
    public void aCutAtOrBeforeTheLatestPurgeDeletesNothingAndLaterCutsContinue() {
        List<StoredAuditRecord> all = appendSix();
        insertDigestOver(all, 1, 3, T0);
        insertDigestOver(all, 4, 5, T0.plusSeconds(60));
        assertThat(repository.deletePrefix(3, T0.plusSeconds(100))).isEqualTo(3);

        assertThat(repository.deletePrefix(3, T0.plusSeconds(200))).isZero();
        assertThat(repository.deletePrefix(1, T0.plusSeconds(200))).isZero();
        assertThat(repository.latestPurge().orElseThrow().purgedAt()).isEqualTo(T0.plusSeconds(100));

        assertThat(repository.deletePrefix(5, T0.plusSeconds(300))).isEqualTo(2);
        assertThat(repository.readRange(1, Long.MAX_VALUE, 100)).containsExactly(all.getLast());
        assertThat(repository.latestPurge()).contains(new AuditPurge(5, all.get(4).hash(), T0.plusSeconds(300)));
    }

    @Test
    public void aRolledBackPurgeDeletesNothing() {
        List<StoredAuditRecord> all = appendSix();
        insertDigestOver(all, 1, 3, T0);
        assertThatThrownBy(() -> transactor.run(() -> {
            repository.deletePrefix(3, T0);
            throw new IllegalStateException("the purge failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(repository.readRange(1, Long.MAX_VALUE, 100)).containsExactlyElementsOf(all);
        assertThat(repository.latestPurge()).isEmpty();
        assertThat(lookupNames(LookupAttributeKey.RESOURCE_NAME, "reports/1")).containsExactly("E1");
    }

    /** Records E1..E6 one per transaction, each naming the object reports/n. */
    private List<StoredAuditRecord> appendSix() {
        List<StoredAuditRecord> all = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            all.addAll(appendInOneTransaction(event("E" + i).at(T0.plusSeconds(i))
                    .resource("AWS::S3::Object", "reports/" + i)));
        }
        return all;
    }

    /** A digest over records first..last of {@code all} (1-based) that signs the real head hash. */
    protected void insertDigestOver(List<StoredAuditRecord> all, long first, long last, Instant start) {
        transactor.run(() -> repository.insertDigest(new SignedDigest(start, start.plusSeconds(60), first, last,
                all.get((int) last - 1).hash(), first == 1 ? new byte[0] : new byte[] {1}, "key-1",
                bytes(64, (int) last))));
    }

    // ---- LookupEvents

    @Test
    public void lookupReturnsNewestFirstAndPagesWithoutRepeats() {
        // eventTime does not follow sequence: records arrive out of time order, several share a second
        List<StoredAuditRecord> all = appendInOneTransaction(
                event("E1").at(T0.plusSeconds(5)), event("E2").at(T0.plusSeconds(1)),
                event("E3").at(T0.plusSeconds(5)), event("E4").at(T0.plusSeconds(3)),
                event("E5").at(T0.plusSeconds(5)), event("E6").at(T0));

        List<String> names = new ArrayList<>();
        LookupCursor cursor = null;
        int pages = 0;
        do {
            AuditLookupPage page = repository.lookup(query().after(cursor).maxResults(2).build());
            assertThat(page.records()).hasSizeLessThanOrEqualTo(2);
            page.records().forEach(record -> names.add(record.eventName()));
            cursor = page.next();
            pages++;
        } while (cursor != null);

        assertThat(names).containsExactly("E5", "E3", "E1", "E4", "E2", "E6");
        assertThat(pages).isEqualTo(3);
        assertThat(repository.lookup(query().maxResults(10).build()).records())
                .extracting(StoredAuditRecord::sequence).containsExactly(5L, 3L, 1L, 4L, 2L, 6L);
        assertThat(all).hasSize(6);
    }

    @Test
    public void aPageThatHoldsTheLastMatchHasNoNextCursor() {
        appendInOneTransaction(event("E1"), event("E2"));
        AuditLookupPage exact = repository.lookup(query().maxResults(2).build());
        assertThat(exact.records()).hasSize(2);
        assertThat(exact.next()).isNull();

        AuditLookupPage partial = repository.lookup(query().maxResults(1).build());
        assertThat(partial.records()).extracting(StoredAuditRecord::eventName).containsExactly("E2");
        assertThat(partial.next()).isEqualTo(new LookupCursor(partial.records().getFirst().eventTime(), 2));

    }

    @Test
    public void lookupByEachAttribute() {
        appendInOneTransaction(
                event("CreateUser").source("iam.amazonaws.com").username("alice").accessKeyId("AKIAALICE")
                        .resource("AWS::IAM::User", "bob"),
                event("ListUsers").source("iam.amazonaws.com").username("bob").accessKeyId("AKIABOB").readOnly(true),
                event("GetObject").source("s3.amazonaws.com").username("alice").accessKeyId("ASIATEMP")
                        .readOnly(true).category(EventCategory.DATA)
                        .resource("AWS::S3::Bucket", "reports").resource("AWS::S3::Object", "reports/q1.csv"),
                event("Decrypt").source("kms.amazonaws.com").username(null).accessKeyId(null).readOnly(true)
                        .resource("AWS::KMS::Key", "arn:aws:kms:us-east-1:111122223333:key/k1"));

        assertThat(lookupNames(LookupAttributeKey.EVENT_NAME, "ListUsers")).containsExactly("ListUsers");
        assertThat(lookupNames(LookupAttributeKey.EVENT_SOURCE, "iam.amazonaws.com"))
                .containsExactly("ListUsers", "CreateUser");
        assertThat(lookupNames(LookupAttributeKey.USERNAME, "alice")).containsExactly("GetObject", "CreateUser");
        assertThat(lookupNames(LookupAttributeKey.USERNAME, "Alice")).isEmpty();
        assertThat(lookupNames(LookupAttributeKey.ACCESS_KEY_ID, "AKIABOB")).containsExactly("ListUsers");
        assertThat(lookupNames(LookupAttributeKey.READ_ONLY, "true")).containsExactly("Decrypt", "GetObject", "ListUsers");
        assertThat(lookupNames(LookupAttributeKey.READ_ONLY, "false")).containsExactly("CreateUser");
        assertThat(lookupNames(LookupAttributeKey.RESOURCE_TYPE, "AWS::S3::Object")).containsExactly("GetObject");
        assertThat(lookupNames(LookupAttributeKey.RESOURCE_NAME, "reports")).containsExactly("GetObject");
        assertThat(lookupNames(LookupAttributeKey.RESOURCE_NAME, "bob")).containsExactly("CreateUser");
        assertThat(lookupNames(LookupAttributeKey.RESOURCE_NAME, "arn:aws:kms:us-east-1:111122223333:key/k1"))
                .containsExactly("Decrypt");
        assertThat(lookupNames(LookupAttributeKey.RESOURCE_NAME, "report")).isEmpty();

        String eventId = repository.readRange(2, 2, 1).getFirst().eventId();
        assertThat(lookupNames(LookupAttributeKey.EVENT_ID, eventId)).containsExactly("ListUsers");
    }

    @Test
    public void aResourceMatchingTwiceReturnsTheRecordOnce() {
        appendInOneTransaction(event("CopyObject")
                .resource("AWS::S3::Object", "a/1").resource("AWS::S3::Object", "a/2"));
        assertThat(lookupNames(LookupAttributeKey.RESOURCE_TYPE, "AWS::S3::Object")).containsExactly("CopyObject");
    }

    @Test
    public void lookupTimeBoundsAreInclusive() {
        appendInOneTransaction(event("E0").at(T0), event("E1").at(T0.plusSeconds(1)),
                event("E2").at(T0.plusSeconds(2)), event("E3").at(T0.plusSeconds(3)));
        assertThat(names(repository.lookup(query().start(T0.plusSeconds(1)).end(T0.plusSeconds(2)).build())))
                .containsExactly("E2", "E1");
        assertThat(names(repository.lookup(query().start(T0.plusSeconds(3)).build()))).containsExactly("E3");
        assertThat(names(repository.lookup(query().end(T0).build()))).containsExactly("E0");
        assertThat(names(repository.lookup(query().start(T0.plusSeconds(4)).build()))).isEmpty();
    }

    @Test
    public void lookupIsScopedToTheAccountAndCategoryAndCombinesFilters() {
        appendInOneTransaction(
                event("CreateUser").account(ACCOUNT).at(T0),
                event("CreateUser").account(OTHER_ACCOUNT).at(T0.plusSeconds(1)),
                event("GetObject").account(ACCOUNT).category(EventCategory.DATA).at(T0.plusSeconds(2)),
                event("CreateUser").account(ACCOUNT).at(T0.plusSeconds(3)));

        assertThat(repository.lookup(query().account(OTHER_ACCOUNT).build()).records())
                .extracting(StoredAuditRecord::sequence).containsExactly(2L);
        assertThat(repository.lookup(query().account(ACCOUNT).category(EventCategory.MANAGEMENT).build()).records())
                .extracting(StoredAuditRecord::sequence).containsExactly(4L, 1L);
        assertThat(repository.lookup(query().account(ACCOUNT).category(EventCategory.DATA).build()).records())
                .extracting(StoredAuditRecord::sequence).containsExactly(3L);
        assertThat(repository.lookup(query().account(ACCOUNT).attribute(LookupAttributeKey.EVENT_NAME, "CreateUser")
                .end(T0.plusSeconds(2)).build()).records())
                .extracting(StoredAuditRecord::sequence).containsExactly(1L);
        assertThat(repository.lookup(query().account("999999999999").build()).records()).isEmpty();
    }

    // ---- signed digests

    @Test
    public void digestsRoundTripInOrder() {
        assertThat(repository.latestDigest()).isEmpty();
        assertThat(repository.listDigests(null, 10)).isEmpty();

        SignedDigest first = digest(T0, T0.plusSeconds(60), 1, 5, new byte[0]);
        SignedDigest empty = digest(T0.plusSeconds(60), T0.plusSeconds(120), 6, 5, first.signature());
        SignedDigest third = digest(T0.plusSeconds(120), T0.plusSeconds(180), 6, 9, empty.signature());
        transactor.run(() -> {
            repository.insertDigest(first);
            repository.insertDigest(empty);
            repository.insertDigest(third);
        });

        assertThat(repository.latestDigest()).contains(third);
        assertThat(repository.listDigests(null, 10)).containsExactly(first, empty, third);
        assertThat(repository.listDigests(null, 2)).containsExactly(first, empty);
        assertThat(repository.listDigests(first.digestEnd(), 10)).containsExactly(empty, third);
        assertThat(repository.listDigests(T0.plusSeconds(119), 10)).containsExactly(empty, third);
        assertThat(repository.listDigests(third.digestEnd(), 10)).isEmpty();
        assertThat(repository.listDigests(null, 10).getFirst().previousDigestSignature()).isEmpty();
    }

    @Test
    public void twoDigestsForTheSameIntervalAreRefused() {
        SignedDigest first = digest(T0, T0.plusSeconds(60), 1, 5, new byte[0]);
        repository.insertDigest(first);

        SignedDigest sameStart = digest(T0, T0.plusSeconds(61), 1, 6, new byte[0]);
        assertThatThrownBy(() -> repository.insertDigest(sameStart)).isInstanceOf(AuditConflictException.class);
        SignedDigest sameEnd = digest(T0.plusSeconds(1), T0.plusSeconds(60), 2, 5, new byte[0]);
        assertThatThrownBy(() -> repository.insertDigest(sameEnd)).isInstanceOf(AuditConflictException.class);

        assertThat(repository.listDigests(null, 10)).containsExactly(first);
    }

    @Test
    public void aRolledBackTransactionTakesItsDigestWithIt() {
        assertThatThrownBy(() -> transactor.run(() -> {
            repository.insertDigest(digest(T0, T0.plusSeconds(60), 1, 0, new byte[0]));
            throw new IllegalStateException("signing failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(repository.latestDigest()).isEmpty();
    }

    // ---- signing keys

    @Test
    public void signingKeysRoundTripOldestFirst() {
        assertThat(repository.listSigningKeys()).isEmpty();
        StoredSigningKey newer = new StoredSigningKey("key-b", bytes(48, 1), bytes(44, 2), T0.plusSeconds(10));
        StoredSigningKey older = new StoredSigningKey("key-c", bytes(48, 3), bytes(44, 4), T0);
        StoredSigningKey sameTime = new StoredSigningKey("key-a", bytes(48, 5), bytes(44, 6), T0.plusSeconds(10));
        repository.insertSigningKey(newer);
        repository.insertSigningKey(older);
        repository.insertSigningKey(sameTime);

        assertThat(repository.findSigningKey("key-b")).contains(newer);
        assertThat(repository.findSigningKey("key-z")).isEmpty();
        assertThat(repository.listSigningKeys()).containsExactly(older, sameTime, newer);
        assertThatThrownBy(() -> repository.insertSigningKey(
                new StoredSigningKey("key-b", bytes(48, 7), bytes(44, 8), T0)))
                .isInstanceOf(AuditConflictException.class);
        assertThat(repository.findSigningKey("key-b")).contains(newer);
    }

    @Test
    public void aWrappedPrivateKeyIsReplacedOnlyIfUnchanged() {
        StoredSigningKey key = new StoredSigningKey("key-a", bytes(48, 1), bytes(44, 2), T0);
        repository.insertSigningKey(key);

        assertThat(repository.replaceWrappedPrivateKey("key-a", bytes(48, 9), bytes(60, 3))).isFalse();
        assertThat(repository.replaceWrappedPrivateKey("key-z", bytes(48, 1), bytes(60, 3))).isFalse();
        assertThat(repository.findSigningKey("key-a")).contains(key);

        assertThat(repository.replaceWrappedPrivateKey("key-a", bytes(48, 1), bytes(60, 3))).isTrue();
        assertThat(repository.findSigningKey("key-a"))
                .contains(new StoredSigningKey("key-a", bytes(60, 3), bytes(44, 2), T0));
        assertThat(repository.replaceWrappedPrivateKey("key-a", bytes(48, 1), bytes(60, 4))).isFalse();
    }

    // ---- helpers

    /** Appends the events after the current head in one transaction and returns the stored records. */
    protected List<StoredAuditRecord> appendInOneTransaction(EventBuilder... events) {
        return transactor.inTransaction(() -> {
            ChainHead head = repository.lockChainHead();
            List<StoredAuditRecord> records = new ArrayList<>();
            for (EventBuilder event : events) {
                StoredAuditRecord record = chain(head, event);
                records.add(record);
                head = new ChainHead(record.sequence(), record.hash());
            }
            repository.append(records);
            return records;
        });
    }

    private void assertRefusedAndNothingChanged(List<StoredAuditRecord> records) {
        ChainHead before = repository.chainHead();
        List<StoredAuditRecord> stored = repository.readRange(1, Long.MAX_VALUE, 1000);
        assertThatThrownBy(() -> transactor.run(() -> {
            repository.lockChainHead();
            repository.append(records);
        })).isInstanceOf(AuditConflictException.class);
        assertThat(repository.chainHead()).isEqualTo(before);
        assertThat(repository.readRange(1, Long.MAX_VALUE, 1000)).isEqualTo(stored);
    }

    /** The record that follows {@code head}, with a correct hash. */
    protected static StoredAuditRecord chain(ChainHead head, EventBuilder event) {
        String json = event.json != null ? event.json
                : "{\"eventID\":\"" + event.eventId + "\",\"eventName\":\"" + event.name + "\"}";
        ChainedRecord link = HashChain.next(head, json);
        return new StoredAuditRecord(link.sequence(), event.time, event.eventId, event.source, event.name,
                "us-east-1", event.account, event.username, event.accessKeyId, event.readOnly, event.category,
                event.resources, json, link.previousHash(), link.hash());
    }

    protected static EventBuilder event(String name) {
        return new EventBuilder(name);
    }

    /** The attributes of a test record; defaults: a management write by alice at T0 in ACCOUNT. */
    protected static final class EventBuilder {
        private static int counter;
        private final String name;
        private final String eventId;
        private Instant time = T0;
        private String source = "iam.amazonaws.com";
        private String account = ACCOUNT;
        private String username = "alice";
        private String accessKeyId = "AKIAIOSFODNN7EXAMPLE";
        private boolean readOnly;
        private EventCategory category = EventCategory.MANAGEMENT;
        private final List<IndexedResource> resources = new ArrayList<>();
        private String json;

        private EventBuilder(String name) {
            this.name = name;
            synchronized (EventBuilder.class) {
                counter++;
                this.eventId = String.format("00000000-0000-4000-8000-%012d", counter);
            }
        }

        public EventBuilder at(Instant eventTime) {
            this.time = eventTime;
            return this;
        }

        public EventBuilder source(String eventSource) {
            this.source = eventSource;
            return this;
        }

        public EventBuilder account(String recipientAccountId) {
            this.account = recipientAccountId;
            return this;
        }

        public EventBuilder username(String name) {
            this.username = name;
            return this;
        }

        public EventBuilder accessKeyId(String id) {
            this.accessKeyId = id;
            return this;
        }

        public EventBuilder readOnly(boolean value) {
            this.readOnly = value;
            return this;
        }

        public EventBuilder category(EventCategory value) {
            this.category = value;
            return this;
        }

        public EventBuilder resource(String type, String resourceName) {
            resources.add(new IndexedResource(type, resourceName));
            return this;
        }

        public EventBuilder json(String canonicalJson) {
            this.json = canonicalJson;
            return this;
        }
    }

    private List<String> lookupNames(LookupAttributeKey key, String value) {
        return names(repository.lookup(query().attribute(key, value).build()));
    }

    private static List<String> names(AuditLookupPage page) {
        return page.records().stream().map(StoredAuditRecord::eventName).toList();
    }

    protected static QueryBuilder query() {
        return new QueryBuilder();
    }

    /** Builds an {@link AuditLookupQuery}; unset filters are null (any). */
    protected static final class QueryBuilder {
        private String account;
        private LookupAttributeKey key;
        private String value;
        private Instant start;
        private Instant end;
        private EventCategory category;
        private LookupCursor after;
        private int maxResults = 50;

        public QueryBuilder account(String recipientAccountId) {
            this.account = recipientAccountId;
            return this;
        }

        public QueryBuilder attribute(LookupAttributeKey attributeKey, String attributeValue) {
            this.key = attributeKey;
            this.value = attributeValue;
            return this;
        }

        public QueryBuilder start(Instant startTime) {
            this.start = startTime;
            return this;
        }

        public QueryBuilder end(Instant endTime) {
            this.end = endTime;
            return this;
        }

        public QueryBuilder category(EventCategory eventCategory) {
            this.category = eventCategory;
            return this;
        }

        public QueryBuilder after(LookupCursor cursor) {
            this.after = cursor;
            return this;
        }

        public QueryBuilder maxResults(int max) {
            this.maxResults = max;
            return this;
        }

        public AuditLookupQuery build() {
            return new AuditLookupQuery(account, key, value, start, end, category, after, maxResults);
        }
    }

    protected static SignedDigest digest(Instant start, Instant end, long first, long last, byte[] previousSignature) {
        return new SignedDigest(start, end, first, last, ChainHash.of(bytes(32, (int) last)), previousSignature,
                "key-1", bytes(64, (int) (end.getEpochSecond() % 100)));
    }

    protected static byte[] bytes(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return bytes;
    }
}
