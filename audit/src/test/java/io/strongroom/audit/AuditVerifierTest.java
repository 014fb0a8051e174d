package io.strongroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.VerificationReport.Finding;
import io.strongroom.audit.VerificationReport.Kind;
import io.strongroom.audit.testing.InMemoryAuditRepository;
import io.strongroom.audit.testing.InMemoryAuditTransactor;
import io.strongroom.audit.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A trail of 3,037 records: six digests of 500 records each, an empty digest after the third, and
 * 37 records after the last digest that are not signed yet. Each test tampers with one thing and
 * expects exactly the finding that names it.
 */
class AuditVerifierTest {
    private static final int RECORDS_PER_DIGEST = 500;
    private static final int UNSIGNED_TAIL = 37;
    private static final int TOTAL = 6 * RECORDS_PER_DIGEST + UNSIGNED_TAIL;

    private static List<String> exported;
    private static List<SignedDigest> digests;
    private static AuditSigningKey signingKey;
    private static AuditVerifier verifier;

    @BeforeAll
    static void buildTrail() {
        InMemoryAuditRepository repository = new InMemoryAuditRepository();
        InMemoryAuditTransactor transactor = new InMemoryAuditTransactor(repository);
        MutableClock clock = new MutableClock(Instant.parse("2025-03-04T05:00:00Z"));
        TestRootKey rootKey = new TestRootKey();
        AuditSigningKeys keys = new AuditSigningKeys(repository, transactor, rootKey, clock);
        DigestSigner signer = new DigestSigner(repository, transactor, keys, clock, DigestSigner.DEFAULT_INTERVAL);
        AuditTrail trail = new AuditTrail(repository, Redaction.withDefaults());
        signingKey = keys.current();

        int appended = 0;
        for (int block = 0; block < 6; block++) {
            appended = append(transactor, trail, clock, appended, RECORDS_PER_DIGEST);
            clock.advance(Duration.ofMinutes(1));
            signer.signIfDue().orElseThrow();
            if (block == 2) {
                clock.advance(Duration.ofMinutes(1));
                signer.signIfDue().orElseThrow(); // an interval without records
            }
        }
        append(transactor, trail, clock, appended, UNSIGNED_TAIL);

        exported = repository.readRange(1, TOTAL, TOTAL).stream()
                .map(record -> ExportLine.format(new ChainedRecord(record.sequence(), record.previousHash(),
                        record.hash(), record.eventJson())))
                .toList();
        digests = repository.listDigests(null, 100);
        verifier = new AuditVerifier(signingKey.publicKey());
    }

    private static int append(InMemoryAuditTransactor transactor, AuditTrail trail, MutableClock clock, int from,
                              int count) {
        for (int batch = 0; batch < count; batch += 50) {
            int start = from + batch;
            int size = Math.min(50, count - batch);
            transactor.run(() -> {
                List<AuditEvent> events = new ArrayList<>();
                for (int i = start; i < start + size; i++) {
                    events.add(AuditEventTest.builder().eventTime(clock.instant())
                            .eventName(i % 3 == 0 ? "CreateUser" : "GetUser").readOnly(i % 3 != 0)
                            .requestParameters(Map.of("userName", "user-" + i, "note", "caf\u00e9 \u20ac \ud83d\ude00"))
                            .build());
                }
                trail.recordAll(events);
            });
            clock.advance(Duration.ofMillis(300));
        }
        return from + count;
    }

    // ---- the intact trail

    @Test
    void theTrailAsBuiltHasSevenDigestsOneOfThemEmpty() {
        assertThat(digests).hasSize(7);
        assertThat(digests).extracting(SignedDigest::recordCount).containsExactly(500L, 500L, 500L, 0L, 500L, 500L, 500L);
        assertThat(exported).hasSize(TOTAL);
    }

    @Test
    void anIntactTrailVerifies() {
        VerificationReport report = verify(exported, digests);
        assertThat(report.ok()).isTrue();
        assertThat(report.finding()).isNull();
        assertThat(report.recordsVerified()).isEqualTo(TOTAL);
        assertThat(report.lastSequence()).isEqualTo(TOTAL);
        assertThat(report.digestsVerified()).isEqualTo(7);
        assertThat(report.signedThroughSequence()).isEqualTo(3000);
        assertThat(report.unsignedRecords()).isEqualTo(UNSIGNED_TAIL);
    }

