package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/** Lifecycle configurations through the SDK: kept as put, refused as S3 refuses them, deleted. */
@ExtendWith(StrongroomExtension.class)
class S3LifecycleEndToEndTest {

    @Test
    void aLifecycleConfigurationReadsBackAsPutAndGoesWhenDeleted(S3Client s3) {
        s3.createBucket(r -> r.bucket("e2e-lifecycle"));
        assertAwsError(() -> s3.getBucketLifecycleConfiguration(r -> r.bucket("e2e-lifecycle")),
                "NoSuchLifecycleConfiguration", 404);
        LifecycleRule scratch = LifecycleRule.builder().id("scratch").status(ExpirationStatus.ENABLED)
                .filter(f -> f.and(a -> a.prefix("tmp/").tags(t -> t.key("class").value("scratch"))
                        .objectSizeGreaterThan(1024L)))
                .expiration(e -> e.days(7))
                .noncurrentVersionExpiration(n -> n.noncurrentDays(30))
                .build();
        LifecycleRule markers = LifecycleRule.builder().id("markers").status(ExpirationStatus.DISABLED)
                .filter(f -> f.prefix("")).expiration(e -> e.expiredObjectDeleteMarker(true)).build();
        s3.putBucketLifecycleConfiguration(r -> r.bucket("e2e-lifecycle").lifecycleConfiguration(c -> c.rules(scratch,
                markers)));

        var rules = s3.getBucketLifecycleConfiguration(r -> r.bucket("e2e-lifecycle")).rules();
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).id()).isEqualTo("scratch");
        assertThat(rules.get(0).filter().and().prefix()).isEqualTo("tmp/");
        assertThat(rules.get(0).filter().and().tags()).singleElement()
                .satisfies(tag -> assertThat(tag.value()).isEqualTo("scratch"));
        assertThat(rules.get(0).filter().and().objectSizeGreaterThan()).isEqualTo(1024L);
        assertThat(rules.get(0).expiration().days()).isEqualTo(7);
        assertThat(rules.get(0).noncurrentVersionExpiration().noncurrentDays()).isEqualTo(30);
        assertThat(rules.get(1).status()).isEqualTo(ExpirationStatus.DISABLED);
        assertThat(rules.get(1).expiration().expiredObjectDeleteMarker()).isTrue();

        s3.deleteBucketLifecycle(r -> r.bucket("e2e-lifecycle"));
        assertAwsError(() -> s3.getBucketLifecycleConfiguration(r -> r.bucket("e2e-lifecycle")),
                "NoSuchLifecycleConfiguration", 404);
    }

    @Test
    void rulesS3RefusesAreRefusedAndChangeNothing(S3Client s3) {
        s3.createBucket(r -> r.bucket("e2e-lifecycle-bad"));
        assertAwsError(() -> s3.putBucketLifecycleConfiguration(r -> r.bucket("e2e-lifecycle-bad")
                .lifecycleConfiguration(c -> c.rules(LifecycleRule.builder().id("zero").status(ExpirationStatus.ENABLED)
                        .filter(f -> f.prefix("")).expiration(e -> e.days(0)).build()))), "InvalidArgument", 400);
        assertAwsError(() -> s3.putBucketLifecycleConfiguration(r -> r.bucket("e2e-lifecycle-bad")
                .lifecycleConfiguration(c -> c.rules(LifecycleRule.builder().id("archive").status(ExpirationStatus.ENABLED)
                        .filter(f -> f.prefix("")).transitions(t -> t.days(10)
                                .storageClass(TransitionStorageClass.STANDARD_IA)).build()))), "InvalidArgument", 400);
        assertAwsError(() -> s3.getBucketLifecycleConfiguration(r -> r.bucket("e2e-lifecycle-bad")),
                "NoSuchLifecycleConfiguration", 404);
    }
}
