package io.strongroom.s3.checksum;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChecksumInputStreamTest {
    private static final byte[] HELLO = "Hello world".getBytes(StandardCharsets.UTF_8);

    @Test
    void digestsEveryByteThatPassesAndComputesTheMd5() throws IOException {
        ChecksumDigest crc = ChecksumAlgorithm.CRC64NVME.newDigest();
        ChecksumDigest sha = ChecksumAlgorithm.SHA256.newDigest();
        try (ChecksumInputStream in = new ChecksumInputStream(new ByteArrayInputStream(HELLO), crc, sha)) {
            assertThat(in.readAllBytes()).isEqualTo(HELLO);
            assertThat(in.bytesRead()).isEqualTo(HELLO.length);
            assertThat(in.md5Hex()).isEqualTo("3e25960a79dbc69b674cd4ec67a72c62");
            assertThat(in.digests()).containsExactly(crc, sha);
        }
        assertThat(crc.base64()).isEqualTo("OOJZ0D8xKts=");
        assertThat(sha.base64()).isEqualTo("ZOyIygCyaOW6GjVnihtTFtIS9PNmskdyMlNKiuyjfzw=");
    }

    @Test
    void anEmptyBodyHasTheEmptyMd5() throws IOException {
        ChecksumDigest crc = ChecksumAlgorithm.CRC32.newDigest();
        ChecksumInputStream in = new ChecksumInputStream(InputStream.nullInputStream(), List.of(crc));
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.read(new byte[10], 0, 10)).isEqualTo(-1);
        assertThat(in.md5Hex()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(crc.base64()).isEqualTo("AAAAAA==");
        assertThat(in.bytesRead()).isZero();
    }

    @Test
    void singleByteReadsBulkReadsSkipsAndTransfersAllCount() throws IOException {
        byte[] body = new byte[50_000];
        new Random(5).nextBytes(body);
        ChecksumDigest reference = ChecksumAlgorithm.CRC32C.newDigest();
        reference.update(body);

        ChecksumDigest crc = ChecksumAlgorithm.CRC32C.newDigest();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        try (ChecksumInputStream in = new ChecksumInputStream(new ByteArrayInputStream(body), crc)) {
            seen.write(in.read());
            byte[] buffer = new byte[1000];
            int n = in.read(buffer, 10, 500);
            seen.write(buffer, 10, n);
            assertThat(in.skip(2000)).isEqualTo(2000);
            assertThat(in.skip(0)).isZero();
            assertThat(in.skip(-5)).isZero();
            seen.write(body, seen.size(), 2000);
            seen.write(in.readNBytes(7000));
            in.transferTo(seen);
            assertThat(in.skip(10)).isZero();
            assertThat(in.bytesRead()).isEqualTo(body.length);
        }
        assertThat(seen.toByteArray()).isEqualTo(body);
        assertThat(crc.base64()).isEqualTo(reference.base64());
    }

    @Test
    void bulkReadsUpdateEachDigestOncePerRead() throws IOException {
        List<Integer> updates = new ArrayList<>();
        InputStream chunks = new InputStream() {
            private int left = 3;

            @Override
            public int read() {
                throw new AssertionError("bulk reads must not fall back to single bytes");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left-- == 0) {
                    return -1;
                }
                updates.add(len);
                return len;
            }
        };
        try (ChecksumInputStream in = new ChecksumInputStream(chunks, ChecksumAlgorithm.CRC32.newDigest())) {
            assertThat(in.read(new byte[4096])).isEqualTo(4096);
            in.transferTo(OutputStream.nullOutputStream());
            assertThat(in.bytesRead()).isEqualTo(4096 + 2L * updates.get(1));
        }
        assertThat(updates).hasSize(3);
    }

    @Test
    void readingAfterTheMd5IsFinishedFails() throws IOException {
        ChecksumInputStream in = new ChecksumInputStream(new ByteArrayInputStream(HELLO));
        in.read(new byte[5]);
        byte[] md5 = in.md5();
        md5[0] ^= 1;
        assertThat(in.md5()).as("md5() hands out a copy").isNotEqualTo(md5);
        assertThatThrownBy(in::read).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingClosesTheWrappedStream() throws IOException {
        boolean[] closed = {false};
        InputStream wrapped = new ByteArrayInputStream(HELLO) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        ChecksumInputStream in = new ChecksumInputStream(wrapped);
        assertThat(in.available()).isEqualTo(HELLO.length);
        assertThat(in.markSupported()).isFalse();
        in.close();
        assertThat(closed[0]).isTrue();
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> new ChecksumInputStream(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ChecksumInputStream(InputStream.nullInputStream(), (List<ChecksumDigest>) null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ChecksumInputStream(InputStream.nullInputStream(), (ChecksumDigest) null))
                .isInstanceOf(NullPointerException.class);
        ChecksumInputStream in = new ChecksumInputStream(new ByteArrayInputStream(HELLO));
        assertThatThrownBy(() -> in.read(new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> in.read(null, 0, 1)).isInstanceOf(NullPointerException.class);
        assertThat(in.bytesRead()).isZero();
    }
}