    @Test
    void digestsMayComeInAnyOrder() {
        List<SignedDigest> shuffled = new ArrayList<>(digests);
        Collections.reverse(shuffled);
        assertThat(verify(exported, shuffled).ok()).isTrue();
    }

    @Test
    void digestFilesReadBackVerify() {
        List<SignedDigest> reread = digests.stream().map(DigestDocument::toJson).map(DigestDocument::parse).toList();
        assertThat(verify(exported, reread).ok()).isTrue();
    }

    @Test
    void anExportMayStartAtAnyDigest() {
        VerificationReport report = verify(exported.subList(1000, TOTAL), digests.subList(2, 7));
        assertThat(report.ok()).isTrue();
        assertThat(report.recordsVerified()).isEqualTo(TOTAL - 1000);
        assertThat(report.digestsVerified()).isEqualTo(5);
    }

    @Test
    void recordsWithoutDigestsVerifyAsAChainButAreAllUnsigned() {
        VerificationReport report = verify(exported, List.of());
        assertThat(report.ok()).isTrue();
        assertThat(report.signedThroughSequence()).isZero();
        assertThat(report.unsignedRecords()).isEqualTo(TOTAL);
    }

    @Test
    void aShortenedUnsignedTailCannotBeToldFromALaterExport() {
        // the records after the last digest are not signed yet: their loss only shows in the next digest
        VerificationReport report = verify(exported.subList(0, 3010), digests);
        assertThat(report.ok()).isTrue();
        assertThat(report.unsignedRecords()).isEqualTo(10);
    }

    // ---- tampered records

    @Test
    void aModifiedRecordIsFoundAtItsSequence() {
        List<String> lines = copy();
        lines.set(1233, editRecord(lines.get(1233), text -> text.replace("\"user-1233\"", "\"user-9999\"")));
        assertFinding(lines, digests, Kind.MODIFIED_RECORD, 1234, "record 1234 does not match its hash");
    }

    @Test
    void aModifiedRecordWithARecomputedHashIsFoundAtItsSequence() {
        List<String> lines = copy();
        ChainedRecord original = ExportLine.parse(lines.get(1233));
        String forged = original.eventJson().replace("\"user-1233\"", "\"user-9999\"");
        lines.set(1233, ExportLine.format(new ChainedRecord(1234, original.previousHash(),
                HashChain.hash(original.previousHash(), 1234, forged), forged)));
        assertFinding(lines, digests, Kind.MODIFIED_RECORD, 1234,
                "record 1234 was modified and its hash recomputed: record 1235 chains a different previous hash");
    }

    @Test
    void aModifiedRecordWithTheWholeChainRecomputedIsCaughtByTheSignedHead() {
        List<String> lines = copy();
        ChainHash previous = ExportLine.parse(lines.get(1233)).previousHash();
        for (int i = 1233; i < lines.size(); i++) {
            ChainedRecord original = ExportLine.parse(lines.get(i));
            String text = i == 1233 ? original.eventJson().replace("\"user-1233\"", "\"user-9999\"") : original.eventJson();
            ChainHash hash = HashChain.hash(previous, i + 1, text);
            lines.set(i, ExportLine.format(new ChainedRecord(i + 1, previous, hash, text)));
            previous = hash;
        }
        assertFinding(lines, digests, Kind.DIGEST_HEAD_MISMATCH, 1001, "records 1001..1500 do not hash to the head");
    }

    @Test
    void anEditedPreviousHashIsFoundAtItsRecord() {
        List<String> lines = copy();
        String line = lines.get(1233);
        ChainedRecord original = ExportLine.parse(line);
        lines.set(1233, line.replace(original.previousHash().hex(), ChainHash.GENESIS.hex()));
        assertFinding(lines, digests, Kind.MODIFIED_RECORD, 1234, "record 1234 does not chain the hash of record 1233");
    }

    @Test
    void anEditedHashIsFoundAtItsRecord() {
        List<String> lines = copy();
        String line = lines.get(1233);
        lines.set(1233, line.replace(ExportLine.parse(line).hash().hex(), "ab".repeat(32)));
        assertFinding(lines, digests, Kind.MODIFIED_RECORD, 1234, "record 1234 does not match its hash");
    }

    @Test
    void theFirstRecordMustChainFromGenesis() {
        List<String> lines = copy();
        lines.set(0, lines.get(0).replace("\"previousHash\":\"" + "0".repeat(64), "\"previousHash\":\"" + "1".repeat(64)));
        assertFinding(lines, digests, Kind.MODIFIED_RECORD, 1, "record 1 does not chain from the genesis hash");
    }

