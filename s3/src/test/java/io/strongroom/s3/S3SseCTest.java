package io.strongroom.s3;

import static io.strongroom.s3.S3Bench.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.auth.CallContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SSE-C in the domain: the key's validation, its recognition, and that it is never stored. */
class S3SseCTest {
    private final S3Bench bench = new S3Bench();
    private final S3Service s3 = bench.s3;
    private final CallContext admin = bench.admin;

    private static final byte[] KEY_A = filled(0x11);
    private static final byte[] KEY_B = filled(0x22);

    @BeforeEach
    void bucket() {
        s3.createBucket(admin, "vault", Optional.empty(), false);
    }

    @Test
    void theThreeMembersAreValidatedWithS3sErrors() {
        String key = base64(KEY_A);
        String md5 = base64(md5(KEY_A));
        assertThat(CustomerKey.of(Optional.empty(), Optional.empty(), Optional.empty())).isEmpty();
        assertThat(CustomerKey.of(Optional.of("AES256"), Optional.of(key), Optional.of(md5)).orElseThrow().md5())
                .isEqualTo(md5);
        assertInvalidArgument(Optional.of("AES128"), Optional.of(key), Optional.of(md5), "valid encryption algorithm");
        assertInvalidArgument(Optional.empty(), Optional.of(key), Optional.of(md5), "valid encryption algorithm");
        assertInvalidArgument(Optional.of("AES256"), Optional.empty(), Optional.of(md5), "appropriate secret key");
        assertInvalidArgument(Optional.of("AES256"), Optional.of(key), Optional.empty(), "client calculated MD5");
        assertInvalidArgument(Optional.of("AES256"), Optional.of(base64(Arrays.copyOf(KEY_A, 16))),
                Optional.of(base64(md5(Arrays.copyOf(KEY_A, 16)))), "secret key was invalid");
        assertInvalidArgument(Optional.of("AES256"), Optional.of("not base64!"), Optional.of(md5),
                "secret key was invalid");
        assertInvalidArgument(Optional.of("AES256"), Optional.of(key), Optional.of(base64(md5(KEY_B))),
                "calculated MD5 hash of the key did not match");
        assertThat(CustomerKey.of(Optional.of("AES256"), Optional.of(key), Optional.of(md5)).orElseThrow().toString())
                .doesNotContain(key);
    }

