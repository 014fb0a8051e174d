package io.strongroom.blobstore;

import io.strongroom.core.spi.BlobStore;
import io.strongroom.core.spi.BlobStore.BlobWriter;
import io.strongroom.core.spi.ReadOnlyBytesChannel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tiered store over an in-memory small store and a real {@link FileBlobStore} for large blobs. */
class TieredBlobStoreTest {
    private static final int THRESHOLD = 32 * 1024;
    private static final String FILE_ID = "[0-9a-f]{32}";

    @TempDir
    Path dir;

    private MemoryBlobStore small;
    private FileBlobStore large;
    private TieredBlobStore store;

    @BeforeEach
    void setUp() throws IOException {
        small = new MemoryBlobStore();
        large = new FileBlobStore(dir.resolve("large"));
        store = new TieredBlobStore(small, MemoryBlobStore::isItsId, large, THRESHOLD);
    }

    // ---- which tier

    @Test
    void aBlobOfExactlyTheThresholdGoesToTheSmallStore() throws IOException {
        byte[] body = randomBytes(THRESHOLD, 1);

        String id = write(body);

        assertThat(small.bodies).containsOnlyKeys(id);
        assertThat(largeIds()).isEmpty();
        assertThat(readAll(id)).isEqualTo(body);
    }

    @Test
    void aWriterCommitsInTheCallersTransactionExactlyWhileItsBlobGoesToTheSmallStore() throws IOException {
        try (BlobStore.BlobWriter writer = store.create()) {
            writer.output().write(randomBytes(THRESHOLD, 3));
            assertThat(writer.commitJoinsTransaction()).isTrue();
            writer.output().write(1); // one byte more: the blob moves to a file, whose commit syncs on its own
            assertThat(writer.commitJoinsTransaction()).isFalse();
            assertThat(writer.commit()).matches(FILE_ID);
        }
        assertThat(small.bodies).isEmpty();
    }

    @Test
    void oneByteMoreGoesToTheLargeStore() throws IOException {
        byte[] body = randomBytes(THRESHOLD + 1, 2);

        String id = write(body);

        assertThat(id).matches(FILE_ID);
        assertThat(largeIds()).containsExactly(id);
        assertThat(small.bodies).isEmpty();
        assertThat(readAll(id)).isEqualTo(body);
    }

    @Test
    void emptyAndTinyBlobsGoToTheSmallStore() throws IOException {
        String empty = write(new byte[0]);
        String tiny = write(new byte[] {7});

        assertThat(small.bodies).containsOnlyKeys(empty, tiny);
        assertThat(readAll(empty)).isEmpty();
        assertThat(readAll(tiny)).containsExactly(7);
    }

    @Test
    void theThresholdIsCrossedWhereverTheWritesSplit() throws IOException {
        byte[] body = randomBytes(THRESHOLD + 1, 3);
        String byteByByte;
        try (BlobWriter writer = store.create()) {
            OutputStream out = writer.output();
            for (byte b : body) {
                out.write(b);
            }
            byteByByte = writer.commit();
        }
        String inSlices;
        try (BlobWriter writer = store.create()) {
            OutputStream out = writer.output();
            out.write(body, 0, 1000);
            out.write(body, 1000, THRESHOLD - 1000); // exactly full
            out.write(body, THRESHOLD, 1); // and over
            inSlices = writer.commit();
        }
        String underThenFull;
        try (BlobWriter writer = store.create()) {
            writer.output().write(body, 0, 10);
            writer.output().write(body, 10, THRESHOLD - 10);
            underThenFull = writer.commit();
        }

        assertThat(largeIds()).containsExactlyInAnyOrder(byteByByte, inSlices);
        assertThat(small.bodies).containsOnlyKeys(underThenFull);
        assertThat(readAll(byteByByte)).isEqualTo(body);
        assertThat(readAll(inSlices)).isEqualTo(body);
        assertThat(readAll(underThenFull)).isEqualTo(Arrays.copyOf(body, THRESHOLD));
    }

    @Test
    void aMultiMebibyteBlobStreamsToTheLargeStoreAsItIsWritten() throws IOException {
        byte[] body = randomBytes(6 * 1024 * 1024 + 5, 4);
        String id;
        try (BlobWriter writer = store.create()) {
            OutputStream out = writer.output();
            for (int offset = 0; offset < body.length; offset += 64 * 1024) {
                out.write(body, offset, Math.min(64 * 1024, body.length - offset));
            }
            // before the commit, the large store's unfinished file already holds nearly all of it
            assertThat(temporaryBytes()).isGreaterThan(body.length - FileBlobStore.BUFFER_SIZE - THRESHOLD);
            id = writer.commit();
        }
        assertThat(id).matches(FILE_ID);
        assertThat(readAll(id)).isEqualTo(body);
        assertThat(small.bodies).isEmpty();
    }

    // ---- routing by id

