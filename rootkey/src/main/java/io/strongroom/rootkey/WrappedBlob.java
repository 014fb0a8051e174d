package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The self-describing blob every provider produces:
 * {@code format(1) | versionLength(1) | version(ASCII) | nonce(12) | ciphertext+tag}.
 * Everything before the ciphertext is the header, which is authenticated as associated data.
 */
record WrappedBlob(String version, byte[] nonce, byte[] ciphertext) {

    static final byte FORMAT = 1;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;

    WrappedBlob {
        RootKeyVersions.requireValid(version);
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("nonce must be " + NONCE_BYTES + " bytes");
        }
    }

    /** Parses the header; says nothing yet about authenticity. */
    static WrappedBlob parse(byte[] blob) {
        if (blob == null || blob.length < 2 || blob[0] != FORMAT) {
            throw new RootKeyException("Not a root-key blob (unknown format)");
        }
        int versionLength = Byte.toUnsignedInt(blob[1]);
        int ciphertextStart = 2 + versionLength + NONCE_BYTES;
        if (versionLength == 0 || blob.length < ciphertextStart + TAG_BYTES) {
            throw new RootKeyException("Not a root-key blob (truncated)");
        }
        String version = new String(blob, 2, versionLength, StandardCharsets.US_ASCII);
        if (!RootKeyVersions.isValid(version)) {
            throw new RootKeyException("Not a root-key blob (malformed version)");
        }
        byte[] nonce = Arrays.copyOfRange(blob, 2 + versionLength, ciphertextStart);
        byte[] ciphertext = Arrays.copyOfRange(blob, ciphertextStart, blob.length);
        return new WrappedBlob(version, nonce, ciphertext);
    }

    byte[] header() {
        byte[] versionBytes = version.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(2 + versionBytes.length + NONCE_BYTES)
                .put(FORMAT)
                .put((byte) versionBytes.length)
                .put(versionBytes)
                .put(nonce)
                .array();
    }

    byte[] toBytes() {
        byte[] header = header();
        return ByteBuffer.allocate(header.length + ciphertext.length).put(header).put(ciphertext).array();
    }

    /**
     * The AEAD associated data: header and caller data, each length-prefixed, so no two different
     * (header, caller data) pairs can produce the same bytes.
     */
    static byte[] boundAssociatedData(byte[] header, byte[] callerData) {
        byte[] data = callerData == null ? new byte[0] : callerData;
        return ByteBuffer.allocate(8 + header.length + data.length)
                .putInt(header.length).put(header)
                .putInt(data.length).put(data)
                .array();
    }

    @Override
    public String toString() {
        return "WrappedBlob[version=" + version + ", " + ciphertext.length + " bytes]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WrappedBlob that && Arrays.equals(toBytes(), that.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }
}
