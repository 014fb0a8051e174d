package io.strongroom.bench.audit;

import io.strongroom.audit.AuditEvent;
import io.strongroom.audit.AuditResource;
import io.strongroom.audit.AuditVerifier;
import io.strongroom.audit.ChainHead;
import io.strongroom.audit.ChainedRecord;
import io.strongroom.audit.DigestDocument;
import io.strongroom.audit.EventCategory;
import io.strongroom.audit.EvidenceDirectory;
import io.strongroom.audit.ExportLine;
import io.strongroom.audit.HashChain;
import io.strongroom.audit.SignedDigest;
import io.strongroom.audit.UserIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Offline verification speed: builds a trail of chained records in memory (CloudTrail S3 data
 * events of about 1 KB of canonical JSON, a signed digest every 10,000 records), then verifies it
 * with {@link AuditVerifier} several times and prints records per second. Not a test: it prints
 * figures.
 *
 * <p>Baseline in the same run: one SHA-256 per record over the same export lines, split from the
 * same bytes, which is the least any verifier must do (the verifier hashes a little less than the
 * line, plus the previous hash, and checks the layout and two hashes per record). With
 * {@code files}, it also writes the trail as an export directory into a temporary directory and
 * times {@link EvidenceDirectory#verify}, which is what {@code strongroom audit verify} runs (files
 * from the page cache).
 *
 * <pre>
 *   java -Xmx4g -cp bench/target/strongroom-bench.jar io.strongroom.bench.audit.AuditVerificationThroughput \
 *       [records=1000000] [rounds=5] [files]
 * </pre>
 */
public final class AuditVerificationThroughput {
    private static final int RECORDS_PER_DIGEST = 10_000;
    private static final Instant START = Instant.parse("2026-11-26T08:00:00Z");

    private AuditVerificationThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean files = Arrays.asList(args).contains("files");

        long buildStart = System.nanoTime();
        Trail trail = Trail.build(records);
        System.out.printf(Locale.ROOT, "built %,d chained records (%,d bytes of export lines, %.0f B a line) and %d"
                        + " signed digests in %.1f s%n", records, trail.lines.size(), (double) trail.lines.size() / records,
                trail.digests.size(), (System.nanoTime() - buildStart) / 1e9);

        AuditVerifier verifier = new AuditVerifier(trail.keys.getPublic());
        // alternate the two, so that a noisy neighbour hurts both alike; the first round warms up
        double[] verified = new double[rounds];
        double[] baseline = new double[rounds];
        for (int round = 0; round <= rounds; round++) {
            double v = timeVerification(verifier, trail, records);
            double b = timeBaseline(trail, records);
            if (round > 0) {
                verified[round - 1] = v;
                baseline[round - 1] = b;
            }
            System.out.printf(Locale.ROOT, "round %d%s: verify %,.0f records/s, baseline %,.0f records/s%n", round,
                    round == 0 ? " (warm-up)" : "", v, b);
        }
        double verifiedMedian = median(verified);
        double baselineMedian = median(baseline);
        System.out.printf(Locale.ROOT, "%-44s %,12.0f records/s (median of %d)%n", "AuditVerifier, in memory",
                verifiedMedian, rounds);
        System.out.printf(Locale.ROOT, "%-44s %,12.0f records/s (median of %d)%n",
                "baseline: SHA-256 of each line, in memory", baselineMedian, rounds);
        System.out.printf(Locale.ROOT, "ratio verify / baseline: %.3f%n", verifiedMedian / baselineMedian);

