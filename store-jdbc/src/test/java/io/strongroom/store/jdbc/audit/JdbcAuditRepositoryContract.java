package io.strongroom.store.jdbc.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.AuditConflictException;
import io.strongroom.audit.AuditLookupPage;
import io.strongroom.audit.AuditLookupQuery;
import io.strongroom.audit.AuditRepository;
import io.strongroom.audit.ChainHash;
import io.strongroom.audit.ChainHead;
import io.strongroom.audit.EventCategory;
import io.strongroom.audit.IndexedResource;
import io.strongroom.audit.LookupAttributeKey;
import io.strongroom.audit.LookupCursor;
import io.strongroom.audit.SignedDigest;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.audit.StoredSigningKey;
import io.strongroom.audit.testing.AuditRepositoryContract;
import io.strongroom.core.spi.Transactor;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import io.strongroom.store.jdbc.StoreException;
import io.strongroom.store.jdbc.Vendor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The audit repository contract on one vendor, plus what only the JDBC store has to show. */
abstract class JdbcAuditRepositoryContract extends AuditRepositoryContract {
    Database database;

    /** Opens the store on an empty database. */
    abstract Database openEmptyDatabase() throws Exception;

    /** Opens a second store on the same database, as another node (its own pool and locks) would. */
    abstract Database openSecondNode() throws Exception;

    @Override
    protected Stores openEmpty() throws Exception {
        database = openEmptyDatabase();
        JdbcTransactor tx = database.transactor();
        return new Stores(new JdbcAuditRepository(tx, database.vendor()), tx);
    }

    @Override
    protected void close() {
        database.close();
    }

    @Test
    public void aDigestConflictInsideACallersTransactionLeavesItUsable() {
        appendInOneTransaction(event("CreateUser"));
        SignedDigest digest = digest(T0, T0.plusSeconds(60), 1, 1, new byte[0]);
        transactor.run(() -> {
            ChainHead head = repository.lockChainHead();
            repository.insertDigest(digest);
            assertThatThrownBy(() -> repository.insertDigest(digest)).isInstanceOf(AuditConflictException.class);
            // PostgreSQL refuses every later statement of a transaction whose statement failed, unless
            // the failure was confined to a savepoint.
            repository.append(List.of(chain(head, event("DeleteUser"))));
        });
        assertThat(repository.chainHead().sequence()).isEqualTo(2);
        assertThat(repository.latestDigest()).contains(digest);
    }

    @Test
    public void aFailedAppendRollsBackTheCallersWholeTransactionEvenWhenTheCallerCatchesIt() {
        appendInOneTransaction(event("CreateUser"));
        SignedDigest digest = digest(T0, T0.plusSeconds(60), 1, 1, new byte[0]);
        // the append has no savepoint of its own, so its failure cannot be taken back alone
        assertThatThrownBy(() -> transactor.run(() -> {
            ChainHead head = repository.lockChainHead();
            repository.insertDigest(digest);
            assertThatThrownBy(() -> repository.append(List.of(chain(new ChainHead(head.sequence(), ChainHash.GENESIS),
                    event("DeleteUser"))))).isInstanceOf(AuditConflictException.class);
        })).isInstanceOf(StoreException.class).hasRootCauseInstanceOf(AuditConflictException.class);
        assertThat(repository.chainHead().sequence()).isEqualTo(1);
        assertThat(repository.latestDigest()).isEmpty();
        // and the store takes the next append
        appendInOneTransaction(event("DeleteUser"));
        assertThat(repository.chainHead().sequence()).isEqualTo(2);
    }

    @Test
    public void lockingTheHeadOutsideATransactionIsRefused() {
        assertThatThrownBy(repository::lockChainHead).isInstanceOf(IllegalStateException.class);
    }

