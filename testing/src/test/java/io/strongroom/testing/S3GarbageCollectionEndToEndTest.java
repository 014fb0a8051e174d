package io.strongroom.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.server.config.Setting;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The start-up collection of blobs no index entry names, on SQLite with its small blobs and the file
 * blob store: bodies a crash left behind in either (more than one page of them) are removed; the bodies
 * of objects, small and large, of a completed multipart object's parts and of an upload still in
 * progress are kept, and read back after the restart.
 */
class S3GarbageCollectionEndToEndTest {
    /** Over the small-blob threshold once encrypted, so its body is a file. */
    private static final byte[] LARGE = randomBytes(100_000);

    @Test
    void orphanBlobsAreRemovedAtStartAndLiveOnesKept() throws Exception {
        Path data = Files.createTempDirectory("strongroom-gc-");
        try {
            String accessKeyId;
            String secret;
            String uploadId;
            String partEtag;
            try (StrongroomTestServer node = StrongroomTestServer.start(Optional.empty(),
                    Map.of(Setting.DATA_DIR, data.toString()))) {
                accessKeyId = node.admin().accessKeyId();
                secret = node.admin().secretAccessKey();
                S3Client s3 = node.adminClients().s3();
                s3.createBucket(r -> r.bucket("gc-test"));
                s3.putObject(r -> r.bucket("gc-test").key("single"), RequestBody.fromString("a single body"));
                s3.putObject(r -> r.bucket("gc-test").key("large"), RequestBody.fromBytes(LARGE));
                String parted = s3.createMultipartUpload(r -> r.bucket("gc-test").key("parted")).uploadId();
                byte[] first = new byte[5 * 1024 * 1024];
                String one = s3.uploadPart(r -> r.bucket("gc-test").key("parted").uploadId(parted).partNumber(1),
                        RequestBody.fromBytes(first)).eTag();
                String two = s3.uploadPart(r -> r.bucket("gc-test").key("parted").uploadId(parted).partNumber(2),
                        RequestBody.fromString("tail")).eTag();
                s3.completeMultipartUpload(r -> r.bucket("gc-test").key("parted").uploadId(parted).multipartUpload(m -> m
                        .parts(CompletedPart.builder().partNumber(1).eTag(one).build(),
                                CompletedPart.builder().partNumber(2).eTag(two).build())));
                uploadId = s3.createMultipartUpload(r -> r.bucket("gc-test").key("pending")).uploadId();
                partEtag = s3.uploadPart(r -> r.bucket("gc-test").key("pending").uploadId(uploadId).partNumber(1),
                        RequestBody.fromString("pending part")).eTag();
            }
            Path blobs = data.resolve("objects").resolve("blobs");
            List<Path> live = blobFiles(blobs);
            assertThat(live).hasSize(2); // "large" and the first part of "parted"
            List<String> liveSmall = smallBlobs(data);
            assertThat(liveSmall).hasSize(3); // "single", the tail of "parted", the pending part
            List<Path> orphans = new ArrayList<>();
            List<String> smallOrphans = new ArrayList<>();
            try (Database store = Database.open(Database.sqliteUrl(data))) {
                for (int i = 0; i < 1_234; i++) { // more than two pages of lookups, in each tier
                    String id = HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16).putLong(0xfeedL).putLong(i)
                            .array());
                    Path orphan = blobs.resolve(id.substring(0, 2)).resolve(id.substring(2, 4)).resolve(id);
                    Files.createDirectories(orphan.getParent());
                    Files.writeString(orphan, "left by a crash");
                    orphans.add(orphan);
                    String smallId = "d" + id;
                    store.transactor().atomically(c -> Sql.update(c,
                            "INSERT INTO small_blobs (id, body, created) VALUES (?, ?, ?)", smallId, new byte[16], 0L));
                    smallOrphans.add(smallId);
                }
            }

            try (StrongroomTestServer node = StrongroomTestServer.start(Optional.empty(),
                    Map.of(Setting.DATA_DIR, data.toString()))) {
                assertThat(orphans).noneMatch(Files::exists);
                assertThat(blobFiles(blobs)).containsExactlyInAnyOrderElementsOf(live);
                assertThat(smallBlobs(data)).doesNotContainAnyElementsOf(smallOrphans)
                        .containsExactlyInAnyOrderElementsOf(liveSmall);
                S3Client s3 = node.clientsFor(accessKeyId, secret).s3();
                assertThat(s3.getObjectAsBytes(r -> r.bucket("gc-test").key("single")).asUtf8String())
                        .isEqualTo("a single body");
                assertThat(s3.getObjectAsBytes(r -> r.bucket("gc-test").key("large")).asByteArray()).isEqualTo(LARGE);
                assertThat(s3.getObjectAsBytes(r -> r.bucket("gc-test").key("parted")).asByteArray())
                        .hasSize(5 * 1024 * 1024 + 4);
                s3.completeMultipartUpload(r -> r.bucket("gc-test").key("pending").uploadId(uploadId).multipartUpload(m -> m
                        .parts(CompletedPart.builder().partNumber(1).eTag(partEtag).build())));
                assertThat(s3.getObjectAsBytes(r -> r.bucket("gc-test").key("pending")).asUtf8String())
                        .isEqualTo("pending part");
            }
        } finally {
            try (Stream<Path> paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** The ids of the small blobs kept in the node's database (the node must be stopped or idle). */
    private static List<String> smallBlobs(Path data) {
        try (Database store = Database.openExisting(Database.sqliteUrl(data))) {
            return store.transactor().withConnection(c -> Sql.list(c, "SELECT id FROM small_blobs",
                    row -> row.getString(1)));
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(1).nextBytes(bytes);
        return bytes;
    }

    private static List<Path> blobFiles(Path blobs) throws Exception {
        try (Stream<Path> paths = Files.walk(blobs)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }
}
