package io.strongroom.s3.crypto;

import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import static java.util.Objects.checkFromIndexSize;
import static java.util.Objects.requireNonNull;

/**
 * Encrypts object bodies at rest in independently authenticated segments, with Tink's streaming AEAD
 * AES-GCM-HKDF: HKDF-SHA256 derives a fresh AES-256-GCM key per body from the 32-byte data key and a
 * random salt, and every 1 MiB ciphertext segment carries its own tag, its index and whether it is the
 * last, so segments cannot be altered, reordered, dropped or appended without decryption failing.
 * Reading a range therefore decrypts only the segments it overlaps.
 *
 * <p>The layout is Tink's: a 40-byte header (length byte, 32-byte salt, 7-byte nonce prefix), then
 * segments of 1,048,576 bytes (the first holds 40 bytes less plaintext) each ending in a 16-byte tag;
 * the last segment may be shorter and is never omitted, so even an empty body has one.
 *
 * <p>A body whose whole ciphertext fits in one segment is the same bytes whatever the segment size, since
 * the size is recorded nowhere and only shapes how a longer body is cut. Such small bodies are therefore
 * encrypted and decrypted with Tink's buffers sized to the body rather than to 1 MiB: allocating and
 * zeroing two 1 MiB buffers per call was the largest single cost of storing and reading 4 KiB objects.
 *
 * <p>Integrity failures surface as {@link IOException}s whose cause is a {@link GeneralSecurityException};
 * no plaintext of a segment is released before its tag has been checked.
 */
public final class SegmentCipher implements BodyCipher {
    /** The data key's length in bytes. */
    public static final int KEY_SIZE = 32;
    /** The size of a ciphertext segment, tag included. */
    public static final int CIPHERTEXT_SEGMENT_SIZE = 1 << 20;

    private static final String HKDF_ALGORITHM = "HmacSha256";
    private static final int TAG_SIZE = 16;
    private static final int NONCE_PREFIX_SIZE = 7;
    /** Length byte, salt as long as the derived key, nonce prefix. */
    private static final int HEADER_SIZE = 1 + KEY_SIZE + NONCE_PREFIX_SIZE;
    private static final int PLAINTEXT_SEGMENT_SIZE = CIPHERTEXT_SEGMENT_SIZE - TAG_SIZE;
    private static final byte[] ASSOCIATED_DATA_TAG = "strongroom/s3/object-body/v1".getBytes(StandardCharsets.US_ASCII);

    /** The smallest segment a small body is given: smaller ones save nothing measurable. */
    private static final int MIN_SINGLE_SEGMENT_SIZE = 4096;

    private final byte[] dataKey;
    private final StreamingAead aead;

    /**
     * A cipher under {@code dataKey}, which must be 32 bytes. The key is copied, so the caller may wipe its
     * array as soon as this returns.
     */
    public SegmentCipher(byte[] dataKey) {
        requireNonNull(dataKey, "dataKey");
        if (dataKey.length != KEY_SIZE) {
            throw new IllegalArgumentException("a data key has " + KEY_SIZE + " bytes, not " + dataKey.length);
        }
        // Kept for the lifetime of this cipher, one request's, to size Tink's buffers to small bodies.
        this.dataKey = dataKey.clone();
        this.aead = streamingAead(CIPHERTEXT_SEGMENT_SIZE);
    }

