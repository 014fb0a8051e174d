package io.strongroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.audit.export.AuditRetention;
import io.strongroom.audit.export.RetentionPeriod;
import io.strongroom.audit.testing.InMemoryAuditRepository;
import io.strongroom.audit.testing.InMemoryAuditTransactor;
import io.strongroom.audit.testing.InMemoryExportCursorRepository;
import io.strongroom.audit.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retention on a real chain with real signed digests: what it deletes, what it never deletes, and
 * that what it keeps still verifies.
 */
class AuditRetentionTest {
    private static final Instant T0 = Instant.parse("2025-03-04T05:06:07Z");
    private static final RetentionPeriod ONE_DAY = RetentionPeriod.parse("P1D");

    private InMemoryAuditRepository repository;
    private InMemoryAuditTransactor transactor;
    private InMemoryExportCursorRepository cursors;
    private MutableClock clock;
    private AuditSigningKeys keys;
    private DigestSigner signer;
    private AuditTrail trail;

    @BeforeEach
    void setUp() {
        repository = new InMemoryAuditRepository();
        transactor = new InMemoryAuditTransactor(repository);
        cursors = new InMemoryExportCursorRepository();
        clock = new MutableClock(T0);
        keys = new AuditSigningKeys(repository, transactor, new TestRootKey(), clock);
        signer = new DigestSigner(repository, transactor, keys, clock, DigestSigner.DEFAULT_INTERVAL);
        trail = new AuditTrail(repository, Redaction.withDefaults());
        keys.current();
    }

    /** Three minutes of records: 1..5 signed by one digest, 6..10 by the next, 11..13 not yet signed. */
    private void threeMinutesOfRecords() {
        minute(5, true);
        minute(5, true);
        minute(3, false);
    }

    private void minute(int records, boolean sign) {
        clock.advance(Duration.ofSeconds(10));
        transactor.run(() -> {
            for (int i = 0; i < records; i++) {
                trail.record(AuditEventTest.builder().eventTime(clock.instant()).build());
            }
        });
        clock.advance(Duration.ofSeconds(50));
        if (sign) {
            signer.signIfDue().orElseThrow();
        }
    }

    private AuditRetention retention(Set<String> exports) {
        return new AuditRetention(repository, cursors, exports, ONE_DAY, clock);
    }

    @Test
    void deletesOnlyWhatEveryEnabledExportDeliveredAndCutsWhereADigestEnds() {
        threeMinutesOfRecords();
        cursors.advance("file", 13, T0);
        cursors.advance("webhook", 7, T0);
        clock.advance(Duration.ofDays(2));

        AuditRetention.Result result = retention(Set.of("file", "webhook")).purge();

        // the webhook has 1..7: the last cut at or before 7 where a digest ends is 5
        assertThat(result).isEqualTo(new AuditRetention.Result(5, 5));
        assertThat(sequences()).containsExactly(6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L);
        AuditPurge purge = repository.latestPurge().orElseThrow();
        assertThat(purge.throughSequence()).isEqualTo(5);
        assertThat(purge.anchorHash()).isEqualTo(repository.readRange(6, 6, 1).getFirst().previousHash());
        assertThat(purge.anchorHash()).isEqualTo(repository.listDigests(null, 10).getFirst().headHash());
        assertVerifiesFrom(6, 8, 1);
    }

    @Test
    void neverDeletesRecordsAnEnabledExportHasNotDelivered() {
        threeMinutesOfRecords();
        cursors.advance("file", 13, T0);
        clock.advance(Duration.ofDays(30));
        // the webhook never delivered anything
        assertThat(retention(Set.of("file", "webhook")).purge()).isEqualTo(new AuditRetention.Result(0, 0));
        assertThat(sequences()).hasSize(13);
        assertThat(repository.latestPurge()).isEmpty();
        // an export that is no longer enabled holds nothing back
        assertThat(retention(Set.of("file")).purge().deleted()).isEqualTo(10);
    }

    @Test
    void neverDeletesTheHeadNorUnsignedRecords() {
        threeMinutesOfRecords();
        clock.advance(Duration.ofDays(2));
        // without exports, 11..13 are still unsigned
        assertThat(retention(Set.of()).purge()).isEqualTo(new AuditRetention.Result(10, 10));
        assertThat(sequences()).containsExactly(11L, 12L, 13L);

        // now a digest signs the head: the head's record stays all the same
        signer.signIfDue().orElseThrow();
        clock.advance(Duration.ofDays(2));
        assertThat(retention(Set.of()).purge()).isEqualTo(new AuditRetention.Result(0, 10));
        assertThat(sequences()).containsExactly(11L, 12L, 13L);
        assertVerifiesFrom(11, 3, 1);
    }

    @Test
    void keepsRecordsYoungerThanTheRetention() {
        threeMinutesOfRecords();
        clock.advance(Duration.ofHours(23));
        assertThat(retention(Set.of()).purge().deleted()).isZero();
        clock.advance(Duration.ofMinutes(58).plusSeconds(30));
        // the cutoff is now 90 s after T0: the first digest (ended at 60 s) has aged out, the second (120 s) not
        assertThat(retention(Set.of()).purge()).isEqualTo(new AuditRetention.Result(5, 5));
    }

    @Test
    void largePurgesGoInChunksThatEachEndAtADigest() {
        for (int i = 0; i < 6; i++) {
            minute(4, true);
        }
        minute(1, false);
        clock.advance(Duration.ofDays(2));
        AuditRetention chunked = new AuditRetention(repository, cursors, Set.of(), ONE_DAY, clock, 7);
        assertThat(chunked.purge()).isEqualTo(new AuditRetention.Result(24, 24));
        assertThat(sequences()).containsExactly(25L);
        // a second run finds nothing more and reads only newer digests
        assertThat(chunked.purge()).isEqualTo(new AuditRetention.Result(0, 24));
        assertVerifiesFrom(25, 1, 0);
    }

    private List<Long> sequences() {
        return repository.readRange(1, Long.MAX_VALUE, 1000).stream().map(StoredAuditRecord::sequence).toList();
    }

    /** The kept records, with the digests after the purge, verify from {@code first} on. */
    private void assertVerifiesFrom(long first, long records, int digests) {
        long purged = repository.latestPurge().orElseThrow().throughSequence();
        List<String> lines = new ArrayList<>();
        for (StoredAuditRecord record : repository.readRange(1, Long.MAX_VALUE, 1000)) {
            lines.add(ExportLine.format(new ChainedRecord(record.sequence(), record.previousHash(), record.hash(),
                    record.eventJson())));
        }
        List<SignedDigest> after = repository.listDigests(null, 1000).stream()
                .filter(digest -> digest.firstSequence() > purged).toList();
        VerificationReport report = new AuditVerifier(keys.current().publicKey()).verify(lines.iterator(), after);
        assertThat(report.ok()).as(String.valueOf(report.finding())).isTrue();
        assertThat(report.recordsVerified()).isEqualTo(records);
        assertThat(report.digestsVerified()).isEqualTo(digests);
        assertThat(lines.getFirst()).contains("\"sequence\":" + first + "}");
    }
}
