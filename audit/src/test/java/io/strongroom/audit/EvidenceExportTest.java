package io.strongroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.VerificationReport.Finding;
import io.strongroom.audit.VerificationReport.Kind;
import io.strongroom.audit.testing.InMemoryAuditRepository;
import io.strongroom.audit.testing.InMemoryAuditTransactor;
import io.strongroom.audit.testing.MutableClock;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export to a directory and verification of it. The trail: digests over records 1..100 and
 * 101..200, an empty digest, a digest over 201..300, then 7 records not signed yet.
 */
class EvidenceExportTest {
    @TempDir
    Path temp;

    private InMemoryAuditRepository repository;
    private MutableClock clock;
    private AuditSigningKey key;
    private Path out;

    @BeforeEach
    void buildTrail() {
        repository = new InMemoryAuditRepository();
        InMemoryAuditTransactor transactor = new InMemoryAuditTransactor(repository);
        clock = new MutableClock(Instant.parse("2025-03-04T05:00:00Z"));
        AuditSigningKeys keys = new AuditSigningKeys(repository, transactor, new TestRootKey(), clock);
        DigestSigner signer = new DigestSigner(repository, transactor, keys, clock, DigestSigner.DEFAULT_INTERVAL);
        AuditTrail trail = new AuditTrail(repository, Redaction.withDefaults());
        key = keys.current();
        int appended = 0;
        for (int block = 0; block < 3; block++) {
            appended = append(transactor, trail, appended, 100);
            clock.advance(Duration.ofMinutes(1));
            signer.signIfDue().orElseThrow();
            if (block == 1) {
                clock.advance(Duration.ofMinutes(1));
                signer.signIfDue().orElseThrow();
            }
        }
        append(transactor, trail, appended, 7);
        out = temp.resolve("export");
    }

    private int append(InMemoryAuditTransactor transactor, AuditTrail trail, int from, int count) {
        transactor.run(() -> {
            List<AuditEvent> events = new ArrayList<>();
            for (int i = from; i < from + count; i++) {
                events.add(AuditEventTest.builder().eventTime(clock.instant()).eventName("GetUser").readOnly(true)
                        .requestParameters(Map.of("userName", "user-" + i)).build());
            }
            trail.recordAll(events);
        });
        return from + count;
    }

    @Test
    void anExportHoldsRecordsDigestsAndKeysAndVerifies() throws IOException {
        EvidenceExport.Summary summary = new EvidenceExport(repository).writeTo(out, 1);
        assertThat(summary).isEqualTo(new EvidenceExport.Summary(1, 1, 307, 307, 4, 300,
                repository.latestDigest().orElseThrow().digestEnd(), List.of(key.keyId())));
        assertThat(names(out.resolve(EvidenceDirectory.RECORDS))).containsExactly("records-0000000000000001.jsonl");
        assertThat(names(out.resolve(EvidenceDirectory.DIGESTS))).containsExactly("digest-20250304T050100Z.json",
                "digest-20250304T050200Z.json", "digest-20250304T050300Z.json", "digest-20250304T050400Z.json");
        assertThat(names(out.resolve(EvidenceDirectory.PUBLIC_KEYS))).containsExactly(key.keyId() + ".pem");
        assertThat(Files.readString(out.resolve(EvidenceDirectory.PUBLIC_KEYS).resolve(key.keyId() + ".pem")))
                .isEqualTo(key.publicKeyPem());
        assertThat(EvidenceDirectory.publicKeys(out)).containsExactly(key.publicKey());

        List<String> lines = Files.readAllLines(out.resolve(EvidenceDirectory.RECORDS).resolve("records-0000000000000001.jsonl"));
        StoredAuditRecord first = repository.readRange(1, 1, 1).getFirst();
        assertThat(lines).hasSize(307);
        assertThat(lines.getFirst()).isEqualTo(ExportLine.format(new ChainedRecord(1, first.previousHash(), first.hash(),
                first.eventJson())));

        VerificationReport report = EvidenceDirectory.verify(out, List.of(key.publicKey()));
        assertThat(report.ok()).as(String.valueOf(report.finding())).isTrue();
        assertThat(report.summary()).isEqualTo("verified 307 records, 4 digests, sequences 1..307");
        assertThat(report.signedThroughSequence()).isEqualTo(300);
        assertThat(report.unsignedRecords()).isEqualTo(7);
    }

    @Test
    void recordsFilesRotateAndAreReadInOrder() throws IOException {
        new EvidenceExport(repository, 50).writeTo(out, 1);
        assertThat(names(out.resolve(EvidenceDirectory.RECORDS))).hasSize(7)
                .startsWith("records-0000000000000001.jsonl", "records-0000000000000051.jsonl")
                .endsWith("records-0000000000000301.jsonl");
        assertThat(EvidenceDirectory.verify(out, List.of(key.publicKey())).recordsVerified()).isEqualTo(307);
    }

    @Test
    void anExportFromASequenceStartsAtTheDigestCoveringIt() throws IOException {
        EvidenceExport.Summary summary = new EvidenceExport(repository).writeTo(out, 150);
        assertThat(summary.firstSequence()).isEqualTo(101);
        assertThat(summary.digests()).isEqualTo(3);
        VerificationReport report = EvidenceDirectory.verify(out, List.of(key.publicKey()));
        assertThat(report.summary()).isEqualTo("verified 207 records, 3 digests, sequences 101..307");
    }

