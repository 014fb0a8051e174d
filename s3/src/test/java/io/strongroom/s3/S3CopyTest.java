package io.strongroom.s3;

import static io.strongroom.s3.S3Bench.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.iam.access.AccessDeniedException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.s3.checksum.ChecksumAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CopyObject: directives, conditions, re-encryption into a new blob and authorisation on both ends. */
class S3CopyTest {
    private final S3Bench bench = new S3Bench();
    private final S3Service s3 = bench.s3;
    private final CallContext admin = bench.admin;

    @Test
    void aCopyIsANewBlobUnderANewDataKeyWithTheSourcesMetadata() {
        s3.createBucket(admin, "src", Optional.empty(), false);
        s3.createBucket(admin, "dst", Optional.empty(), false);
        ObjectVersion source = bench.put(admin, "src", "report.csv", "a,b,c\n1,2,3\n", Map.of("team", "risk"));
        int keysBefore = bench.dataKeys.issued();

        S3Service.CopiedObject copied = s3.copyObject(admin, copy("src", "report.csv", "dst", "copy.csv")
                .build());

        ObjectVersion version = copied.version();
        assertThat(version.etag()).isEqualTo(source.etag());
        assertThat(version.blobId()).isNotEqualTo(source.blobId());
        assertThat(bench.dataKeys.issued()).isEqualTo(keysBefore + 1);
        assertThat(Arrays.equals(version.encryption().wrappedDataKey(), source.encryption().wrappedDataKey())).isFalse();
        assertThat(version.userMetadata()).containsEntry("origin", "test");
        assertThat(version.headers()).containsEntry("Content-Type", "text/plain");
        assertThat(version.tags()).containsEntry("team", "risk");
        assertThat(bench.read("dst", "copy.csv", Optional.empty())).isEqualTo("a,b,c\n1,2,3\n");
        assertThat(copied.source().versionId()).isEqualTo(source.versionId());
    }

    @Test
    void replaceDirectivesTakeTheRequestsMetadataTagsEncryptionAndChecksum() {
        s3.createBucket(admin, "rep", Optional.empty(), false);
        bench.put(admin, "rep", "k", "body", Map.of("old", "tag"));
        CopyBuilder request = copy("rep", "k", "rep", "k");
        request.replaceMetadata = true;
        request.headers = Map.of("Content-Type", "application/json");
        request.metadata = Map.of("fresh", "yes");
        request.replaceTags = true;
        request.tags = Map.of("new", "tag");
        request.encryption = Optional.of(ObjectEncryption.Mode.SSE_KMS);
        request.checksum = Optional.of(ChecksumAlgorithm.SHA256);

        ObjectVersion version = s3.copyObject(admin, request.build()).version();

        assertThat(version.headers()).containsExactly(Map.entry("Content-Type", "application/json"));
        assertThat(version.userMetadata()).containsExactly(Map.entry("fresh", "yes"));
        assertThat(version.tags()).containsExactly(Map.entry("new", "tag"));
        assertThat(version.encryption().mode()).isEqualTo(ObjectEncryption.Mode.SSE_KMS);
        assertThat(version.checksum().orElseThrow().algorithm()).isEqualTo("SHA256");
        assertThat(bench.read("rep", "k", Optional.empty())).isEqualTo("body");
    }

    @Test
    void copyingOntoItselfWithoutAChangeIsRefusedButRestoringAnOldVersionIsNot() {
        s3.createBucket(admin, "self", Optional.empty(), false);
        s3.putBucketVersioning(admin, "self", Optional.of("Enabled"), Optional.empty());
        ObjectVersion v1 = bench.put("self", "k", "one");
        bench.put("self", "k", "two");
        assertS3Error(() -> s3.copyObject(admin, copy("self", "k", "self", "k").build()), "InvalidRequest", 400);

        CopyBuilder restore = copy("self", "k", "self", "k");
        restore.versionId = Optional.of(v1.versionId());
        s3.copyObject(admin, restore.build());
        assertThat(bench.read("self", "k", Optional.empty())).isEqualTo("one");
        assertThat(s3.listObjectVersions(admin, "self", "", "", "", "", 1000).versions()).hasSize(3);
    }

