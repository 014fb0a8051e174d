package io.strongroom.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.testing.IamFixture;
import io.strongroom.s3.checksum.ChecksumAlgorithm;
import io.strongroom.s3.checksum.ChecksumDigest;
import io.strongroom.s3.crypto.SegmentCipher;
import io.strongroom.s3.testing.InMemoryMultipartRepository;
import io.strongroom.s3.testing.InMemoryS3Repository;
import io.strongroom.s3.testing.InMemoryS3Transactor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Multipart uploads over in-memory fakes of the SPIs and iam's real authoriser. */
class S3MultipartTest {
    private static final int MIB = 1024 * 1024;

    private final IamFixture iam = new IamFixture();
    private final InMemoryS3Repository repository = new InMemoryS3Repository();
    private final InMemoryMultipartRepository uploads = new InMemoryMultipartRepository();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final FixedDataKeys dataKeys = new FixedDataKeys();
    private final S3Service s3 = new S3Service(repository, uploads, blobs, dataKeys,
            new InMemoryS3Transactor(repository, uploads), iam.authorizer, iam.clock, "us-east-1");
    private final CallContext admin = iam.admin;

    @BeforeEach
    void bucket() {
        s3.createBucket(admin, "big", Optional.empty(), false);
    }

    @Test
    void partsBecomeOneObjectWithS3sEtagAndACompositeChecksumReadWholeAndByRange() throws IOException {
        MultipartUpload upload = create("data/set.bin", Optional.of(ChecksumAlgorithm.CRC32));
        assertThat(upload.uploadId()).matches("[A-Za-z0-9_-]{43}");
        byte[][] bodies = {randomBytes(5 * MIB, 1), randomBytes(5 * MIB, 2), randomBytes(5 * MIB, 3),
                randomBytes(1234, 4)};
        List<CompletedPart> completed = new ArrayList<>();
        ByteArrayOutputStream md5s = new ByteArrayOutputStream();
        ByteArrayOutputStream crcs = new ByteArrayOutputStream();
        for (int i = 0; i < bodies.length; i++) {
            String crc = checksum(ChecksumAlgorithm.CRC32, bodies[i]);
            UploadPart part = uploadPart(upload, i + 1, bodies[i], Optional.of(ChecksumAlgorithm.CRC32),
                    Optional.of(crc));
            assertThat(part.etag()).isEqualTo(md5Hex(bodies[i]));
            assertThat(part.checksum()).contains(new ObjectChecksum("CRC32", crc, "FULL_OBJECT"));
            completed.add(new CompletedPart(i + 1, "\"" + part.etag() + "\"", Map.of(ChecksumAlgorithm.CRC32, crc)));
            md5s.write(md5(bodies[i]));
            crcs.write(Base64.getDecoder().decode(crc));
        }
        assertError(() -> s3.headObject(admin, "big", "data/set.bin", Optional.empty()), "NoSuchKey", 404);

        ObjectVersion version = s3.completeMultipartUpload(admin, "big", "data/set.bin", upload.uploadId(), completed);

        byte[] whole = concat(bodies);
        assertThat(version.size()).isEqualTo(whole.length);
        assertThat(version.etag()).isEqualTo(HexFormat.of().formatHex(md5(md5s.toByteArray())) + "-4");
        assertThat(version.checksum()).contains(new ObjectChecksum("CRC32",
                checksum(ChecksumAlgorithm.CRC32, crcs.toByteArray()) + "-4", "COMPOSITE"));
        try (ObjectContent content = s3.getObject(admin, "big", "data/set.bin", Optional.empty(), Optional.empty())) {
            assertThat(content.body().readAllBytes()).isEqualTo(whole);
        }
        long[][] ranges = {{5 * MIB - 10, 5 * MIB + 9}, {0, 15 * MIB + 100}, {10 * MIB, 10 * MIB},
                {3 * MIB, 12 * MIB}, {15 * MIB, 15 * MIB + 1233}};
        for (long[] range : ranges) {
            try (ObjectContent content = s3.getObject(admin, "big", "data/set.bin", Optional.empty(),
                    Optional.of(new ByteRange(range[0], range[1], 0)))) {
                assertThat(content.body().readAllBytes())
                        .isEqualTo(Arrays.copyOfRange(whole, (int) range[0], (int) range[1] + 1));
            }
        }
        assertThat(s3.listMultipartUploads(admin, "big", "", "", "", "", 1000).uploads()).isEmpty();
        assertError(() -> s3.listParts(admin, "big", "data/set.bin", upload.uploadId(), 0, 1000), "NoSuchUpload", 404);
        // each part is stored encrypted, as a blob of its own
        assertThat(blobs.blobs).hasSize(4);
        for (byte[] stored : blobs.blobs.values()) {
            assertThat(indexOf(stored, Arrays.copyOfRange(bodies[0], 4096, 4160))).isEqualTo(-1);
        }
    }