    @Test
    void anExportFromAfterAnEmptyDigestKeepsTheEmptyDigestInTheChain() throws IOException {
        EvidenceExport.Summary summary = new EvidenceExport(repository).writeTo(out, 250);
        assertThat(summary.firstSequence()).isEqualTo(201);
        assertThat(summary.digests()).isEqualTo(2);
        assertThat(EvidenceDirectory.verify(out, List.of(key.publicKey())).summary())
                .isEqualTo("verified 107 records, 2 digests, sequences 201..307");
    }

    @Test
    void anExportFromTheUnsignedTailStartsAtTheLastDigest() throws IOException {
        EvidenceExport.Summary summary = new EvidenceExport(repository).writeTo(out, 305);
        assertThat(summary.firstSequence()).isEqualTo(201);
        assertThat(EvidenceDirectory.verify(out, List.of(key.publicKey())).ok()).isTrue();
    }

    @Test
    void anExportAfterAPurgeStartsAtTheOldestKeptRecord() throws IOException {
        repository.deletePrefix(100, clock.instant());
        EvidenceExport.Summary summary = new EvidenceExport(repository).writeTo(out, 1);
        assertThat(summary.firstSequence()).isEqualTo(101);
        assertThat(EvidenceDirectory.verify(out, List.of(key.publicKey())).summary())
                .isEqualTo("verified 207 records, 3 digests, sequences 101..307");
    }

    @Test
    void anExportNeedsAnEmptyDirectory() throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> new EvidenceExport(repository).writeTo(out, 1)).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> new EvidenceExport(repository).writeTo(temp.resolve("other"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChangedByteInARecordsFileIsFound() throws IOException {
        new EvidenceExport(repository).writeTo(out, 1);
        Path file = out.resolve(EvidenceDirectory.RECORDS).resolve("records-0000000000000001.jsonl");
        Files.writeString(file, Files.readString(file).replace("\"user-41\"", "\"user-42\""));
        assertFinding(Kind.MODIFIED_RECORD, 42, "record 42 does not match its hash");
    }

    @Test
    void aRemovedRecordsFileLeavesMissingRecords() throws IOException {
        new EvidenceExport(repository, 50).writeTo(out, 1);
        Files.delete(out.resolve(EvidenceDirectory.RECORDS).resolve("records-0000000000000251.jsonl"));
        assertFinding(Kind.MISSING_RECORD, 251, "records 251..300 are missing");
    }

    @Test
    void aRemovedDigestFileLeavesAGap() throws IOException {
        new EvidenceExport(repository).writeTo(out, 1);
        Files.delete(out.resolve(EvidenceDirectory.DIGESTS).resolve("digest-20250304T050200Z.json"));
        assertFinding(Kind.DIGEST_GAP, 101, "no digest covers records 101..200");
    }

    @Test
    void anUnreadableDigestFileIsReported() throws IOException {
        new EvidenceExport(repository).writeTo(out, 1);
        Files.writeString(out.resolve(EvidenceDirectory.DIGESTS).resolve("digest-20250304T050200Z.json"), "{\"x\":1}");
        VerificationReport report = EvidenceDirectory.verify(out, List.of(key.publicKey()));
        assertThat(report.finding().kind()).isEqualTo(Kind.MALFORMED_DIGEST);
        assertThat(report.finding().toString())
                .startsWith("MALFORMED_DIGEST: the digest file digest-20250304T050200Z.json is not a digest");
    }

    @Test
    void recordsWithoutAnyDigestProveNothing() throws IOException {
        new EvidenceExport(repository).writeTo(out, 1);
        try (Stream<Path> files = Files.list(out.resolve(EvidenceDirectory.DIGESTS))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        assertFinding(Kind.NO_DIGEST, 1, "records 1..307 come without any digest");
    }

    @Test
    void digestsForgedWithAnotherKeyAreReported() throws IOException {
        new EvidenceExport(repository).writeTo(out, 1);
        AuditSigningKey other = AuditSigningKey.generate(new TestRootKey(), Instant.EPOCH);
        VerificationReport report = EvidenceDirectory.verify(out, List.of(other.publicKey()));
        assertThat(report.finding()).isEqualTo(new Finding(Kind.DIGEST_WRONG_KEY, 1, "the digest of 2025-03-04T05:00:00Z"
                + " to 2025-03-04T05:01:00Z (records 1..100) is signed by key " + key.keyId()
                + ", which is not among the public keys given"));
    }

    @Test
    void aDirectoryThatIsNoExportIsRefused() throws IOException {
        Files.createDirectories(out);
        assertThatThrownBy(() -> EvidenceDirectory.verify(out, List.of(key.publicKey())))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("not an audit export");
    }

    @Test
    void anEmptyTrailExportsAndVerifiesAsEmpty() throws IOException {
        EvidenceExport.Summary summary = new EvidenceExport(new InMemoryAuditRepository()).writeTo(out, 1);
        assertThat(summary.records()).isZero();
        assertThat(summary.keyIds()).isEmpty();
        assertThat(EvidenceDirectory.verify(out, List.of(key.publicKey())).summary())
                .isEqualTo("verified 0 records, 0 digests, sequences none");
    }

    private void assertFinding(Kind kind, long sequence, String messagePart) throws IOException {
        VerificationReport report = EvidenceDirectory.verify(out, List.of(key.publicKey()));
        assertThat(report.ok()).isFalse();
        assertThat(report.finding().kind()).as(report.finding().toString()).isEqualTo(kind);
        assertThat(report.finding().sequence()).as(report.finding().toString()).isEqualTo(sequence);
        assertThat(report.finding().message()).contains(messagePart);
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
