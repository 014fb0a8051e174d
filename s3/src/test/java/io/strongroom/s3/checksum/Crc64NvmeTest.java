package io.strongroom.s3.checksum;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Crc64NvmeTest {

    /** The CRC one bit at a time, straight from the definition, to check the sliced tables against. */
    private static long bitwise(byte[] data, int offset, int length) {
        long crc = ~0L;
        for (int i = offset; i < offset + length; i++) {
            crc ^= data[i] & 0xff;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x9A6C9329AC4BC9B5L : crc >>> 1;
            }
        }
        return ~crc;
    }

    @Test
    void theCheckValueIsTheCatalogued() {
        Crc64Nvme crc = new Crc64Nvme();
        crc.update("123456789".getBytes(StandardCharsets.US_ASCII));
        assertThat(crc.getValue()).isEqualTo(0xAE8B14860A799888L);
    }

    @Test
    void theEmptyInputHasCrcZero() {
        assertThat(new Crc64Nvme().getValue()).isZero();
    }

    @Test
    void slicingAgreesWithTheBitwiseDefinitionAtEveryLengthAndAlignment() {
        byte[] data = new byte[300];
        new Random(3).nextBytes(data);
        for (int offset = 0; offset < 9; offset++) {
            for (int length = 0; length <= data.length - offset; length++) {
                Crc64Nvme crc = new Crc64Nvme();
                crc.update(data, offset, length);
                assertThat(crc.getValue()).as("offset %d length %d", offset, length)
                        .isEqualTo(bitwise(data, offset, length));
            }
        }
    }

    @Test
    void singleBytesBuffersAndArraysMix() {
        byte[] data = new byte[10_000];
        new Random(4).nextBytes(data);
        Crc64Nvme crc = new Crc64Nvme();
        crc.update(data[0]);
        crc.update(data, 1, 999);
        crc.update(ByteBuffer.wrap(data, 1000, 1001).slice());
        ByteBuffer direct = ByteBuffer.allocateDirect(3000).put(data, 2001, 3000).flip();
        crc.update(direct);
        crc.update(ByteBuffer.wrap(data, 5001, 2000).asReadOnlyBuffer());
        crc.update(data, 7001, data.length - 7001);
        assertThat(crc.getValue()).isEqualTo(bitwise(data, 0, data.length));
    }

    @Test
    void aBufferUpdateConsumesExactlyTheRemainingBytes() {
        byte[] data = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
        for (ByteBuffer buffer : new ByteBuffer[] {ByteBuffer.wrap(data),
                ByteBuffer.allocateDirect(data.length).put(data).flip()}) {
            buffer.position(3).limit(17);
            Crc64Nvme crc = new Crc64Nvme();
            crc.update(buffer);
            assertThat(buffer.position()).isEqualTo(17);
            assertThat(crc.getValue()).isEqualTo(bitwise(data, 3, 14));
        }
    }

    @Test
    void resetStartsOver() {
        Crc64Nvme crc = new Crc64Nvme();
        crc.update(new byte[] {1, 2, 3});
        crc.reset();
        crc.update("123456789".getBytes(StandardCharsets.US_ASCII));
        assertThat(crc.getValue()).isEqualTo(0xAE8B14860A799888L);
    }

    @Test
    void outOfBoundsUpdatesAreRefused() {
        Crc64Nvme crc = new Crc64Nvme();
        assertThatThrownBy(() -> crc.update(new byte[8], 4, 5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> crc.update(new byte[8], -1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> crc.update((byte[]) null, 0, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> crc.update((ByteBuffer) null)).isInstanceOf(NullPointerException.class);
        assertThat(crc.getValue()).isZero();
    }
}