    @Test
    void aPartIsBoundToItsUploadAndNumber() throws IOException {
        MultipartUpload upload = create("k", Optional.empty());
        byte[] one = randomBytes(5 * MIB, 1);
        byte[] two = randomBytes(100, 2);
        UploadPart first = uploadPart(upload, 1, one, Optional.empty(), Optional.empty());
        UploadPart second = uploadPart(upload, 2, two, Optional.empty(), Optional.empty());
        s3.completeMultipartUpload(admin, "big", "k", upload.uploadId(), List.of(completed(first), completed(second)));
        // swap the two parts' ciphertexts: neither decrypts as the other
        byte[] a = blobs.blobs.get(first.blobId());
        blobs.blobs.put(first.blobId(), blobs.blobs.get(second.blobId()));
        blobs.blobs.put(second.blobId(), a);
        assertThatThrownBy(() -> {
            try (ObjectContent content = s3.getObject(admin, "big", "k", Optional.empty(), Optional.empty())) {
                content.body().readAllBytes();
            }
        }).isInstanceOfAny(IOException.class, java.io.UncheckedIOException.class);
        assertThat(MultipartOperations.partAssociatedData("big", "k", upload.uploadId(), 1))
                .isEqualTo(SegmentCipher.associatedData("big", "k", "upload/" + upload.uploadId() + "/part/1"));
    }

    @Test
    void badCompletionsAreRefusedAndChangeNothing() {
        MultipartUpload upload = create("k", Optional.empty());
        UploadPart small = uploadPart(upload, 1, randomBytes(100, 1), Optional.empty(), Optional.empty());
        UploadPart last = uploadPart(upload, 2, randomBytes(100, 2), Optional.empty(), Optional.empty());
        String id = upload.uploadId();

        assertError(() -> s3.completeMultipartUpload(admin, "big", "k", id, List.of(completed(small), completed(last))),
                "EntityTooSmall", 400);
        assertError(() -> s3.completeMultipartUpload(admin, "big", "k", id, List.of(completed(last), completed(small))),
                "InvalidPartOrder", 400);
        assertError(() -> s3.completeMultipartUpload(admin, "big", "k", id, List.of(completed(small),
                completed(small))), "InvalidPartOrder", 400);
        assertError(() -> s3.completeMultipartUpload(admin, "big", "k", id,
                List.of(new CompletedPart(3, last.etag(), Map.of()))), "InvalidPart", 400);
        assertError(() -> s3.completeMultipartUpload(admin, "big", "k", id,
                List.of(new CompletedPart(2, small.etag(), Map.of()))), "InvalidPart", 400);
        assertError(() -> s3.completeMultipartUpload(admin, "big", "k", id,
                List.of(new CompletedPart(2, last.etag(), Map.of(ChecksumAlgorithm.CRC32, "AAAAAA==")))),
                "InvalidPart", 400);
        assertError(() -> s3.completeMultipartUpload(admin, "big", "k", id, List.of()), "MalformedXML", 400);
        assertError(() -> s3.completeMultipartUpload(admin, "big", "other", id, List.of(completed(last))),
                "NoSuchUpload", 404);

        assertThat(s3.listParts(admin, "big", "k", id, 0, 1000).parts()).extracting(UploadPart::partNumber)
                .containsExactly(1, 2);
        assertError(() -> s3.headObject(admin, "big", "k", Optional.empty()), "NoSuchKey", 404);
        // one small part alone is a valid object
        ObjectVersion done = s3.completeMultipartUpload(admin, "big", "k", id, List.of(completed(last)));
        assertThat(done.size()).isEqualTo(100);
        assertThat(blobs.blobs).containsOnlyKeys(last.blobId());
        assertError(() -> s3.completeMultipartUpload(admin, "big", "k", id, List.of(completed(last))),
                "NoSuchUpload", 404);
    }

