package io.strongroom.audit.export;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.ChainedRecord;
import io.strongroom.audit.ExportLine;
import io.strongroom.audit.StoredAuditRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the trail into a directory as gzip-compressed JSON Lines, one {@link ExportLine} per line,
 * one file per hour of record time: {@code strongroom-audit-<yyyyMMdd'T'HH>-<first sequence in 16
 * digits>.jsonl.gz} (UTC). Sorted by name, the files hold the records in sequence order, so
 * {@code zcat strongroom-audit-*.jsonl.gz} feeds {@code strongroom audit verify} directly.
 *
 * <p>A file is written as {@code <name>.partial}: each delivery appends one gzip member and is
 * flushed to disk ({@code fsync}) before it counts as delivered; the file gets its final name
 * (an atomic rename, then an {@code fsync} of the directory) when a record of a later hour arrives,
 * when the hour has passed while the export is idle, or on close. A file without {@code .partial}
 * is therefore always complete. The hour of a file only moves forward: a record whose time falls
 * in an hour already closed (it was appended late) goes into the current file.
 *
 * <p>A small state file ({@code .strongroom-audit-export.state}, replaced atomically after every
 * write) records the last sequence on disk and the confirmed length of the partial file. After a
 * crash the partial file is cut back to that length (dropping a torn tail) and records already on
 * disk are not written again. Only if the state file is lost can a range delivered again appear a
 * second time, in a file of its own ({@code ...-<first sequence>-1.jsonl.gz} when the name is
 * taken); the verifier reports such repeats as duplicates.
 *
 * <p>Files are created with mode 0640 and the directory with 0750 (where the file system has POSIX
 * permissions), so a log shipper in the owner's group can read them.
 */
public final class JsonLinesFileSink implements ExportSink {
    public static final String DEFAULT_NAME = "file";
    static final String STATE_FILE = ".strongroom-audit-export.state";
    private static final String PREFIX = "strongroom-audit-";
    private static final String SUFFIX = ".jsonl.gz";
    private static final String PARTIAL = ".partial";
    private static final Pattern PARTIAL_NAME =
            Pattern.compile("strongroom-audit-([0-9]{8}T[0-9]{2})-([0-9]{16})\\.jsonl\\.gz\\.partial");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuuMMdd'T'HH").withZone(ZoneOffset.UTC);
    private static final System.Logger LOG = System.getLogger(JsonLinesFileSink.class.getName());

    private final String name;
    private final Path directory;
    private boolean opened;
    /** The last sequence written to disk in this directory (0 when none). */
    private long lastWritten;
    /** The file of the current hour; null between hours. */
    private OpenFile current;

    /** The partial file being written: its hour, first sequence and confirmed length. */
    private record OpenFile(Path partial, String hour, long firstSequence, long length) {
        OpenFile withLength(long newLength) {
            return new OpenFile(partial, hour, firstSequence, newLength);
        }
    }

    public JsonLinesFileSink(String name, Path directory) {
        this.name = ExportCursor.requireValidName(name);
        this.directory = requireNonNull(directory, "directory").toAbsolutePath();
    }

