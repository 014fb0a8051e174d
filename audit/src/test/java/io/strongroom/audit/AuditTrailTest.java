package io.strongroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.testing.InMemoryAuditRepository;
import io.strongroom.audit.testing.InMemoryAuditTransactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AuditTrailTest {
    private final InMemoryAuditRepository repository = new InMemoryAuditRepository();
    private final InMemoryAuditTransactor transactor = new InMemoryAuditTransactor(repository);
    private final AuditTrail trail = new AuditTrail(repository, Redaction.withDefaults());

    @Test
    void chainsTheRedactedCanonicalRecordAndIndexesIt() {
        AuditEvent event = AuditEventTest.fullEvent();
        StoredAuditRecord stored = transactor.inTransaction(() -> trail.record(event));

        assertThat(stored.sequence()).isEqualTo(1);
        assertThat(stored.previousHash()).isEqualTo(ChainHash.GENESIS);
        assertThat(stored.eventJson()).isEqualTo(event.toCanonicalJson());
        assertThat(stored.hash()).isEqualTo(HashChain.hash(ChainHash.GENESIS, 1, event.toCanonicalJson()));
        assertThat(stored.eventTime()).isEqualTo(event.eventTime());
        assertThat(stored.eventId()).isEqualTo(event.eventId());
        assertThat(stored.eventSource()).isEqualTo("s3.amazonaws.com");
        assertThat(stored.eventName()).isEqualTo("GetObject");
        assertThat(stored.awsRegion()).isEqualTo("us-east-1");
        assertThat(stored.recipientAccountId()).isEqualTo("111122223333");
        assertThat(stored.username()).isEqualTo("analyst-session");
        assertThat(stored.accessKeyId()).isEqualTo("ASIAEXAMPLEKEY");
        assertThat(stored.readOnly()).isTrue();
        assertThat(stored.eventCategory()).isEqualTo(EventCategory.DATA);
        assertThat(stored.resources()).containsExactly(
                new IndexedResource("AWS::S3::Object", "arn:aws:s3:::reports/q1.csv"),
                new IndexedResource("AWS::S3::Bucket", "arn:aws:s3:::reports"));
        assertThat(repository.readRange(1, 1, 1)).containsExactly(stored);
    }

    @Test
    void noSecretReachesTheStore() {
        AuditEvent event = AuditEventTest.builder().eventSource("iam.amazonaws.com").eventName("CreateAccessKey")
                .responseElements(Map.of("accessKey", Map.of("accessKeyId", "AKIANEW",
                        "secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
                .build();
        StoredAuditRecord stored = transactor.inTransaction(() -> trail.record(event));
        assertThat(stored.eventJson()).doesNotContain("wJalrXUtnFEMI")
                .contains("\"secretAccessKey\":\"HIDDEN_DUE_TO_SECURITY_REASONS\"");
    }

    @Test
    void aBatchIsChainedInOrderInOneTransaction() {
        List<AuditEvent> events = List.of(AuditEventTest.builder().eventName("A").build(),
                AuditEventTest.builder().eventName("B").build(), AuditEventTest.builder().eventName("C").build());
        List<StoredAuditRecord> stored = transactor.inTransaction(() -> trail.recordAll(events));

        assertThat(stored).extracting(StoredAuditRecord::sequence).containsExactly(1L, 2L, 3L);
        assertThat(stored).extracting(StoredAuditRecord::eventName).containsExactly("A", "B", "C");
        assertThat(stored.get(1).previousHash()).isEqualTo(stored.get(0).hash());
        assertThat(stored.get(2).previousHash()).isEqualTo(stored.get(1).hash());
        assertThat(repository.chainHead()).isEqualTo(new ChainHead(3, stored.get(2).hash()));
    }

    @Test
    void aRecordRollsBackWithTheChangeItDescribes() {
        transactor.run(() -> trail.record(AuditEventTest.builder().build()));
        assertThatThrownBy(() -> transactor.run(() -> {
            trail.record(AuditEventTest.builder().eventName("DeleteUser").build());
            throw new IllegalStateException("the user could not be deleted");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(repository.chainHead().sequence()).isEqualTo(1);
        StoredAuditRecord next = transactor.inTransaction(() -> trail.record(AuditEventTest.builder().build()));
        assertThat(next.sequence()).isEqualTo(2);
    }

    @Test
    void concurrentWritersProduceOneChainWithoutGaps() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        transactor.run(() -> trail.record(AuditEventTest.builder().build()));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<StoredAuditRecord> records = repository.readRange(1, 1000, 1000);
        assertThat(records).hasSize(200);
        ChainHash previous = ChainHash.GENESIS;
        for (StoredAuditRecord record : records) {
            assertThat(record.previousHash()).isEqualTo(previous);
            assertThat(record.hash()).isEqualTo(HashChain.hash(previous, record.sequence(), record.eventJson()));
            previous = record.hash();
        }
    }
}