    @Test
    void badPartsAreRefusedAndLeaveNothingBehind() {
        MultipartUpload upload = create("k", Optional.of(ChecksumAlgorithm.SHA256));
        byte[] body = randomBytes(10, 1);
        for (int number : new int[] {0, -1, 10_001}) {
            assertError(() -> uploadPart(upload, number, body, Optional.empty(), Optional.empty()),
                    "InvalidArgument", 400);
        }
        assertError(() -> uploadPart(upload, 1, body, Optional.of(ChecksumAlgorithm.SHA256),
                Optional.of(checksum(ChecksumAlgorithm.SHA256, new byte[1]))), "BadDigest", 400);
        assertError(() -> uploadPart(upload, 1, body, Optional.of(ChecksumAlgorithm.CRC32),
                Optional.of(checksum(ChecksumAlgorithm.CRC32, body))), "InvalidRequest", 400);
        assertError(() -> s3.uploadPart(admin, new UploadPartRequest("big", "k", "no-such-upload", 1, body.length,
                Optional.empty(), Optional.empty(), Optional::empty), new ByteArrayInputStream(body)),
                "NoSuchUpload", 404);
        assertError(() -> s3.uploadPart(admin, new UploadPartRequest("big", "k", upload.uploadId(), 1,
                MultipartOperations.MAX_PART_SIZE + 1, Optional.empty(), Optional.empty(), Optional::empty),
                new ByteArrayInputStream(body)), "EntityTooLarge", 400);
        assertThat(blobs.blobs).isEmpty();
        assertThat(s3.listParts(admin, "big", "k", upload.uploadId(), 0, 1000).parts()).isEmpty();

        // no checksum sent: the upload's algorithm is computed and kept anyway
        UploadPart part = uploadPart(upload, 1, body, Optional.empty(), Optional.empty());
        assertThat(part.checksum()).contains(new ObjectChecksum("SHA256", checksum(ChecksumAlgorithm.SHA256, body),
                "FULL_OBJECT"));
    }

    @Test
    void abortDeletesThePartsAndTheUploadIsGone() {
        MultipartUpload upload = create("k", Optional.empty());
        uploadPart(upload, 1, randomBytes(10, 1), Optional.empty(), Optional.empty());
        UploadPart replaced = uploadPart(upload, 2, randomBytes(10, 2), Optional.empty(), Optional.empty());
        UploadPart again = uploadPart(upload, 2, randomBytes(11, 3), Optional.empty(), Optional.empty());
        assertThat(blobs.blobs).hasSize(2).doesNotContainKey(replaced.blobId()).containsKey(again.blobId());

        s3.abortMultipartUpload(admin, "big", "k", upload.uploadId());

        assertThat(blobs.blobs).isEmpty();
        assertError(() -> s3.abortMultipartUpload(admin, "big", "k", upload.uploadId()), "NoSuchUpload", 404);
        assertError(() -> uploadPart(upload, 3, randomBytes(1, 1), Optional.empty(), Optional.empty()),
                "NoSuchUpload", 404);
        assertError(() -> s3.completeMultipartUpload(admin, "big", "k", upload.uploadId(), List.of(completed(again))),
                "NoSuchUpload", 404);
        assertError(() -> s3.headObject(admin, "big", "k", Optional.empty()), "NoSuchKey", 404);
    }

