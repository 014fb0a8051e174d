package io.strongroom.audit;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.ExportLine.Layout;
import io.strongroom.audit.VerificationReport.Finding;
import io.strongroom.audit.VerificationReport.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks exported records and digests offline, with nothing but the records, the digests and the
 * public key(s), and reports the first problem in record order.
 *
 * <p>Records must come in sequence order ({@link ExportLine} lines). Digests may come in any
 * order; they are checked ordered by end time. For each record n the verifier recomputes
 * {@link HashChain#hash} from the hash it computed for n - 1 (not from the line's claim) and
 * compares it, and the line's previous hash, in constant time. For each digest it checks the key,
 * the Ed25519 signature over {@link DigestDocument#signedBytes}, that it names the previous
 * digest's signature, that it starts where the previous one ended (in sequences and in time),
 * and that the records of its range hash to the head it signed. An export may begin at any digest:
 * its first record's previous hash is then taken from the line, which is safe because the chain
 * must still reach the signed head.
 *
 * <p>Records are hashed as the bytes that were read (the hashed text is part of the line), without
 * parsing the record, so verification runs at the speed of SHA-256. A record that is not what was
 * chained at its place is looked for among the records after it before it is called modified: a
 * store whose rows were swapped or shifted is reported as {@link Kind#REORDERED_RECORD}, naming
 * where the record came from.
 */
public final class AuditVerifier {
    private final Map<String, PublicKey> keysById;

    public AuditVerifier(PublicKey publicKey) {
        this(List.of(publicKey));
    }

    /** A verifier that accepts digests signed by any of these keys (a trail whose key was replaced). */
    public AuditVerifier(List<PublicKey> publicKeys) {
        if (publicKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one public key");
        }
        Map<String, PublicKey> byId = new HashMap<>();
        for (PublicKey key : publicKeys) {
            byId.put(AuditSigningKey.keyIdOf(requireNonNull(key, "publicKey")), key);
        }
        keysById = Map.copyOf(byId);
    }

    /** Verifies record lines (without line ends) against the digests. */
    public VerificationReport verify(Iterator<String> recordLines, List<SignedDigest> digests) {
        return new Run(new StringLines(recordLines), digests).run();
    }

    /** Verifies a JSON Lines stream of records (UTF-8, lines ending in {@code \n}) against the digests. */
    public VerificationReport verify(InputStream recordLines, List<SignedDigest> digests) throws IOException {
        StreamLines lines = new StreamLines(recordLines);
        try {
            return new Run(lines, digests).run();
        } catch (UncheckedReadException e) {
            throw e.getCause();
        }
    }

    /** One verification pass; not thread-safe, used once. */
    private final class Run {
        private final LineSource lines;
        private final List<SignedDigest> digests;
        private final MessageDigest sha256 = HashChain.sha256();
        private final byte[] lineHash = new byte[ChainHash.LENGTH];
        private final byte[] linePrevious = new byte[ChainHash.LENGTH];
        private byte[] running;
        private boolean started;
        private long last;
        private long recordsVerified;
        private int digestIndex;
        private int digestsVerified;
        private long signedThrough;
        private Instant signedUntil;
        private long firstSequenceSeen;

        Run(LineSource lines, List<SignedDigest> digests) {
            this.lines = lines;
            this.digests = digests.stream().sorted(Comparator.comparing(SignedDigest::digestEnd)).toList();
        }

        VerificationReport run() {
            Finding finding = check();
            long unsigned = finding == null && started ? last - Math.max(signedThrough, firstSequenceSeen - 1) : 0;
            return new VerificationReport(recordsVerified, last, digestsVerified, signedThrough, signedUntil,
                    Math.max(unsigned, 0), finding);
        }

        private Finding check() {
            Finding finding = digests.isEmpty() ? null : enterDigest(0);
            if (finding != null) {
                return finding;
            }
            while (lines.next()) {
                finding = checkLine(lines.bytes(), lines.from(), lines.to());
                if (finding != null) {
                    return finding;
                }
            }
            return checkEnd();
        }

        private Finding checkLine(byte[] bytes, int from, int to) {
            Layout layout = Layout.scan(bytes, from, to);
            if (layout.problem() != null) {
                long at = started ? last + 1 : (digests.isEmpty() ? 0 : digests.getFirst().firstSequence());
                return new Finding(Kind.MALFORMED_RECORD, at,
                        "line " + lines.lineNumber() + " is not an export line: " + layout.problem());
            }
            long sequence = layout.sequence();
            ExportLine.decodeHash(bytes, from + ExportLine.HASH_AT, lineHash);
            ExportLine.decodeHash(bytes, from + ExportLine.PREVIOUS_HASH_AT, linePrevious);
            if (!started) {
                Finding finding = start(sequence);
                if (finding != null) {
                    return finding;
                }
            } else if (sequence != last + 1) {
                return sequence > last + 1 ? missingOrReordered(last + 1, sequence)
                        : new Finding(Kind.DUPLICATE_RECORD, sequence,
                                "record " + sequence + " appears again after record " + last);
            }
            byte[] computed = hash(running, bytes, from, to);
            if (!MessageDigest.isEqual(linePrevious, running)) {
                byte[] selfConsistent = hash(linePrevious, bytes, from, to);
                if (MessageDigest.isEqual(selfConsistent, lineHash)) {
                    return new Finding(Kind.MODIFIED_RECORD, sequence - 1, "record " + (sequence - 1)
                            + " was modified and its hash recomputed: record " + sequence
                            + " chains a different previous hash");
                }
                return movedOrModified(sequence, bytes, from + ExportLine.HASHED_TAIL_AT, layout.recordTo(),
                        "record " + sequence + " does not chain the hash of record " + (sequence - 1));
            }
            if (!MessageDigest.isEqual(computed, lineHash)) {
                return movedOrModified(sequence, bytes, from + ExportLine.HASHED_TAIL_AT, layout.recordTo(),
                        "record " + sequence + " does not match its hash: its text or its hash was modified");
            }
            running = computed;
            last = sequence;
            recordsVerified++;
            return closeDigestsEndingAt(sequence);
        }

        /** The first record: anchors the chain, and checks it starts where the first digest does. */
        private Finding start(long sequence) {
            long expected = digests.isEmpty() ? sequence : digests.getFirst().firstSequence();
            if (sequence < expected) {
                return new Finding(Kind.UNCOVERED_RECORDS, sequence, "records " + range(sequence, expected - 1)
                        + " come before the first digest, which starts at record " + expected);
            }
            if (sequence > expected) {
                return missingOrReordered(expected, sequence);
            }
            if (sequence == 1 && !ChainHash.GENESIS.matches(linePrevious)) {
                return new Finding(Kind.MODIFIED_RECORD, 1, "record 1 does not chain from the genesis hash");
            }
            running = linePrevious.clone();
            started = true;
            firstSequenceSeen = sequence;
            last = sequence - 1;
            return closeDigestsEndingAt(last); // an empty digest may end right before the first record
        }

        private byte[] hash(byte[] previous, byte[] bytes, int from, int to) {
            sha256.update(previous);
            sha256.update((byte) '{');
            int tail = from + ExportLine.HASHED_TAIL_AT;
            sha256.update(bytes, tail, to - tail);
            return sha256.digest();
        }

        /**
         * Record {@code sequence} is not what was chained there. Before calling it modified, looks
         * through the rest of the records for the place it came from, as a store whose rows were
         * swapped or shifted leaves it: either the whole record with its hashes (it hashes to its own
         * hash under another sequence {@code j}) or its text alone (it hashes to record j's hash under
         * record j's previous hash). Reads to the end on this failure path only.
         */
        private Finding movedOrModified(long sequence, byte[] bytes, int textFrom, int textTo, String modified) {
            byte[] text = Arrays.copyOfRange(bytes, textFrom, textTo);
            byte[] ownHash = lineHash.clone();
            byte[] ownPrevious = linePrevious.clone();
            while (lines.next()) {
                byte[] later = lines.bytes();
                int laterFrom = lines.from();
                Layout layout = Layout.scan(later, laterFrom, lines.to());
                if (layout.problem() != null || layout.sequence() == sequence) {
                    continue;
                }
                long j = layout.sequence();
                if (MessageDigest.isEqual(hashAt(ownPrevious, text, j), ownHash)) {
                    return new Finding(Kind.REORDERED_RECORD, sequence, "record " + sequence
                            + " holds the record chained as " + j + ": records were swapped or moved");
                }
                ExportLine.decodeHash(later, laterFrom + ExportLine.PREVIOUS_HASH_AT, linePrevious);
                ExportLine.decodeHash(later, laterFrom + ExportLine.HASH_AT, lineHash);
                if (MessageDigest.isEqual(hashAt(linePrevious, text, j), lineHash)) {
                    return new Finding(Kind.REORDERED_RECORD, sequence, "record " + sequence
                            + " holds the text of record " + j + ": records' texts were swapped or moved");
                }
            }
            return new Finding(Kind.MODIFIED_RECORD, sequence, modified);
        }

        /** The chain hash of a record text ({@code "record":R}) placed at {@code sequence} after {@code previous}. */
        private byte[] hashAt(byte[] previous, byte[] text, long sequence) {
            sha256.update(previous);
            sha256.update((byte) '{');
            sha256.update(text);
            sha256.update(HashChain.SEQUENCE_INFIX);
            sha256.update(Long.toString(sequence).getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) '}');
            return sha256.digest();
        }

        /** Record {@code expected} is not where it should be: it comes later (reordered) or never (missing). */
        private Finding missingOrReordered(long expected, long found) {
            while (lines.next()) {
                Layout layout = Layout.scan(lines.bytes(), lines.from(), lines.to());
                if (layout.problem() == null && layout.sequence() == expected) {
                    return new Finding(Kind.REORDERED_RECORD, expected,
                            "record " + expected + " appears out of order, after record " + found);
                }
            }
            return new Finding(Kind.MISSING_RECORD, expected,
                    (found - 1 == expected ? "record " + expected + " is" : "records " + range(expected, found - 1) + " are")
                            + " missing (the next record is " + found + ")");
        }

        /** Closes every digest that ends at {@code sequence}: its head must be the running hash. */
        private Finding closeDigestsEndingAt(long sequence) {
            while (digestIndex < digests.size()) {
                SignedDigest digest = digests.get(digestIndex);
                if (digest.lastSequence() != sequence) {
                    return null;
                }
                if (!digest.headHash().matches(running)) {
                    return new Finding(Kind.DIGEST_HEAD_MISMATCH, digest.firstSequence(), "records "
                            + range(digest.firstSequence(), digest.lastSequence()) + " do not hash to the head signed by "
                            + describe(digest) + ": a record in this range was modified and the chain recomputed");
                }
                digestsVerified++;
                signedThrough = sequence;
                signedUntil = digest.digestEnd();
                digestIndex++;
                if (digestIndex < digests.size()) {
                    Finding finding = enterDigest(digestIndex);
                    if (finding != null) {
                        return finding;
                    }
                }
            }
            return null;
        }

        /** Checks a digest on its own and against its predecessor, before its records are read. */
        private Finding enterDigest(int index) {
            SignedDigest digest = digests.get(index);
            PublicKey key = keysById.get(digest.keyId());
            if (key == null) {
                return new Finding(Kind.DIGEST_WRONG_KEY, digest.firstSequence(), describe(digest)
                        + " is signed by key " + digest.keyId() + ", which is not among the public keys given");
            }
            if (!DigestDocument.verifySignature(digest, key)) {
                return new Finding(Kind.DIGEST_SIGNATURE_INVALID, digest.firstSequence(),
                        describe(digest) + " has a signature that does not verify: it was forged or altered");
            }
            if (digest.lastSequence() < digest.firstSequence() - 1) {
                return new Finding(Kind.DIGEST_CHAIN_BROKEN, digest.firstSequence(),
                        describe(digest) + " covers no possible range of records");
            }
            if (index == 0) {
                if (digest.isFirst() && digest.firstSequence() != 1) {
                    return new Finding(Kind.DIGEST_CHAIN_BROKEN, digest.firstSequence(),
                            describe(digest) + " claims to be the first digest but does not start at record 1");
                }
                if (digest.isFirst() && digest.recordCount() == 0 && !digest.headHash().equals(ChainHash.GENESIS)) {
                    return new Finding(Kind.DIGEST_HEAD_MISMATCH, digest.firstSequence(),
                            describe(digest) + " covers no record but signs another head than the genesis hash");
                }
                return null;
            }
            SignedDigest previous = digests.get(index - 1);
            long expectedFirst = previous.lastSequence() + 1;
            if (digest.firstSequence() > expectedFirst) {
                return new Finding(Kind.DIGEST_GAP, expectedFirst, "no digest covers records "
                        + range(expectedFirst, digest.firstSequence() - 1) + " (between " + describe(previous)
                        + " and " + describe(digest) + ")");
            }
            if (digest.firstSequence() < expectedFirst) {
                return new Finding(Kind.DIGEST_CHAIN_BROKEN, digest.firstSequence(),
                        describe(digest) + " overlaps " + describe(previous));
            }
            if (!digest.digestStart().equals(previous.digestEnd())) {
                return new Finding(Kind.DIGEST_GAP, digest.firstSequence(), "no digest covers the time from "
                        + previous.digestEnd() + " to " + digest.digestStart() + " (a digest is missing)");
            }
            if (!MessageDigest.isEqual(digest.previousDigestSignature(), previous.signature())) {
                return new Finding(Kind.DIGEST_CHAIN_BROKEN, digest.firstSequence(), describe(digest)
                        + " does not name the signature of " + describe(previous)
                        + ": a digest was replaced or removed");
            }
            if (digest.recordCount() == 0 && !digest.headHash().equals(previous.headHash())) {
                return new Finding(Kind.DIGEST_HEAD_MISMATCH, digest.firstSequence(),
                        describe(digest) + " covers no record but signs another head than " + describe(previous));
            }
            return null;
        }

        private Finding checkEnd() {
            if (digestIndex >= digests.size()) {
                return null;
            }
            SignedDigest open = digests.get(digestIndex);
            long next = started ? last + 1 : open.firstSequence();
            if (!started && open.recordCount() == 0) {
                // no records at all: only empty digests may follow, each still checked on its own and
                // against its predecessor (the open one was checked when it was reached)
                for (int i = digestIndex; i < digests.size(); i++) {
                    Finding finding = i == digestIndex ? null : enterDigest(i);
                    if (finding != null) {
                        return finding;
                    }
                    if (digests.get(i).recordCount() != 0) {
                        return truncated(digests.get(i).firstSequence(), digests.get(digests.size() - 1));
                    }
                    digestsVerified++;
                    signedUntil = digests.get(i).digestEnd();
                }
                return null;
            }
            return truncated(next, digests.get(digests.size() - 1));
        }

        private Finding truncated(long next, SignedDigest lastDigest) {
            return new Finding(Kind.TRUNCATED_TAIL, next, (started ? "the records end at " + last
                    : "there are no records") + " but " + describe(lastDigest) + " covers records through "
                    + lastDigest.lastSequence());
        }
    }

    private static String describe(SignedDigest digest) {
        return "the digest of " + digest.digestStart() + " to " + digest.digestEnd() + " (records "
                + range(digest.firstSequence(), digest.lastSequence()) + ")";
    }

    private static String range(long first, long last) {
        if (last < first) {
            return "none";
        }
        return first == last ? Long.toString(first) : first + ".." + last;
    }

    // ---- line sources

    private interface LineSource {
        /** Advances to the next line; false at the end. */
        boolean next();

        byte[] bytes();

        int from();

        int to();

        long lineNumber();
    }

    private static final class StringLines implements LineSource {
        private final Iterator<String> lines;
        private byte[] current;
        private long number;

        StringLines(Iterator<String> lines) {
            this.lines = requireNonNull(lines, "lines");
        }

        @Override
        public boolean next() {
            if (!lines.hasNext()) {
                return false;
            }
            current = lines.next().getBytes(StandardCharsets.UTF_8);
            number++;
            return true;
        }

        @Override
        public byte[] bytes() {
            return current;
        }

        @Override
        public int from() {
            return 0;
        }

        @Override
        public int to() {
            return current.length;
        }

        @Override
        public long lineNumber() {
            return number;
        }
    }

    /** Splits a stream on {@code \n} inside one growing buffer, without a copy per line. */
    private static final class StreamLines implements LineSource {
        private final InputStream in;
        private byte[] buffer = new byte[1 << 20];
        private int start;
        private int end;
        private int lineFrom;
        private int lineTo;
        private boolean eof;
        private long number;

        StreamLines(InputStream in) {
            this.in = requireNonNull(in, "in");
        }

        @Override
        public boolean next() {
            int scanFrom = start;
            while (true) {
                for (int i = scanFrom; i < end; i++) {
                    if (buffer[i] == '\n') {
                        lineFrom = start;
                        lineTo = i;
                        start = i + 1;
                        number++;
                        return true;
                    }
                }
                scanFrom = end;
                if (eof) {
                    if (start < end) { // a last line without its line end
                        lineFrom = start;
                        lineTo = end;
                        start = end;
                        number++;
                        return true;
                    }
                    return false;
                }
                scanFrom -= fill();
            }
        }

        /** Reads more, moving the unread part to the front first; returns how far it moved. */
        private int fill() {
            int shift = start;
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            try {
                int read = in.read(buffer, end, buffer.length - end);
                if (read < 0) {
                    eof = true;
                } else {
                    end += read;
                }
            } catch (IOException e) {
                throw new UncheckedReadException(e);
            }
            return shift;
        }

        @Override
        public byte[] bytes() {
            return buffer;
        }

        @Override
        public int from() {
            return lineFrom;
        }

        @Override
        public int to() {
            return lineTo;
        }

        @Override
        public long lineNumber() {
            return number;
        }
    }

    private static final class UncheckedReadException extends RuntimeException {
        UncheckedReadException(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
