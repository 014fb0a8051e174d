package io.strongroom.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.AwsException;
import io.strongroom.iam.access.AccessDeniedException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.testing.IamFixture;
import io.strongroom.s3.testing.InMemoryMultipartRepository;
import io.strongroom.s3.testing.InMemoryS3Repository;
import io.strongroom.s3.testing.InMemoryS3Transactor;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lifecycle rules: kept as put, checked as S3 checks them, and carried out by the scheduler's passes. */
class LifecycleTest {
    private final IamFixture iam = new IamFixture();
    private final InMemoryS3Repository repository = new InMemoryS3Repository();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final List<String> actions = new ArrayList<>();
    private final S3Service s3 = new S3Service(repository, new InMemoryMultipartRepository(), blobs, new FixedDataKeys(),
            new InMemoryS3Transactor(repository), iam.authorizer, iam.clock, "us-east-1",
            (bucket, key, versionId, action) -> actions.add(action + " " + bucket.name() + "/" + key));
    private final CallContext admin = iam.admin;

    @Test
    void rulesReadBackAsPutWithEveryFilterAndAction() {
        s3.createBucket(admin, "rules", Optional.empty(), false);
        List<LifecycleRule> rules = List.of(
                rule("tmp", new LifecycleRule.Filter("tmp/", Map.of("class", "scratch & more=yes"), Optional.of(10L),
                        Optional.of(5_000_000L)), Optional.of(7), Optional.empty(), false, Optional.of(30)),
                rule("markers", LifecycleRule.Filter.EVERYTHING, Optional.empty(), Optional.empty(), true,
                        Optional.empty()),
                new LifecycleRule("dated", false, new LifecycleRule.Filter("logs/\n", Map.of(), Optional.empty(),
                        Optional.empty()), Optional.empty(), Optional.of(Instant.parse("2031-01-01T00:00:00Z")), false,
                        Optional.empty()));
        s3.putBucketLifecycle(admin, "rules", rules);
        assertThat(s3.bucketLifecycle(admin, "rules")).isEqualTo(rules);
        s3.deleteBucketLifecycle(admin, "rules");
        assertS3Error(() -> s3.bucketLifecycle(admin, "rules"), "NoSuchLifecycleConfiguration", 404);
    }

