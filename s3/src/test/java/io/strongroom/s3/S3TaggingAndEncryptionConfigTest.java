package io.strongroom.s3;

import static io.strongroom.s3.S3Bench.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.iam.access.AccessDeniedException;
import io.strongroom.iam.auth.CallContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Object and bucket tagging, and a bucket's default encryption applied to writes that name none. */
class S3TaggingAndEncryptionConfigTest {
    private final S3Bench bench = new S3Bench();
    private final S3Service s3 = bench.s3;
    private final CallContext admin = bench.admin;

    @Test
    void objectTagsAreReplacedReadAndDeletedPerVersion() {
        s3.createBucket(admin, "tags", Optional.empty(), false);
        s3.putBucketVersioning(admin, "tags", Optional.of("Enabled"), Optional.empty());
        ObjectVersion v1 = bench.put(admin, "tags", "k", "one", Map.of("stage", "raw"));
        bench.put("tags", "k", "two");

        s3.putObjectTagging(admin, "tags", "k", Optional.empty(), Map.of("stage", "clean", "pii", "no"));
        assertThat(s3.getObjectTagging(admin, "tags", "k", Optional.empty()).tags())
                .containsOnly(Map.entry("stage", "clean"), Map.entry("pii", "no"));
        assertThat(s3.getObjectTagging(admin, "tags", "k", Optional.of(v1.versionId())).tags())
                .containsOnly(Map.entry("stage", "raw"));
        assertThat(bench.read("tags", "k", Optional.empty())).isEqualTo("two");

        ObjectVersion cleared = s3.deleteObjectTagging(admin, "tags", "k", Optional.of(v1.versionId()));
        assertThat(cleared.versionId()).isEqualTo(v1.versionId());
        assertThat(s3.getObjectTagging(admin, "tags", "k", Optional.of(v1.versionId())).tags()).isEmpty();
        assertThat(s3.getObjectTagging(admin, "tags", "k", Optional.empty()).tags()).hasSize(2);
    }

    @Test
    void badObjectTagsAreRefusedAndChangeNothing() {
        s3.createBucket(admin, "badtags", Optional.empty(), false);
        bench.put(admin, "badtags", "k", "v", Map.of("keep", "me"));
        Map<String, String> eleven = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("k" + i, "v");
        }
        assertS3Error(() -> s3.putObjectTagging(admin, "badtags", "k", Optional.empty(), eleven), "BadRequest", 400);
        assertS3Error(() -> s3.putObjectTagging(admin, "badtags", "k", Optional.empty(), Map.of("k".repeat(129), "v")),
                "InvalidTag", 400);
        assertS3Error(() -> s3.putObjectTagging(admin, "badtags", "k", Optional.empty(), Map.of("k", "v".repeat(257))),
                "InvalidTag", 400);
        assertS3Error(() -> s3.putObjectTagging(admin, "badtags", "k", Optional.empty(), Map.of("", "v")),
                "InvalidTag", 400);
        assertS3Error(() -> s3.putObjectTagging(admin, "badtags", "k", Optional.empty(), Map.of("aws:x", "v")),
                "InvalidTag", 400);
        assertS3Error(() -> s3.putObjectTagging(admin, "badtags", "nope", Optional.empty(), Map.of("a", "b")),
                "NoSuchKey", 404);
        assertThat(s3.getObjectTagging(admin, "badtags", "k", Optional.empty()).tags())
                .containsOnly(Map.entry("keep", "me"));

