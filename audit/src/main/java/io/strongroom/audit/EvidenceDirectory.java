package io.strongroom.audit;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.VerificationReport.Finding;
import io.strongroom.audit.VerificationReport.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The evidence an auditor takes away ({@code strongroom audit export}) and checks offline
 * ({@code strongroom audit verify}): one directory holding
 *
 * <pre>
 *   records/records-&lt;first sequence, 16 digits&gt;.jsonl   export lines ({@link ExportLine}), {@value #RECORDS_PER_FILE} a file
 *   digests/digest-&lt;end time, yyyyMMddTHHmmssZ&gt;.json    one signed digest a file ({@link DigestDocument})
 *   public-keys/&lt;key id&gt;.pem                             every signing key's public key
 * </pre>
 *
 * Records are read in file-name order as one stream; digests in any order. The public keys in the
 * directory are a convenience: whoever could alter the records could replace them too, so an
 * auditor verifies with the public key taken through a separate channel and uses these only to
 * compare key ids.
 */
public final class EvidenceDirectory {
    public static final String RECORDS = "records";
    public static final String DIGESTS = "digests";
    public static final String PUBLIC_KEYS = "public-keys";
    /** Lines per records file: about 100 MB of typical records. */
    public static final int RECORDS_PER_FILE = 100_000;

    private static final Pattern RECORDS_FILE = Pattern.compile("records-[0-9]{16}\\.jsonl");
    private static final Pattern DIGEST_FILE = Pattern.compile("digest-[0-9]{8}T[0-9]{6}Z\\.json");
    private static final Pattern PUBLIC_KEY_FILE = Pattern.compile("[0-9a-f]{64}\\.pem");
    private static final DateTimeFormatter DIGEST_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private EvidenceDirectory() {
    }

    /** Where the records file starting at {@code firstSequence} goes. */
    static Path recordsFile(Path directory, long firstSequence) {
        return directory.resolve(RECORDS).resolve(String.format("records-%016d.jsonl", firstSequence));
    }

    /** Where a digest's file goes: named by its end time, which no other digest shares. */
    static Path digestFile(Path directory, Instant digestEnd) {
        return directory.resolve(DIGESTS).resolve("digest-" + DIGEST_TIME.format(digestEnd) + ".json");
    }

    /** Where a signing key's public key goes. */
    static Path publicKeyFile(Path directory, String keyId) {
        return directory.resolve(PUBLIC_KEYS).resolve(keyId + ".pem");
    }

    /** The public keys that came with the export, by file-name order. */
    public static List<PublicKey> publicKeys(Path directory) throws IOException {
        List<PublicKey> keys = new ArrayList<>();
        for (Path file : files(directory.resolve(PUBLIC_KEYS), PUBLIC_KEY_FILE)) {
            try {
                keys.add(AuditSigningKey.publicKeyFromPem(Files.readString(file, StandardCharsets.US_ASCII)));
            } catch (IllegalArgumentException | CharacterCodingException e) {
                throw new IOException(file + " is not an Ed25519 public key in PEM", e);
            }
        }
        return keys;
    }

    /**
     * Verifies an export with the given public keys: every record's chain link and hash, every
     * digest's signature, the digests' own chain, and that the digests cover the records
     * ({@link AuditVerifier}); records without any digest are a finding too ({@link Kind#NO_DIGEST}),
     * since nothing would stop them being rewritten whole. Throws IOException when the directory
     * is not an export or cannot be read.
     */
    public static VerificationReport verify(Path directory, List<PublicKey> publicKeys) throws IOException {
        requireNonNull(directory, "directory");
        AuditVerifier verifier = new AuditVerifier(publicKeys);
        if (!Files.isDirectory(directory.resolve(RECORDS)) || !Files.isDirectory(directory.resolve(DIGESTS))) {
            throw new NoSuchFileException(directory.toString(), null,
                    "not an audit export: it needs the directories " + RECORDS + " and " + DIGESTS);
        }
        List<SignedDigest> digests = new ArrayList<>();
        for (Path file : files(directory.resolve(DIGESTS), DIGEST_FILE)) {
            try {
                digests.add(DigestDocument.parse(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException | CharacterCodingException e) {
                return new VerificationReport(0, 0, 0, 0, null, 0, new Finding(Kind.MALFORMED_DIGEST, 0,
                        "the digest file " + file.getFileName() + " is not a digest: " + e.getMessage()));
            }
        }
        List<Path> recordFiles = files(directory.resolve(RECORDS), RECORDS_FILE);
        VerificationReport report;
        try (InputStream records = new SequenceInputStream(new OpeningEach(recordFiles))) {
            report = verifier.verify(records, digests);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (report.ok() && digests.isEmpty() && report.recordsVerified() > 0) {
            return report.withFinding(new Finding(Kind.NO_DIGEST, report.firstSequence(), "records "
                    + report.firstSequence() + ".." + report.lastSequence()
                    + " come without any digest: nothing signs them, so they prove nothing"));
        }
        return report;
    }

    /** The regular files of a directory whose names match, in name order. */
    private static List<Path> files(Path directory, Pattern name) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(path -> name.matcher(path.getFileName().toString()).matches())
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    /** Opens each file only when the stream before it is used up, so one file is open at a time. */
    private static final class OpeningEach implements Enumeration<InputStream> {
        private final Iterator<Path> files;

        OpeningEach(List<Path> files) {
            this.files = files.iterator();
        }

        @Override
        public boolean hasMoreElements() {
            return files.hasNext();
        }

        @Override
        public InputStream nextElement() {
            Path file = files.next();
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
