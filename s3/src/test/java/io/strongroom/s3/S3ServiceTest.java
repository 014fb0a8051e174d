package io.strongroom.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.AwsException;
import io.strongroom.iam.access.AccessDeniedException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.testing.IamFixture;
import io.strongroom.s3.checksum.ChecksumAlgorithm;
import io.strongroom.s3.testing.InMemoryMultipartRepository;
import io.strongroom.s3.testing.InMemoryS3Repository;
import io.strongroom.s3.testing.InMemoryS3Transactor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The S3 domain over in-memory fakes of its SPIs and iam's real authoriser. */
class S3ServiceTest {
    private final IamFixture iam = new IamFixture();
    private final InMemoryS3Repository repository = new InMemoryS3Repository();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final FixedDataKeys dataKeys = new FixedDataKeys();
    private final S3Service s3 = new S3Service(repository, new InMemoryMultipartRepository(), blobs, dataKeys,
            new InMemoryS3Transactor(repository),
            iam.authorizer, iam.clock, "us-east-1");
    private final CallContext admin = iam.admin;

    @Test
    void anObjectComesBackAsItWentInAndIsStoredOnlyEncrypted() throws IOException {
        s3.createBucket(admin, "training-data", Optional.empty(), false);
        byte[] body = randomBytes(3 * 1024 * 1024 + 17);
        ObjectVersion put = put("training-data", "features/part-0001.parquet", body, Map.of("owner", "team-a"));

        assertThat(put.size()).isEqualTo(body.length);
        assertThat(put.etag()).isEqualTo(md5Hex(body));
        assertThat(put.encryption().mode()).isEqualTo(ObjectEncryption.Mode.SSE_S3);
        try (ObjectContent content = s3.getObject(admin, "training-data", "features/part-0001.parquet",
                Optional.empty(), Optional.empty())) {
            assertThat(content.body().readAllBytes()).isEqualTo(body);
            assertThat(content.version().userMetadata()).containsEntry("owner", "team-a");
        }
        byte[] stored = blobs.blobs.get(put.blobId());
        assertThat(stored.length).isGreaterThan(body.length);
        assertThat(indexOf(stored, java.util.Arrays.copyOfRange(body, 1000, 1064))).isEqualTo(-1);
    }

    @Test
    void aRangedGetReturnsExactlyTheBytesAskedFor() throws IOException {
        s3.createBucket(admin, "ranges", Optional.empty(), false);
        byte[] body = randomBytes(2 * 1024 * 1024 + 5);
        put("ranges", "k", body, Map.of());
        long[][] ranges = {{0, 0}, {1_048_000, 1_049_000}, {body.length - 1, body.length - 1}, {5, body.length + 100}};
        for (long[] range : ranges) {
            try (ObjectContent content = s3.getObject(admin, "ranges", "k", Optional.empty(),
                    Optional.of(new ByteRange(range[0], range[1], 0)))) {
                int last = (int) Math.min(range[1], body.length - 1);
                assertThat(content.body().readAllBytes())
                        .isEqualTo(java.util.Arrays.copyOfRange(body, (int) range[0], last + 1));
            }
        }
        try (ObjectContent suffix = s3.getObject(admin, "ranges", "k", Optional.empty(),
                Optional.of(new ByteRange(-1, -1, 10)))) {
            assertThat(suffix.body().readAllBytes())
                    .isEqualTo(java.util.Arrays.copyOfRange(body, body.length - 10, body.length));
        }
        assertS3Error(() -> s3.getObject(admin, "ranges", "k", Optional.empty(),
                Optional.of(new ByteRange(body.length, -1, 0))), "InvalidRange", 416);
    }

    @Test
    void aWrongDigestOrShortBodyLeavesNothingBehind() {
        s3.createBucket(admin, "digests", Optional.empty(), false);
        byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
        String wrongMd5 = Base64.getEncoder().encodeToString(new byte[16]);
        assertS3Error(() -> s3.putObject(admin, request("digests", "a", body.length, Optional.of(wrongMd5),
                Optional.empty(), Optional.empty()), new ByteArrayInputStream(body)), "BadDigest", 400);
        assertS3Error(() -> s3.putObject(admin, request("digests", "a", body.length, Optional.empty(),
                Optional.of(ChecksumAlgorithm.CRC32), Optional.of("AAAAAA==")), new ByteArrayInputStream(body)),
                "BadDigest", 400);
        assertS3Error(() -> s3.putObject(admin, request("digests", "a", body.length + 1, Optional.empty(),
                Optional.empty(), Optional.empty()), new ByteArrayInputStream(body)), "IncompleteBody", 400);
        assertS3Error(() -> s3.putObject(admin, request("digests", "a", 1, Optional.empty(),
                Optional.empty(), Optional.empty()), new ByteArrayInputStream(body)), "InvalidRequest", 400);
        assertThat(blobs.blobs).isEmpty();
        assertThat(blobs.openWriters).isZero();
        assertS3Error(() -> s3.headObject(admin, "digests", "a", Optional.empty()), "NoSuchKey", 404);
    }