        CallContext reader = bench.iam.newUser("reader");
        bench.iam.allowUser("reader", "read", "s3:GetObject");
        assertThatThrownBy(() -> s3.putObjectTagging(reader, "badtags", "k", Optional.empty(), Map.of()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void bucketTagsRoundTripAndAreLimitedToFifty() {
        s3.createBucket(admin, "btags", Optional.empty(), false);
        assertS3Error(() -> s3.bucketTagging(admin, "btags"), "NoSuchTagSet", 404);
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("cost centre", "a&b=c");
        tags.put("owner", "");
        s3.putBucketTagging(admin, "btags", tags);
        assertThat(s3.bucketTagging(admin, "btags")).containsExactlyEntriesOf(tags);

        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            many.put("k" + i, "v");
        }
        assertS3Error(() -> s3.putBucketTagging(admin, "btags", many), "InvalidTag", 400);
        assertThat(s3.bucketTagging(admin, "btags")).containsExactlyEntriesOf(tags);

        s3.deleteBucketTagging(admin, "btags");
        assertS3Error(() -> s3.bucketTagging(admin, "btags"), "NoSuchTagSet", 404);
    }

    @Test
    void theDefaultEncryptionAppliesToWritesThatNameNone() {
        s3.createBucket(admin, "enc", Optional.empty(), false);
        assertThat(s3.bucketEncryption(admin, "enc")).isEqualTo(BucketEncryption.DEFAULT);
        String key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        s3.putBucketEncryption(admin, "enc", new BucketEncryption(ObjectEncryption.Mode.SSE_KMS, Optional.of(key),
                true));
        assertThat(s3.bucketEncryption(admin, "enc"))
                .isEqualTo(new BucketEncryption(ObjectEncryption.Mode.SSE_KMS, Optional.of(key), true));

        ObjectVersion version = bench.put("enc", "k", "v");
        assertThat(version.encryption().mode()).isEqualTo(ObjectEncryption.Mode.SSE_KMS);
        assertThat(version.encryption().kmsKeyArn()).isEqualTo(key);
        ObjectVersion explicit = s3.putObject(admin, new PutObjectRequest("enc", "s3", 1, Map.of(), Map.of(),
                Optional.empty(), Optional.empty(), Optional::empty, Map.of(),
                Optional.of(ObjectEncryption.Mode.SSE_S3), Optional.empty()), new java.io.ByteArrayInputStream(new byte[] {1}));
        assertThat(explicit.encryption().mode()).isEqualTo(ObjectEncryption.Mode.SSE_S3);

        s3.deleteBucketEncryption(admin, "enc");
        assertThat(s3.bucketEncryption(admin, "enc")).isEqualTo(BucketEncryption.DEFAULT);
        assertThat(bench.put("enc", "k2", "v").encryption().mode()).isEqualTo(ObjectEncryption.Mode.SSE_S3);
    }

    @Test
    void kmsWithoutAKeyIsTheAwsManagedKeyAndAKeyNeedsKms() {
        s3.createBucket(admin, "nokey", Optional.empty(), false);
        BucketEncryption managed = new BucketEncryption(ObjectEncryption.Mode.SSE_KMS, Optional.empty(), true);
        s3.putBucketEncryption(admin, "nokey", managed);
        assertThat(s3.bucketEncryption(admin, "nokey")).isEqualTo(managed);
        ObjectVersion version = bench.put("nokey", "k", "v");
        assertThat(version.encryption().mode()).isEqualTo(ObjectEncryption.Mode.SSE_KMS);
        assertThat(version.encryption().bucketKeyEnabled()).isTrue();
        s3.deleteBucketEncryption(admin, "nokey");
        assertS3Error(() -> s3.putBucketEncryption(admin, "nokey", new BucketEncryption(ObjectEncryption.Mode.SSE_S3,
                Optional.of("k"), false)), "InvalidArgument", 400);
        assertThat(s3.bucketEncryption(admin, "nokey")).isEqualTo(BucketEncryption.DEFAULT);
        CallContext reader = bench.iam.newUser("reader");
        bench.iam.allowUser("reader", "read", "s3:GetObject");
        assertThatThrownBy(() -> s3.putBucketEncryption(reader, "nokey", BucketEncryption.DEFAULT))
                .isInstanceOf(AccessDeniedException.class);
    }
}