    @Test
    void anSseCObjectReadsOnlyWithItsKeyAndKeepsNoTraceOfIt() throws IOException {
        ObjectVersion version = put("secret.csv", "a,b\n1,2\n", Optional.of(key(KEY_A)), WriteConditions.NONE);

        ObjectEncryption encryption = version.encryption();
        assertThat(encryption.mode()).isEqualTo(ObjectEncryption.Mode.SSE_C);
        assertThat(encryption.customerKeyMd5()).isEqualTo(base64(md5(KEY_A)));
        assertThat(encryption.customerKeyHmac()).hasSize(32);
        assertThat(contains(encryption.wrappedDataKey(), KEY_A)).isFalse();
        assertThat(contains(encryption.customerKeyHmac(), KEY_A)).isFalse();
        assertThat(bench.dataKeys.issued()).isZero(); // the bucket's default played no part
        // no MD5 of the plaintext for whoever may list the bucket
        assertThat(version.etag()).matches("[0-9a-f]{32}")
                .isNotEqualTo(java.util.HexFormat.of().formatHex(md5("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))));
        assertThat(read("secret.csv", Optional.of(key(KEY_A)), Optional.empty())).isEqualTo("a,b\n1,2\n");
        assertThat(read("secret.csv", Optional.of(key(KEY_A)), Optional.of(new ByteRange(2, 4, 0)))).isEqualTo("b\n1");
        assertThat(s3.headObject(admin, "vault", "secret.csv", Optional.empty(), Optional.of(key(KEY_A))).etag())
                .isEqualTo(version.etag());

        assertS3Error(() -> read("secret.csv", Optional.empty(), Optional.empty()), "InvalidRequest", 400);
        assertS3Error(() -> read("secret.csv", Optional.of(key(KEY_B)), Optional.empty()), "AccessDenied", 403);
        assertS3Error(() -> s3.headObject(admin, "vault", "secret.csv", Optional.empty(), Optional.empty()),
                "InvalidRequest", 400);
        assertS3Error(() -> s3.headObject(admin, "vault", "secret.csv", Optional.empty(), Optional.of(key(KEY_B))),
                "AccessDenied", 403);
    }

    @Test
    void theSameKeyGetsAFreshSaltForEveryVersion() {
        ObjectVersion one = put("a", "x", Optional.of(key(KEY_A)), WriteConditions.NONE);
        ObjectVersion two = put("b", "x", Optional.of(key(KEY_A)), WriteConditions.NONE);
        assertThat(one.encryption().customerKeyHmac()).isNotEqualTo(two.encryption().customerKeyHmac());
    }

    @Test
    void aKeyForAnObjectWithoutSseCAndSseCWithAnotherModeAreRefused() {
        put("plain", "x", Optional.empty(), WriteConditions.NONE);
        assertS3Error(() -> read("plain", Optional.of(key(KEY_A)), Optional.empty()), "InvalidRequest", 400);

        byte[] bytes = "x".getBytes(StandardCharsets.UTF_8);
        assertS3Error(() -> s3.putObject(admin, new PutObjectRequest("vault", "both", 1, Map.of(), Map.of(),
                Optional.empty(), Optional.empty(), Optional::empty, Map.of(), Optional.of(ObjectEncryption.Mode.SSE_S3),
                Optional.empty(), Optional.of(key(KEY_A)), WriteConditions.NONE), new ByteArrayInputStream(bytes)),
                "InvalidArgument", 400);
        assertThat(bench.repository.latestVersion("vault", "both")).isEmpty();
    }

    @Test
    void aCopyNeedsTheSourcesKeyAndCanReencryptUnderAnother() throws IOException {
        put("src", "payload", Optional.of(key(KEY_A)), WriteConditions.NONE);
        assertS3Error(() -> s3.copyObject(admin, copy(Optional.empty(), Optional.empty())), "InvalidRequest", 400);
        assertS3Error(() -> s3.copyObject(admin, copy(Optional.of(key(KEY_B)), Optional.empty())), "AccessDenied", 403);

        ObjectVersion copied = s3.copyObject(admin, copy(Optional.of(key(KEY_A)), Optional.of(key(KEY_B)))).version();
        assertThat(copied.encryption().customerKeyMd5()).isEqualTo(base64(md5(KEY_B)));
        assertThat(read("dst", Optional.of(key(KEY_B)), Optional.empty())).isEqualTo("payload");

        ObjectVersion plain = s3.copyObject(admin, copy(Optional.of(key(KEY_A)), Optional.empty())).version();
        assertThat(plain.encryption().mode()).isEqualTo(ObjectEncryption.Mode.SSE_S3);
        assertThat(read("dst", Optional.empty(), Optional.empty())).isEqualTo("payload");
    }

    @Test
    void everyPartOfAnSseCUploadSendsTheSameKey() throws IOException {
        MultipartUpload upload = s3.createMultipartUpload(admin, new CreateMultipartUploadRequest("vault", "big",
                Map.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(key(KEY_A))));
        assertThat(upload.encryption().mode()).isEqualTo(ObjectEncryption.Mode.SSE_C);
        assertS3Error(() -> uploadPart(upload, 1, "one", Optional.empty()), "InvalidRequest", 400);
        assertS3Error(() -> uploadPart(upload, 1, "one", Optional.of(key(KEY_B))), "InvalidArgument", 400);
        UploadPart part = uploadPart(upload, 1, "one", Optional.of(key(KEY_A)));

        List<CompletedPart> parts = new ArrayList<>(List.of(new CompletedPart(1, part.etag(), Map.of())));
        assertS3Error(() -> s3.completeMultipartUpload(admin, "vault", "big", upload.uploadId(), parts,
                Optional.of(key(KEY_B)), WriteConditions.NONE), "InvalidArgument", 400);
        ObjectVersion version = s3.completeMultipartUpload(admin, "vault", "big", upload.uploadId(), parts,
                Optional.of(key(KEY_A)), WriteConditions.NONE);
        assertThat(version.encryption().mode()).isEqualTo(ObjectEncryption.Mode.SSE_C);
        assertThat(read("big", Optional.of(key(KEY_A)), Optional.empty())).isEqualTo("one");
        assertS3Error(() -> read("big", Optional.of(key(KEY_B)), Optional.empty()), "AccessDenied", 403);
    }

    @Test
    void ifNoneMatchStarWritesOnlyWhereNoObjectIs() {
        WriteConditions absent = new WriteConditions(Optional.empty(), Optional.of("*"));
        put("once", "first", Optional.empty(), absent);
        int blobs = bench.blobs.blobs.size();
        assertS3Error(() -> put("once", "second", Optional.empty(), absent), "PreconditionFailed", 412);
        assertThat(bench.blobs.blobs.size()).isEqualTo(blobs); // nothing left behind
        assertThat(bench.read("vault", "once", Optional.empty())).isEqualTo("first");

        assertS3Error(() -> new WriteConditions(Optional.empty(), Optional.of("\"abc\"")), "NotImplemented", 501);
    }

    @Test
    void ifNoneMatchStarTakesADeleteMarkerForNoObject() {
        s3.putBucketVersioning(admin, "vault", Optional.of("Enabled"), Optional.empty());
        put("gone", "first", Optional.empty(), WriteConditions.NONE);
        s3.deleteObject(admin, "vault", "gone", Optional.empty());
        put("gone", "again", Optional.empty(), new WriteConditions(Optional.empty(), Optional.of("*")));
        assertThat(bench.read("vault", "gone", Optional.empty())).isEqualTo("again");
    }

    @Test
    void ifMatchWritesOnlyOverTheNamedVersion() {
        assertS3Error(() -> put("k", "x", Optional.empty(), new WriteConditions(Optional.of("\"abc\""), Optional.empty())),
                "NoSuchKey", 404);
        ObjectVersion first = put("k", "first", Optional.empty(), WriteConditions.NONE);
        assertS3Error(() -> put("k", "x", Optional.empty(), new WriteConditions(Optional.of("\"0000\""), Optional.empty())),
                "PreconditionFailed", 412);
        put("k", "second", Optional.empty(), new WriteConditions(Optional.of("\"" + first.etag() + "\""), Optional.empty()));
        assertThat(bench.read("vault", "k", Optional.empty())).isEqualTo("second");
    }

    @Test
    void theCommitChecksAgainUnderTheKeysLock() {
        ObjectVersion existing = put("raced", "first", Optional.empty(), WriteConditions.NONE);
        WriteConditions absent = new WriteConditions(Optional.empty(), Optional.of("*"));
        assertS3Error(() -> absent.check(Optional.of(existing), true), "PreconditionFailed", 412);
        WriteConditions overFirst = new WriteConditions(Optional.of(existing.etag()), Optional.empty());
        overFirst.check(Optional.of(existing), true);
        // the object the If-Match saw on arrival was deleted before the commit
        assertS3Error(() -> overFirst.check(Optional.empty(), true), "ConditionalRequestConflict", 409);
    }

    @Test
    void completeMultipartUploadHonoursIfNoneMatchAndKeepsTheUploadWhenRefused() {
        put("mp", "there", Optional.empty(), WriteConditions.NONE);
        MultipartUpload upload = s3.createMultipartUpload(admin, new CreateMultipartUploadRequest("vault", "mp",
                Map.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty()));
        UploadPart part = uploadPart(upload, 1, "new", Optional.empty());
        List<CompletedPart> parts = List.of(new CompletedPart(1, part.etag(), Map.of()));
        assertS3Error(() -> s3.completeMultipartUpload(admin, "vault", "mp", upload.uploadId(), parts,
                Optional.empty(), new WriteConditions(Optional.empty(), Optional.of("*"))), "PreconditionFailed", 412);
        assertThat(bench.read("vault", "mp", Optional.empty())).isEqualTo("there");
        s3.completeMultipartUpload(admin, "vault", "mp", upload.uploadId(), parts, Optional.empty(),
                WriteConditions.NONE);
        assertThat(bench.read("vault", "mp", Optional.empty())).isEqualTo("new");
    }

    // ---- helpers

    private ObjectVersion put(String key, String body, Optional<CustomerKey> customerKey, WriteConditions conditions) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return s3.putObject(admin, new PutObjectRequest("vault", key, bytes.length, Map.of(), Map.of(),
                Optional.empty(), Optional.empty(), Optional::empty, Map.of(), Optional.empty(), Optional.empty(),
                customerKey, conditions), new ByteArrayInputStream(bytes));
    }

    private String read(String key, Optional<CustomerKey> customerKey, Optional<ByteRange> range) throws IOException {
        try (ObjectContent content = s3.getObject(admin, "vault", key, Optional.empty(), range, customerKey)) {
            return new String(content.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private CopyObjectRequest copy(Optional<CustomerKey> sourceKey, Optional<CustomerKey> targetKey) {
        return new CopyObjectRequest("vault", "src", Optional.empty(), "vault", "dst", false, Map.of(), Map.of(), false,
                Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                CopyObjectRequest.Conditions.NONE, sourceKey, targetKey, WriteConditions.NONE);
    }

    private UploadPart uploadPart(MultipartUpload upload, int number, String body, Optional<CustomerKey> key) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return s3.uploadPart(admin, new UploadPartRequest("vault", upload.key(), upload.uploadId(), number,
                bytes.length, Optional.empty(), Optional.empty(), Optional::empty, key),
                new ByteArrayInputStream(bytes)).part();
    }

    private static CustomerKey key(byte[] material) {
        return CustomerKey.of(Optional.of("AES256"), Optional.of(base64(material)), Optional.of(base64(md5(material))))
                .orElseThrow();
    }

    private static void assertInvalidArgument(Optional<String> algorithm, Optional<String> key, Optional<String> md5,
                                              String message) {
        assertS3Error(() -> CustomerKey.of(algorithm, key, md5), "InvalidArgument", 400);
        try {
            CustomerKey.of(algorithm, key, md5);
        } catch (io.strongroom.core.AwsException e) {
            assertThat(e.getMessage()).contains(message);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (value + i);
        }
        return bytes;
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
