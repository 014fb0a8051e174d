package io.strongroom.core.spi;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A blob held in memory, read-only, with the random access {@link BlobStore#open} promises: for a store
 * that keeps small blobs as values rather than files, and for tests that stand in for one. The array is
 * not copied; the caller must not change it. Thread-safe.
 */
public final class ReadOnlyBytesChannel implements SeekableByteChannel {
    private final byte[] bytes;
    private long position;
    private boolean open = true;

    public ReadOnlyBytesChannel(byte[] bytes) {
        this.bytes = requireNonNull(bytes, "bytes");
    }

    @Override
    public synchronized int read(ByteBuffer destination) throws IOException {
        ensureOpen();
        if (position >= bytes.length) {
            return -1;
        }
        int count = (int) Math.min(destination.remaining(), bytes.length - position);
        destination.put(bytes, (int) position, count);
        position += count;
        return count;
    }

    @Override
    public int write(ByteBuffer source) {
        throw new NonWritableChannelException();
    }

    @Override
    public synchronized long position() throws IOException {
        ensureOpen();
        return position;
    }

    /** As for a file, a position past the end is allowed; reads there find the end. */
    @Override
    public synchronized SeekableByteChannel position(long newPosition) throws IOException {
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position: " + newPosition);
        }
        ensureOpen();
        position = newPosition;
        return this;
    }

    @Override
    public synchronized long size() throws IOException {
        ensureOpen();
        return bytes.length;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public synchronized void close() {
        open = false;
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