    @Test
    void overwritingOrDeletingAPartedObjectDeletesEveryPartAndGarbageCollectionKeepsLiveParts() throws IOException {
        MultipartUpload upload = create("k", Optional.empty());
        UploadPart one = uploadPart(upload, 1, randomBytes(5 * MIB, 1), Optional.empty(), Optional.empty());
        UploadPart two = uploadPart(upload, 2, randomBytes(10, 2), Optional.empty(), Optional.empty());
        s3.completeMultipartUpload(admin, "big", "k", upload.uploadId(), List.of(completed(one), completed(two)));
        MultipartUpload pending = create("pending", Optional.empty());
        UploadPart waiting = uploadPart(pending, 1, randomBytes(10, 3), Optional.empty(), Optional.empty());

        assertThat(s3.collectGarbage()).isZero();
        assertThat(blobs.blobs).containsOnlyKeys(one.blobId(), two.blobId(), waiting.blobId());

        MultipartUpload second = create("k", Optional.empty());
        UploadPart three = uploadPart(second, 1, randomBytes(10, 4), Optional.empty(), Optional.empty());
        s3.completeMultipartUpload(admin, "big", "k", second.uploadId(), List.of(completed(three)));
        assertThat(blobs.blobs).containsOnlyKeys(three.blobId(), waiting.blobId());

        s3.deleteObject(admin, "big", "k", Optional.empty());
        assertThat(blobs.blobs).containsOnlyKeys(waiting.blobId());
        assertThat(uploads.objectParts(three.blobId())).isEmpty();
    }

    @Test
    void partsAndUploadsAreListedInPages() {
        MultipartUpload upload = create("a/1", Optional.empty());
        for (int n = 1; n <= 5; n++) {
            uploadPart(upload, n * 2, randomBytes(n, n), Optional.empty(), Optional.empty());
        }
        MultipartOperations.PartList page = s3.listParts(admin, "big", "a/1", upload.uploadId(), 0, 2);
        assertThat(page.parts()).extracting(UploadPart::partNumber).containsExactly(2, 4);
        assertThat(page.truncated()).isTrue();
        assertThat(page.nextPartNumberMarker()).isEqualTo(4);
        MultipartOperations.PartList rest = s3.listParts(admin, "big", "a/1", upload.uploadId(), 4, 10);
        assertThat(rest.parts()).extracting(UploadPart::partNumber).containsExactly(6, 8, 10);
        assertThat(rest.truncated()).isFalse();

        create("a/2", Optional.empty());
        create("b", Optional.empty());
        create("c/x", Optional.empty());
        MultipartUpload b2 = create("b", Optional.empty());
        MultipartOperations.UploadList folded = s3.listMultipartUploads(admin, "big", "", "/", "", "", 1000);
        assertThat(folded.commonPrefixes()).containsExactly("a/", "c/");
        assertThat(folded.uploads()).extracting(MultipartUpload::key).containsExactly("b", "b");
        assertThat(folded.truncated()).isFalse();

        MultipartOperations.UploadList first = s3.listMultipartUploads(admin, "big", "", "", "", "", 3);
        assertThat(first.uploads()).extracting(MultipartUpload::key).containsExactly("a/1", "a/2", "b");
        assertThat(first.truncated()).isTrue();
        MultipartOperations.UploadList next = s3.listMultipartUploads(admin, "big", "", "", first.nextKeyMarker(),
                first.nextUploadIdMarker(), 3);
        assertThat(next.uploads()).extracting(MultipartUpload::key).containsExactly("b", "c/x");
        Set<String> ids = new HashSet<>();
        first.uploads().forEach(u -> ids.add(u.uploadId()));
        next.uploads().forEach(u -> ids.add(u.uploadId()));
        assertThat(ids).hasSize(5).contains(b2.uploadId());
        assertThat(next.truncated()).isFalse();
    }