    @Test
    void swappedRecordsAreReportedAsReordered() {
        List<String> lines = copy();
        Collections.swap(lines, 1233, 1234);
        assertFinding(lines, digests, Kind.REORDERED_RECORD, 1234, "record 1234 appears out of order, after record 1235");
    }

    @Test
    void aRecordMovedFurtherDownIsReportedAsReordered() {
        List<String> lines = copy();
        String moved = lines.remove(1233);
        lines.add(2500, moved);
        assertFinding(lines, digests, Kind.REORDERED_RECORD, 1234, "record 1234 appears out of order, after record 1235");
    }

    @Test
    void aRemovedRecordIsReportedAsMissing() {
        List<String> lines = copy();
        lines.remove(1233);
        assertFinding(lines, digests, Kind.MISSING_RECORD, 1234, "record 1234 is missing (the next record is 1235)");
    }

    @Test
    void removedRecordsAreReportedAsAMissingRange() {
        List<String> lines = copy();
        lines.subList(1233, 1240).clear();
        assertFinding(lines, digests, Kind.MISSING_RECORD, 1234, "records 1234..1240 are missing (the next record is 1241)");
    }

    @Test
    void aRepeatedRecordIsReportedAsADuplicate() {
        List<String> lines = copy();
        lines.add(1234, lines.get(1233));
        assertFinding(lines, digests, Kind.DUPLICATE_RECORD, 1234, "record 1234 appears again after record 1234");
    }

    @Test
    void aTruncatedTailIsReported() {
        assertFinding(exported.subList(0, 2750), digests, Kind.TRUNCATED_TAIL, 2751,
                "the records end at 2750 but the digest of");
    }

    @Test
    void aTailCutAtADigestBoundaryIsStillReported() {
        assertFinding(exported.subList(0, 2500), digests, Kind.TRUNCATED_TAIL, 2501,
                "the records end at 2500 but the digest of");
    }

    @Test
    void noRecordsAtAllAgainstDigestsIsATruncatedTail() {
        assertFinding(List.of(), digests, Kind.TRUNCATED_TAIL, 1, "there are no records");
    }

    @Test
    void aMalformedLineIsReportedWithItsLineNumber() {
        List<String> lines = copy();
        lines.set(1233, "{\"hash\":\"not a line\"}");
        assertFinding(lines, digests, Kind.MALFORMED_RECORD, 1234, "line 1234 is not an export line");
    }

    @Test
    void anExportThatStartsInsideADigestIsMissingItsFirstRecords() {
        assertFinding(exported.subList(1099, TOTAL), digests.subList(2, 7), Kind.MISSING_RECORD, 1001,
                "records 1001..1099 are missing (the next record is 1100)");
    }

    @Test
    void recordsBeforeTheFirstDigestAreUncovered() {
        assertFinding(exported.subList(900, TOTAL), digests.subList(2, 7), Kind.UNCOVERED_RECORDS, 901,
                "records 901..1000 come before the first digest, which starts at record 1001");
    }

    @Test
    void rowsSwappedInAStoreAreReportedAsReorderedAtTheFirst() {
        // a store keeps the sequence in its own column: swapping two rows' contents keeps the line
        // sequences in order, so only the hashes show where each record came from
        List<String> lines = copy();
        ChainedRecord a = ExportLine.parse(lines.get(1233));
        ChainedRecord b = ExportLine.parse(lines.get(1234));
        lines.set(1233, ExportLine.format(new ChainedRecord(1234, b.previousHash(), b.hash(), b.eventJson())));
        lines.set(1234, ExportLine.format(new ChainedRecord(1235, a.previousHash(), a.hash(), a.eventJson())));
        assertFinding(lines, digests, Kind.REORDERED_RECORD, 1234,
                "record 1234 holds the record chained as 1235: records were swapped or moved");
    }

    @Test
    void aRowMovedFarIsFoundWhereItCameFrom() {
        List<String> lines = copy();
        ChainedRecord a = ExportLine.parse(lines.get(1233));
        ChainedRecord far = ExportLine.parse(lines.get(2899));
        lines.set(1233, ExportLine.format(new ChainedRecord(1234, far.previousHash(), far.hash(), far.eventJson())));
        lines.set(2899, ExportLine.format(new ChainedRecord(2900, a.previousHash(), a.hash(), a.eventJson())));
        assertFinding(lines, digests, Kind.REORDERED_RECORD, 1234, "record 1234 holds the record chained as 2900");
    }

