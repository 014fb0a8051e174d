package io.strongroom.s3.crypto;

import com.google.crypto.tink.StreamingAead;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.security.GeneralSecurityException;

/**
 * Tink's seekable decrypting channel with an honest end of stream. Tink 1.19 answers 0, not -1, to a
 * read at or past the plaintext size it infers from the ciphertext's length until it has decrypted the
 * last segment itself, which never happens for an empty body or a read positioned at the end; a caller
 * looping until -1 would spin, and a truncated or foreign ciphertext would never be caught there. This
 * channel authenticates the last segment (as last) before it reports the end.
 */
final class AuthenticatedEndChannel implements SeekableByteChannel {
    private final SeekableByteChannel plaintext;
    private final SeekableByteChannel ciphertext;
    private final StreamingAead aead;
    private final byte[] associatedData;
    private boolean endAuthenticated;

    AuthenticatedEndChannel(SeekableByteChannel plaintext, SeekableByteChannel ciphertext, StreamingAead aead,
                            byte[] associatedData) {
        this.plaintext = plaintext;
        this.ciphertext = ciphertext;
        this.aead = aead;
        this.associatedData = associatedData;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!dst.hasRemaining()) {
            return 0;
        }
        int n = plaintext.read(dst);
        if (n != 0 || plaintext.position() < plaintext.size()) {
            return n;
        }
        authenticateEnd();
        return -1;
    }

    /** Decrypts the last segment, so a truncated, extended or foreign ciphertext fails here. */
    void authenticateEnd() throws IOException {
        if (endAuthenticated) {
            return;
        }
        long size = plaintext.size();
        if (size > 0) {
            long position = plaintext.position();
            try {
                plaintext.position(size - 1);
                ByteBuffer last = ByteBuffer.allocate(1);
                while (last.hasRemaining()) {
                    if (plaintext.read(last) < 0) {
                        throw new IOException("the last segment could not be read");
                    }
                }
            } finally {
                plaintext.position(position);
            }
        } else {
            // An empty body is one empty segment, which the seekable channel never decrypts: read it through
            // a streaming decrypter instead. It is 56 bytes at most here, since the size was checked.
            ciphertext.position(0);
            try {
                InputStream stream = aead.newDecryptingStream(Channels.newInputStream(ciphertext), associatedData);
                if (stream.read() != -1) {
                    throw new IOException("an empty body decrypted to something",
                            new GeneralSecurityException("the ciphertext does not match its size"));
                }
            } catch (GeneralSecurityException e) {
                throw new IOException("the body could not be decrypted", e);
            }
        }
        endAuthenticated = true;
    }

    @Override
    public long position() throws IOException {
        return plaintext.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        if (newPosition < 0) {
            throw new IllegalArgumentException("a position is not negative: " + newPosition);
        }
        plaintext.position(newPosition);
        return this;
    }

    /** The plaintext size the ciphertext's length implies; authenticated only once the end has been read. */
    @Override
    public long size() throws IOException {
        return plaintext.size();
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return plaintext.isOpen();
    }

    @Override
    public void close() throws IOException {
        plaintext.close();
    }
}
