package io.strongroom.s3.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;

/** How an object body goes to and comes back from its blob: {@link SegmentCipher}, always, but in benchmarks. */
public interface BodyCipher {

    /** Where the body's bytes are written; closing it finishes the blob's content. */
    OutputStream encryptingStream(OutputStream ciphertext, byte[] associatedData) throws IOException;

    /** Exactly {@code length} bytes of the body from {@code offset}; closing it closes the channel. */
    InputStream decryptingStream(SeekableByteChannel ciphertext, byte[] associatedData, long offset, long length)
            throws IOException;
}