    @Test
    public void theDatabaseRefusesToChangeOrDeleteTheTrail() {
        appendInOneTransaction(event("CreateUser").resource("AWS::IAM::User", "bob"));
        repository.insertDigest(digest(T0, T0.plusSeconds(60), 1, 1, new byte[0]));
        StoredSigningKey key = new StoredSigningKey("key-a", bytes(48, 1), bytes(44, 2), T0);
        repository.insertSigningKey(key);
        List<StoredAuditRecord> before = repository.readRange(1, 1, 1);

        assertRefused("UPDATE audit_records SET event_name = 'Nothing'");
        assertRefused("DELETE FROM audit_records");
        assertRefused("UPDATE audit_resource_terms SET term_value = 'carol'");
        assertRefused("DELETE FROM audit_resource_terms");
        assertRefused("UPDATE audit_digests SET last_sequence = 0");
        assertRefused("DELETE FROM audit_digests");
        assertRefused("DELETE FROM audit_signing_keys");
        assertRefused("UPDATE audit_signing_keys SET public_key = wrapped_private_key");
        assertRefused("UPDATE audit_chain_head SET sequence = 0");
        assertRefused("DELETE FROM audit_chain_head");
        if (database.vendor() == Vendor.POSTGRESQL) {
            assertRefused("TRUNCATE audit_resource_terms, audit_records");
            assertRefused("TRUNCATE audit_digests");
        }

        assertThat(repository.readRange(1, 1, 1)).isEqualTo(before);
        assertThat(repository.chainHead().sequence()).isEqualTo(1);
        assertThat(repository.listDigests(null, 10)).hasSize(1);
        assertThat(repository.findSigningKey("key-a")).contains(key);
    }

    @Test
    public void theDatabaseLetsOnlyAPurgeDeleteAndOnlyWhatItCovers() {
        List<StoredAuditRecord> all = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            all.addAll(appendInOneTransaction(event("E" + i).resource("AWS::S3::Object", "reports/" + i)
                    .resource("AWS::S3::Bucket", "reports")));
        }
        insertDigestOver(all, 1, 3, T0);
        insertDigestOver(all, 4, 6, T0.plusSeconds(60));

        // a purge row only where a digest ends with that head, after the last purge, before the head
        assertRefusedPurge(2, all.get(1).hash().bytes());
        assertRefusedPurge(3, all.get(1).hash().bytes());
        assertRefusedPurge(6, all.get(5).hash().bytes());
        assertThat(repository.latestPurge()).isEmpty();

