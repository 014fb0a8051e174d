package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.TransitionDefaultMinimumObjectSize;
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

    @Test
    void newerNoncurrentVersionsAndTheMinimumObjectSizeReadBackAsPut(S3Client s3) {
        s3.createBucket(r -> r.bucket("e2e-lifecycle-newer"));
        LifecycleRule keep = LifecycleRule.builder().id("keep-three").status(ExpirationStatus.ENABLED)
                .filter(f -> f.prefix("models/"))
                .noncurrentVersionExpiration(n -> n.noncurrentDays(30).newerNoncurrentVersions(3))
                .noncurrentVersionTransitions(t -> t.noncurrentDays(1).newerNoncurrentVersions(1)
                        .storageClass(TransitionStorageClass.GLACIER))
                .build();
        var put = s3.putBucketLifecycleConfiguration(r -> r.bucket("e2e-lifecycle-newer")
                .lifecycleConfiguration(c -> c.rules(keep)));
        assertThat(put.transitionDefaultMinimumObjectSize())
                .isEqualTo(TransitionDefaultMinimumObjectSize.ALL_STORAGE_CLASSES_128_K);
        var got = s3.getBucketLifecycleConfiguration(r -> r.bucket("e2e-lifecycle-newer"));
        assertThat(got.transitionDefaultMinimumObjectSize())
                .isEqualTo(TransitionDefaultMinimumObjectSize.ALL_STORAGE_CLASSES_128_K);
        assertThat(got.rules()).singleElement().satisfies(rule -> {
            assertThat(rule.noncurrentVersionExpiration().noncurrentDays()).isEqualTo(30);
            assertThat(rule.noncurrentVersionExpiration().newerNoncurrentVersions()).isEqualTo(3);
            assertThat(rule.noncurrentVersionTransitions()).singleElement()
                    .satisfies(t -> assertThat(t.newerNoncurrentVersions()).isEqualTo(1));
        });

        put = s3.putBucketLifecycleConfiguration(r -> r.bucket("e2e-lifecycle-newer")
                .transitionDefaultMinimumObjectSize(TransitionDefaultMinimumObjectSize.VARIES_BY_STORAGE_CLASS)
                .lifecycleConfiguration(c -> c.rules(keep)));
        assertThat(put.transitionDefaultMinimumObjectSize())
                .isEqualTo(TransitionDefaultMinimumObjectSize.VARIES_BY_STORAGE_CLASS);
        assertThat(s3.getBucketLifecycleConfiguration(r -> r.bucket("e2e-lifecycle-newer"))
                .transitionDefaultMinimumObjectSize()).isEqualTo(TransitionDefaultMinimumObjectSize.VARIES_BY_STORAGE_CLASS);
    }

    @Test
    void badMinimumSizesCountsAndTransitionGapsAreRefusedAndChangeNothing(S3Client s3) {
        s3.createBucket(r -> r.bucket("e2e-lifecycle-gaps"));
        LifecycleRule before = LifecycleRule.builder().id("before").status(ExpirationStatus.ENABLED)
                .filter(f -> f.prefix("")).expiration(e -> e.days(400)).build();
        s3.putBucketLifecycleConfiguration(r -> r.bucket("e2e-lifecycle-gaps")
                .transitionDefaultMinimumObjectSize(TransitionDefaultMinimumObjectSize.VARIES_BY_STORAGE_CLASS)
                .lifecycleConfiguration(c -> c.rules(before)));

        var badSize = assertAwsError(() -> s3.putBucketLifecycleConfiguration(r -> r.bucket("e2e-lifecycle-gaps")
                .transitionDefaultMinimumObjectSize("all_storage_classes_64K")
                .lifecycleConfiguration(c -> c.rules(before))), "InvalidRequest", 400);
        assertThat(badSize.awsErrorDetails().errorMessage())
                .isEqualTo("Invalid TransitionDefaultMinimumObjectSize found: all_storage_classes_64K");
        for (int newer : new int[] {0, 101}) {
            var badCount = assertAwsError(() -> s3.putBucketLifecycleConfiguration(r -> r.bucket("e2e-lifecycle-gaps")
                    .lifecycleConfiguration(c -> c.rules(LifecycleRule.builder().id("n").status(ExpirationStatus.ENABLED)
                            .filter(f -> f.prefix("")).noncurrentVersionExpiration(n -> n.noncurrentDays(1)
                                    .newerNoncurrentVersions(newer)).build()))), "InvalidArgument", 400);
            assertThat(badCount.awsErrorDetails().errorMessage()).isEqualTo("'NewerNoncurrentVersions' for"
                    + " NoncurrentVersionExpiration action must be a positive integer up to 100");
        }
        // NewerNoncurrentVersions alone, without NoncurrentDays, does not validate against S3's schema
        assertAwsError(() -> s3.putBucketLifecycleConfiguration(r -> r.bucket("e2e-lifecycle-gaps")
                .lifecycleConfiguration(c -> c.rules(LifecycleRule.builder().id("n").status(ExpirationStatus.ENABLED)
                        .filter(f -> f.prefix("")).noncurrentVersionExpiration(n -> n.newerNoncurrentVersions(2))
                        .build()))), "MalformedXML", 400);
        var gap = assertAwsError(() -> s3.putBucketLifecycleConfiguration(r -> r.bucket("e2e-lifecycle-gaps")
                .lifecycleConfiguration(c -> c.rules(LifecycleRule.builder().id("gap").status(ExpirationStatus.ENABLED)
                        .filter(f -> f.prefix("logs/"))
                        .transitions(t -> t.days(30).storageClass(TransitionStorageClass.STANDARD_IA),
                                t -> t.days(45).storageClass(TransitionStorageClass.GLACIER)).build()))),
                "InvalidArgument", 400);
        assertThat(gap.awsErrorDetails().errorMessage()).isEqualTo("'Days' in Transition action for StorageClass"
                + " 'GLACIER' for filter '(prefix=logs/)' must be 30 days more than 'filter '(prefix=logs/)'' in the"
                + " Transition action for StorageClass 'STANDARD_IA'");
        // S3 answers an Expiration that names both Days and ExpiredObjectDeleteMarker as malformed
        assertAwsError(() -> s3.putBucketLifecycleConfiguration(r -> r.bucket("e2e-lifecycle-gaps")
                .lifecycleConfiguration(c -> c.rules(LifecycleRule.builder().id("both").status(ExpirationStatus.ENABLED)
                        .filter(f -> f.prefix("")).expiration(e -> e.days(3).expiredObjectDeleteMarker(true))
                        .build()))), "MalformedXML", 400);

        var kept = s3.getBucketLifecycleConfiguration(r -> r.bucket("e2e-lifecycle-gaps"));
        assertThat(kept.rules()).containsExactly(before);
        assertThat(kept.transitionDefaultMinimumObjectSize())
                .isEqualTo(TransitionDefaultMinimumObjectSize.VARIES_BY_STORAGE_CLASS);
    }
}
