package io.strongroom.blobstore;

import io.strongroom.core.spi.BlobStore;
import io.strongroom.core.spi.BlobStore.BlobWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FileBlobStoreTest {

    private static final String ID_PATTERN = "[0-9a-f]{32}";

    @TempDir
    Path dir;

    private Path root;
    private FileBlobStore store;

    @BeforeEach
    void setUp() throws IOException {
        root = dir.resolve("store");
        store = new FileBlobStore(root);
    }

    // --- round trips ---------------------------------------------------------------------------

    @Test
    void roundTripsAnEmptyBlob() throws IOException {
        String id = write(new byte[0]);

        assertThat(readAll(id)).isEmpty();
        try (SeekableByteChannel channel = store.open(id)) {
            assertThat(channel.size()).isZero();
            assertThat(channel.read(ByteBuffer.allocate(1))).isEqualTo(-1);
        }
    }

    @Test
    void roundTripsASmallBlob() throws IOException {
        byte[] body = "hello, strongroom".getBytes(StandardCharsets.UTF_8);

        String id = write(body);

        assertThat(readAll(id)).isEqualTo(body);
    }

    @Test
    void roundTripsAMultiMebibyteBlobWrittenInMixedSizes() throws IOException {
        byte[] body = randomBytes(5 * 1024 * 1024 + 7, 42);
        String id;
        try (BlobWriter writer = store.create()) {
            OutputStream out = writer.output();
            int position = 0;
            // single bytes, small arrays, exactly one buffer, more than one buffer, then the rest
            for (; position < 1000; position++) {
                out.write(body[position]);
            }
            out.write(body, position, 4093);
            position += 4093;
            // across the end of the small first buffer, which then grows
            out.write(body, position, FileBlobStore.SMALL_BUFFER_SIZE);
            position += FileBlobStore.SMALL_BUFFER_SIZE;
            out.write(body, position, FileBlobStore.BUFFER_SIZE);
            position += FileBlobStore.BUFFER_SIZE;
            out.write(body, position, 3 * FileBlobStore.BUFFER_SIZE + 17);
            position += 3 * FileBlobStore.BUFFER_SIZE + 17;
            out.write(body, position, FileBlobStore.BUFFER_SIZE - 1);
            position += FileBlobStore.BUFFER_SIZE - 1;
            out.write(body, position, body.length - position);
            id = writer.commit();
        }

        assertThat(Files.size(blobPath(id))).isEqualTo(body.length);
        assertThat(readAll(id)).isEqualTo(body);
    }

    @Test
    void aBlobLargerThanSeveralEarlyFlushesRoundTripsWhileTheyRun() throws IOException {
        int chunk = 1024 * 1024;
        int chunks = (int) (2 * FileBlobStore.EARLY_FLUSH_BYTES / chunk) + 3; // two early flushes and a tail
        MessageDigest written = sha256();
        String id;
        try (BlobWriter writer = store.create()) {
            for (int i = 0; i < chunks; i++) {
                byte[] piece = randomBytes(chunk, i);
                written.update(piece);
                writer.output().write(piece);
            }
            id = writer.commit();
        }
        MessageDigest read = sha256();
        try (InputStream in = Channels.newInputStream(store.open(id))) {
            byte[] buffer = new byte[chunk];
            for (int n; (n = in.read(buffer)) != -1; ) {
                read.update(buffer, 0, n);
            }
        }
        assertThat(Files.size(blobPath(id))).isEqualTo((long) chunks * chunk);
        assertThat(read.digest()).isEqualTo(written.digest());
    }

    @Test
    void aWriterDiscardedWhileAnEarlyFlushMayRunLeavesNothing() throws IOException {
        try (BlobWriter writer = store.create()) {
            writer.output().write(new byte[(int) FileBlobStore.EARLY_FLUSH_BYTES + 1]);
        }
        assertThat(store.collectAbandonedWrites()).isZero();
        List<String> ids = new ArrayList<>();
        store.forEachBlob(ids::add);
        assertThat(ids).isEmpty();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readsAtRandomOffsets() throws IOException {
        byte[] body = randomBytes(1024 * 1024 + 3, 7);
        String id = write(body);

        try (SeekableByteChannel channel = store.open(id)) {
            assertThat(channel.size()).isEqualTo(body.length);
            for (int offset : new int[] {body.length - 1, 0, FileBlobStore.BUFFER_SIZE - 1, 123_457, 1, 999_999}) {
                ByteBuffer slice = ByteBuffer.allocate(Math.min(100, body.length - offset));
                channel.position(offset);
                while (slice.hasRemaining() && channel.read(slice) >= 0) {
                    // keep reading
                }
                assertThat(slice.array())
                        .as("bytes at offset %d", offset)
                        .isEqualTo(Arrays.copyOfRange(body, offset, offset + slice.capacity()));
                assertThat(channel.position()).isEqualTo(offset + slice.capacity());
            }
            channel.position(body.length);
            assertThat(channel.read(ByteBuffer.allocate(10))).isEqualTo(-1);
        }
    }

    @Test
    void openedChannelIsReadOnly() throws IOException {
        String id = write(new byte[] {1, 2, 3});

        try (SeekableByteChannel channel = store.open(id)) {
            assertThatThrownBy(() -> channel.write(ByteBuffer.wrap(new byte[] {9})))
                    .isInstanceOf(NonWritableChannelException.class);
            assertThatThrownBy(() -> channel.truncate(0)).isInstanceOf(NonWritableChannelException.class);
        }
        assertThat(readAll(id)).containsExactly(1, 2, 3);
    }

    // --- visibility and atomicity ------------------------------------------------------------------

    @Test
    void blobIsInvisibleUntilCommittedAndThenLivesInItsFanOutDirectory() throws IOException {
        try (BlobWriter writer = store.create()) {
            writer.output().write(new byte[] {1, 2, 3});
            writer.output().flush();

            assertThat(ids()).isEmpty();
            assertThat(tmpEntries()).hasSize(1);

            String id = writer.commit();

            assertThat(ids()).containsExactly(id);
            assertThat(tmpEntries()).isEmpty();
            assertThat(blobPath(id)).isRegularFile();
        }
        assertThat(ids()).hasSize(1);
    }

    @Test
    void closeWithoutCommitLeavesNothing() throws IOException {
        BlobWriter writer = store.create();
        writer.output().write(randomBytes(FileBlobStore.BUFFER_SIZE * 2 + 5, 1));
        assertThat(tmpEntries()).hasSize(1);

        writer.close();
        writer.close();

        assertThat(tmpEntries()).isEmpty();
        assertThat(ids()).isEmpty();
        try (Stream<Path> fanOut = Files.list(root.resolve("blobs"))) {
            assertThat(fanOut).isEmpty();
        }
    }

    @Test
    void closeAfterCommitKeepsTheBlob() throws IOException {
        BlobWriter writer = store.create();
        writer.output().write(5);
        String id = writer.commit();

        writer.close();

        assertThat(readAll(id)).containsExactly(5);
    }

    @Test
    void commitTwiceIsRefused() throws IOException {
        try (BlobWriter writer = store.create()) {
            String id = writer.commit();

            assertThatThrownBy(writer::commit).isInstanceOf(IllegalStateException.class);
            assertThat(ids()).containsExactly(id);
        }
    }

    @Test
    void commitAfterCloseIsRefused() throws IOException {
        BlobWriter writer = store.create();
        writer.close();

        assertThatThrownBy(writer::commit).isInstanceOf(IllegalStateException.class);
        assertThat(ids()).isEmpty();
    }

    @Test
    void aFailedCommitDiscardsTheWriter() throws IOException {
        BlobWriter writer = store.create();
        writer.output().write(new byte[] {1, 2});
        List<Path> temps = tmpEntries();
        assertThat(temps).hasSize(1);
        Files.delete(temps.get(0));   // the rename into place now has nothing to move

        assertThatThrownBy(writer::commit).isInstanceOf(NoSuchFileException.class);

        assertThatThrownBy(writer::commit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> writer.output().write(3)).isInstanceOf(IOException.class);
        writer.close();
        assertThat(ids()).isEmpty();
        assertThat(tmpEntries()).isEmpty();
    }

    @Test
    void writingAfterCommitFails() throws IOException {
        try (BlobWriter writer = store.create()) {
            OutputStream out = writer.output();
            out.write(1);
            String id = writer.commit();

            assertThatThrownBy(() -> out.write(2)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> out.write(new byte[] {2, 3})).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> out.write(new byte[FileBlobStore.BUFFER_SIZE])).isInstanceOf(IOException.class);
            out.flush();
            out.close();
            assertThat(readAll(id)).containsExactly(1);
        }
    }

    @Test
    void writingAfterCloseFails() throws IOException {
        BlobWriter writer = store.create();
        OutputStream out = writer.output();
        out.write(1);
        writer.close();

        assertThatThrownBy(() -> out.write(2)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> out.write(new byte[] {2, 3})).isInstanceOf(IOException.class);
        assertThat(tmpEntries()).isEmpty();
    }

    @Test
    void closingTheOutputFlushesButStillAllowsCommit() throws IOException {
        String id;
        try (BlobWriter writer = store.create()) {
            try (OutputStream out = writer.output()) {
                out.write(new byte[] {4, 5, 6});
            }
            assertThatThrownBy(() -> writer.output().write(7)).isInstanceOf(IOException.class);
            id = writer.commit();
        }

        assertThat(readAll(id)).containsExactly(4, 5, 6);
    }

    @Test
    void badWriteArgumentsAreRefused() throws IOException {
        try (BlobWriter writer = store.create()) {
            OutputStream out = writer.output();

            assertThatThrownBy(() -> out.write(new byte[4], -1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> out.write(new byte[4], 3, 2)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> out.write(new byte[4], 0, -1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> out.write(null, 0, 1)).isInstanceOf(NullPointerException.class);
            out.write(new byte[] {8});
            String id = writer.commit();
            assertThat(readAll(id)).containsExactly(8);
        }
    }

    // --- abandoned writes ----------------------------------------------------------------------------

    @Test
    void collectsAbandonedWritesAndLeavesCommittedBlobs() throws IOException {
        String kept = write(new byte[] {1});
        BlobWriter crashed = store.create();          // a writer of a run that "crashed"
        crashed.output().write(new byte[] {2, 2});
        crashed.output().flush();
        Files.write(root.resolve("tmp").resolve("stray.tmp"), new byte[] {3});
        Path nested = Files.createDirectories(root.resolve("tmp").resolve("nested").resolve("deeper"));
        Files.write(nested.resolve("file"), new byte[] {4});

        FileBlobStore restarted = new FileBlobStore(root);
        int removed = restarted.collectAbandonedWrites();

        assertThat(removed).isEqualTo(3);
        assertThat(tmpEntries()).isEmpty();
        assertThat(restarted.collectAbandonedWrites()).isZero();
        assertThat(idsOf(restarted)).containsExactly(kept);
        try (SeekableByteChannel channel = restarted.open(kept)) {
            assertThat(channel.size()).isEqualTo(1);
        }
    }

    @Test
    void collectingDoesNotFollowSymbolicLinksOutOfTmp() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path precious = Files.write(outside.resolve("precious"), new byte[] {1});
        try {
            Files.createSymbolicLink(root.resolve("tmp").resolve("link"), outside);
        } catch (UnsupportedOperationException | IOException noLinks) {
            assumeTrue(false, "symbolic links not available");
        }

        assertThat(store.collectAbandonedWrites()).isEqualTo(1);

        assertThat(precious).exists();
        assertThat(tmpEntries()).isEmpty();
    }

    // --- ids -----------------------------------------------------------------------------------------

    @Test
    void idsAreUniqueAndWellFormed() throws IOException {
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            String id = write(new byte[] {(byte) i});
            assertThat(id).matches(ID_PATTERN);
            assertThat(FileBlobStore.isValidBlobId(id)).isTrue();
            made.add(id);
        }

        assertThat(made).hasSize(300);
        assertThat(ids()).containsExactlyInAnyOrderElementsOf(made);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "../x",
            "../../../../../../../../etc/passwd",
            "..",
            "0123456789abcdef0123456789abcde",       // 31
            "0123456789abcdef0123456789abcdef0",     // 33
            "0123456789ABCDEF0123456789ABCDEF",      // upper case
            "0123456789abcdef0123456789abcdeF",
            "01/23456789abcdef0123456789abcde",      // slash, 32 chars
            "0123456789abcdef/0123456789abcde",
            "/123456789abcdef0123456789abcdef",
            "0123456789abcdef0123456789abcd\\f",     // backslash
            "0123456789abcdef0123456789abcde\u0000", // NUL
            "0123456789abcdef0123456789abcdeg",
            "0123456789abcdef0123456789abcde ",
            " 0123456789abcdef0123456789abcde",
            "0123456789abcdef0123456789abcd\n0",
            "0123456789abcdef0123456789abcd\u0660\u0661", // Arabic-Indic digits
            "0123456789abcdef0123456789abcde\uff41",       // full-width 'a'
            "../../../../../../../../../../x0",            // 32 chars of traversal
            "0123456789abcdef0123456789abcdef.tmp",
    })
    void invalidIdsAreRefusedByOpenAndDelete(String bad) {
        assertThat(FileBlobStore.isValidBlobId(bad)).isFalse();
        assertThatThrownBy(() -> store.open(bad)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete(bad)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullIdsAreRefused() {
        assertThat(FileBlobStore.isValidBlobId(null)).isFalse();
        assertThatThrownBy(() -> store.open(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.delete(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void traversalIdsNeverTouchFilesOutsideTheStore() throws IOException {
        Path victim = Files.write(root.resolve("x"), new byte[] {1});
        Path blobsVictim = Files.write(root.resolve("blobs").resolve("x"), new byte[] {1});

        assertThatThrownBy(() -> store.delete("../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete("../../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open("../../x")).isInstanceOf(IllegalArgumentException.class);

        assertThat(victim).exists();
        assertThat(blobsVictim).exists();
    }

    // --- open / delete ---------------------------------------------------------------------------------

    @Test
    void openingAMissingBlobThrowsNoSuchFile() throws IOException {
        String existing = write(new byte[] {1});
        // same fan-out directories, different file
        String sibling = existing.substring(0, 4) + "0".repeat(28);
        String elsewhere = "f".repeat(32).equals(existing) ? "e".repeat(32) : "f".repeat(32);

        assertThatThrownBy(() -> store.open(sibling)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> store.open(elsewhere)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void deleteRemovesTheBlobAndIsIdempotent() throws IOException {
        String id = write(new byte[] {1, 2});
        String other = write(new byte[] {3});

        store.delete(id);
        store.delete(id);
        store.delete("0".repeat(32));   // never existed

        assertThatThrownBy(() -> store.open(id)).isInstanceOf(NoSuchFileException.class);
        assertThat(ids()).containsExactly(other);
        assertThat(readAll(other)).containsExactly(3);
    }

    @Test
    void blobsMayBeDeletedWhileBeingListed() throws IOException {
        for (int i = 0; i < 20; i++) {
            write(new byte[] {(byte) i});
        }

        store.forEachBlob(id -> {
            try {
                store.delete(id);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertThat(ids()).isEmpty();
    }

    // --- listing -------------------------------------------------------------------------------------------

    @Test
    void forEachBlobReportsOnlyValidIdsInTheirOwnDirectories() throws IOException {
        String id = write(new byte[] {1});
        Path blobs = root.resolve("blobs");
        String foreign = "ef0123456789abcdef0123456789abcd";
        Files.write(blobs.resolve("stray"), new byte[] {1});
        Files.write(blobs.resolve(foreign), new byte[] {1});                                    // wrong depth
        Files.createDirectories(blobs.resolve("zz").resolve("zz"));
        Files.write(blobs.resolve("zz").resolve("zz").resolve(foreign), new byte[] {1});        // bad fan-out
        Path right = Files.createDirectories(blobs.resolve("ab").resolve("cd"));
        Files.write(right.resolve("ABCDEF0123456789ABCDEF0123456789"), new byte[] {1});         // upper case
        Files.write(right.resolve("abcd" + "0".repeat(27)), new byte[] {1});                    // 31 chars
        Files.write(right.resolve(foreign), new byte[] {1});                                    // prefix ef01 != abcd
        Files.createDirectory(right.resolve("abcd" + "1".repeat(28)));                          // a directory
        Path wrong = Files.createDirectories(blobs.resolve("12").resolve("34"));
        Files.write(wrong.resolve(foreign), new byte[] {1});                                    // wrong fan-out
        String placed = "abcd" + "2".repeat(28);
        Files.write(right.resolve(placed), new byte[] {1});                                     // well placed

        assertThat(ids()).containsExactlyInAnyOrder(id, placed);
    }

    @Test
    void forEachBlobRefusesANullConsumer() {
        assertThatThrownBy(() -> store.forEachBlob(null)).isInstanceOf(NullPointerException.class);
    }

    // --- construction ------------------------------------------------------------------------------------------

    @Test
    void reopeningTheRootSeesCommittedBlobs() throws IOException {
        String id = write(new byte[] {9, 9});

        FileBlobStore reopened = new FileBlobStore(root);

        assertThat(idsOf(reopened)).containsExactly(id);
        assertThat(readAll(reopened, id)).containsExactly(9, 9);
    }

    @Test
    void createsMissingParentDirectories() throws IOException {
        Path deep = dir.resolve("a").resolve("b").resolve("c");

        FileBlobStore deepStore = new FileBlobStore(deep);
        String id = write(deepStore, new byte[] {1});

        assertThat(deep.resolve("blobs")).isDirectory();
        assertThat(deep.resolve("tmp")).isDirectory();
        assertThat(readAll(deepStore, id)).containsExactly(1);
    }

    @Test
    void aRootThatIsAFileIsRefused() throws IOException {
        Path file = Files.write(dir.resolve("file"), new byte[] {1});

        assertThatThrownBy(() -> new FileBlobStore(file)).isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void aNullRootIsRefused() {
        assertThatThrownBy(() -> new FileBlobStore(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void directoriesAreOwnerOnlyAndFilesOwnerReadWrite() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX only");
        Path fresh = dir.resolve("fresh").resolve("root");
        FileBlobStore posixStore = new FileBlobStore(fresh);

        try (BlobWriter writer = posixStore.create()) {
            writer.output().write(1);
            writer.output().flush();
            try (Stream<Path> temps = Files.list(fresh.resolve("tmp"))) {
                Path temp = temps.findFirst().orElseThrow();
                assertThat(permissions(temp)).isEqualTo("rw-------");
            }
            String id = writer.commit();

            Path blob = fresh.resolve("blobs").resolve(id.substring(0, 2)).resolve(id.substring(2, 4)).resolve(id);
            assertThat(permissions(blob)).isEqualTo("rw-------");
            assertThat(permissions(blob.getParent())).isEqualTo("rwx------");
            assertThat(permissions(blob.getParent().getParent())).isEqualTo("rwx------");
        }
        assertThat(permissions(fresh)).isEqualTo("rwx------");
        assertThat(permissions(fresh.getParent())).isEqualTo("rwx------");
        assertThat(permissions(fresh.resolve("blobs"))).isEqualTo("rwx------");
        assertThat(permissions(fresh.resolve("tmp"))).isEqualTo("rwx------");
    }

    // --- concurrency --------------------------------------------------------------------------------------------------

    @Test
    void concurrentWritersDoNotInterfere() throws Exception {
        int threads = 8;
        int blobsPerThread = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Written>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                Callable<List<Written>> task = () -> {
                    start.await();
                    List<Written> written = new ArrayList<>();
                    for (int b = 0; b < blobsPerThread; b++) {
                        byte[] body = randomBytes(300_000 + seed * 1_000 + b, seed * 100 + b);
                        try (BlobWriter writer = store.create()) {
                            OutputStream out = writer.output();
                            for (int offset = 0; offset < body.length; offset += 8_191) {
                                out.write(body, offset, Math.min(8_191, body.length - offset));
                                Thread.yield();
                            }
                            written.add(new Written(writer.commit(), body));
                        }
                        // an abandoned one in between, which must not disturb anybody else
                        try (BlobWriter discarded = store.create()) {
                            discarded.output().write(body, 0, 1000);
                        }
                    }
                    return written;
                };
                futures.add(pool.submit(task));
            }
            start.countDown();

            List<Written> all = new ArrayList<>();
            for (Future<List<Written>> future : futures) {
                all.addAll(future.get());
            }

            assertThat(all).hasSize(threads * blobsPerThread);
            assertThat(all.stream().map(Written::id).distinct()).hasSize(threads * blobsPerThread);
            for (Written written : all) {
                assertThat(readAll(written.id())).isEqualTo(written.body());
            }
            assertThat(ids()).containsExactlyInAnyOrderElementsOf(all.stream().map(Written::id).toList());
            assertThat(tmpEntries()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    private record Written(String id, byte[] body) {
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    private String write(byte[] body) throws IOException {
        return write(store, body);
    }

    private static String write(BlobStore target, byte[] body) throws IOException {
        try (BlobWriter writer = target.create()) {
            writer.output().write(body);
            return writer.commit();
        }
    }

    private byte[] readAll(String id) throws IOException {
        return readAll(store, id);
    }

    private static byte[] readAll(BlobStore source, String id) throws IOException {
        try (SeekableByteChannel channel = source.open(id)) {
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(channel.size()));
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading
            }
            assertThat(buffer.hasRemaining()).isFalse();
            return buffer.array();
        }
    }

    private List<String> ids() throws IOException {
        return idsOf(store);
    }

    private static List<String> idsOf(BlobStore source) throws IOException {
        List<String> ids = new ArrayList<>();
        source.forEachBlob(ids::add);
        return ids;
    }

    private List<Path> tmpEntries() throws IOException {
        try (Stream<Path> entries = Files.list(root.resolve("tmp"))) {
            return entries.toList();
        }
    }

    private Path blobPath(String id) {
        return root.resolve("blobs").resolve(id.substring(0, 2)).resolve(id.substring(2, 4)).resolve(id);
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
