package io.strongroom.s3.checksum;

import java.nio.ByteBuffer;
import java.util.Base64;

import static java.util.Objects.checkFromIndexSize;
import static java.util.Objects.requireNonNull;

/**
 * An incremental checksum of one of S3's algorithms. Feed it with {@code update}, then read the value once
 * with {@link #value()} or {@link #base64()}: reading finishes the digest, so a later update throws
 * {@link IllegalStateException}, while reading again returns the same value. Not thread-safe.
 */
public abstract sealed class ChecksumDigest permits CrcDigest, ShaDigest {
    private final ChecksumAlgorithm algorithm;
    private byte[] value;

    ChecksumDigest(ChecksumAlgorithm algorithm) {
        this.algorithm = requireNonNull(algorithm, "algorithm");
    }

    public final ChecksumAlgorithm algorithm() {
        return algorithm;
    }

    public final void update(byte[] bytes) {
        update(bytes, 0, bytes.length);
    }

    public final void update(byte[] bytes, int offset, int length) {
        checkFromIndexSize(offset, length, bytes.length);
        checkOpen();
        engineUpdate(bytes, offset, length);
    }

    /** Consumes the buffer's remaining bytes, leaving its position at its limit. */
    public final void update(ByteBuffer buffer) {
        requireNonNull(buffer, "buffer");
        checkOpen();
        engineUpdate(buffer);
    }

    /** The final value: the big-endian CRC (4 or 8 bytes) or the SHA digest. A copy. */
    public final byte[] value() {
        if (value == null) {
            value = engineFinish();
        }
        return value.clone();
    }

    /** The final value as S3 sends it in {@code x-amz-checksum-*}. */
    public final String base64() {
        return Base64.getEncoder().encodeToString(value());
    }

    /** Whether {@code expectedBase64}, as a client sent it, is this digest's value; finishes the digest. */
    public final boolean matches(String expectedBase64) {
        requireNonNull(expectedBase64, "expectedBase64");
        return base64().equals(expectedBase64);
    }

    private void checkOpen() {
        if (value != null) {
            throw new IllegalStateException("the " + algorithm + " digest is already finished");
        }
    }

    abstract void engineUpdate(byte[] bytes, int offset, int length);

    abstract void engineUpdate(ByteBuffer buffer);

    abstract byte[] engineFinish();
}
