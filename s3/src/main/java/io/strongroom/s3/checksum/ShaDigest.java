package io.strongroom.s3.checksum;

import java.nio.ByteBuffer;
import java.security.MessageDigest;

/** A JDK message digest as a {@link ChecksumDigest}. */
final class ShaDigest extends ChecksumDigest {
    private final MessageDigest digest;

    ShaDigest(ChecksumAlgorithm algorithm, MessageDigest digest) {
        super(algorithm);
        this.digest = digest;
    }

    @Override
    void engineUpdate(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
    }

    @Override
    void engineUpdate(ByteBuffer buffer) {
        digest.update(buffer);
    }

    @Override
    byte[] engineFinish() {
        return digest.digest();
    }
}
