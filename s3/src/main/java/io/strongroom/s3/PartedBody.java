package io.strongroom.s3;

import static java.util.Objects.checkFromIndexSize;
import static java.util.Objects.requireNonNull;

import io.strongroom.core.spi.BlobStore;
import io.strongroom.s3.crypto.BodyCipher;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.List;

/**
 * The plaintext of a range of an object completed from parts: each part's blob decrypted with its own
 * associated data, opened only when the range reaches it, so a ranged GET reads only the parts it spans.
 */
final class PartedBody extends InputStream {
    private final BlobStore blobs;
    private final BodyCipher cipher;
    private final String bucket;
    private final String key;
    private final List<ObjectPart> parts;
    private int index;
    private long offsetInPart;
    private long remaining;
    private InputStream current;

    private PartedBody(BlobStore blobs, BodyCipher cipher, String bucket, String key, List<ObjectPart> parts,
                       int index, long offsetInPart, long remaining) {
        this.blobs = blobs;
        this.cipher = cipher;
        this.bucket = bucket;
        this.key = key;
        this.parts = parts;
        this.index = index;
        this.offsetInPart = offsetInPart;
        this.remaining = remaining;
    }

    /** The {@code length} bytes from {@code first}; the part holding {@code first} is opened at once. */
    static InputStream open(BlobStore blobs, BodyCipher cipher, String bucket, String key, List<ObjectPart> parts,
                            long first, long length) throws IOException {
        requireNonNull(blobs, "blobs");
        requireNonNull(cipher, "cipher");
        int index = 0;
        long offset = first;
        while (index < parts.size() - 1 && offset >= parts.get(index).size()) {
            offset -= parts.get(index).size();
            index++;
        }
        PartedBody body = new PartedBody(blobs, cipher, bucket, key, List.copyOf(parts), index, offset, length);
        if (length > 0) {
            body.openCurrent();
        }
        return body;
    }

    private void openCurrent() throws IOException {
        ObjectPart part = parts.get(index);
        long length = Math.min(part.size() - offsetInPart, remaining);
        SeekableByteChannel channel = blobs.open(part.blobId());
        try {
            current = cipher.decryptingStream(channel, MultipartOperations.partAssociatedData(bucket, key,
                    part.uploadId(), part.partNumber()), offsetInPart, length);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
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
        while (remaining > 0) {
            if (current == null) {
                if (index >= parts.size()) {
                    throw new EOFException("the parts end " + remaining + " bytes before the requested range");
                }
                openCurrent();
            }
            int n = current.read(buffer, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
                return n;
            }
            current.close();
            current = null;
            index++;
            offsetInPart = 0;
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
