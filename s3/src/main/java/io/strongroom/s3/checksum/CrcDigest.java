package io.strongroom.s3.checksum;

import java.nio.ByteBuffer;
import java.util.zip.Checksum;

/** A CRC as a {@link ChecksumDigest}: the value is the CRC's low {@code length} bytes, big-endian. */
final class CrcDigest extends ChecksumDigest {
    private final Checksum crc;

    CrcDigest(ChecksumAlgorithm algorithm, Checksum crc) {
        super(algorithm);
        this.crc = crc;
    }

    @Override
    void engineUpdate(byte[] bytes, int offset, int length) {
        crc.update(bytes, offset, length);
    }

    @Override
    void engineUpdate(ByteBuffer buffer) {
        crc.update(buffer);
    }

    @Override
    byte[] engineFinish() {
        long crcValue = crc.getValue();
        byte[] value = new byte[algorithm().length()];
        for (int i = value.length - 1; i >= 0; i--) {
            value[i] = (byte) crcValue;
            crcValue >>>= 8;
        }
        return value;
    }
}
