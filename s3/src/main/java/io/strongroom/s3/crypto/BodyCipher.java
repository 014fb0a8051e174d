package io.strongroom.s3.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;

/** How an object body goes to and comes back from its blob: {@link SegmentCipher}, always, but in benchmarks. */
public interface BodyCipher {

    /** The {@code plaintextSize} of a body whose size is not known before it has been read. */
    long UNKNOWN_SIZE = -1;

    /**
     * Where the body's bytes are written; closing it finishes the blob's content. {@code plaintextSize} is
     * the body's size when the request declared it, else {@link #UNKNOWN_SIZE}; a body longer than the
     * size it declared fails to write.
     */
    OutputStream encryptingStream(OutputStream ciphertext, byte[] associatedData, long plaintextSize)
            throws IOException;

    /** {@link #encryptingStream(OutputStream, byte[], long)} of a body whose size is not known. */
    default OutputStream encryptingStream(OutputStream ciphertext, byte[] associatedData) throws IOException {
        return encryptingStream(ciphertext, associatedData, UNKNOWN_SIZE);
    }

    /** Exactly {@code length} bytes of the body from {@code offset}; closing it closes the channel. */
    InputStream decryptingStream(SeekableByteChannel ciphertext, byte[] associatedData, long offset, long length)
            throws IOException;
}
