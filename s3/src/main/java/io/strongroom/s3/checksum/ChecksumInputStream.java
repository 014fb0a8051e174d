package io.strongroom.s3.checksum;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import static java.util.Objects.checkFromIndexSize;
import static java.util.Objects.requireNonNull;

/**
 * Passes a body through while feeding every byte that goes by to the given checksum digests and to an
 * MD5 for the ETag, so an upload is stored and checked in one pass. Bulk reads cost one digest update per
 * digest per read, not per byte. Skipped bytes are read and digested too, so a skip cannot smuggle bytes
 * past the checksums; mark and reset are not supported. Not thread-safe.
 */
public final class ChecksumInputStream extends InputStream {
    private final InputStream in;
    private final ChecksumDigest[] digests;
    private final MessageDigest md5;
    private final byte[] single = new byte[1];
    private long count;
    private byte[] md5Value;

    /** Wraps {@code in}; it is closed with this stream. */
    public ChecksumInputStream(InputStream in, List<ChecksumDigest> digests) {
        this.in = requireNonNull(in, "in");
        this.digests = requireNonNull(digests, "digests").toArray(ChecksumDigest[]::new);
        for (ChecksumDigest digest : this.digests) {
            requireNonNull(digest, "a digest");
        }
        try {
            this.md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    public ChecksumInputStream(InputStream in, ChecksumDigest... digests) {
        this(in, List.of(requireNonNull(digests, "digests")));
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            single[0] = (byte) b;
            digest(single, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkFromIndexSize(offset, length, buffer.length);
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            digest(buffer, offset, n);
        }
        return n;
    }

    /** Reads and digests up to {@code n} bytes rather than skipping them unseen. */
    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        byte[] buffer = new byte[(int) Math.min(n, 8192)];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void digest(byte[] bytes, int offset, int length) {
        if (md5Value != null) {
            throw new IllegalStateException("the digests are already finished");
        }
        md5.update(bytes, offset, length);
        for (ChecksumDigest digest : digests) {
            digest.update(bytes, offset, length);
        }
        count += length;
    }

    /** How many bytes have passed through. */
    public long bytesRead() {
        return count;
    }

    /** The digests this stream feeds, in the order given. */
    public List<ChecksumDigest> digests() {
        return List.of(digests);
    }

    /**
     * The MD5 of the bytes read so far; read it after the body is consumed. It finishes the MD5: reading
     * further bytes afterwards throws {@link IllegalStateException}. A copy.
     */
    public byte[] md5() {
        if (md5Value == null) {
            md5Value = md5.digest();
        }
        return md5Value.clone();
    }

    /** {@link #md5()} in lowercase hex, as S3 puts it (quoted) in the ETag of a single-part upload. */
    public String md5Hex() {
        return HexFormat.of().formatHex(md5());
    }
}