        assertThat(repository.deletePrefix(3, T0.plusSeconds(3600))).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM audit_resource_terms WHERE sequence <= 3")).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_resource_terms WHERE sequence > 3")).isEqualTo(12);
        assertRefused("DELETE FROM audit_records WHERE sequence = 4");
        assertRefused("DELETE FROM audit_resource_terms WHERE sequence = 4");
        assertRefused("UPDATE audit_purges SET through_sequence = 5");
        assertRefused("DELETE FROM audit_purges");
        assertRefusedPurge(3, all.get(2).hash().bytes());
        assertThat(repository.readRange(1, 10, 10)).containsExactlyElementsOf(all.subList(3, 6));
    }

    private void assertRefusedPurge(long through, byte[] anchor) {
        assertThatThrownBy(() -> database.transactor().withConnection(c -> Sql.update(c,
                "INSERT INTO audit_purges (through_sequence, anchor_hash, purged_at) VALUES (?, ?, ?)",
                through, anchor, T0.toEpochMilli())))
                .isInstanceOf(StoreException.class)
                .rootCause().hasMessageContaining("an audit purge must end where a digest ends");
    }

    private long count(String sql) {
        return database.transactor().withConnection(c -> Sql.count(c, sql));
    }

    @Test
    public void twoNodesAppendingTakeTurnsOnTheChainHead() throws Exception {
        try (Database secondNode = openSecondNode()) {
            JdbcAuditRepository second = new JdbcAuditRepository(secondNode.transactor(), secondNode.vendor());
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<?> first = threads.submit(() -> appendRepeatedly(repository, transactor));
                Future<?> other = threads.submit(() -> appendRepeatedly(second, secondNode.transactor()));
                first.get();
                other.get();
            } finally {
                threads.shutdownNow();
            }
        }
        List<StoredAuditRecord> records = repository.readRange(1, Long.MAX_VALUE, 1000);
        assertThat(records).hasSize(2 * 20 * 3);
        ChainHead head = ChainHead.GENESIS;
        for (StoredAuditRecord record : records) {
            assertThat(record.sequence()).isEqualTo(head.sequence() + 1);
            assertThat(record.previousHash()).isEqualTo(head.hash());
            head = new ChainHead(record.sequence(), record.hash());
        }
        assertThat(repository.chainHead()).isEqualTo(head);
    }

    @Test
    public void aLargeBatchKeepsEveryRecordsResources() {
        EventBuilder[] events = new EventBuilder[601];
        for (int i = 0; i < events.length; i++) {
            events[i] = event("GetObject").category(EventCategory.DATA).at(T0.plusSeconds(i))
                    .resource("AWS::S3::Bucket", "reports").resource("AWS::S3::Object", "reports/" + i);
        }
        List<StoredAuditRecord> appended = appendInOneTransaction(events);

        List<StoredAuditRecord> found = repository.lookup(query().maxResults(1000).build()).records();
        assertThat(found).hasSize(601).containsExactlyElementsOf(appended.reversed());
        assertThat(repository.readRange(1, 601, 1000)).containsExactlyElementsOf(appended);
        assertThat(found.getFirst().resources()).containsExactly(new IndexedResource("AWS::S3::Bucket", "reports"),
                new IndexedResource("AWS::S3::Object", "reports/600"));
    }

    @Test
    public void aReadOnlyValueOtherThanTrueOrFalseMatchesNothing() {
        appendInOneTransaction(event("ListUsers").readOnly(true), event("CreateUser"));
        assertThat(repository.lookup(query().attribute(LookupAttributeKey.READ_ONLY, "TRUE").build()).records()).isEmpty();
        assertThat(repository.lookup(query().attribute(LookupAttributeKey.READ_ONLY, "1").build()).records()).isEmpty();
    }

    @Test
    public void instantsFinerThanAMillisecondAreRefusedNotTruncated() {
        assertThatThrownBy(() -> repository.insertDigest(digest(T0, T0.plusSeconds(60).plusNanos(1), 1, 0, new byte[0])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repository.insertSigningKey(
                new StoredSigningKey("key-a", bytes(48, 1), bytes(44, 2), T0.plusNanos(1_000))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(repository.listDigests(null, 10)).isEmpty();
        assertThat(repository.listSigningKeys()).isEmpty();
    }

    @Test
    public void boundsAndCursorsBetweenMillisecondsCompareExactly() {
        appendInOneTransaction(event("E0").at(T0), event("E1").at(T0.plusMillis(1)), event("E2").at(T0.plusMillis(2)));
        assertThat(lookup(new AuditLookupQuery(null, null, null, T0.plusNanos(1), T0.plusMillis(2).minusNanos(1),
                null, null, 10))).containsExactly("E1");
        // every record at or before T0 + 1 ms is older than a cursor half a millisecond later
        assertThat(lookup(new AuditLookupQuery(null, null, null, null, null, null,
                new LookupCursor(T0.plusMillis(1).plusNanos(500_000), 1), 10))).containsExactly("E1", "E0");
        assertThat(repository.listDigests(T0.plusNanos(1), 10)).isEmpty();
    }

    @Test
    public void eventIdsCompareExactlyWhateverTheirForm() {
        List<String> ids = List.of("A0000000-0000-4000-8000-00000000000F", "a0000000-0000-4000-8000-00000000000f",
                "not-a-uuid", "a0000000-0000-4000-8000-00000000000f ");
        transactor.run(() -> {
            ChainHead head = repository.lockChainHead();
            List<StoredAuditRecord> records = new ArrayList<>();
            for (String id : ids) {
                StoredAuditRecord record = withEventId(chain(head, event("GetObject")), id);
                records.add(record);
                head = new ChainHead(record.sequence(), record.hash());
            }
            repository.append(records);
        });
        for (int i = 0; i < ids.size(); i++) {
            assertThat(repository.lookup(query().account(ACCOUNT).attribute(LookupAttributeKey.EVENT_ID, ids.get(i))
                    .build()).records()).extracting(StoredAuditRecord::sequence).containsExactly(i + 1L);
        }
    }

    @Test
    public void rowsThatShareAKeyWithoutMatchingAreSkippedAndThePageStillFills() {
        appendInOneTransaction(event("CreateUser").at(T0), event("CreateUser").at(T0.plusSeconds(1)),
                event("CreateUser").at(T0.plusSeconds(2)));
        // two newer rows whose key says CreateUser while they are something else, as two values
        // sharing a 64-bit key would look
        long sharedKey = new LookupKeys().attribute("EventName", ACCOUNT, EventCategory.MANAGEMENT, "CreateUser");
        for (long sequence = 4; sequence <= 5; sequence++) {
            long current = sequence;
            database.transactor().withConnection(c -> Sql.update(c, "INSERT INTO audit_records (sequence, event_time,"
                            + " event_id, event_source, event_name, aws_region, recipient_account_id, read_only,"
                            + " event_category, event_json, resources, previous_hash, hash, scope_key, event_id_key,"
                            + " event_name_key, event_source_key) VALUES (?, ?, ?, 'iam.amazonaws.com', 'DeleteUser',"
                            + " 'us-east-1', ?, ?, 'MANAGEMENT', '{}', '', ?, ?, 0, 0, ?, 0)",
                    current, T0.plusSeconds(10 + current).toEpochMilli(), "e" + current, ACCOUNT, false,
                    bytes(32, 1), bytes(32, 2), sharedKey));
        }

        AuditLookupPage first = repository.lookup(query().account(ACCOUNT).attribute(LookupAttributeKey.EVENT_NAME, "CreateUser")
                .maxResults(2).build());
        assertThat(first.records()).extracting(StoredAuditRecord::sequence).containsExactly(3L, 2L);
        assertThat(first.next()).isNotNull();
        assertThat(repository.lookup(query().account(ACCOUNT).attribute(LookupAttributeKey.EVENT_NAME, "CreateUser")
                .after(first.next()).maxResults(2).build()).records())
                .extracting(StoredAuditRecord::sequence).containsExactly(1L);
        assertThat(repository.lookup(query().account(ACCOUNT).attribute(LookupAttributeKey.EVENT_NAME, "DeleteUser")
                .build()).records()).isEmpty();
    }

    private static StoredAuditRecord withEventId(StoredAuditRecord record, String eventId) {
        return new StoredAuditRecord(record.sequence(), record.eventTime(), eventId, record.eventSource(),
                record.eventName(), record.awsRegion(), record.recipientAccountId(), record.username(),
                record.accessKeyId(), record.readOnly(), record.eventCategory(), record.resources(), record.eventJson(),
                record.previousHash(), record.hash());
    }

    private List<String> lookup(AuditLookupQuery query) {
        return repository.lookup(query).records().stream().map(StoredAuditRecord::eventName).toList();
    }

    private void appendRepeatedly(AuditRepository target, Transactor tx) {
        for (int i = 0; i < 20; i++) {
            tx.run(() -> {
                ChainHead head = target.lockChainHead();
                List<StoredAuditRecord> records = new ArrayList<>();
                for (int j = 0; j < 3; j++) {
                    StoredAuditRecord record = chain(head, event("PutObject"));
                    records.add(record);
                    head = new ChainHead(record.sequence(), record.hash());
                }
                target.append(records);
            });
        }
    }

    private void assertRefused(String sql) {
        assertThatThrownBy(() -> database.transactor().withConnection(c -> Sql.update(c, sql)))
                .as(sql).isInstanceOf(StoreException.class)
                .rootCause().hasMessageMatching("(?s).*(append-only|never deleted|may change|only moves forward).*");
    }
}
