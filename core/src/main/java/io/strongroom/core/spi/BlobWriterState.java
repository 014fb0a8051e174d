package io.strongroom.core.spi;

import java.io.IOException;

/**
 * Where a {@link BlobStore.BlobWriter} is in its life, and what every store's writer answers outside
 * {@link #OPEN}: so the stores refuse a second commit or a late write in the same words.
 */
public enum BlobWriterState {
    OPEN, COMMITTED, CLOSED;

    /** Refuses a commit after a commit or a close. */
    public void requireCommittable() {
        switch (this) {
            case COMMITTED -> throw new IllegalStateException("blob already committed");
            case CLOSED -> throw new IllegalStateException("blob writer closed");
            case OPEN -> {
            }
        }
    }

    /** Refuses a write after a commit or a close of the writer, or through an output stream already closed. */
    public void requireWritable(boolean streamClosed) throws IOException {
        switch (this) {
            case COMMITTED -> throw new IOException("blob already committed");
            case CLOSED -> throw new IOException("blob writer closed");
            case OPEN -> {
                if (streamClosed) {
                    throw new IOException("stream closed");
                }
            }
        }
    }
}
