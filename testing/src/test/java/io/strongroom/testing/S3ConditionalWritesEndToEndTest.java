package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Conditional writes through the AWS SDK for Java v2: If-None-Match {@code *} and If-Match on PutObject,
 * CopyObject and CompleteMultipartUpload, and racing writers of which exactly one wins.
 */
@ExtendWith(StrongroomExtension.class)
class S3ConditionalWritesEndToEndTest {
    private final S3Client s3;
    private final String bucket;

    S3ConditionalWritesEndToEndTest(StrongroomTestServer server) {
        this.s3 = server.adminClients().s3();
        this.bucket = "conditional-" + Long.toHexString(System.nanoTime());
    }

    @BeforeEach
    void bucket() {
        s3.createBucket(r -> r.bucket(bucket));
    }

    @Test
    void ifNoneMatchStarWritesOnlyWhereNoObjectIs() {
        s3.putObject(r -> r.bucket(bucket).key("once").ifNoneMatch("*"), RequestBody.fromString("first"));
        AwsServiceException refused = assertAwsError(() -> s3.putObject(r -> r.bucket(bucket).key("once")
                .ifNoneMatch("*"), RequestBody.fromString("second")), "PreconditionFailed", 412);
        assertThat(refused.awsErrorDetails().errorMessage())
                .isEqualTo("At least one of the pre-conditions you specified did not hold");
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("once")).asUtf8String()).isEqualTo("first");

        assertAwsError(() -> s3.putObject(r -> r.bucket(bucket).key("once").ifNoneMatch("\"abc\""),
                RequestBody.fromString("x")), "NotImplemented", 501);
        assertAwsError(() -> s3.copyObject(r -> r.sourceBucket(bucket).sourceKey("once").destinationBucket(bucket)
                .destinationKey("once").metadataDirective("REPLACE").ifNoneMatch("*")), "PreconditionFailed", 412);
    }

    @Test
    void ifMatchWritesOnlyOverTheVersionItNames() {
        assertAwsError(() -> s3.putObject(r -> r.bucket(bucket).key("k").ifMatch("\"0123456789abcdef0123456789abcdef\""),
                RequestBody.fromString("x")), "NoSuchKey", 404);
        String etag = s3.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("first")).eTag();
        assertAwsError(() -> s3.putObject(r -> r.bucket(bucket).key("k").ifMatch("\"0123456789abcdef0123456789abcdef\""),
                RequestBody.fromString("x")), "PreconditionFailed", 412);
        String second = s3.putObject(r -> r.bucket(bucket).key("k").ifMatch(etag), RequestBody.fromString("second"))
                .eTag();
        assertThat(second).isNotEqualTo(etag);
        assertAwsError(() -> s3.putObject(r -> r.bucket(bucket).key("k").ifMatch(etag), RequestBody.fromString("x")),
                "PreconditionFailed", 412);
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("k")).asUtf8String()).isEqualTo("second");
    }

    @Test
    void completeMultipartUploadKeepsTheUploadWhenItsConditionFails() {
        s3.putObject(r -> r.bucket(bucket).key("mp"), RequestBody.fromString("there"));
        String uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key("mp")).uploadId();
        String etag = s3.uploadPart(r -> r.bucket(bucket).key("mp").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("parted")).eTag();
        CompletedPart part = CompletedPart.builder().partNumber(1).eTag(etag).build();

        assertAwsError(() -> s3.completeMultipartUpload(r -> r.bucket(bucket).key("mp").uploadId(uploadId)
                .ifNoneMatch("*").multipartUpload(m -> m.parts(part))), "PreconditionFailed", 412);
        assertAwsError(() -> s3.completeMultipartUpload(r -> r.bucket(bucket).key("mp").uploadId(uploadId)
                .ifMatch("\"0123456789abcdef0123456789abcdef\"").multipartUpload(m -> m.parts(part))),
                "PreconditionFailed", 412);
        assertThat(s3.listParts(r -> r.bucket(bucket).key("mp").uploadId(uploadId)).parts()).hasSize(1);

        String current = s3.headObject(r -> r.bucket(bucket).key("mp")).eTag();
        s3.completeMultipartUpload(r -> r.bucket(bucket).key("mp").uploadId(uploadId).ifMatch(current)
                .multipartUpload(m -> m.parts(part)));
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("mp")).asUtf8String()).isEqualTo("parted");
    }

    @Test
    void ofConcurrentIfNoneMatchPutsExactlyOneWins() throws Exception {
        int writers = 8;
        byte[] body = new byte[256 * 1024];
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> outcomes = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int writer = i;
                Callable<Integer> put = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    body[0] = (byte) writer;
                    try {
                        s3.putObject(r -> r.bucket(bucket).key("race").ifNoneMatch("*").metadata(
                                java.util.Map.of("writer", Integer.toString(writer))), RequestBody.fromBytes(body));
                        return 200;
                    } catch (AwsServiceException e) {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
                        return e.statusCode();
                    }
                };
                outcomes.add(pool.submit(put));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> outcome : outcomes) {
                statuses.add(outcome.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(200, 412);
            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(s3.listObjectVersions(r -> r.bucket(bucket).prefix("race")).versions()).hasSize(1);
    }
}
