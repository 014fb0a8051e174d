package io.strongroom.s3;

import static io.strongroom.s3.S3Bench.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.auth.Principal;
import io.strongroom.iam.auth.PrincipalType;
import io.strongroom.s3.checksum.ChecksumAlgorithm;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Object Lock: bucket configuration, retention and legal holds, and what they forbid. */
class S3ObjectLockTest {
    private final S3Bench bench = new S3Bench();
    private final S3Service s3 = bench.s3;
    private final CallContext admin = bench.admin;

    private Instant in(Duration duration) {
        return bench.iam.clock.instant().plus(duration).truncatedTo(ChronoUnit.MILLIS);
    }

    private ObjectVersion put(CallContext call, String bucket, String key, ObjectLockRequest lock, boolean withMd5) {
        byte[] bytes = ("body of " + key).getBytes(StandardCharsets.UTF_8);
        Optional<String> md5;
        try {
            md5 = withMd5 ? Optional.of(Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5")
                    .digest(bytes))) : Optional.empty();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return s3.putObject(call, new PutObjectRequest(bucket, key, bytes.length, Map.of(), Map.of(), md5,
                Optional.empty(), Optional::empty, Map.of(), Optional.empty(), Optional.empty()), lock,
                new ByteArrayInputStream(bytes));
    }

    private ObjectLockRequest governanceFor(Duration duration) {
        return new ObjectLockRequest(Optional.of(ObjectLock.Mode.GOVERNANCE), Optional.of(in(duration)),
                Optional.empty());
    }

    private ObjectLockRequest complianceFor(Duration duration) {
        return new ObjectLockRequest(Optional.of(ObjectLock.Mode.COMPLIANCE), Optional.of(in(duration)),
                Optional.empty());
    }

    private static Optional<ObjectLock.Retention> retention(ObjectLock.Mode mode, Instant until) {
        return Optional.of(new ObjectLock.Retention(mode, until));
    }

    @Test
    void aBucketCreatedWithLockHasVersioningForeverAndAnEmptyConfiguration() {
        s3.createBucket(admin, "vault", Optional.empty(), true);
        assertThat(s3.bucketVersioning(admin, "vault")).isEqualTo(Bucket.Versioning.ENABLED);
        assertThat(s3.objectLockConfiguration(admin, "vault")).isEqualTo(ObjectLockConfiguration.NO_RULE);
        assertS3Error(() -> s3.putBucketVersioning(admin, "vault", Optional.of("Suspended"), Optional.empty()),
                "InvalidBucketState", 409);

        s3.createBucket(admin, "plain", Optional.empty(), false);
        assertS3Error(() -> s3.objectLockConfiguration(admin, "plain"), "ObjectLockConfigurationNotFoundError", 404);
    }

    @Test
    void lockCanBeEnabledOnAVersionedBucketOnly() {
        ObjectLockConfiguration tenDays = new ObjectLockConfiguration(Optional.of(
                new ObjectLockConfiguration.DefaultRetention(ObjectLock.Mode.GOVERNANCE, Optional.of(10),
                        Optional.empty())));
        s3.createBucket(admin, "later", Optional.empty(), false);
        assertS3Error(() -> s3.putObjectLockConfiguration(admin, "later", tenDays), "InvalidBucketState", 409);
        assertS3Error(() -> s3.objectLockConfiguration(admin, "later"), "ObjectLockConfigurationNotFoundError", 404);

        s3.putBucketVersioning(admin, "later", Optional.of("Enabled"), Optional.empty());
        s3.putObjectLockConfiguration(admin, "later", tenDays);
        assertThat(s3.objectLockConfiguration(admin, "later")).isEqualTo(tenDays);
        assertS3Error(() -> s3.putBucketVersioning(admin, "later", Optional.of("Suspended"), Optional.empty()),
                "InvalidBucketState", 409);
    }