    @Test
    void copySourceConditionsAreWeighedAsS3WeighsThem() {
        s3.createBucket(admin, "cond", Optional.empty(), false);
        ObjectVersion source = bench.put("cond", "k", "v");
        Instant before = source.lastModified().minus(Duration.ofHours(1));
        Instant after = source.lastModified().plus(Duration.ofHours(1));
        String etag = "\"" + source.etag() + "\"";

        assertS3Error(() -> s3.copyObject(admin, conditional(Optional.of("\"nope\""), Optional.empty(),
                Optional.empty(), Optional.empty())), "PreconditionFailed", 412);
        assertS3Error(() -> s3.copyObject(admin, conditional(Optional.empty(), Optional.of(etag),
                Optional.empty(), Optional.empty())), "PreconditionFailed", 412);
        assertS3Error(() -> s3.copyObject(admin, conditional(Optional.empty(), Optional.empty(),
                Optional.of(after), Optional.empty())), "PreconditionFailed", 412);
        assertS3Error(() -> s3.copyObject(admin, conditional(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(before))), "PreconditionFailed", 412);
        assertThat(bench.repository.latestVersion("cond", "out")).isEmpty();

        // a matching If-Match wins over a failing If-Unmodified-Since; so does a non-matching If-None-Match
        s3.copyObject(admin, conditional(Optional.of(etag), Optional.empty(), Optional.empty(), Optional.of(before)));
        s3.copyObject(admin, conditional(Optional.empty(), Optional.of("\"other\""), Optional.of(after),
                Optional.empty()));
        assertThat(bench.read("cond", "out", Optional.empty())).isEqualTo("v");
    }

    @Test
    void aCopyNeedsReadOnTheSourceAndWriteOnTheDestination() {
        s3.createBucket(admin, "src-b", Optional.empty(), false);
        s3.createBucket(admin, "dst-b", Optional.empty(), false);
        bench.put("src-b", "k", "secret");
        CallContext writer = bench.iam.newUser("writer");
        bench.iam.allowUser("writer", "write", "s3:PutObject");
        assertThatThrownBy(() -> s3.copyObject(writer, copy("src-b", "k", "dst-b", "k").build()))
                .isInstanceOf(AccessDeniedException.class);
        CallContext reader = bench.iam.newUser("reader");
        bench.iam.allowUser("reader", "read", "s3:GetObject");
        assertThatThrownBy(() -> s3.copyObject(reader, copy("src-b", "k", "dst-b", "k").build()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(bench.repository.latestVersion("dst-b", "k")).isEmpty();
        assertS3Error(() -> s3.copyObject(admin, copy("src-b", "missing", "dst-b", "k").build()), "NoSuchKey", 404);
        assertS3Error(() -> s3.copyObject(admin, copy("src-b", "k", "nowhere", "k").build()), "NoSuchBucket", 404);
    }

    @Test
    void aSourceOverFiveGibibytesIsRefusedBeforeItIsRead() {
        s3.createBucket(admin, "huge", Optional.empty(), false);
        ObjectVersion small = bench.put("huge", "small", "v");
        ObjectVersion huge = new ObjectVersion("huge", "big", ObjectVersion.NULL_VERSION, false, small.lastModified(),
                CopyOperations.MAX_COPY_SOURCE_BYTES + 1, small.etag(), Map.of(), Map.of(), Optional.empty(), Map.of(),
                "STANDARD", small.encryption(), "no-such-blob");
        bench.repository.putVersion(huge);
        assertS3Error(() -> s3.copyObject(admin, copy("huge", "big", "huge", "copy").build()), "InvalidRequest", 400);
        assertThat(bench.repository.latestVersion("huge", "copy")).isEmpty();
    }

    private CopyObjectRequest conditional(Optional<String> ifMatch, Optional<String> ifNoneMatch,
                                          Optional<Instant> modifiedSince, Optional<Instant> unmodifiedSince) {
        CopyBuilder request = copy("cond", "k", "cond", "out");
        request.conditions = new CopyObjectRequest.Conditions(ifMatch, ifNoneMatch, modifiedSince, unmodifiedSince);
        return request.build();
    }

    private static CopyBuilder copy(String sourceBucket, String sourceKey, String bucket, String key) {
        CopyBuilder builder = new CopyBuilder();
        builder.sourceBucket = sourceBucket;
        builder.sourceKey = sourceKey;
        builder.bucket = bucket;
        builder.key = key;
        return builder;
    }

    /** A copy request with every member defaulted as the REST layer defaults it. */
    private static final class CopyBuilder {
        String sourceBucket;
        String sourceKey;
        Optional<String> versionId = Optional.empty();
        String bucket;
        String key;
        boolean replaceMetadata;
        Map<String, String> headers = Map.of();
        Map<String, String> metadata = Map.of();
        boolean replaceTags;
        Map<String, String> tags = Map.of();
        Optional<ObjectEncryption.Mode> encryption = Optional.empty();
        Optional<ChecksumAlgorithm> checksum = Optional.empty();
        CopyObjectRequest.Conditions conditions = CopyObjectRequest.Conditions.NONE;

        CopyObjectRequest build() {
            return new CopyObjectRequest(sourceBucket, sourceKey, versionId, bucket, key, replaceMetadata, headers,
                    metadata, replaceTags, tags, encryption, Optional.empty(), checksum, Optional.empty(), conditions);
        }
    }
}