    @Test
    void textsSwappedBetweenTwoRecordsAreReportedAsReorderedAtTheFirst() {
        List<String> lines = copy();
        ChainedRecord a = ExportLine.parse(lines.get(1233));
        ChainedRecord b = ExportLine.parse(lines.get(1234));
        lines.set(1233, ExportLine.format(new ChainedRecord(1234, a.previousHash(), a.hash(), b.eventJson())));
        lines.set(1234, ExportLine.format(new ChainedRecord(1235, b.previousHash(), b.hash(), a.eventJson())));
        assertFinding(lines, digests, Kind.REORDERED_RECORD, 1234,
                "record 1234 holds the text of record 1235: records' texts were swapped or moved");
    }

    @Test
    void aTextCopiedFromAnotherRecordIsReportedAsMoved() {
        List<String> lines = copy();
        ChainedRecord a = ExportLine.parse(lines.get(1233));
        ChainedRecord later = ExportLine.parse(lines.get(1999));
        lines.set(1233, ExportLine.format(new ChainedRecord(1234, a.previousHash(), a.hash(), later.eventJson())));
        assertFinding(lines, digests, Kind.REORDERED_RECORD, 1234, "record 1234 holds the text of record 2000");
    }

    // ---- tampered digests

    @Test
    void anAlteredDigestIsReportedAsForged() {
        List<SignedDigest> altered = new ArrayList<>(digests);
        SignedDigest d = digests.get(4);
        altered.set(4, new SignedDigest(d.digestStart(), d.digestEnd(), d.firstSequence(), d.lastSequence(),
                HashChain.hash(ChainHash.GENESIS, 1, "{}"), d.previousDigestSignature(), d.keyId(), d.signature()));
        assertFinding(exported, altered, Kind.DIGEST_SIGNATURE_INVALID, 1501,
                "has a signature that does not verify: it was forged or altered");
    }

    @Test
    void aDigestSignedByAnotherKeyUnderOurKeyIdIsReportedAsForged() {
        AuditSigningKey attacker = AuditSigningKey.generate(new TestRootKey(), Instant.EPOCH);
        List<SignedDigest> forged = new ArrayList<>(digests);
        SignedDigest d = digests.get(1);
        forged.set(1, new SignedDigest(d.digestStart(), d.digestEnd(), d.firstSequence(), d.lastSequence(),
                d.headHash(), d.previousDigestSignature(), d.keyId(), attacker.sign(DigestDocument.signedBytes(d))));
        assertFinding(exported, forged, Kind.DIGEST_SIGNATURE_INVALID, 501, "it was forged or altered");
    }

    @Test
    void digestsReSignedWithAnUnknownKeyAreReported() {
        AuditSigningKey attacker = AuditSigningKey.generate(new TestRootKey(), Instant.EPOCH);
        List<SignedDigest> resigned = new ArrayList<>();
        byte[] previous = new byte[0];
        for (SignedDigest d : digests) {
            byte[] signature = attacker.sign(DigestDocument.signedBytes(d.digestStart(), d.digestEnd(),
                    d.firstSequence(), d.lastSequence(), d.headHash(), previous, attacker.keyId()));
            resigned.add(new SignedDigest(d.digestStart(), d.digestEnd(), d.firstSequence(), d.lastSequence(),
                    d.headHash(), previous, attacker.keyId(), signature));
            previous = signature;
        }
        assertFinding(exported, resigned, Kind.DIGEST_WRONG_KEY, 1,
                "is signed by key " + attacker.keyId() + ", which is not among the public keys given");
        // with the attacker's key the chain itself is sound: only the key given decides
        assertThat(new AuditVerifier(attacker.publicKey()).verify(exported.iterator(), resigned).ok()).isTrue();
    }

    @Test
    void aDigestThatDoesNotNameItsPredecessorsSignatureBreaksTheChain() {
        // even a digest signed with the real key (an insider) cannot fork the digest chain unseen
        List<SignedDigest> forked = new ArrayList<>(digests);
        SignedDigest d = digests.get(4);
        byte[] otherPrevious = digests.get(1).signature();
        forked.set(4, resign(d, otherPrevious));
        assertFinding(exported, fixLinks(forked, 5), Kind.DIGEST_CHAIN_BROKEN, 1501,
                "does not name the signature of the digest of");
    }

