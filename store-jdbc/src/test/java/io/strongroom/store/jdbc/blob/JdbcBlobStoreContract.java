package io.strongroom.store.jdbc.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.spi.BlobStore.BlobWriter;
import io.strongroom.iam.testing.MutableClock;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.Sql;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The database store of small blobs on one vendor: the {@code BlobStore} contract, with its size limit. */
abstract class JdbcBlobStoreContract {
    private static final int MAXIMUM = 32 * 1024;
    private static final String ID_PATTERN = "d[0-9a-f]{32}";

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private Database database;
    private JdbcBlobStore store;

    abstract Database openEmptyDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        database = openEmptyDatabase();
        store = new JdbcBlobStore(database.transactor(), clock, MAXIMUM);
    }

    @AfterEach
    void close() {
        database.close();
    }

    // ---- round trips

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4096, 8 * 1024 + 1, MAXIMUM})
    void roundTripsABlobOfEverySizeUpToTheMaximum(int size) throws IOException {
        byte[] body = randomBytes(size, size);

        String id = write(body);

        assertThat(id).matches(ID_PATTERN);
        assertThat(JdbcBlobStore.isValidBlobId(id)).isTrue();
        assertThat(readAll(id)).isEqualTo(body);
        try (SeekableByteChannel channel = store.open(id)) {
            assertThat(channel.size()).isEqualTo(size);
        }
    }

    @Test
    void aCommitInsideATransactionJoinsItAndGoesWithItsRollback() throws IOException {
        byte[] body = randomBytes(4096, 11);
        List<String> committed = new ArrayList<>();
        try (BlobWriter writer = store.create()) {
            writer.output().write(body);
            assertThat(writer.commitJoinsTransaction()).isTrue();
            assertThatThrownBy(() -> database.transactor().inTransaction(() -> {
                committed.add(uncheckedCommit(writer));
                throw new IllegalStateException("the record of the blob could not be written");
            })).isInstanceOf(IllegalStateException.class);
        }
        assertThat(committed).hasSize(1);
        assertThatThrownBy(() -> store.open(committed.getFirst())).isInstanceOf(NoSuchFileException.class);

        String kept;
        try (BlobWriter writer = store.create()) {
            writer.output().write(body);
            kept = database.transactor().inTransaction(() -> uncheckedCommit(writer));
        }
        assertThat(readAll(kept)).isEqualTo(body);
    }

    private static String uncheckedCommit(BlobWriter writer) {
        try {
            return writer.commit();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void bytesWrittenOneAtATimeAndInSlicesArriveInOrder() throws IOException {
        byte[] body = randomBytes(20_000, 7);
        String id;
        try (BlobWriter writer = store.create()) {
            OutputStream out = writer.output();
            out.write(body[0]);
            out.write(body, 1, 9_999);
            out.write(body[10_000]);
            out.write(body, 10_001, body.length - 10_001);
            id = writer.commit();
        }
        assertThat(readAll(id)).isEqualTo(body);
    }

    @Test
    void eachCommitMakesADifferentIdAndTheCreationTimeIsKept() throws IOException {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            ids.add(write(new byte[] {(byte) i}));
        }
        assertThat(ids).hasSize(20).allMatch(id -> id.matches(ID_PATTERN));
        String id = ids.iterator().next();
        long created = database.transactor().withConnection(c -> Sql.count(c,
                "SELECT created FROM small_blobs WHERE id = ?", id));
        assertThat(created).isEqualTo(clock.millis());
    }

    @Test
    void aBlobLongerThanTheMaximumIsRefusedAndLeavesNothing() throws IOException {
        try (BlobWriter writer = store.create()) {
            writer.output().write(new byte[MAXIMUM]);
            assertThatThrownBy(() -> writer.output().write(1)).isInstanceOf(IOException.class)
                    .hasMessageContaining(String.valueOf(MAXIMUM));
        }
        assertThat(ids()).isEmpty();
    }

    // ---- random access

    @Test
    void theChannelReadsFromAnyPosition() throws IOException {
        byte[] body = randomBytes(30_000, 3);
        String id = write(body);

        try (SeekableByteChannel channel = store.open(id)) {
            ByteBuffer middle = ByteBuffer.allocate(1_000);
            channel.position(12_345);
            assertThat(channel.read(middle)).isEqualTo(1_000);
            assertThat(middle.array()).isEqualTo(java.util.Arrays.copyOfRange(body, 12_345, 13_345));
            assertThat(channel.position()).isEqualTo(13_345);

            channel.position(29_990);
            ByteBuffer tail = ByteBuffer.allocate(100);
            assertThat(channel.read(tail)).isEqualTo(10);
            assertThat(tail.flip().remaining()).isEqualTo(10);
            assertThat(channel.read(ByteBuffer.allocate(1))).isEqualTo(-1);

            channel.position(40_000); // past the end, as a file allows
            assertThat(channel.read(ByteBuffer.allocate(1))).isEqualTo(-1);

            channel.position(0);
            ByteBuffer head = ByteBuffer.allocate(4);
            channel.read(head);
            assertThat(head.array()).isEqualTo(java.util.Arrays.copyOf(body, 4));
            assertThatThrownBy(() -> channel.position(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theChannelIsReadOnlyAndClosable() throws IOException {
        String id = write(new byte[] {1, 2, 3});
        SeekableByteChannel channel = store.open(id);

        assertThatThrownBy(() -> channel.write(ByteBuffer.allocate(1))).isInstanceOf(NonWritableChannelException.class);
        assertThatThrownBy(() -> channel.truncate(0)).isInstanceOf(NonWritableChannelException.class);
        channel.close();
        assertThat(channel.isOpen()).isFalse();
        assertThatThrownBy(() -> channel.read(ByteBuffer.allocate(1))).isInstanceOf(ClosedChannelException.class);
        assertThat(readAll(id)).containsExactly(1, 2, 3);
    }

    // ---- ids

    @Test
    void anAbsentBlobIsNoSuchFile() {
        assertThatThrownBy(() -> store.open("d" + "0".repeat(32))).isInstanceOf(NoSuchFileException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "d", "0123456789abcdef0123456789abcdef", "d0123456789ABCDEF0123456789abcdef",
            "e0123456789abcdef0123456789abcdef", "d0123456789abcdef0123456789abcde", "d0123456789abcdef0123456789abcdef0",
            "d../../../../../../../etc/passwd00", "d0123456789abcdef0123456789abcde'"})
    void malformedIdsAreRefusedBeforeTheDatabaseSeesThem(String id) {
        assertThat(JdbcBlobStore.isValidBlobId(id)).isFalse();
        assertThatThrownBy(() -> store.open(id)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete(id)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNullIdIsRefused() {
        assertThat(JdbcBlobStore.isValidBlobId(null)).isFalse();
        assertThatThrownBy(() -> store.open(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.delete(null)).isInstanceOf(NullPointerException.class);
    }

    // ---- delete and listing

    @Test
    void deleteRemovesOnlyThatBlobAndToleratesAbsence() throws IOException {
        String kept = write(new byte[] {1});
        String deleted = write(new byte[] {2});

        store.delete(deleted);
        store.delete(deleted);
        store.delete("d" + "f".repeat(32));

        assertThatThrownBy(() -> store.open(deleted)).isInstanceOf(NoSuchFileException.class);
        assertThat(readAll(kept)).containsExactly(1);
        assertThat(ids()).containsExactly(kept);
    }

    @Test
    void forEachBlobReportsEveryCommittedBlobOnceAcrossPages() throws IOException {
        Set<String> written = new HashSet<>();
        for (int i = 0; i < 2_345; i++) { // more than two pages
            written.add(write(new byte[] {(byte) i}));
        }
        List<String> reported = ids();
        assertThat(reported).hasSize(written.size()).containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void theListingLetsItsConsumerDeleteWhatWasReported() throws IOException {
        for (int i = 0; i < 1_500; i++) {
            write(new byte[] {(byte) i});
        }
        List<String> seen = new ArrayList<>();
        store.forEachBlob(id -> {
            seen.add(id);
            try {
                store.delete(id);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(seen).hasSize(1_500).doesNotHaveDuplicates();
        assertThat(ids()).isEmpty();
    }

    @Test
    void rowsNotInTheStoresFormAreNotReported() throws IOException {
        String id = write(new byte[] {1});
        database.transactor().atomically(c -> Sql.update(c,
                "INSERT INTO small_blobs (id, body, created) VALUES (?, ?, ?)", "not-a-blob", new byte[] {0}, 0L));

        assertThat(ids()).containsExactly(id);
    }

    // ---- writers

    @Test
    void anUncommittedWriterLeavesNothing() throws IOException {
        try (BlobWriter writer = store.create()) {
            writer.output().write(randomBytes(5_000, 1));
        }
        BlobWriter abandoned = store.create();
        abandoned.output().write(1); // neither committed nor closed: still nothing in the database

        assertThat(ids()).isEmpty();
        long rows = database.transactor().withConnection(c -> Sql.count(c, "SELECT COUNT(*) FROM small_blobs"));
        assertThat(rows).isZero();
        assertThat(store.collectAbandonedWrites()).isZero();
        abandoned.close();
    }

    @Test
    void commitIsAllowedOnceAndNothingIsWrittenAfterIt() throws IOException {
        try (BlobWriter writer = store.create()) {
            writer.output().write(1);
            String id = writer.commit();

            assertThatThrownBy(writer::commit).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> writer.output().write(2)).isInstanceOf(IOException.class);
            writer.close(); // closing a committed writer keeps the blob
            assertThat(readAll(id)).containsExactly(1);
        }
        assertThat(ids()).hasSize(1);
    }

    @Test
    void aClosedWriterCannotCommitOrWrite() throws IOException {
        BlobWriter writer = store.create();
        writer.output().write(1);
        writer.close();

        assertThatThrownBy(writer::commit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> writer.output().write(2)).isInstanceOf(IOException.class);
        assertThat(ids()).isEmpty();
    }

    @Test
    void closingTheStreamDoesNotEndTheBlob() throws IOException {
        try (BlobWriter writer = store.create()) {
            try (OutputStream out = writer.output()) {
                out.write(new byte[] {4, 5});
            }
            assertThatThrownBy(() -> writer.output().write(6)).isInstanceOf(IOException.class);
            assertThat(readAll(writer.commit())).containsExactly(4, 5);
        }
    }

    @Test
    void aDatabaseFailureIsAnIoFailure() throws IOException {
        String id = write(new byte[] {1});
        BlobWriter writer = store.create();
        writer.output().write(2);
        database.close();

        assertThatThrownBy(() -> store.open(id)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> store.delete(id)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> store.forEachBlob(blob -> { })).isInstanceOf(IOException.class);
        assertThatThrownBy(writer::commit).isInstanceOf(IOException.class);
        assertThatThrownBy(writer::commit).as("a failed commit ends the writer")
                .isInstanceOf(IllegalStateException.class);
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

    private List<String> ids() throws IOException {
        List<String> ids = new ArrayList<>();
        store.forEachBlob(ids::add);
        return ids;
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
