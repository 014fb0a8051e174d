package io.strongroom.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.CompletedFileUpload;

/**
 * The S3 Transfer Manager unchanged over the SDK's Java multipart client: a 1 GiB file uploaded in
 * parts and downloaded in ranges comes back identical, each part encrypted at rest on its own.
 */
@ExtendWith(StrongroomExtension.class)
class S3TransferManagerEndToEndTest {
    private static final long SIZE = 1L << 30;

    @TempDir
    Path files;

    @Test
    void aOneGibFileGoesUpInPartsAndComesBackIdentical(S3Client s3, StrongroomTestServer server) throws Exception {
        s3.createBucket(r -> r.bucket("e2e-transfer-manager"));
        Path source = files.resolve("training-set.bin");
        String sourceMd5 = writeRandom(source);
        Path target = files.resolve("downloaded.bin");
        try (S3TransferManager transfers = S3TransferManager.builder()
                .s3Client(server.adminClients().s3Async()).build()) {
            CompletedFileUpload upload = transfers.uploadFile(u -> u.source(source)
                    .putObjectRequest(p -> p.bucket("e2e-transfer-manager").key("data/training-set.bin")))
                    .completionFuture().join();
            assertThat(upload.response().eTag()).matches("\"[0-9a-f]{32}-\\d+\"");
            transfers.downloadFile(d -> d.destination(target)
                    .getObjectRequest(g -> g.bucket("e2e-transfer-manager").key("data/training-set.bin")))
                    .completionFuture().join();
        }
        assertThat(Files.size(target)).isEqualTo(SIZE);
        assertThat(md5(target)).isEqualTo(sourceMd5);
        assertThat(s3.headObject(r -> r.bucket("e2e-transfer-manager").key("data/training-set.bin"))
                .contentLength()).isEqualTo(SIZE);
    }

    private static String writeRandom(Path file) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        byte[] block = new byte[1 << 20];
        Random random = new Random(2026);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < SIZE; written += block.length) {
                random.nextBytes(block);
                md5.update(block);
                out.write(block);
            }
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static String md5(Path file) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                md5.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md5.digest());
    }
}
