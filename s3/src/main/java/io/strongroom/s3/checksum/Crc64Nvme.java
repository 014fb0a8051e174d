package io.strongroom.s3.checksum;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.Checksum;

import static java.util.Objects.checkFromIndexSize;
import static java.util.Objects.requireNonNull;

/**
 * CRC-64/NVME, S3's default checksum, which the JDK does not have: polynomial 0xAD93D23594C93659
 * (0x9A6C9329AC4BC9B5 reflected), input and output reflected, initial value and final xor all ones;
 * the check value of {@code "123456789"} is 0xAE8B14860A799888. It is an error-detecting code, not a
 * cryptographic hash. Bulk input goes eight bytes at a time through eight tables ("slicing-by-8"),
 * since every byte of every upload passes through it. Not thread-safe.
 */
public final class Crc64Nvme implements Checksum {
    private static final long POLYNOMIAL_REFLECTED = 0x9A6C9329AC4BC9B5L;
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long[] T0 = new long[256];
    private static final long[] T1 = new long[256];
    private static final long[] T2 = new long[256];
    private static final long[] T3 = new long[256];
    private static final long[] T4 = new long[256];
    private static final long[] T5 = new long[256];
    private static final long[] T6 = new long[256];
    private static final long[] T7 = new long[256];

    static {
        long[][] tables = {T0, T1, T2, T3, T4, T5, T6, T7};
        for (int n = 0; n < 256; n++) {
            long crc = n;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLYNOMIAL_REFLECTED : crc >>> 1;
            }
            T0[n] = crc;
        }
        // Tk[n] is the CRC contribution of byte n followed by k zero bytes.
        for (int k = 1; k < 8; k++) {
            for (int n = 0; n < 256; n++) {
                long previous = tables[k - 1][n];
                tables[k][n] = (previous >>> 8) ^ T0[(int) previous & 0xff];
            }
        }
    }

    /** The register before the final xor. */
    private long state = ~0L;

    @Override
    public void update(int b) {
        state = (state >>> 8) ^ T0[(int) (state ^ b) & 0xff];
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
        requireNonNull(bytes, "bytes");
        checkFromIndexSize(offset, length, bytes.length);
        long crc = state;
        int end = offset + length;
        int i = offset;
        for (int lastLong = end - 8; i <= lastLong; i += 8) {
            crc = slice8(crc ^ (long) LONG_LE.get(bytes, i));
        }
        for (; i < end; i++) {
            crc = (crc >>> 8) ^ T0[(int) (crc ^ bytes[i]) & 0xff];
        }
        state = crc;
    }

    @Override
    public void update(ByteBuffer buffer) {
        requireNonNull(buffer, "buffer");
        int position = buffer.position();
        int limit = buffer.limit();
        if (buffer.hasArray()) {
            update(buffer.array(), buffer.arrayOffset() + position, limit - position);
            buffer.position(limit);
            return;
        }
        ByteBuffer little = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long crc = state;
        int i = position;
        for (int lastLong = limit - 8; i <= lastLong; i += 8) {
            crc = slice8(crc ^ little.getLong(i));
        }
        for (; i < limit; i++) {
            crc = (crc >>> 8) ^ T0[(int) (crc ^ little.get(i)) & 0xff];
        }
        state = crc;
        buffer.position(limit);
    }

    private static long slice8(long c) {
        return T7[(int) c & 0xff]
                ^ T6[(int) (c >>> 8) & 0xff]
                ^ T5[(int) (c >>> 16) & 0xff]
                ^ T4[(int) (c >>> 24) & 0xff]
                ^ T3[(int) (c >>> 32) & 0xff]
                ^ T2[(int) (c >>> 40) & 0xff]
                ^ T1[(int) (c >>> 48) & 0xff]
                ^ T0[(int) (c >>> 56) & 0xff];
    }

    /** The CRC of the bytes so far; all 64 bits are significant. */
    @Override
    public long getValue() {
        return ~state;
    }

    @Override
    public void reset() {
        state = ~0L;
    }
}