        if (files) {
            Path directory = Files.createTempDirectory("audit-verify-bench");
            try {
                trail.writeExport(directory);
                double[] fromFiles = new double[rounds];
                for (int round = 0; round <= rounds; round++) {
                    long start = System.nanoTime();
                    var report = EvidenceDirectory.verify(directory, List.of(trail.keys.getPublic()));
                    double perSecond = records / ((System.nanoTime() - start) / 1e9);
                    check(report.ok() && report.recordsVerified() == records, String.valueOf(report.finding()));
                    if (round > 0) {
                        fromFiles[round - 1] = perSecond;
                    }
                }
                System.out.printf(Locale.ROOT, "%-44s %,12.0f records/s (median of %d; %.3f of baseline)%n",
                        "EvidenceDirectory.verify, from files", median(fromFiles), rounds, median(fromFiles) / baselineMedian);
            } finally {
                deleteRecursively(directory);
            }
        }
    }

    private static double timeVerification(AuditVerifier verifier, Trail trail, int records) throws IOException {
        long start = System.nanoTime();
        var report = verifier.verify(trail.lines.stream(), trail.digests);
        double seconds = (System.nanoTime() - start) / 1e9;
        check(report.ok() && report.recordsVerified() == records && report.digestsVerified() == trail.digests.size(),
                String.valueOf(report.finding()));
        return records / seconds;
    }

    /** One SHA-256 per line of the same bytes, read through the same kind of stream. */
    private static double timeBaseline(Trail trail, int records) throws IOException, GeneralSecurityException {
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[1 << 20];
        byte[] last = new byte[32];
        long lines = 0;
        long start = System.nanoTime();
        try (InputStream in = trail.lines.stream()) {
            int carried = 0;
            int read;
            while ((read = in.read(buffer, carried, buffer.length - carried)) > 0) {
                int end = carried + read;
                int lineStart = 0;
                for (int i = 0; i < end; i++) {
                    if (buffer[i] == '\n') {
                        sha256.update(buffer, lineStart, i - lineStart);
                        sha256.digest(last, 0, 32);
                        lines++;
                        lineStart = i + 1;
                    }
                }
                carried = end - lineStart;
                System.arraycopy(buffer, lineStart, buffer, 0, carried);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        check(lines == records, "baseline saw " + lines + " lines");
        return records / seconds;
    }

    /** The records as export lines in memory, the digests over them, and the key that signed them. */
    private record Trail(Chunks lines, List<SignedDigest> digests, KeyPair keys) {

        static Trail build(int records) throws GeneralSecurityException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            KeyPair keys = generator.generateKeyPair();
            String keyId = HexFormat.of().formatHex(sha256().digest(keys.getPublic().getEncoded()));
            Chunks lines = new Chunks();
            List<SignedDigest> digests = new ArrayList<>();
            ChainHead head = ChainHead.GENESIS;
            byte[] previousSignature = new byte[0];
            long digestFirst = 1;
            Instant digestStart = START;
            for (int n = 1; n <= records; n++) {
                ChainedRecord link = HashChain.next(head, event(n).toCanonicalJson());
                lines.append((ExportLine.format(link) + "\n").getBytes(StandardCharsets.UTF_8));
                head = link.head();
                if (n % RECORDS_PER_DIGEST == 0 || n == records) {
                    Instant digestEnd = digestStart.plusSeconds(60);
                    byte[] signature = sign(keys, DigestDocument.signedBytes(digestStart, digestEnd, digestFirst, n,
                            head.hash(), previousSignature, keyId));
                    digests.add(new SignedDigest(digestStart, digestEnd, digestFirst, n, head.hash(), previousSignature,
                            keyId, signature));
                    previousSignature = signature;
                    digestFirst = n + 1L;
                    digestStart = digestEnd;
                }
            }
            return new Trail(lines, digests, keys);
        }

        /** An S3 GetObject data event by one of five analysts, about 1 KB of canonical JSON. */
        private static AuditEvent event(int n) {
            int analyst = n % 5;
            return AuditEvent.builder()
                    .userIdentity(UserIdentity.iamUser("AIDAEXAMPLEANALYST" + analyst,
                            "arn:aws:iam::111122223333:user/analyst-" + analyst, "111122223333",
                            "AKIAIOSFODNN7EXAMP" + analyst, "analyst-" + analyst))
                    .eventTime(START.plusMillis(n * 60L)).eventSource("s3.amazonaws.com").eventName("GetObject")
                    .awsRegion("eu-central-1").sourceIPAddress("10.20.30." + (40 + analyst))
                    .userAgent("aws-cli/2.22.0 md/Botocore#1.35.0")
                    .requestParameters(Map.of("bucketName", "analytics-reports", "key",
                            "2026/q4/daily/part-" + n + ".parquet"))
                    .additionalEventData(Map.of("SignatureVersion", "SigV4", "bytesTransferredOut", 1_048_576 + n % 4096))
                    .requestId(Long.toHexString(0x5EED0000L + n).toUpperCase(Locale.ROOT))
                    .eventId(String.format("0190f3c2-%04x-7000-8000-%012x", n >>> 16 & 0xFFFF, n))
                    .readOnly(true)
                    .resource(new AuditResource("arn:aws:s3:::analytics-reports/2026/q4/daily/part-" + n + ".parquet",
                            null, "AWS::S3::Object"))
                    .resource(new AuditResource("arn:aws:s3:::analytics-reports", "111122223333", "AWS::S3::Bucket"))
                    .eventCategory(EventCategory.DATA)
                    .recipientAccountId("111122223333")
                    .build();
        }

        private static byte[] sign(KeyPair keys, byte[] data) throws GeneralSecurityException {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(keys.getPrivate());
            signature.update(data);
            return signature.sign();
        }

        /** The same trail as an export directory ({@code strongroom audit export}'s layout). */
        void writeExport(Path directory) throws IOException {
            Files.createDirectories(directory.resolve(EvidenceDirectory.RECORDS));
            Files.createDirectories(directory.resolve(EvidenceDirectory.DIGESTS));
            try (InputStream in = lines.stream()) {
                Files.copy(in, directory.resolve(EvidenceDirectory.RECORDS).resolve("records-0000000000000001.jsonl"));
            }
            for (SignedDigest digest : digests) {
                Files.writeString(directory.resolve(EvidenceDirectory.DIGESTS)
                        .resolve("digest-" + digest.digestEnd().toString().replace("-", "").replace(":", "") + ".json"),
                        DigestDocument.toJson(digest) + "\n");
            }
        }
    }

    /** Bytes in 16 MiB chunks (one array of a gigabyte or more is hard on the heap). */
    private static final class Chunks {
        private static final int CHUNK = 16 << 20;
        private final List<byte[]> full = new ArrayList<>();
        private byte[] current = new byte[CHUNK];
        private int used;
        private long size;

        void append(byte[] bytes) {
            int from = 0;
            while (from < bytes.length) {
                int n = Math.min(bytes.length - from, CHUNK - used);
                System.arraycopy(bytes, from, current, used, n);
                used += n;
                from += n;
                if (used == CHUNK) {
                    full.add(current);
                    current = new byte[CHUNK];
                    used = 0;
                }
            }
            size += bytes.length;
        }

        long size() {
            return size;
        }

        InputStream stream() {
            List<byte[]> chunks = new ArrayList<>(full);
            chunks.add(Arrays.copyOf(current, used));
            return new InputStream() {
                private int chunk;
                private int at;

                @Override
                public int read() {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    while (chunk < chunks.size() && at == chunks.get(chunk).length) {
                        chunk++;
                        at = 0;
                    }
                    if (chunk == chunks.size()) {
                        return -1;
                    }
                    int n = Math.min(len, chunks.get(chunk).length - at);
                    System.arraycopy(chunks.get(chunk), at, b, off, n);
                    at += n;
                    return n;
                }
            };
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("the benchmark's own check failed: " + message);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