    @Test
    void aDefaultRetentionOutsideItsBoundsIsRefusedAndChangesNothing() {
        s3.createBucket(admin, "vault", Optional.empty(), true);
        for (var rule : List.of(
                new ObjectLockConfiguration.DefaultRetention(ObjectLock.Mode.COMPLIANCE, Optional.of(0), Optional.empty()),
                new ObjectLockConfiguration.DefaultRetention(ObjectLock.Mode.COMPLIANCE, Optional.empty(), Optional.of(-1)),
                new ObjectLockConfiguration.DefaultRetention(ObjectLock.Mode.COMPLIANCE, Optional.of(36_501),
                        Optional.empty()),
                new ObjectLockConfiguration.DefaultRetention(ObjectLock.Mode.COMPLIANCE, Optional.empty(),
                        Optional.of(101)))) {
            assertS3Error(() -> s3.putObjectLockConfiguration(admin, "vault",
                    new ObjectLockConfiguration(Optional.of(rule))), "InvalidArgument", 400);
        }
        assertThat(s3.objectLockConfiguration(admin, "vault")).isEqualTo(ObjectLockConfiguration.NO_RULE);
    }

    @Test
    void theDefaultRetentionReachesEveryNewVersionAndNeedsAnIntegrityProof() {
        s3.createBucket(admin, "vault", Optional.empty(), true);
        s3.putObjectLockConfiguration(admin, "vault", new ObjectLockConfiguration(Optional.of(
                new ObjectLockConfiguration.DefaultRetention(ObjectLock.Mode.COMPLIANCE, Optional.empty(),
                        Optional.of(1)))));
        assertS3Error(() -> put(admin, "vault", "a", ObjectLockRequest.NONE, false), "InvalidRequest", 400);
        assertThat(bench.repository.listVersions("vault", "", "", "", 10)).isEmpty();

        ObjectVersion a = put(admin, "vault", "a", ObjectLockRequest.NONE, true);
        assertThat(s3.objectRetention(admin, "vault", "a", Optional.of(a.versionId())))
                .isEqualTo(new ObjectLock.Retention(ObjectLock.Mode.COMPLIANCE,
                        a.lastModified().atZone(java.time.ZoneOffset.UTC).plusYears(1).toInstant()));
        // a retention asked for wins over the default
        ObjectVersion b = put(admin, "vault", "b", governanceFor(Duration.ofDays(2)), true);
        assertThat(s3.objectRetention(admin, "vault", "b", Optional.empty()).mode())
                .isEqualTo(ObjectLock.Mode.GOVERNANCE);
        assertS3Error(() -> s3.objectLegalHold(admin, "vault", "b", Optional.of(b.versionId())),
                "NoSuchObjectLockConfiguration", 404);
    }

    @Test
    void lockMembersAreCheckedBeforeAnythingIsWritten() {
        s3.createBucket(admin, "plain", Optional.empty(), false);
        assertS3Error(() -> put(admin, "plain", "a", governanceFor(Duration.ofDays(1)), true), "InvalidRequest", 400);
        s3.createBucket(admin, "vault", Optional.empty(), true);
        assertS3Error(() -> put(admin, "vault", "a", new ObjectLockRequest(Optional.of(ObjectLock.Mode.GOVERNANCE),
                Optional.empty(), Optional.empty()), true), "InvalidArgument", 400);
        assertS3Error(() -> put(admin, "vault", "a", new ObjectLockRequest(Optional.empty(),
                Optional.of(in(Duration.ofDays(1))), Optional.empty()), true), "InvalidArgument", 400);
        assertS3Error(() -> put(admin, "vault", "a", governanceFor(Duration.ofDays(-1)), true), "InvalidArgument", 400);
        assertS3Error(() -> put(admin, "vault", "a", governanceFor(Duration.ofDays(1)), false), "InvalidRequest", 400);
        assertThat(bench.repository.listVersions("vault", "", "", "", 10)).isEmpty();
        assertThat(bench.repository.listVersions("plain", "", "", "", 10)).isEmpty();
    }