    @Test
    void aRemovedDigestLeavesAGapOfRecords() {
        List<SignedDigest> gap = new ArrayList<>(digests);
        gap.remove(1);
        assertFinding(exported, gap, Kind.DIGEST_GAP, 501, "no digest covers records 501..1000");
    }

    @Test
    void aRemovedEmptyDigestLeavesAGapInTime() {
        List<SignedDigest> gap = new ArrayList<>(digests);
        SignedDigest empty = gap.remove(3);
        assertFinding(exported, gap, Kind.DIGEST_GAP, 1501,
                "no digest covers the time from " + empty.digestStart() + " to " + empty.digestEnd());
    }

    @Test
    void aRepeatedDigestOverlapsItsTwin() {
        List<SignedDigest> twice = new ArrayList<>(digests);
        twice.add(2, digests.get(1));
        assertFinding(exported, twice, Kind.DIGEST_CHAIN_BROKEN, 501, "overlaps");
    }

    @Test
    void anEmptyDigestMustSignTheSameHeadAsItsPredecessor() {
        List<SignedDigest> changed = new ArrayList<>(digests);
        SignedDigest empty = digests.get(3);
        changed.set(3, new SignedDigest(empty.digestStart(), empty.digestEnd(), empty.firstSequence(),
                empty.lastSequence(), ChainHash.GENESIS, empty.previousDigestSignature(), empty.keyId(), new byte[0]));
        changed.set(3, resign(changed.get(3), empty.previousDigestSignature()));
        assertFinding(exported, fixLinks(changed, 4), Kind.DIGEST_HEAD_MISMATCH, 1501, "covers no record but signs another head");
    }

    @Test
    void theFirstProblemInRecordOrderIsReported() {
        List<String> lines = copy();
        lines.set(1233, editRecord(lines.get(1233), text -> text.replace("\"user-1233\"", "\"user-9999\"")));
        List<SignedDigest> altered = new ArrayList<>(digests);
        altered.set(6, resign(digests.get(6), new byte[64])); // a later digest that is also wrong
        assertFinding(lines, altered, Kind.MODIFIED_RECORD, 1234, "record 1234");

        List<SignedDigest> earlyForgery = new ArrayList<>(digests);
        SignedDigest first = digests.getFirst();
        earlyForgery.set(0, new SignedDigest(first.digestStart(), first.digestEnd(), first.firstSequence(),
                first.lastSequence() + 1, first.headHash(), first.previousDigestSignature(), first.keyId(),
                first.signature()));
        assertFinding(lines, earlyForgery, Kind.DIGEST_SIGNATURE_INVALID, 1, "forged or altered");
    }

