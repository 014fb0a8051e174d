package io.strongroom.store.jdbc.blob;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.StripedRandom;
import io.strongroom.core.spi.BlobStore;
import io.strongroom.core.spi.BlobWriterState;
import io.strongroom.core.spi.ReadOnlyBytesChannel;
import io.strongroom.store.jdbc.JdbcTransactor;
import io.strongroom.store.jdbc.Sql;
import io.strongroom.store.jdbc.StoreException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link BlobStore} for small blobs in the metadata database (table {@code small_blobs}, migration V18):
 * one row per blob, written in one statement when the blob is committed, so a small object costs a
 * database commit and no file, fsync or rename of its own. Bodies are held in memory while written and
 * read, which is why the store refuses a blob longer than its {@code maximumSize}; large blobs belong in
 * a file or object store, and {@code TieredBlobStore} sends them there.
 *
 * <p>Ids are {@value #ID_PREFIX} followed by 128 random bits as 32 lowercase hex characters: the prefix
 * keeps them apart from the file store's 32-character ids, so a tiered store can tell by the id where a
 * blob lives. Every id a caller passes in is checked against exactly that form.
 *
 * <p>Database failures surface as {@link IOException}s, as a file store's disk failures do, so callers
 * that handle a blob store's failures need not know which store they hold. Thread-safe; each
 * {@link BlobWriter} is meant for one thread at a time.
 */
public final class JdbcBlobStore implements BlobStore {
    /** What every id of this store begins with (its "d" for database). */
    public static final String ID_PREFIX = "d";

    private static final int RANDOM_HEX_LENGTH = 32;
    private static final int ID_LENGTH = ID_PREFIX.length() + RANDOM_HEX_LENGTH;
    private static final HexFormat HEX = HexFormat.of();
    /** The buffer a blob starts with: a small object's ciphertext; it grows up to the maximum. */
    private static final int INITIAL_BUFFER = 8 * 1024;
    /** Ids per query while listing; bodies are never read for a listing. */
    private static final int LISTING_PAGE = 1_000;

    private final JdbcTransactor transactor;
    private final Clock clock;
    private final int maximumSize;
    private final SecureRandom random = new StripedRandom();

    /**
     * @param maximumSize the longest blob, in bytes, that a writer accepts; every blob is held in memory
     *                    whole while written or read, so this bounds the memory of each
     */
    public JdbcBlobStore(JdbcTransactor transactor, Clock clock, int maximumSize) {
        this.transactor = requireNonNull(transactor, "transactor");
        this.clock = requireNonNull(clock, "clock");
        if (maximumSize <= 0) {
            throw new IllegalArgumentException("maximumSize must be positive: " + maximumSize);
        }
        this.maximumSize = maximumSize;
    }

    /** True when {@code blobId} is {@value #ID_PREFIX} and 32 lowercase hex characters, the only form this store makes. */
    public static boolean isValidBlobId(String blobId) {
        if (blobId == null || blobId.length() != ID_LENGTH || !blobId.startsWith(ID_PREFIX)) {
            return false;
        }
        for (int i = ID_PREFIX.length(); i < ID_LENGTH; i++) {
            char c = blobId.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public BlobWriter create() {
        return new RowWriter();
    }

    @Override
    public SeekableByteChannel open(String blobId) throws IOException {
        requireValid(blobId);
        Optional<byte[]> body = database(() -> transactor.withConnection(c -> Sql.one(c,
                "SELECT body FROM small_blobs WHERE id = ?", row -> row.getBytes(1), blobId)));
        if (body.isEmpty()) {
            throw new NoSuchFileException(blobId);
        }
        return new ReadOnlyBytesChannel(body.get());
    }

    @Override
    public void delete(String blobId) throws IOException {
        requireValid(blobId);
        database(() -> transactor.atomically(c -> Sql.update(c, "DELETE FROM small_blobs WHERE id = ?", blobId)));
    }

    /**
     * Pages through the ids in order, one query per page; the consumer is called between queries, with
     * no connection held, so it may use the database (and even delete blobs already reported).
     */
    @Override
    public void forEachBlob(Consumer<String> consumer) throws IOException {
        requireNonNull(consumer, "consumer");
        String after = "";
        while (true) {
            String from = after;
            List<String> page = database(() -> transactor.withConnection(c -> Sql.list(c,
                    "SELECT id FROM small_blobs WHERE id > ? ORDER BY id LIMIT " + LISTING_PAGE,
                    row -> row.getString(1), from)));
            for (String id : page) {
                // only what open and delete accept; a row put there by other means is left alone
                if (isValidBlobId(id)) {
                    consumer.accept(id);
                }
            }
            if (page.size() < LISTING_PAGE) {
                return;
            }
            after = page.get(page.size() - 1);
        }
    }

    /** Nothing to collect: a writer's bytes reach the database only in the commit that makes them visible. */
    @Override
    public int collectAbandonedWrites() {
        return 0;
    }

    @Override
    public String toString() {
        return "JdbcBlobStore[maximumSize=" + maximumSize + "]";
    }

    private static void requireValid(String blobId) {
        requireNonNull(blobId, "blobId");
        if (!isValidBlobId(blobId)) {
            throw new IllegalArgumentException("not a blob id of the database store: must be '" + ID_PREFIX
                    + "' and 32 lowercase hex characters");
        }
    }

    private String newId() {
        byte[] bytes = new byte[RANDOM_HEX_LENGTH / 2];
        random.nextBytes(bytes);
        return ID_PREFIX + HEX.formatHex(bytes);
    }

    private static <T> T database(DatabaseCall<T> call) throws IOException {
        try {
            return call.run();
        } catch (StoreException e) {
            throw new IOException("the database blob store failed", e);
        }
    }

    @FunctionalInterface
    private interface DatabaseCall<T> {
        T run();
    }

    /** Gathers a blob's bytes in memory and inserts its row on commit; until then the database sees nothing. */
    private final class RowWriter implements BlobWriter {
        private final BodyOutputStream output = new BodyOutputStream();
        private volatile BlobWriterState state = BlobWriterState.OPEN;
        private ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.min(INITIAL_BUFFER, maximumSize));

        @Override
        public OutputStream output() {
            return output;
        }

        @Override
        public synchronized String commit() throws IOException {
            state.requireCommittable();
            byte[] body = buffer.toByteArray();
            try {
                String id;
                do {
                    id = newId();
                    String candidate = id;
                    // 128 random bits make a collision practically impossible; never replace a blob anyway
                    int inserted = database(() -> transactor.atomically(c -> Sql.update(c,
                            "INSERT INTO small_blobs (id, body, created) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
                            candidate, body, clock.millis())));
                    if (inserted == 1) {
                        break;
                    }
                } while (true);
                state = BlobWriterState.COMMITTED;
                return id;
            } finally {
                buffer = null;
                if (state == BlobWriterState.OPEN) {
                    state = BlobWriterState.CLOSED;
                }
            }
        }

        /** The insert goes through the transactor: inside a transaction it joins it. */
        @Override
        public boolean commitJoinsTransaction() {
            return true;
        }

        @Override
        public synchronized void close() {
            if (state == BlobWriterState.OPEN) {
                state = BlobWriterState.CLOSED;
                buffer = null;
            }
        }

        private void append(byte[] bytes, int offset, int length) throws IOException {
            if (length > maximumSize - buffer.size()) {
                throw new IOException("blob longer than " + maximumSize + " bytes, the most this store keeps");
            }
            buffer.write(bytes, offset, length);
        }

        /**
         * The writer's stream. Closing it ends the stream but not the blob; {@link #commit} still works,
         * so it may sit in a try-with-resources block.
         */
        private final class BodyOutputStream extends OutputStream {
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                Objects.checkFromIndexSize(offset, length, bytes.length);
                synchronized (RowWriter.this) {
                    state.requireWritable(closed);
                    append(bytes, offset, length);
                }
            }

            @Override
            public void close() {
                closed = true;
            }
        }
    }
}