    @Test
    void governanceYieldsOnlyToABypassTheCallerMayUse() {
        s3.createBucket(admin, "vault", Optional.empty(), true);
        ObjectVersion v = put(admin, "vault", "doc", governanceFor(Duration.ofDays(30)), true);
        Optional<String> id = Optional.of(v.versionId());
        CallContext operator = bench.iam.newUser("operator");
        bench.iam.allowUser("operator", "all-but-bypass", "s3:*Object*");
        bench.iam.iam.putUserPolicy(admin, "operator", "no-bypass",
                io.strongroom.iam.testing.IamFixture.deny("s3:BypassGovernanceRetention", "*"));

        assertS3Error(() -> s3.deleteObject(operator, "vault", "doc", id, false), "AccessDenied", 403);
        assertS3Error(() -> s3.deleteObject(operator, "vault", "doc", id, true), "AccessDenied", 403);
        assertS3Error(() -> s3.putObjectRetention(operator, "vault", "doc", id,
                retention(ObjectLock.Mode.GOVERNANCE, in(Duration.ofDays(1))), true), "AccessDenied", 403);
        assertS3Error(() -> s3.putObjectRetention(admin, "vault", "doc", id,
                retention(ObjectLock.Mode.GOVERNANCE, in(Duration.ofDays(1))), false), "AccessDenied", 403);
        assertThat(s3.objectRetention(admin, "vault", "doc", id).retainUntil()).isEqualTo(in(Duration.ofDays(30)));

        // extending needs no bypass; shortening does, and the account's administrator holds the permission
        s3.putObjectRetention(operator, "vault", "doc", id,
                retention(ObjectLock.Mode.GOVERNANCE, in(Duration.ofDays(40))), false);
        s3.putObjectRetention(admin, "vault", "doc", id,
                retention(ObjectLock.Mode.GOVERNANCE, in(Duration.ofDays(2))), true);
        assertThat(s3.objectRetention(admin, "vault", "doc", id).retainUntil()).isEqualTo(in(Duration.ofDays(2)));

        // a plain delete still adds a delete marker over the locked version
        assertThat(s3.deleteObject(operator, "vault", "doc", Optional.empty()).deleteMarker()).isTrue();
        s3.deleteObject(admin, "vault", "doc", id, true);
        assertS3Error(() -> s3.headObject(admin, "vault", "doc", id), "NoSuchVersion", 404);
    }

    @Test
    void complianceIsOnlyEverExtendedByAnyoneTheAdministratorIncluded() {
        s3.createBucket(admin, "vault", Optional.empty(), true);
        ObjectVersion v = put(admin, "vault", "record", complianceFor(Duration.ofDays(30)), true);
        Optional<String> id = Optional.of(v.versionId());

        assertS3Error(() -> s3.deleteObject(admin, "vault", "record", id, true), "AccessDenied", 403);
        assertS3Error(() -> s3.putObjectRetention(admin, "vault", "record", id,
                retention(ObjectLock.Mode.COMPLIANCE, in(Duration.ofDays(29))), true), "AccessDenied", 403);
        assertS3Error(() -> s3.putObjectRetention(admin, "vault", "record", id,
                retention(ObjectLock.Mode.GOVERNANCE, in(Duration.ofDays(60))), true), "AccessDenied", 403);
        assertS3Error(() -> s3.putObjectRetention(admin, "vault", "record", id, Optional.empty(), true),
                "AccessDenied", 403);
        assertThat(s3.objectRetention(admin, "vault", "record", id))
                .isEqualTo(new ObjectLock.Retention(ObjectLock.Mode.COMPLIANCE, in(Duration.ofDays(30))));
        assertThat(s3.deleteObjects(admin, "vault", List.of(new S3Service.ObjectToDelete("record", id)), true))
                .singleElement().satisfies(r -> assertThat(r.error().orElseThrow().code()).isEqualTo("AccessDenied"));

        s3.putObjectRetention(admin, "vault", "record", id,
                retention(ObjectLock.Mode.COMPLIANCE, in(Duration.ofDays(31))), false);
        bench.iam.clock.advance(Duration.ofDays(32));
        s3.deleteObject(admin, "vault", "record", id, false);
        assertThat(bench.repository.objectLock("vault", "record", v.versionId())).isEmpty();
    }

