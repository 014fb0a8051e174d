package io.strongroom.blobstore;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.BlobStore;
import io.strongroom.core.spi.BlobWriterState;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Two {@link BlobStore}s as one: blobs of at most {@code threshold} bytes go to the small store (the
 * metadata database in a server), longer ones to the large store (files). A writer holds the first
 * {@code threshold} bytes in memory; the moment a blob outgrows them it opens a writer on the large
 * store, hands over what it held and streams the rest there, so memory stays bounded whatever the
 * size. The stores' ids must not overlap: {@code smallIds} tells the small store's apart, and every
 * other id goes to the large store, which refuses what it does not know.
 *
 * <p>Thread-safe when both stores are; each {@link BlobWriter} is meant for one thread at a time.
 */
public final class TieredBlobStore implements BlobStore {

    /**
     * Where a server draws the line, in bytes of ciphertext. A 4 KiB object (the common small object)
     * and its encryption overhead fit many times over; SQLite's measurements find blobs under about
     * 100 KB faster to read from the database than from files, and 32 KiB keeps PostgreSQL rows modest.
     */
    public static final int DEFAULT_THRESHOLD = 32 * 1024;

    /** The buffer a writer starts with: one small object's ciphertext; it grows up to the threshold. */
    private static final int INITIAL_BUFFER = 8 * 1024;

    private final BlobStore small;
    private final Predicate<String> smallIds;
    private final BlobStore large;
    private final int threshold;

    /**
     * @param small     where blobs of at most {@code threshold} bytes go
     * @param smallIds  true for exactly the ids {@code small} makes
     * @param large     where longer blobs go
     * @param threshold the longest blob, in bytes, that goes to {@code small}; also what a writer holds in memory
     */
    public TieredBlobStore(BlobStore small, Predicate<String> smallIds, BlobStore large, int threshold) {
        this.small = requireNonNull(small, "small");
        this.smallIds = requireNonNull(smallIds, "smallIds");
        this.large = requireNonNull(large, "large");
        if (threshold <= 0) {
            throw new IllegalArgumentException("threshold must be positive: " + threshold);
        }
        this.threshold = threshold;
    }

    @Override
    public BlobWriter create() {
        return new TieredWriter();
    }

    @Override
    public SeekableByteChannel open(String blobId) throws IOException {
        return storeOf(blobId).open(blobId);
    }

    @Override
    public void delete(String blobId) throws IOException {
        storeOf(blobId).delete(blobId);
    }

    @Override
    public void forEachBlob(Consumer<String> consumer) throws IOException {
        requireNonNull(consumer, "consumer");
        small.forEachBlob(consumer);
        large.forEachBlob(consumer);
    }

    @Override
    public int collectAbandonedWrites() throws IOException {
        return small.collectAbandonedWrites() + large.collectAbandonedWrites();
    }

    @Override
    public String toString() {
        return "TieredBlobStore[" + small + " up to " + threshold + " bytes, else " + large + "]";
    }

    private BlobStore storeOf(String blobId) {
        requireNonNull(blobId, "blobId");
        return smallIds.test(blobId) ? small : large;
    }

    /** Holds a blob in memory while it fits under the threshold, then streams it to the large store. */
    private final class TieredWriter implements BlobWriter {
        private final SpillingOutputStream output = new SpillingOutputStream();
        private BlobWriterState state = BlobWriterState.OPEN;
        /** The blob while it fits under the threshold; null once it spilled, committed or was discarded. */
        private ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.min(INITIAL_BUFFER, threshold));
        /** The large store's writer, once the blob has outgrown the threshold. */
        private BlobWriter spilled;
        /** The small store's writer, opened when the blob is committed (or asked how it commits). */
        private BlobWriter kept;

        @Override
        public OutputStream output() {
            return output;
        }

        @Override
        public synchronized String commit() throws IOException {
            state.requireCommittable();
            try {
                String id;
                if (spilled != null) {
                    id = spilled.commit();
                } else {
                    BlobWriter writer = smallWriter();
                    buffer.writeTo(writer.output());
                    id = writer.commit();
                }
                state = BlobWriterState.COMMITTED;
                return id;
            } finally {
                if (state == BlobWriterState.OPEN) {
                    discard();
                }
                buffer = null;
            }
        }

        @Override
        public synchronized boolean commitJoinsTransaction() {
            if (state != BlobWriterState.OPEN) {
                return false;
            }
            if (spilled != null) {
                return spilled.commitJoinsTransaction();
            }
            try {
                return smallWriter().commitJoinsTransaction();
            } catch (IOException e) {
                return false; // commit opens it again and reports the failure
            }
        }

        @Override
        public synchronized void close() {
            if (state == BlobWriterState.OPEN) {
                discard();
            }
            if (kept != null) {
                kept.close(); // a committed blob stays; an uncommitted one is discarded
            }
        }

        private BlobWriter smallWriter() throws IOException {
            if (kept == null) {
                kept = small.create();
            }
            return kept;
        }

        private void discard() {
            state = BlobWriterState.CLOSED;
            buffer = null;
            if (spilled != null) {
                spilled.close();
            }
            if (kept != null) {
                kept.close();
            }
        }

        private void append(byte[] bytes, int offset, int length) throws IOException {
            if (spilled != null) {
                spilled.output().write(bytes, offset, length);
                return;
            }
            if (length > threshold - buffer.size()) {
                spill();
                spilled.output().write(bytes, offset, length);
                return;
            }
            buffer.write(bytes, offset, length);
        }

        /** Moves what was held to a new writer of the large store, which takes every byte from now on. */
        private void spill() throws IOException {
            BlobWriter writer = large.create();
            try {
                buffer.writeTo(writer.output());
            } catch (IOException | RuntimeException | Error e) {
                writer.close();
                throw e;
            }
            spilled = writer;
            buffer = null;
        }

        /**
         * The writer's stream. Closing it flushes but does not end the blob; {@link #commit} still works,
         * so it may sit in a try-with-resources block.
         */
        private final class SpillingOutputStream extends OutputStream {
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                Objects.checkFromIndexSize(offset, length, bytes.length);
                synchronized (TieredWriter.this) {
                    state.requireWritable(closed);
                    append(bytes, offset, length);
                }
            }

            @Override
            public void flush() throws IOException {
                synchronized (TieredWriter.this) {
                    if (!closed && state == BlobWriterState.OPEN && spilled != null) {
                        spilled.output().flush();
                    }
                }
            }

            @Override
            public void close() throws IOException {
                synchronized (TieredWriter.this) {
                    if (!closed && state == BlobWriterState.OPEN && spilled != null) {
                        spilled.output().flush();
                    }
                    closed = true;
                }
            }
        }
    }
}
