package io.strongroom.core.spi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.function.Consumer;

/**
 * Where object bodies (already encrypted) are kept: the local file system by default, an
 * S3-compatible store when nodes scale out. A blob is written once and never changed; it becomes
 * visible under its id only when {@link BlobWriter#commit} returns, and the metadata that names it is
 * committed after that, so a crash leaves at worst an unreferenced blob for {@link #forEachBlob} to
 * find. Blob ids are made by the store; no caller-chosen name ever becomes a path.
 */
public interface BlobStore {

    /** Starts a new blob. Closing the writer without committing discards what was written. */
    BlobWriter create() throws IOException;

    /**
     * Opens a committed blob for random-access reading.
     *
     * @throws java.nio.file.NoSuchFileException when no committed blob has this id
     */
    SeekableByteChannel open(String blobId) throws IOException;

    /** Deletes a committed blob; deleting one that does not exist does nothing. */
    void delete(String blobId) throws IOException;

    /** Calls {@code consumer} with the id of every committed blob, in no particular order. */
    void forEachBlob(Consumer<String> consumer) throws IOException;

    /** Removes what unfinished writes of earlier runs left behind; returns how many were removed. */
    int collectAbandonedWrites() throws IOException;

    /** One blob being written. */
    interface BlobWriter extends AutoCloseable {
        /** Where the blob's bytes go; valid until {@link #commit} or {@link #close}. */
        OutputStream output();

        /** Makes the bytes durable and the blob visible; returns its id. At most once. */
        String commit() throws IOException;

        /**
         * Whether {@link #commit} is a write to the metadata store (a tier kept in the database): called
         * inside the transaction that records the blob, it joins it, and blob and record share one commit.
         * False by default: a file's commit syncs the disk and must not hold a transaction open meanwhile.
         */
        default boolean commitJoinsTransaction() {
            return false;
        }

        /** Discards the blob unless it was committed. */
        @Override
        void close();
    }
}