    @Test
    void theAccountRootCanNeitherShortenNorDeleteComplianceButMayBypassGovernance() {
        s3.createBucket(admin, "vault", Optional.empty(), true);
        String account = admin.principal().accountId();
        Principal rootPrincipal = new Principal(PrincipalType.ROOT, account, "arn:aws:iam::" + account + ":root",
                "arn:aws:iam::" + account + ":root", account, account, "AKIAROOT" + account, Map.of(),
                Optional.empty());
        CallContext root = new CallContext("r", rootPrincipal, "10.0.0.1", "", true, "us-east-1",
                bench.iam.clock.instant());
        ObjectVersion compliance = put(admin, "vault", "c", complianceFor(Duration.ofDays(5)), true);
        ObjectVersion governance = put(admin, "vault", "g", governanceFor(Duration.ofDays(5)), true);

        assertS3Error(() -> s3.deleteObject(root, "vault", "c", Optional.of(compliance.versionId()), true),
                "AccessDenied", 403);
        assertS3Error(() -> s3.putObjectRetention(root, "vault", "c", Optional.of(compliance.versionId()),
                Optional.empty(), true), "AccessDenied", 403);
        assertThat(s3.objectRetention(admin, "vault", "c", Optional.empty()).retainUntil())
                .isEqualTo(in(Duration.ofDays(5)));
        s3.deleteObject(root, "vault", "g", Optional.of(governance.versionId()), true);
        assertThat(bench.repository.findVersion("vault", "g", governance.versionId())).isEmpty();
    }

    @Test
    void aLegalHoldProtectsUntilItIsTurnedOff() {
        s3.createBucket(admin, "vault", Optional.empty(), true);
        ObjectVersion v = put(admin, "vault", "evidence", new ObjectLockRequest(Optional.empty(), Optional.empty(),
                Optional.of(true)), true);
        Optional<String> id = Optional.of(v.versionId());
        assertThat(s3.objectLegalHold(admin, "vault", "evidence", Optional.empty())).isTrue();
        assertS3Error(() -> s3.objectRetention(admin, "vault", "evidence", id), "NoSuchObjectLockConfiguration", 404);
        assertS3Error(() -> s3.deleteObject(admin, "vault", "evidence", id, true), "AccessDenied", 403);

        s3.putObjectLegalHold(admin, "vault", "evidence", id, false);
        assertThat(s3.objectLegalHold(admin, "vault", "evidence", id)).isFalse();
        s3.deleteObject(admin, "vault", "evidence", id, false);
        assertS3Error(() -> s3.headObject(admin, "vault", "evidence", id), "NoSuchVersion", 404);
    }

    @Test
    void retentionAndLegalHoldCallsNeedALockBucketAnExistingVersionAndTheirPermission() {
        s3.createBucket(admin, "plain", Optional.empty(), false);
        bench.put("plain", "a", "x");
        assertS3Error(() -> s3.putObjectLegalHold(admin, "plain", "a", Optional.empty(), true), "InvalidRequest", 400);
        assertS3Error(() -> s3.objectRetention(admin, "plain", "a", Optional.empty()), "InvalidRequest", 400);
        s3.createBucket(admin, "vault", Optional.empty(), true);
        assertS3Error(() -> s3.putObjectLegalHold(admin, "vault", "none", Optional.empty(), true), "NoSuchKey", 404);
        assertS3Error(() -> s3.putObjectLegalHold(admin, "vault", "none", Optional.of("nope"), true),
                "NoSuchVersion", 404);
        put(admin, "vault", "a", ObjectLockRequest.NONE, true);
        CallContext reader = bench.iam.newUser("reader");
        bench.iam.allowUser("reader", "read", "s3:GetObject");
        assertS3Error(() -> s3.putObjectLegalHold(reader, "vault", "a", Optional.empty(), true), "AccessDenied", 403);
        assertS3Error(() -> put(reader, "vault", "b", governanceFor(Duration.ofDays(1)), true), "AccessDenied", 403);
        assertS3Error(() -> s3.objectLegalHold(admin, "vault", "a", Optional.empty()),
                "NoSuchObjectLockConfiguration", 404);
    }

    @Test
    void aPolicyBoundsTheRetentionCallersMaySetByItsRemainingDays() {
        s3.createBucket(admin, "vault", Optional.empty(), true);
        CallContext writer = bench.iam.newUser("writer");
        bench.iam.iam.putUserPolicy(admin, "writer", "bounded", "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"s3:PutObject\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":\"s3:PutObjectRetention\",\"Resource\":\"*\","
                + "\"Condition\":{\"NumericLessThanEquals\":{\"s3:object-lock-remaining-retention-days\":\"30\"}}}]}");
        put(writer, "vault", "short", governanceFor(Duration.ofDays(30)), true);
        assertS3Error(() -> put(writer, "vault", "long", governanceFor(Duration.ofDays(30).plusMinutes(1)), true),
                "AccessDenied", 403);
        assertThat(bench.repository.listVersions("vault", "", "", "", 10)).extracting(ObjectVersion::key)
                .containsExactly("short");
    }