    public JsonLinesFileSink(Path directory) {
        this(DEFAULT_NAME, directory);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void deliver(List<StoredAuditRecord> records) throws IOException {
        open();
        int from = 0;
        // records already on disk (delivered again after a crash) are not written twice
        while (from < records.size() && records.get(from).sequence() <= lastWritten) {
            from++;
        }
        while (from < records.size()) {
            String hour = HOUR.format(records.get(from).eventTime());
            if (current != null && hour.compareTo(current.hour()) > 0) {
                finish();
            }
            if (current == null) {
                current = create(hour, records.get(from).sequence());
            }
            int to = from + 1;
            while (to < records.size() && HOUR.format(records.get(to).eventTime()).compareTo(current.hour()) <= 0) {
                to++;
            }
            append(records.subList(from, to));
            from = to;
        }
    }

    /** Finishes the current file once its hour has passed. */
    @Override
    public synchronized void idle(Instant now) throws IOException {
        open();
        if (current != null && HOUR.format(now).compareTo(current.hour()) > 0) {
            finish();
        }
    }

    /** Finishes the current file, so that every file in the directory is complete. */
    @Override
    public synchronized void close() throws IOException {
        if (opened && current != null) {
            finish();
        }
    }

    /** Reads the state and repairs the directory after a crash, once. */
    private void open() throws IOException {
        if (opened) {
            return;
        }
        Files.createDirectories(directory, permissions("rwxr-x---"));
        State state = readState();
        lastWritten = state.lastSequence();
        current = null;
        if (state.partial() != null) {
            Path partial = directory.resolve(state.partial());
            if (Files.exists(partial)) {
                current = resume(partial, state.length());
            }
        }
        // a partial file the state does not name holds nothing that was confirmed as delivered
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX + PARTIAL)) {
            for (Path partial : partials) {
                if (current == null || !partial.equals(current.partial())) {
                    LOG.log(System.Logger.Level.WARNING, "Deleting " + partial
                            + ": an unfinished audit export file with no confirmed record; its records are written again");
                    Files.delete(partial);
                }
            }
        }
        opened = true;
    }

    /** Continues a partial file after a restart, cut back to its confirmed length. */
    private OpenFile resume(Path partial, long confirmedLength) throws IOException {
        Matcher name = PARTIAL_NAME.matcher(partial.getFileName().toString());
        if (!name.matches()) {
            throw new IOException("the export state names " + partial + ", which is not an audit export file");
        }
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size < confirmedLength) {
                throw new IOException(partial + " holds " + size + " bytes but " + confirmedLength
                        + " were written to it: it was changed outside Strongroom");
            }
            if (size > confirmedLength) {
                LOG.log(System.Logger.Level.WARNING, "Cutting " + (size - confirmedLength) + " unconfirmed bytes from "
                        + partial + " (a write interrupted by a crash)");
                channel.truncate(confirmedLength);
                channel.force(true);
            }
        }
        return new OpenFile(partial, name.group(1), Long.parseLong(name.group(2)), confirmedLength);
    }

    private OpenFile create(String hour, long firstSequence) throws IOException {
        Path partial = directory.resolve(fileName(hour, firstSequence, 0) + SUFFIX + PARTIAL);
        Files.createFile(partial, permissions("rw-r-----"));
        return new OpenFile(partial, hour, firstSequence, 0);
    }

    /** Appends the records as one gzip member, flushed to disk, then records the new length. */
    private void append(List<StoredAuditRecord> records) throws IOException {
        byte[] member = gzipMember(records);
        try (FileChannel channel = FileChannel.open(current.partial(), StandardOpenOption.WRITE)) {
            channel.position(current.length());
            ByteBuffer buffer = ByteBuffer.wrap(member);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        current = current.withLength(current.length() + member.length);
        lastWritten = records.getLast().sequence();
        writeState();
    }

    /** Gives the current file its final name. */
    private void finish() throws IOException {
        Path target = directory.resolve(fileName(current.hour(), current.firstSequence(), 0) + SUFFIX);
        for (int repeat = 1; Files.exists(target); repeat++) {
            // the range was delivered again after the state was lost: never overwrite a finished file
            target = directory.resolve(fileName(current.hour(), current.firstSequence(), repeat) + SUFFIX);
        }
        Files.move(current.partial(), target, StandardCopyOption.ATOMIC_MOVE);
        current = null;
        writeState();
    }

    private static String fileName(String hour, long firstSequence, int repeat) {
        return PREFIX + hour + "-" + String.format("%016d", firstSequence) + (repeat == 0 ? "" : "-" + repeat);
    }

    private static byte[] gzipMember(List<StoredAuditRecord> records) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(new GZIPOutputStream(bytes, 1 << 16), StandardCharsets.UTF_8)) {
            for (StoredAuditRecord record : records) {
                writer.write(ExportLine.format(new ChainedRecord(record.sequence(), record.previousHash(),
                        record.hash(), record.eventJson())));
                writer.write('\n');
            }
        }
        return bytes.toByteArray();
    }

    // ---- the state file

    /** What the state file says: the last sequence on disk, and the partial file with its confirmed length. */
    private record State(long lastSequence, String partial, long length) {
    }

    private State readState() throws IOException {
        Path file = directory.resolve(STATE_FILE);
        if (!Files.exists(file)) {
            return new State(0, null, 0);
        }
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        try {
            long lastSequence = Long.parseLong(values.get("lastSequence"));
            String partial = values.get("partial");
            long length = partial == null ? 0 : Long.parseLong(values.get("length"));
            return new State(lastSequence, partial, length);
        } catch (NumberFormatException e) {
            throw new IOException("the audit export state " + file + " is damaged; remove it to write every record"
                    + " after the export's cursor again");
        }
    }

    /** Replaces the state file atomically and makes the directory's entries durable. */
    private void writeState() throws IOException {
        StringBuilder text = new StringBuilder("lastSequence=").append(lastWritten).append('\n');
        if (current != null) {
            text.append("partial=").append(current.partial().getFileName()).append('\n')
                    .append("length=").append(current.length()).append('\n');
        }
        Path temporary = directory.resolve(STATE_FILE + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = StandardCharsets.UTF_8.encode(text.toString());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temporary, directory.resolve(STATE_FILE), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
    }

    /** Flushes the directory's entries (the renames) to disk. */
    private void forceDirectory() throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (isPosix()) {
                throw e;
            }
            // file systems without POSIX semantics cannot open a directory; their renames are durable on their own
        }
    }

    private boolean isPosix() throws IOException {
        return Files.getFileStore(directory).supportsFileAttributeView("posix");
    }

    private FileAttribute<?>[] permissions(String mode) throws IOException {
        Path existing = Files.exists(directory) ? directory : directory.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && Files.getFileStore(existing).supportsFileAttributeView("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))};
        }
        return new FileAttribute<?>[0];
    }

    @Override
    public String toString() {
        return "JsonLinesFileSink[" + name + " in " + directory + "]";
    }
}
