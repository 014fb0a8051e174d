package io.strongroom.audit;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the audit trail into an {@link EvidenceDirectory}: the records as export lines, every
 * digest that covers them, and the public key of every signing key. It only reads the repository
 * (it signs nothing, so it needs no root key), and it exports a consistent cut while servers keep
 * appending: it lists the digests first and reads the chain head after, so the head covers every
 * digest listed (a digest is signed over a committed head, and the head only moves forward), and
 * exports the records up to that head. A digest beyond the head can only come from a store whose
 * records or head were cut back; its records are then missing from the export and the verifier
 * reports the truncation, rather than the export quietly leaving the digest out.
 *
 * <p>An export starts at a digest boundary, so that its first record is anchored by a signed head:
 * from the first record of the digest that covers the requested sequence (or the oldest record
 * kept, when retention purged the ones before; or the first record of the last digest, when the
 * sequence is past every digest). Records after the last digest are exported too; they
 * verify as a chain but are not signed yet.
 */
public final class EvidenceExport {
    private static final int PAGE = 10_000;

    private final AuditRepository repository;
    private final int recordsPerFile;

    public EvidenceExport(AuditRepository repository) {
        this(repository, EvidenceDirectory.RECORDS_PER_FILE);
    }

    /** With smaller records files than usual (tests). */
    EvidenceExport(AuditRepository repository, int recordsPerFile) {
        this.repository = requireNonNull(repository, "repository");
        if (recordsPerFile < 1) {
            throw new IllegalArgumentException("at least one record per file");
        }
        this.recordsPerFile = recordsPerFile;
    }

    /**
     * What an export holds.
     *
     * @param requestedSequence     the sequence asked for
     * @param firstSequence         the first record exported (0 when none)
     * @param lastSequence          the last record exported, normally the chain head when the export began (0 when none)
     * @param records               how many records
     * @param digests               how many digests
     * @param signedThroughSequence the last record a digest in the export covers (0 when none)
     * @param signedUntil           the end of the last digest in the export; null when none
     * @param keyIds                the ids of the public keys written, oldest key first
     */
    public record Summary(long requestedSequence, long firstSequence, long lastSequence, long records, int digests,
                          long signedThroughSequence, Instant signedUntil, List<String> keyIds) {
        public Summary {
            keyIds = List.copyOf(keyIds);
        }
    }

    /**
     * Exports records from about {@code fromSequence} on (see the class comment) into
     * {@code directory}, which must be missing or empty. Throws FileAlreadyExistsException when it
     * holds anything.
     */
    public Summary writeTo(Path directory, long fromSequence) throws IOException {
        requireNonNull(directory, "directory");
        if (fromSequence < 1) {
            throw new IllegalArgumentException("sequences start at 1");
        }
        prepare(directory);
        List<SignedDigest> digests = allDigests();
        ChainHead head = repository.chainHead();
        long through = Math.max(head.sequence(), digests.isEmpty() ? 0 : digests.getLast().lastSequence());
        // after a retention purge the trail starts at the oldest kept record, where a digest starts
        long oldest = repository.readRange(1, through, 1).stream()
                .mapToLong(StoredAuditRecord::sequence).findFirst().orElse(fromSequence);
        long start = start(digests, Math.max(fromSequence, oldest));
        List<SignedDigest> exported = digests.stream().filter(digest -> digest.firstSequence() >= start).toList();
        for (SignedDigest digest : exported) {
            Files.writeString(EvidenceDirectory.digestFile(directory, digest.digestEnd()),
                    DigestDocument.toJson(digest) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        }
        Written records = writeRecords(directory, start, through);
        List<String> keyIds = new ArrayList<>();
        for (StoredSigningKey key : repository.listSigningKeys()) {
            PublicKey publicKey = AuditSigningKey.publicKeyFromDer(key.publicKey());
            Files.writeString(EvidenceDirectory.publicKeyFile(directory, key.keyId()),
                    AuditSigningKey.publicKeyPem(publicKey), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
            keyIds.add(key.keyId());
        }
        SignedDigest last = exported.isEmpty() ? null : exported.getLast();
        return new Summary(fromSequence, records.first(), records.last(), records.count(), exported.size(), last == null ? 0 : last.lastSequence(), last == null ? null : last.digestEnd(), keyIds);
    }

    /** Every digest, oldest first. */
    private List<SignedDigest> allDigests() {
        List<SignedDigest> all = new ArrayList<>();
        Instant after = null;
        while (true) {
            List<SignedDigest> page = repository.listDigests(after, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
            after = page.getLast().digestEnd();
        }
    }

    /** The first record of the digest covering {@code fromSequence}, else of the last digest that covers any. */
    private static long start(List<SignedDigest> digests, long fromSequence) {
        long lastStart = fromSequence;
        for (SignedDigest digest : digests) {
            if (digest.lastSequence() >= fromSequence) {
                return digest.firstSequence();
            }
            if (digest.recordCount() > 0) {
                lastStart = digest.firstSequence();
            }
        }
        return lastStart;
    }

    /** What was written: how many records, the first and last sequence (0 when none). */
    private record Written(long count, long first, long last) {
    }

    private Written writeRecords(Path directory, long from, long through) throws IOException {
        long written = 0;
        long first = 0;
        long next = from;
        Writer out = null;
        try {
            while (next <= through) {
                List<StoredAuditRecord> page = repository.readRange(next, through, PAGE);
                if (page.isEmpty()) {
                    break; // records missing from the store: the verifier names them
                }
                for (StoredAuditRecord record : page) {
                    if (written % recordsPerFile == 0) {
                        if (out != null) {
                            out.close();
                        }
                        out = Files.newBufferedWriter(EvidenceDirectory.recordsFile(directory, record.sequence()),
                                StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                        first = first == 0 ? record.sequence() : first;
                    }
                    out.write(ExportLine.format(new ChainedRecord(record.sequence(), record.previousHash(),
                            record.hash(), record.eventJson())));
                    out.write('\n');
                    written++;
                }
                next = page.getLast().sequence() + 1;
            }
        } finally {
            if (out != null) {
                out.close();
            }
        }
        return new Written(written, first, written == 0 ? 0 : next - 1);
    }

    private static void prepare(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new FileAlreadyExistsException(directory.toString(), null,
                            "the export directory is not empty");
                }
            }
        }
        Files.createDirectories(directory.resolve(EvidenceDirectory.RECORDS));
        Files.createDirectories(directory.resolve(EvidenceDirectory.DIGESTS));
        Files.createDirectories(directory.resolve(EvidenceDirectory.PUBLIC_KEYS));
    }
}