    @Test
    void lifecycleLeavesLockedVersionsAlone() {
        s3.createBucket(admin, "vault", Optional.empty(), true);
        ObjectVersion locked = put(admin, "vault", "k", governanceFor(Duration.ofDays(10)), true);
        ObjectVersion free = put(admin, "vault", "k", ObjectLockRequest.NONE, true);
        put(admin, "vault", "k", ObjectLockRequest.NONE, true);
        s3.putBucketLifecycle(admin, "vault", List.of(new LifecycleRule("old", true, LifecycleRule.Filter.EVERYTHING,
                Optional.empty(), Optional.empty(), false, Optional.of(1))));
        bench.iam.clock.advance(Duration.ofDays(3));
        assertThat(s3.runLifecycle(100)).isEqualTo(1);
        assertThat(s3.headObject(admin, "vault", "k", Optional.of(locked.versionId()))).isNotNull();
        assertS3Error(() -> s3.headObject(admin, "vault", "k", Optional.of(free.versionId())), "NoSuchVersion", 404);

        bench.iam.clock.advance(Duration.ofDays(10));
        assertThat(s3.runLifecycle(100)).isEqualTo(1);
        assertS3Error(() -> s3.headObject(admin, "vault", "k", Optional.of(locked.versionId())), "NoSuchVersion", 404);
    }

    @Test
    void multipartUploadsAndCopiesGetTheirLockWhenTheVersionIsMade() {
        s3.createBucket(admin, "vault", Optional.empty(), true);
        MultipartUpload upload = s3.createMultipartUpload(admin, new CreateMultipartUploadRequest("vault", "big",
                Map.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty()),
                new ObjectLockRequest(Optional.empty(), Optional.empty(), Optional.of(true)));
        byte[] bytes = "part".getBytes(StandardCharsets.UTF_8);
        assertS3Error(() -> s3.uploadPart(admin, new UploadPartRequest("vault", "big", upload.uploadId(), 1,
                bytes.length, Optional.empty(), Optional.empty(), Optional::empty), new ByteArrayInputStream(bytes)),
                "InvalidRequest", 400);
        var part = s3.uploadPart(admin, new UploadPartRequest("vault", "big", upload.uploadId(), 1, bytes.length,
                Optional.empty(), Optional.of(ChecksumAlgorithm.CRC32), Optional::empty),
                new ByteArrayInputStream(bytes)).part();
        ObjectVersion big = s3.completeMultipartUpload(admin, "vault", "big", upload.uploadId(),
                List.of(new CompletedPart(1, part.etag(), Map.of())));
        assertThat(s3.objectLegalHold(admin, "vault", "big", Optional.of(big.versionId()))).isTrue();
        assertS3Error(() -> s3.deleteObject(admin, "vault", "big", Optional.of(big.versionId()), true),
                "AccessDenied", 403);

        S3Service.CopiedObject copy = s3.copyObject(admin, new CopyObjectRequest("vault", "big", Optional.empty(),
                "vault", "copy", false, Map.of(), Map.of(), false, Map.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), CopyObjectRequest.Conditions.NONE), complianceFor(Duration.ofDays(5)));
        assertThat(s3.objectRetention(admin, "vault", "copy", Optional.empty()).mode())
                .isEqualTo(ObjectLock.Mode.COMPLIANCE);
        // the source's legal hold is not copied
        assertS3Error(() -> s3.objectLegalHold(admin, "vault", "copy", Optional.of(copy.version().versionId())),
                "NoSuchObjectLockConfiguration", 404);

        s3.createBucket(admin, "plain", Optional.empty(), false);
        assertS3Error(() -> s3.createMultipartUpload(admin, new CreateMultipartUploadRequest("plain", "big",
                Map.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty()),
                governanceFor(Duration.ofDays(1))), "InvalidRequest", 400);
    }
}