    private StreamingAead streamingAead(int ciphertextSegmentSize) {
        try {
            return new AesGcmHkdfStreaming(dataKey, HKDF_ALGORITHM, KEY_SIZE, ciphertextSegmentSize, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink refused AES-GCM-HKDF parameters it documents", e);
        }
    }

    /**
     * The streaming AEAD for a ciphertext of {@code ciphertextSize} bytes: segments of 1 MiB, or, when the
     * whole ciphertext fits in one such segment, a single segment just large enough (a power of two), which
     * yields and reads the very same bytes.
     */
    private StreamingAead forCiphertextSize(long ciphertextSize) {
        if (ciphertextSize < 0 || ciphertextSize > CIPHERTEXT_SEGMENT_SIZE) {
            return aead;
        }
        int segment = Math.max(MIN_SINGLE_SEGMENT_SIZE, Integer.highestOneBit((int) ciphertextSize - 1) << 1);
        return segment >= CIPHERTEXT_SEGMENT_SIZE ? aead : streamingAead(segment);
    }

    /**
     * A stream that encrypts what is written to it into {@code ciphertext}. Closing it writes the last
     * segment and closes {@code ciphertext}; a body whose stream was not closed is incomplete and will not
     * decrypt. A body of a declared {@code plaintextSize} that fits in one segment gets buffers of its
     * size, and writing more than it declared fails.
     */
    @Override
    public OutputStream encryptingStream(OutputStream ciphertext, byte[] associatedData, long plaintextSize)
            throws IOException {
        requireNonNull(ciphertext, "ciphertext");
        requireNonNull(associatedData, "associatedData");
        long ciphertextSize = plaintextSize < 0 ? plaintextSize : ciphertextSize(plaintextSize);
        StreamingAead chosen = forCiphertextSize(ciphertextSize);
        try {
            OutputStream encrypting = chosen.newEncryptingStream(ciphertext, associatedData.clone());
            return chosen == aead ? encrypting : new BoundedOutputStream(encrypting, plaintextSize);
        } catch (GeneralSecurityException e) {
            throw new IOException("the body could not be encrypted", e);
        }
    }

    /**
     * A read-only view of the plaintext of {@code ciphertext} with random access: positioning is free and
     * a read decrypts only the segments it touches. Its {@code size()} is inferred from the ciphertext's
     * length; a read reports the end (-1) only once the last segment has been authenticated as the last, so
     * a truncated or extended body fails there. Closing it closes {@code ciphertext}.
     */
    public SeekableByteChannel decryptingChannel(SeekableByteChannel ciphertext, byte[] associatedData)
            throws IOException {
        return open(ciphertext, associatedData);
    }

    private AuthenticatedEndChannel open(SeekableByteChannel ciphertext, byte[] associatedData) throws IOException {
        requireNonNull(ciphertext, "ciphertext");
        requireNonNull(associatedData, "associatedData");
        long size = ciphertext.size();
        requireWellFormedSize(size);
        byte[] aad = associatedData.clone();
        StreamingAead chosen = forCiphertextSize(size);
        try {
            return new AuthenticatedEndChannel(chosen.newSeekableDecryptingChannel(ciphertext, aad), ciphertext,
                    chosen, aad);
        } catch (GeneralSecurityException e) {
            throw new IOException("the body could not be decrypted", e);
        }
    }

    /**
     * Refuses a length no ciphertext has as the forgery it is: shorter than a header and a tag, or a last
     * segment after the first that holds no plaintext (the encrypter only ever writes an empty segment for
     * an empty body). Tink would refuse some of these without saying why, and would never decrypt a
     * trailing empty segment at all, so a cut there would otherwise pass for a shorter body.
     */
    private static void requireWellFormedSize(long size) throws IOException {
        long lastSegment = size % CIPHERTEXT_SEGMENT_SIZE;
        if (size < HEADER_SIZE + TAG_SIZE || (lastSegment > 0 && lastSegment <= TAG_SIZE)) {
            throw new IOException("the body could not be decrypted", new GeneralSecurityException(
                    "no ciphertext is " + size + " bytes long"));
        }
    }

    /**
     * Exactly the {@code length} plaintext bytes from {@code offset}, for a GET of a range or of the whole
     * body; only the segments the range overlaps are read and authenticated (all of the body's for an empty
     * range, which has nothing else to check). A genuine body that ends before the range does throws
     * {@link EOFException} rather than returning fewer bytes. Closing the stream closes {@code ciphertext}.
     */
    @Override
    public InputStream decryptingStream(SeekableByteChannel ciphertext, byte[] associatedData, long offset,
                                        long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("a range has a non-negative offset and length: " + offset + ", "
                    + length);
        }
        AuthenticatedEndChannel plaintext = open(ciphertext, associatedData);
        try {
            if (length == 0) {
                // Nothing to read, so nothing else would show that the body is this version's.
                plaintext.authenticateEnd();
            }
            plaintext.position(offset);
        } catch (IOException | RuntimeException e) {
            plaintext.close();
            throw e;
        }
        return new RangeStream(plaintext, length);
    }

    /** The size of the ciphertext of a {@code plaintextSize}-byte body. */
    public static long ciphertextSize(long plaintextSize) {
        if (plaintextSize < 0) {
            throw new IllegalArgumentException("a size is not negative: " + plaintextSize);
        }
        // The header takes the start of the first segment's plaintext room; the last segment is never empty
        // of ciphertext since the header is always there, so there is at least one segment.
        long withHeader = HEADER_SIZE + plaintextSize;
        long segments = (withHeader + PLAINTEXT_SEGMENT_SIZE - 1) / PLAINTEXT_SEGMENT_SIZE;
        return withHeader + segments * TAG_SIZE;
    }

    /**
     * The associated data that binds a body to the one version it belongs to: a format tag, then bucket,
     * key and version id, each as a 4-byte big-endian length and its UTF-8. No two different triples give
     * the same bytes, so a body copied under another name or version does not decrypt.
     */
    public static byte[] associatedData(String bucket, String key, String versionId) {
        requireNonNull(bucket, "bucket");
        requireNonNull(key, "key");
        requireNonNull(versionId, "versionId");
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + key.length());
        writeField(out, ASSOCIATED_DATA_TAG);
        writeField(out, bucket.getBytes(StandardCharsets.UTF_8));
        writeField(out, key.getBytes(StandardCharsets.UTF_8));
        writeField(out, versionId.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void writeField(ByteArrayOutputStream out, byte[] field) {
        int length = field.length;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        out.write(field, 0, length);
    }

    /**
     * Refuses bytes past the size a small body declared, which would otherwise spill into a second segment
     * of a size its reader could not know.
     */
    private static final class BoundedOutputStream extends FilterOutputStream {
        private long remaining;

        BoundedOutputStream(OutputStream out, long limit) {
            super(out);
            this.remaining = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            checkFromIndexSize(offset, length, bytes.length);
            if (length > remaining) {
                throw new IOException("the body is longer than the size it declared");
            }
            remaining -= length;
            out.write(bytes, offset, length);
        }
    }

    /** Reads exactly {@code remaining} bytes of a decrypting channel, or fails. */
    private static final class RangeStream extends InputStream {
        private final SeekableByteChannel channel;
        private long remaining;

        RangeStream(SeekableByteChannel channel, long remaining) {
            this.channel = channel;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkFromIndexSize(offset, length, buffer.length);
            if (length == 0) {
                return 0;
            }
            if (remaining == 0) {
                return -1;
            }
            ByteBuffer target = ByteBuffer.wrap(buffer, offset, (int) Math.min(length, remaining));
            int n;
            do {
                n = channel.read(target);
            } while (n == 0);
            if (n < 0) {
                throw new EOFException("the ciphertext ends " + remaining + " bytes before the requested range");
            }
            remaining -= n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = Math.max(0, Math.min(n, remaining));
            channel.position(channel.position() + skipped);
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() {
            return 0;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