    @Test
    void aBodyStreamThatFailsWithAnS3ErrorIsAnsweredWithThatError() {
        s3.createBucket(admin, "streams", Optional.empty(), false);
        AwsException chunkError = new AwsException("SignatureDoesNotMatch", 403, "chunk signature");
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("bad chunk", chunkError);
            }
        };
        assertThatThrownBy(() -> s3.putObject(admin, request("streams", "x", 10, Optional.empty(), Optional.empty(),
                Optional.empty()), failing)).isSameAs(chunkError);
        assertThat(blobs.blobs).isEmpty();
    }

    @Test
    void aMatchingChecksumIsStoredAndReported() {
        s3.createBucket(admin, "sums", Optional.empty(), false);
        byte[] body = "123456789".getBytes(StandardCharsets.US_ASCII);
        ObjectVersion version = s3.putObject(admin, request("sums", "k", body.length, Optional.empty(),
                Optional.of(ChecksumAlgorithm.CRC32), Optional.of("y/Q5Jg==")), new ByteArrayInputStream(body));
        assertThat(version.checksum()).contains(new ObjectChecksum("CRC32", "y/Q5Jg==", "FULL_OBJECT"));
    }

    @Test
    void bucketsFollowS3sRules() {
        s3.createBucket(admin, "alpha-bucket", Optional.empty(), false);
        assertS3Error(() -> s3.createBucket(admin, "alpha-bucket", Optional.empty(), false),
                "BucketAlreadyOwnedByYou", 409);
        assertS3Error(() -> s3.createBucket(admin, "Not_Valid", Optional.empty(), false), "InvalidBucketName", 400);
        assertS3Error(() -> s3.createBucket(admin, "beta-bucket", Optional.of("eu-west-1"), false),
                "IllegalLocationConstraintException", 400);
        assertThat(s3.listBuckets(admin)).extracting(Bucket::name).containsExactly("alpha-bucket");
        assertThat(s3.bucketLocation(admin, "alpha-bucket")).isEmpty();
        put("alpha-bucket", "k", new byte[] {1}, Map.of());
        assertS3Error(() -> s3.deleteBucket(admin, "alpha-bucket"), "BucketNotEmpty", 409);
        s3.deleteObject(admin, "alpha-bucket", "k", Optional.empty());
        s3.deleteBucket(admin, "alpha-bucket");
        assertS3Error(() -> s3.headBucket(admin, "alpha-bucket"), "NoSuchBucket", 404);
        assertThat(blobs.blobs).isEmpty();
    }

    @Test
    void aCallerWithoutPermissionIsDeniedAndChangesNothing() {
        s3.createBucket(admin, "guarded", Optional.empty(), false);
        CallContext nobody = iam.newUser("nobody");
        assertThatThrownBy(() -> put(nobody, "guarded", "k", new byte[] {1})).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> s3.deleteBucket(nobody, "guarded")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> s3.listObjects(nobody, "guarded", "", "", "", 10))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(blobs.blobs).isEmpty();
        assertThat(dataKeys.issued()).isZero();
        assertThat(s3.headBucket(admin, "guarded").name()).isEqualTo("guarded");
    }

    @Test
    void overwritingAnUnversionedObjectDeletesTheOldBody() {
        s3.createBucket(admin, "overwrite", Optional.empty(), false);
        ObjectVersion first = put("overwrite", "k", new byte[] {1, 2}, Map.of());
        ObjectVersion second = put("overwrite", "k", new byte[] {3}, Map.of());
        assertThat(blobs.blobs).containsOnlyKeys(second.blobId());
        assertThat(first.versionId()).isEqualTo(ObjectVersion.NULL_VERSION);
    }

    @Test
    void listingRollsKeysUpToCommonPrefixesAndPages() {
        s3.createBucket(admin, "listing", Optional.empty(), false);
        for (String key : List.of("a.txt", "dir/1", "dir/2", "dir/sub/3", "e.txt", "f/1", "z")) {
            put("listing", key, new byte[] {7}, Map.of());
        }
        S3Service.ObjectList all = s3.listObjects(admin, "listing", "", "/", "", 1000);
        assertThat(all.contents()).extracting(listed -> listed.version().key()).containsExactly("a.txt", "e.txt", "z");
        assertThat(all.commonPrefixes()).containsExactly("dir/", "f/");
        assertThat(all.truncated()).isFalse();

        S3Service.ObjectList first = s3.listObjects(admin, "listing", "", "/", "", 2);
        assertThat(first.contents()).extracting(listed -> listed.version().key()).containsExactly("a.txt");
        assertThat(first.commonPrefixes()).containsExactly("dir/");
        assertThat(first.truncated()).isTrue();
        S3Service.ObjectList second = s3.listObjects(admin, "listing", "", "/", first.lastEntry(), 2);
        assertThat(second.contents()).extracting(listed -> listed.version().key()).containsExactly("e.txt");
        assertThat(second.commonPrefixes()).containsExactly("f/");
        assertThat(second.truncated()).isTrue();
        S3Service.ObjectList third = s3.listObjects(admin, "listing", "", "/", second.lastEntry(), 2);
        assertThat(third.contents()).extracting(listed -> listed.version().key()).containsExactly("z");
        assertThat(third.truncated()).isFalse();

        assertThat(s3.listObjects(admin, "listing", "dir/", "/", "", 1000).commonPrefixes()).containsExactly("dir/sub/");
        assertThat(s3.listObjects(admin, "listing", "dir/", "", "", 1000).contents()).extracting(listed -> listed.version().key())
                .containsExactly("dir/1", "dir/2", "dir/sub/3");
    }

    @Test
    void aVersionedBucketKeepsVersionsAndDeleteMarkers() throws IOException {
        Bucket bucket = s3.createBucket(admin, "locked-down", Optional.empty(), true);
        assertThat(bucket.versioning()).isEqualTo(Bucket.Versioning.ENABLED);
        ObjectVersion v1 = put("locked-down", "model.bin", new byte[] {1}, Map.of());
        ObjectVersion v2 = put("locked-down", "model.bin", new byte[] {2}, Map.of());
        assertThat(v1.versionId()).isNotEqualTo(v2.versionId()).isNotEqualTo(ObjectVersion.NULL_VERSION);

        S3Service.DeletedObject marker = s3.deleteObject(admin, "locked-down", "model.bin", Optional.empty());
        assertThat(marker.deleteMarker()).isTrue();
        assertS3Error(() -> s3.headObject(admin, "locked-down", "model.bin", Optional.empty()), "NoSuchKey", 404);
        try (ObjectContent old = s3.getObject(admin, "locked-down", "model.bin", Optional.of(v1.versionId()),
                Optional.empty())) {
            assertThat(old.body().readAllBytes()).containsExactly(1);
        }
        assertS3Error(() -> s3.headObject(admin, "locked-down", "model.bin", marker.versionId()),
                "MethodNotAllowed", 405);
        assertS3Error(() -> s3.headObject(admin, "locked-down", "model.bin", Optional.of("nope")),
                "NoSuchVersion", 404);
    }

    @Test
    void keysAreValidated() {
        s3.createBucket(admin, "keys", Optional.empty(), false);
        String tooLong = "k".repeat(1025);
        assertS3Error(() -> put("keys", tooLong, new byte[] {1}, Map.of()), "KeyTooLongError", 400);
        assertThat(blobs.blobs).isEmpty();
    }

    // ---- helpers

    private ObjectVersion put(String bucket, String key, byte[] body, Map<String, String> metadata) {
        return s3.putObject(admin, new PutObjectRequest(bucket, key, body.length, Map.of("Content-Type", "text/plain"),
                metadata, Optional.empty(), Optional.empty(), Optional::empty, Map.of(), Optional.empty(),
                Optional.empty()), new ByteArrayInputStream(body));
    }

    private ObjectVersion put(CallContext call, String bucket, String key, byte[] body) {
        return s3.putObject(call, request(bucket, key, body.length, Optional.empty(), Optional.empty(),
                Optional.empty()), new ByteArrayInputStream(body));
    }

    private static PutObjectRequest request(String bucket, String key, long length, Optional<String> md5,
                                            Optional<ChecksumAlgorithm> algorithm, Optional<String> checksum) {
        return new PutObjectRequest(bucket, key, length, Map.of(), Map.of(), md5, algorithm, () -> checksum, Map.of(),
                Optional.empty(), Optional.empty());
    }

    private static void assertS3Error(ThrowingCallable call, String code, int status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.httpStatus()).isEqualTo(status);
        });
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static String md5Hex(byte[] body) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
