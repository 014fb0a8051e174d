package io.strongroom.audit.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.AuditVerifier;
import io.strongroom.audit.ChainedRecord;
import io.strongroom.audit.ExportLine;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.audit.VerificationReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFileSinkTest {
    private static final Instant H5 = Instant.parse("2025-03-04T05:59:58Z");
    private static final Instant H6 = Instant.parse("2025-03-04T06:00:01Z");
    private static final String FILE_5 = "strongroom-audit-20250304T05-0000000000000001.jsonl.gz";

    @TempDir
    Path directory;

    @Test
    void filesRotateByTheHourOfRecordTimeAndLateRecordsJoinTheCurrentFile() throws Exception {
        // record 4 was appended after record 3 but happened in the hour before
        List<StoredAuditRecord> records = TestRecords.chain(H5, H5.plusSeconds(1), H6, H5.plusSeconds(1), H6);
        JsonLinesFileSink sink = new JsonLinesFileSink(directory);
        sink.deliver(records.subList(0, 2));
        sink.deliver(records.subList(2, 5));
        sink.close();

        assertThat(names()).containsExactly(FILE_5, "strongroom-audit-20250304T06-0000000000000003.jsonl.gz");
        assertThat(lines(directory.resolve(FILE_5))).containsExactlyElementsOf(lines(records.subList(0, 2)));
        assertThat(lines(directory.resolve("strongroom-audit-20250304T06-0000000000000003.jsonl.gz")))
                .containsExactlyElementsOf(lines(records.subList(2, 5)));
        VerificationReport report = verify(allFiles());
        assertThat(report.ok()).as(String.valueOf(report.finding())).isTrue();
        assertThat(report.recordsVerified()).isEqualTo(5);
    }

    @Test
    void aFileStaysPartialUntilItsHourHasPassed() throws Exception {
        List<StoredAuditRecord> records = TestRecords.chain(H5, H5);
        JsonLinesFileSink sink = new JsonLinesFileSink(directory);
        sink.deliver(records);
        assertThat(names()).containsExactly(FILE_5 + ".partial");

        sink.idle(H5.plusSeconds(1));
        assertThat(names()).containsExactly(FILE_5 + ".partial");
        sink.idle(H6);
        assertThat(names()).containsExactly(FILE_5);
        assertThat(lines(directory.resolve(FILE_5))).containsExactlyElementsOf(lines(records));
    }

    @Test
    void eachDeliveryIsOneCompleteGzipMemberAndTheFileReadsAsOne() throws Exception {
        List<StoredAuditRecord> records = TestRecords.chain(H5, H5, H5, H5);
        JsonLinesFileSink sink = new JsonLinesFileSink(directory);
        for (StoredAuditRecord record : records) {
            sink.deliver(List.of(record));
        }
        sink.close();
        assertThat(lines(directory.resolve(FILE_5))).containsExactlyElementsOf(lines(records));
    }

    @Test
    void afterACrashTheTornTailIsCutAndConfirmedRecordsAreNotWrittenTwice() throws Exception {
        List<StoredAuditRecord> records = TestRecords.chain(H5, H5, H5, H5, H5);
        JsonLinesFileSink crashed = new JsonLinesFileSink(directory);
        crashed.deliver(records.subList(0, 3));
        // the crash: a later write reached the disk halfway, and the sink was never closed
        Files.write(directory.resolve(FILE_5 + ".partial"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0},
                StandardOpenOption.APPEND);
        // an unfinished file nobody confirmed
        Files.write(directory.resolve("strongroom-audit-20250304T05-0000000000000009.jsonl.gz.partial"), new byte[3]);

        JsonLinesFileSink restarted = new JsonLinesFileSink(directory);
        // the exporter's cursor had not moved for records 2 and 3: they come again
        restarted.deliver(records.subList(1, 5));
        restarted.close();

        assertThat(names()).containsExactly(FILE_5);
        assertThat(lines(directory.resolve(FILE_5))).containsExactlyElementsOf(lines(records));
    }

    @Test
    void aRangeDeliveredAgainAfterTheStateWasLostGoesToAFileOfItsOwn() throws Exception {
        List<StoredAuditRecord> records = TestRecords.chain(H5, H5);
        JsonLinesFileSink sink = new JsonLinesFileSink(directory);
        sink.deliver(records);
        sink.close();
        Files.delete(directory.resolve(JsonLinesFileSink.STATE_FILE));

        JsonLinesFileSink again = new JsonLinesFileSink(directory);
        again.deliver(records);
        again.close();
        assertThat(names()).containsExactly("strongroom-audit-20250304T05-0000000000000001-1.jsonl.gz", FILE_5);
        assertThat(lines(directory.resolve("strongroom-audit-20250304T05-0000000000000001-1.jsonl.gz")))
                .containsExactlyElementsOf(lines(records));
    }

    @Test
    void aPartialFileShorterThanConfirmedIsReportedNotOverwritten() throws Exception {
        List<StoredAuditRecord> records = TestRecords.chain(H5, H5);
        new JsonLinesFileSink(directory).deliver(records.subList(0, 1));
        Files.write(directory.resolve(FILE_5 + ".partial"), new byte[1]);

        JsonLinesFileSink restarted = new JsonLinesFileSink(directory);
        assertThatThrownBy(() -> restarted.deliver(records.subList(1, 2)))
                .isInstanceOf(IOException.class)
                .hasMessageEndingWith("holds 1 bytes but " + confirmedLength() + " were written to it: it was changed"
                        + " outside Strongroom");
    }

    @Test
    void filesAreReadableByTheOwnersGroupOnly() throws Exception {
        JsonLinesFileSink sink = new JsonLinesFileSink(directory.resolve("audit"));
        sink.deliver(TestRecords.chain(H5));
        sink.close();
        Path file = directory.resolve("audit").resolve(FILE_5);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve("audit"))))
                .isEqualTo("rwxr-x---");
    }

    private long confirmedLength() throws IOException {
        return Files.readAllLines(directory.resolve(JsonLinesFileSink.STATE_FILE)).stream()
                .filter(line -> line.startsWith("length=")).mapToLong(line -> Long.parseLong(line.substring(7)))
                .findFirst().orElseThrow();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> !name.startsWith("."))
                    .sorted().toList();
        }
    }

    private byte[] allFiles() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String name : names()) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(directory.resolve(name)))) {
                in.transferTo(all);
            }
        }
        return all.toByteArray();
    }

    private static List<String> lines(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).endsWith("\n");
            return List.of(text.split("\n"));
        }
    }

    private static List<String> lines(List<StoredAuditRecord> records) {
        List<String> lines = new ArrayList<>();
        for (StoredAuditRecord record : records) {
            lines.add(ExportLine.format(new ChainedRecord(record.sequence(), record.previousHash(), record.hash(),
                    record.eventJson())));
        }
        return lines;
    }

    private static VerificationReport verify(byte[] lines) throws IOException, NoSuchAlgorithmException {
        PublicKey anyKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        return new AuditVerifier(anyKey).verify(new ByteArrayInputStream(lines), List.of());
    }
}