    @Test
    void deletingABucketAbortsItsUploadsSoABucketOfTheSameNameNeverSeesThem() {
        s3.createBucket(admin, "short-lived", Optional.empty(), false);
        MultipartUpload upload = s3.createMultipartUpload(admin, new CreateMultipartUploadRequest("short-lived", "k",
                Map.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty()));
        UploadPart part = uploadPart(upload, 1, randomBytes(10, 1), Optional.empty(), Optional.empty());

        s3.deleteBucket(admin, "short-lived");

        assertThat(blobs.blobs).doesNotContainKey(part.blobId());
        assertThat(uploads.findUpload(upload.uploadId())).isEmpty();
        iam.clock.advance(java.time.Duration.ofSeconds(1));
        s3.createBucket(admin, "short-lived", Optional.empty(), false);
        assertThat(s3.listMultipartUploads(admin, "short-lived", "", "", "", "", 1000).uploads()).isEmpty();
        assertError(() -> s3.completeMultipartUpload(admin, "short-lived", "k", upload.uploadId(),
                List.of(completed(part))), "NoSuchUpload", 404);
    }

    @Test
    void anUploadLeftByAnEarlierBucketOfTheSameNameIsNoneOfThisOnes() {
        s3.createBucket(admin, "reused", Optional.empty(), false);
        MultipartUpload stale = s3.createMultipartUpload(admin, new CreateMultipartUploadRequest("reused", "k",
                Map.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty()));
        // as if the bucket had been deleted and made again without its uploads being aborted (a crash)
        repository.deleteBucket("reused");
        iam.clock.advance(java.time.Duration.ofSeconds(1));
        s3.createBucket(admin, "reused", Optional.empty(), false);

        assertThat(s3.listMultipartUploads(admin, "reused", "", "", "", "", 1000).uploads()).isEmpty();
        assertError(() -> uploadPart(stale, 1, randomBytes(1, 1), Optional.empty(), Optional.empty()),
                "NoSuchUpload", 404);
        assertError(() -> s3.listParts(admin, "reused", "k", stale.uploadId(), 0, 10), "NoSuchUpload", 404);
    }

    @Test
    void anUnknownBucketIsNoSuchBucket() {
        assertError(() -> s3.createMultipartUpload(admin, new CreateMultipartUploadRequest("nope", "k", Map.of(),
                Map.of(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty())), "NoSuchBucket", 404);
        assertError(() -> s3.listMultipartUploads(admin, "nope", "", "", "", "", 10), "NoSuchBucket", 404);
    }

    // ---- helpers

    private MultipartUpload create(String key, Optional<ChecksumAlgorithm> algorithm) {
        return s3.createMultipartUpload(admin, new CreateMultipartUploadRequest("big", key,
                Map.of("Content-Type", "application/x-test"), Map.of("owner", "me"), Map.of(), Optional.empty(),
                Optional.empty(), algorithm));
    }

    private UploadPart uploadPart(MultipartUpload upload, int number, byte[] body, Optional<ChecksumAlgorithm> algorithm,
                                  Optional<String> checksum) {
        return s3.uploadPart(admin, new UploadPartRequest(upload.bucket(), upload.key(), upload.uploadId(), number,
                body.length, Optional.empty(), algorithm, () -> checksum), new ByteArrayInputStream(body)).part();
    }

    private static CompletedPart completed(UploadPart part) {
        return new CompletedPart(part.partNumber(), part.etag(), Map.of());
    }

    private static void assertError(ThrowingCallable call, String code, int status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.httpStatus()).isEqualTo(status);
        });
    }

    private static String checksum(ChecksumAlgorithm algorithm, byte[] bytes) {
        ChecksumDigest digest = algorithm.newDigest();
        digest.update(bytes);
        return digest.base64();
    }

    private static byte[] concat(byte[][] parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] md5(byte[] body) {
        try {
            return MessageDigest.getInstance("MD5").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String md5Hex(byte[] body) {
        return HexFormat.of().formatHex(md5(body));
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