    @Test
    void openAndDeleteGoToTheStoreTheIdBelongsTo() throws IOException {
        String smallId = write(new byte[] {1});
        String largeId = write(randomBytes(THRESHOLD + 100, 5));

        try (SeekableByteChannel channel = store.open(largeId)) {
            channel.position(THRESHOLD);
            ByteBuffer tail = ByteBuffer.allocate(200);
            assertThat(channel.read(tail)).isEqualTo(100);
        }
        store.delete(smallId);
        assertThat(small.bodies).isEmpty();
        assertThat(largeIds()).containsExactly(largeId);
        assertThatThrownBy(() -> store.open(smallId)).isInstanceOf(NoSuchFileException.class);

        store.delete(largeId);
        assertThat(largeIds()).isEmpty();
        assertThatThrownBy(() -> store.open(largeId)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void anIdOfNeitherStoreIsRefused() {
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete("m-but-not-quite")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void forEachBlobAndCollectionCoverBothStores() throws IOException {
        String smallId = write(new byte[] {1});
        String largeId = write(randomBytes(THRESHOLD + 1, 6));
        small.abandoned.set(2);
        Files.writeString(dir.resolve("large").resolve("tmp").resolve("left-by-a-crash.tmp"), "x");

        List<String> ids = new ArrayList<>();
        store.forEachBlob(ids::add);

        assertThat(ids).containsExactlyInAnyOrder(smallId, largeId);
        assertThat(store.collectAbandonedWrites()).isEqualTo(3);
    }

    // ---- writers

    @Test
    void closingWithoutCommitLeavesNothingInEitherStore() throws IOException {
        try (BlobWriter writer = store.create()) {
            writer.output().write(randomBytes(100, 7));
        }
        try (BlobWriter writer = store.create()) {
            writer.output().write(randomBytes(THRESHOLD * 3, 8));
            assertThat(temporaryBytes()).isPositive();
        }

        assertThat(small.bodies).isEmpty();
        assertThat(small.created.get()).isZero(); // a small blob touches the small store only to commit
        assertThat(largeIds()).isEmpty();
        assertThat(temporaryBytes()).isZero();
        assertThat(store.collectAbandonedWrites()).isZero();
    }

    @Test
    void commitIsAllowedOnceAndEndsTheStream() throws IOException {
        for (int size : new int[] {10, THRESHOLD + 10}) {
            try (BlobWriter writer = store.create()) {
                writer.output().write(new byte[size]);
                writer.commit();

                assertThatThrownBy(writer::commit).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> writer.output().write(1)).isInstanceOf(IOException.class);
            }
        }
        assertThat(small.bodies).hasSize(1);
        assertThat(largeIds()).hasSize(1);
    }

    @Test
    void aClosedWriterCannotCommit() throws IOException {
        BlobWriter writer = store.create();
        writer.output().write(1);
        writer.close();

        assertThatThrownBy(writer::commit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> writer.output().write(1)).isInstanceOf(IOException.class);
    }

    @Test
    void closingTheStreamDoesNotEndTheBlob() throws IOException {
        byte[] body = randomBytes(THRESHOLD + 1, 9);
        for (byte[] content : List.of(new byte[] {1, 2}, body)) {
            try (BlobWriter writer = store.create()) {
                try (OutputStream out = writer.output()) {
                    out.write(content);
                }
                assertThatThrownBy(() -> writer.output().write(3)).isInstanceOf(IOException.class);
                assertThat(readAll(writer.commit())).isEqualTo(content);
            }
        }
    }

    @Test
    void theThresholdMustBePositive() {
        assertThatThrownBy(() -> new TieredBlobStore(small, MemoryBlobStore::isItsId, large, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers

    private String write(byte[] body) throws IOException {
        try (BlobWriter writer = store.create()) {
            writer.output().write(body);
            return writer.commit();
        }
    }

    private byte[] readAll(String id) throws IOException {
        try (SeekableByteChannel channel = store.open(id)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading
            }
            return buffer.array();
        }
    }

    private List<String> largeIds() throws IOException {
        List<String> ids = new ArrayList<>();
        large.forEachBlob(ids::add);
        return ids;
    }

    /** The bytes in the large store's unfinished writes. */
    private long temporaryBytes() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("large").resolve("tmp"))) {
            long total = 0;
            for (Path file : files.toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** A fake small store: bodies in a map under ids "m" and a number, which no file id resembles. */
    private static final class MemoryBlobStore implements BlobStore {
        final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger abandoned = new AtomicInteger();
        private final AtomicInteger next = new AtomicInteger();

        static boolean isItsId(String id) {
            return id.matches("m[0-9]+");
        }

        @Override
        public BlobWriter create() {
            created.incrementAndGet();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            return new BlobWriter() {
                private boolean committed;

                @Override
                public OutputStream output() {
                    return buffer;
                }

                @Override
                public String commit() {
                    if (committed) {
                        throw new IllegalStateException("blob already committed");
                    }
                    committed = true;
                    String id = "m" + next.incrementAndGet();
                    bodies.put(id, buffer.toByteArray());
                    return id;
                }

                @Override
                public boolean commitJoinsTransaction() {
                    return true; // as the database tier's writer answers
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public SeekableByteChannel open(String blobId) throws IOException {
            byte[] body = bodies.get(requireOwn(blobId));
            if (body == null) {
                throw new NoSuchFileException(blobId);
            }
            return new ReadOnlyBytesChannel(body);
        }

        @Override
        public void delete(String blobId) {
            bodies.remove(requireOwn(blobId));
        }

        @Override
        public void forEachBlob(Consumer<String> consumer) {
            bodies.keySet().forEach(consumer);
        }

        @Override
        public int collectAbandonedWrites() {
            return abandoned.getAndSet(0);
        }

        private static String requireOwn(String blobId) {
            if (!isItsId(blobId)) {
                throw new IllegalArgumentException("not an id of this store");
            }
            return blobId;
        }
    }
}
