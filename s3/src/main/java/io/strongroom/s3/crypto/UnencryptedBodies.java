package io.strongroom.s3.crypto;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;

/**
 * Benchmarks only ({@code s3.benchmark-skip-encryption}, which {@code start} refuses): bodies stored as
 * they came, so a run can measure what encryption costs beside the same server without it.
 */
public final class UnencryptedBodies implements BodyCipher {
    public static final UnencryptedBodies INSTANCE = new UnencryptedBodies();

    private UnencryptedBodies() {
    }

    @Override
    public OutputStream encryptingStream(OutputStream ciphertext, byte[] associatedData, long plaintextSize) {
        return new FilterOutputStream(ciphertext) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }
        };
    }

    @Override
    public InputStream decryptingStream(SeekableByteChannel ciphertext, byte[] associatedData, long offset,
                                        long length) throws IOException {
        ciphertext.position(offset);
        InputStream whole = Channels.newInputStream(ciphertext);
        return new InputStream() {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = whole.read();
                left--;
                return b;
            }

            @Override
            public int read(byte[] buffer, int from, int count) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = whole.read(buffer, from, (int) Math.min(count, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                whole.close();
            }
        };
    }
}