    @Test
    void rulesThatS3RefusesAreRefused() {
        s3.createBucket(admin, "refusals", Optional.empty(), false);
        assertS3Error(() -> put(rule("none", LifecycleRule.Filter.EVERYTHING, Optional.empty(), Optional.empty(),
                false, Optional.empty())), "InvalidRequest", 400);
        assertS3Error(() -> put(rule("zero", LifecycleRule.Filter.EVERYTHING, Optional.of(0), Optional.empty(),
                false, Optional.empty())), "InvalidArgument", 400);
        assertS3Error(() -> put(rule("noon", LifecycleRule.Filter.EVERYTHING, Optional.empty(),
                Optional.of(Instant.parse("2031-01-01T12:00:00Z")), false, Optional.empty())), "InvalidArgument", 400);
        assertS3Error(() -> put(rule("both", LifecycleRule.Filter.EVERYTHING, Optional.of(1), Optional.empty(),
                true, Optional.empty())), "MalformedXML", 400);
        LifecycleRule once = rule("same", LifecycleRule.Filter.EVERYTHING, Optional.of(1), Optional.empty(), false,
                Optional.empty());
        assertS3Error(() -> s3.putBucketLifecycle(admin, "refusals", List.of(once, once)), "InvalidArgument", 400);
        assertS3Error(() -> s3.bucketLifecycle(admin, "refusals"), "NoSuchLifecycleConfiguration", 404);
        CallContext nobody = iam.newUser("nobody");
        assertThatThrownBy(() -> s3.putBucketLifecycle(nobody, "refusals", List.of(once)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void currentVersionsExpireAfterTheirDaysRoundedToMidnight() {
        iam.clock.advance(Duration.ofHours(10)); // created mid-morning, not at midnight
        s3.createBucket(admin, "scratch", Optional.empty(), false);
        ObjectVersion temporary = put("scratch", "tmp/a.csv");
        put("scratch", "keep/b.csv");
        s3.putBucketLifecycle(admin, "scratch", List.of(rule("tmp", new LifecycleRule.Filter("tmp/", Map.of(),
                Optional.empty(), Optional.empty()), Optional.of(1), Optional.empty(), false, Optional.empty())));

        iam.clock.advance(Duration.ofHours(24));
        assertThat(s3.runLifecycle(100)).isZero(); // one day after creation, but not yet past the next midnight
        iam.clock.advance(Duration.ofHours(24));
        assertThat(s3.runLifecycle(100)).isEqualTo(1);

        assertS3Error(() -> s3.headObject(admin, "scratch", "tmp/a.csv", Optional.empty()), "NoSuchKey", 404);
        assertThat(s3.headObject(admin, "scratch", "keep/b.csv", Optional.empty())).isNotNull();
        assertThat(blobs.blobs).doesNotContainKey(temporary.blobId());
        assertThat(actions).containsExactly("S3.EXPIRE.OBJECT scratch/tmp/a.csv");
    }

    @Test
    void aVersionedBucketGetsADeleteMarkerThenLosesTheNoncurrentVersionThenTheLoneMarker() {
        s3.createBucket(admin, "history", Optional.empty(), true);
        ObjectVersion first = put("history", "model.bin");
        s3.putBucketLifecycle(admin, "history", List.of(
                rule("expire", LifecycleRule.Filter.EVERYTHING, Optional.of(1), Optional.empty(), false, Optional.of(1)),
                rule("markers", LifecycleRule.Filter.EVERYTHING, Optional.empty(), Optional.empty(), true,
                        Optional.empty())));

        iam.clock.advance(Duration.ofDays(2));
        s3.runLifecycle(100);
        assertS3Error(() -> s3.headObject(admin, "history", "model.bin", Optional.empty()), "NoSuchKey", 404);
        assertThat(s3.headObject(admin, "history", "model.bin", Optional.of(first.versionId())).size()).isEqualTo(3);

        iam.clock.advance(Duration.ofDays(2));
        s3.runLifecycle(100);
        s3.runLifecycle(100);
        assertThat(repository.listVersions("history", "", "", "", 10)).isEmpty();
        assertThat(blobs.blobs).isEmpty();
        assertThat(actions).containsExactly("S3.CREATE.DELETEMARKER history/model.bin",
                "S3.EXPIRE.OBJECT history/model.bin", "S3.EXPIRE.OBJECT history/model.bin");
    }

    @Test
    void noncurrentExpirationKeepsTheNewestNoncurrentVersionsItIsToldToKeep() {
        s3.createBucket(admin, "kept", Optional.empty(), true);
        List<ObjectVersion> versions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            versions.add(put("kept", "model.bin")); // v0 oldest ... v4 current
            iam.clock.advance(Duration.ofSeconds(1));
        }
        LifecycleRule keepTwo = new LifecycleRule("keep-two", true, LifecycleRule.Filter.EVERYTHING, Optional.empty(),
                Optional.empty(), false, Optional.of(1), List.of(), List.of(), Optional.empty(), Optional.of(2));
        s3.putBucketLifecycle(admin, "kept", List.of(keepTwo));
        assertThat(s3.bucketLifecycle(admin, "kept")).containsExactly(keepTwo);

        assertThat(s3.runLifecycle(100)).isZero(); // nothing has been noncurrent for a day yet
        iam.clock.advance(Duration.ofDays(2));
        assertThat(s3.runLifecycle(100)).isEqualTo(2);
        assertThat(s3.runLifecycle(100)).isZero();
        assertThat(repository.listVersions("kept", "", "", "", 10)).extracting(ObjectVersion::versionId)
                .containsExactly(versions.get(4).versionId(), versions.get(3).versionId(), versions.get(2).versionId());
        assertThat(actions).containsExactly("S3.EXPIRE.OBJECT kept/model.bin", "S3.EXPIRE.OBJECT kept/model.bin");
        assertThat(blobs.blobs).doesNotContainKeys(versions.get(0).blobId(), versions.get(1).blobId());
    }

    @Test
    void noncurrentExpirationWaitsForItsDaysEvenBeyondTheKeptVersions() {
        Instant superseded = Instant.parse("2030-01-01T10:00:00Z");
        LifecycleRule keepOne = new LifecycleRule("keep-one", true, LifecycleRule.Filter.EVERYTHING, Optional.empty(),
                Optional.empty(), false, Optional.of(3), List.of(), List.of(), Optional.empty(), Optional.of(1));
        Instant due = Instant.parse("2030-01-05T00:00:00Z");
        assertThat(LifecycleOperations.noncurrentExpired(keepOne, superseded, 5, due.minusSeconds(1))).isFalse();
        assertThat(LifecycleOperations.noncurrentExpired(keepOne, superseded, 1, due)).isTrue();
        assertThat(LifecycleOperations.noncurrentExpired(keepOne, superseded, 0, due.plus(Duration.ofDays(100))))
                .isFalse();
    }

    @Test
    void newerNoncurrentVersionsOutsideOneToAHundredIsRefusedAndChangesNothing() {
        s3.createBucket(admin, "refusals", Optional.empty(), true);
        LifecycleRule before = rule("before", LifecycleRule.Filter.EVERYTHING, Optional.of(1), Optional.empty(), false,
                Optional.empty());
        put(before);
        for (int newer : List.of(0, -1, 101)) {
            assertThatThrownBy(() -> put(new LifecycleRule("n", true, LifecycleRule.Filter.EVERYTHING, Optional.empty(),
                    Optional.empty(), false, Optional.of(1), List.of(), List.of(), Optional.empty(), Optional.of(newer))))
                    .isInstanceOfSatisfying(AwsException.class, e -> {
                        assertThat(e.code()).isEqualTo("InvalidArgument");
                        assertThat(e.getMessage()).isEqualTo("'NewerNoncurrentVersions' for NoncurrentVersionExpiration"
                                + " action must be a positive integer up to 100");
                    });
        }
        assertS3Error(() -> put(new LifecycleRule("n", true, LifecycleRule.Filter.EVERYTHING, Optional.empty(),
                Optional.empty(), false, Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.of(2))),
                "MalformedXML", 400);
        assertThat(s3.bucketLifecycle(admin, "refusals")).containsExactly(before);
    }

    @Test
    void tagAndSizeFiltersChooseTheObjectsAndTheBudgetBoundsAPass() {
        s3.createBucket(admin, "filters", Optional.empty(), false);
        putTagged("filters", "big-scratch", 3, Map.of("class", "scratch"));
        putTagged("filters", "small-scratch", 1, Map.of("class", "scratch"));
        putTagged("filters", "big-kept", 3, Map.of("class", "model"));
        s3.putBucketLifecycle(admin, "filters", List.of(rule("scratch", new LifecycleRule.Filter("",
                Map.of("class", "scratch"), Optional.of(2L), Optional.empty()), Optional.of(1), Optional.empty(), false,
                Optional.empty())));
        iam.clock.advance(Duration.ofDays(3));
        assertThat(s3.runLifecycle(0)).isZero();
        assertThat(s3.runLifecycle(10)).isEqualTo(1);
        assertThat(actions).containsExactly("S3.EXPIRE.OBJECT filters/big-scratch");
    }

    @Test
    void expiryIsTheNextMidnightAfterTheDays() {
        LifecycleRule oneDay = rule("d", LifecycleRule.Filter.EVERYTHING, Optional.of(1), Optional.empty(), false,
                Optional.empty());
        assertThat(LifecycleOperations.expiry(Instant.parse("2030-01-01T10:30:00Z"), oneDay))
                .isEqualTo(Instant.parse("2030-01-03T00:00:00Z"));
        assertThat(LifecycleOperations.expiry(Instant.parse("2030-01-01T00:00:00Z"), oneDay))
                .isEqualTo(Instant.parse("2030-01-02T00:00:00Z"));
    }

    private void put(LifecycleRule rule) {
        s3.putBucketLifecycle(admin, "refusals", List.of(rule));
    }

    private ObjectVersion put(String bucket, String key) {
        return putTagged(bucket, key, 3, Map.of());
    }

    private ObjectVersion putTagged(String bucket, String key, int size, Map<String, String> tags) {
        return s3.putObject(admin, new PutObjectRequest(bucket, key, size, Map.of(), Map.of(), Optional.empty(),
                Optional.empty(), Optional::empty, tags, Optional.empty(), Optional.empty()),
                new ByteArrayInputStream(new byte[size]));
    }

    private static LifecycleRule rule(String id, LifecycleRule.Filter filter, Optional<Integer> days,
                                      Optional<Instant> date, boolean deleteMarkers, Optional<Integer> noncurrentDays) {
        return new LifecycleRule(id, true, filter, days, date, deleteMarkers, noncurrentDays);
    }

    private static void assertS3Error(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code,
                                      int status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.httpStatus()).isEqualTo(status);
        });
    }
}