    @Test
    void everyDigestOfATrailWithoutRecordsIsChecked() {
        InMemoryAuditRepository repository = new InMemoryAuditRepository();
        InMemoryAuditTransactor transactor = new InMemoryAuditTransactor(repository);
        MutableClock clock = new MutableClock(Instant.parse("2025-03-04T05:00:00Z"));
        AuditSigningKeys keys = new AuditSigningKeys(repository, transactor, new TestRootKey(), clock);
        DigestSigner signer = new DigestSigner(repository, transactor, keys, clock, DigestSigner.DEFAULT_INTERVAL);
        AuditVerifier ownVerifier = new AuditVerifier(keys.current().publicKey());
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(1));
            signer.signIfDue().orElseThrow();
        }
        List<SignedDigest> empty = repository.listDigests(null, 10);
        VerificationReport intact = ownVerifier.verify(List.<String>of().iterator(), empty);
        assertThat(intact.ok()).isTrue();
        assertThat(intact.digestsVerified()).isEqualTo(3);
        assertThat(intact.signedUntil()).isEqualTo(empty.getLast().digestEnd());

        List<SignedDigest> forged = new ArrayList<>(empty);
        SignedDigest last = empty.get(2);
        forged.set(2, new SignedDigest(last.digestStart(), last.digestEnd(), last.firstSequence(), last.lastSequence(),
                last.headHash(), last.previousDigestSignature(), last.keyId(), new byte[64]));
        assertThat(ownVerifier.verify(List.<String>of().iterator(), forged).finding())
                .isEqualTo(new Finding(Kind.DIGEST_SIGNATURE_INVALID, 1, "the digest of " + last.digestStart() + " to "
                        + last.digestEnd() + " (records none) has a signature that does not verify: it was forged or altered"));
    }

    @Test
    void theSummaryNamesRecordsDigestsAndSequences() {
        VerificationReport report = verify(exported.subList(1000, TOTAL), digests.subList(2, 7));
        assertThat(report.summary()).isEqualTo("verified 2037 records, 5 digests, sequences 1001..3037");
        assertThat(report.firstSequence()).isEqualTo(1001);
        assertThat(report.signedUntil()).isEqualTo(digests.get(6).digestEnd());
        VerificationReport failed = verify(exported.subList(0, 2750), digests);
        assertThat(failed.summary()).startsWith("FAILED: TRUNCATED_TAIL at sequence 2751: the records end at 2750");
    }

    // ---- the stream form

    @Test
    void aStreamWithoutItsLastLineEndStillVerifies() throws IOException {
        byte[] bytes = String.join("\n", exported).getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(new ByteArrayInputStream(bytes), digests).ok()).isTrue();
    }

    @Test
    void aStreamReadInSmallPiecesVerifies() throws IOException {
        byte[] bytes = (String.join("\n", exported) + "\n").getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 97));
            }
        };
        assertThat(verifier.verify(trickle, digests).recordsVerified()).isEqualTo(TOTAL);
    }

    @Test
    void anEmptyLineInAStreamIsMalformed() throws IOException {
        String text = String.join("\n", exported.subList(0, 10)) + "\n\n" + String.join("\n", exported.subList(10, 20));
        VerificationReport report = verifier.verify(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                List.of());
        assertThat(report.finding()).isEqualTo(new Finding(Kind.MALFORMED_RECORD, 11,
                "line 11 is not an export line: the line is too short"));
    }

    @Test
    void aReadFailureIsThrown() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk gone");
            }
        };
        assertThatThrownBy(() -> verifier.verify(failing, digests)).isInstanceOf(IOException.class)
                .hasMessage("disk gone");
    }

    @Test
    void aVerifierNeedsAKey() {
        assertThatThrownBy(() -> new AuditVerifier(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers

    /** Verifies as lines and as a stream, which must agree, and returns the report. */
    private static VerificationReport verify(List<String> lines, List<SignedDigest> digestList) {
        VerificationReport fromLines = verifier.verify(lines.iterator(), digestList);
        byte[] stream = lines.isEmpty() ? new byte[0]
                : (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            assertThat(verifier.verify(new ByteArrayInputStream(stream), digestList)).isEqualTo(fromLines);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return fromLines;
    }

    private static void assertFinding(List<String> lines, List<SignedDigest> digestList, Kind kind, long sequence,
                                      String messagePart) {
        VerificationReport report = verify(lines, digestList);
        assertThat(report.ok()).isFalse();
        assertThat(report.finding().kind()).as(report.finding().toString()).isEqualTo(kind);
        assertThat(report.finding().sequence()).as(report.finding().toString()).isEqualTo(sequence);
        assertThat(report.finding().message()).contains(messagePart);
    }

    private static List<String> copy() {
        return new ArrayList<>(exported);
    }

    private static String editRecord(String line, UnaryOperator<String> edit) {
        ChainedRecord record = ExportLine.parse(line);
        return ExportLine.format(new ChainedRecord(record.sequence(), record.previousHash(), record.hash(),
                edit.apply(record.eventJson())));
    }

    /** The digest with another previous signature, signed with the real key. */
    private static SignedDigest resign(SignedDigest d, byte[] previousSignature) {
        byte[] signature = signingKey.sign(DigestDocument.signedBytes(d.digestStart(), d.digestEnd(), d.firstSequence(),
                d.lastSequence(), d.headHash(), previousSignature, d.keyId()));
        return new SignedDigest(d.digestStart(), d.digestEnd(), d.firstSequence(), d.lastSequence(), d.headHash(),
                previousSignature, d.keyId(), signature);
    }

    /** Re-signs the digests from {@code from} on so they name their (changed) predecessor's signature. */
    private static List<SignedDigest> fixLinks(List<SignedDigest> list, int from) {
        List<SignedDigest> fixed = new ArrayList<>(list);
        for (int i = from; i < fixed.size(); i++) {
            fixed.set(i, resign(fixed.get(i), fixed.get(i - 1).signature()));
        }
        return fixed;
    }
}
