package io.strongroom.s3;

import static io.strongroom.s3.S3Bench.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.access.AccessDeniedException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PutBucketVersioning, GetBucketVersioning, ListObjectVersions, reads of delete markers and DeleteObjects. */
class S3VersioningTest {
    private final S3Bench bench = new S3Bench();
    private final S3Service s3 = bench.s3;
    private final CallContext admin = bench.admin;

    @Test
    void versioningIsEnabledSuspendedAndNeverReturnsToUnversioned() {
        s3.createBucket(admin, "vers", Optional.empty(), false);
        assertThat(s3.bucketVersioning(admin, "vers")).isEqualTo(Bucket.Versioning.UNVERSIONED);

        s3.putBucketVersioning(admin, "vers", Optional.of("Enabled"), Optional.empty());
        assertThat(s3.bucketVersioning(admin, "vers")).isEqualTo(Bucket.Versioning.ENABLED);
        s3.putBucketVersioning(admin, "vers", Optional.of("Suspended"), Optional.of("Disabled"));
        assertThat(s3.bucketVersioning(admin, "vers")).isEqualTo(Bucket.Versioning.SUSPENDED);

        assertS3Error(() -> s3.putBucketVersioning(admin, "vers", Optional.of("Disabled"), Optional.empty()),
                "IllegalVersioningConfigurationException", 400);
        assertS3Error(() -> s3.putBucketVersioning(admin, "vers", Optional.empty(), Optional.empty()),
                "IllegalVersioningConfigurationException", 400);
        assertS3Error(() -> s3.putBucketVersioning(admin, "vers", Optional.of("Enabled"), Optional.of("Enabled")),
                "AccessDenied", 403);
        assertThat(s3.bucketVersioning(admin, "vers")).isEqualTo(Bucket.Versioning.SUSPENDED);
        assertS3Error(() -> s3.putBucketVersioning(admin, "missing", Optional.of("Enabled"), Optional.empty()),
                "NoSuchBucket", 404);
    }

    @Test
    void aBucketWithObjectLockCannotBeSuspended() {
        s3.createBucket(admin, "locked", Optional.empty(), true);
        assertS3Error(() -> s3.putBucketVersioning(admin, "locked", Optional.of("Suspended"), Optional.empty()),
                "InvalidBucketState", 409);
        assertThat(s3.bucketVersioning(admin, "locked")).isEqualTo(Bucket.Versioning.ENABLED);
        s3.putBucketVersioning(admin, "locked", Optional.of("Enabled"), Optional.empty());
    }

    @Test
    void versionIdsAreUniqueUrlSafeAndNeverLookLikeACommandLineOption() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String id = ObjectOperations.newVersionId();
            assertThat(id).hasSize(32).matches("[A-Za-z0-9_][A-Za-z0-9_-]{31}");
            ids.add(id);
        }
        assertThat(ids).hasSize(20_000);
    }

    @Test
    void versioningNeedsItsOwnPermissions() {
        s3.createBucket(admin, "guarded", Optional.empty(), false);
        CallContext reader = bench.iam.newUser("reader");
        bench.iam.allowUser("reader", "read", "s3:GetObject");
        assertThatThrownBy(() -> s3.putBucketVersioning(reader, "guarded", Optional.of("Enabled"), Optional.empty()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> s3.listObjectVersions(reader, "guarded", "", "", "", "", 1000))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(s3.bucketVersioning(admin, "guarded")).isEqualTo(Bucket.Versioning.UNVERSIONED);
    }

    @Test
    void aVersionsAclGoesWithItWhenItIsReplacedDeletedOrHiddenByAMarkerOnTheNullVersion() {
        s3.createBucket(admin, "acls-gone", Optional.empty(), false);
        s3.putOwnershipControls(admin, "acls-gone", ObjectOwnership.OBJECT_WRITER);
        String scope = S3Repository.bucketScope("acls-gone");
        ObjectVersion first = withAcl(bench.put("acls-gone", "k", "one"));
        assertThat(bench.repository.config(scope, AccessControlOperations.objectAclKind(first))).isPresent();

        ObjectVersion second = withAcl(bench.put("acls-gone", "k", "two")); // replaces the null version
        assertThat(bench.repository.config(scope, AccessControlOperations.objectAclKind(first))).isEmpty();
        s3.deleteObject(admin, "acls-gone", "k", Optional.empty()); // unversioned: the version goes
        assertThat(bench.repository.config(scope, AccessControlOperations.objectAclKind(second))).isEmpty();

        s3.putBucketVersioning(admin, "acls-gone", Optional.of("Suspended"), Optional.empty());
        ObjectVersion third = withAcl(bench.put("acls-gone", "k", "three"));
        s3.deleteObject(admin, "acls-gone", "k", Optional.empty()); // a null marker replaces the null version
        assertThat(bench.repository.config(scope, AccessControlOperations.objectAclKind(third))).isEmpty();

        s3.putBucketVersioning(admin, "acls-gone", Optional.of("Enabled"), Optional.empty());
        ObjectVersion fourth = withAcl(bench.put("acls-gone", "k", "four"));
        s3.deleteObject(admin, "acls-gone", "k", Optional.of(fourth.versionId()));
        assertThat(bench.repository.config(scope, AccessControlOperations.objectAclKind(fourth))).isEmpty();
    }

    private ObjectVersion withAcl(ObjectVersion version) {
        s3.putObjectAcl(admin, version.bucket(), version.key(), Optional.of(version.versionId()),
                RequestedAcl.canned(CannedAcl.AWS_EXEC_READ));
        return version;
    }

    @Test
    void versionsAndDeleteMarkersAreListedNewestFirstWithTheLatestMarked() {
        s3.createBucket(admin, "history", Optional.empty(), false);
        bench.put("history", "a", "unversioned"); // the null version
        s3.putBucketVersioning(admin, "history", Optional.of("Enabled"), Optional.empty());
        bench.iam.clock.advance(Duration.ofSeconds(1));
        ObjectVersion a2 = bench.put("history", "a", "second");
        S3Service.DeletedObject marker = s3.deleteObject(admin, "history", "a", Optional.empty());
        ObjectVersion b1 = bench.put("history", "b", "b");
        bench.put("history", "dir/x", "x");
        bench.put("history", "dir/y", "y");

        S3Service.VersionList all = s3.listObjectVersions(admin, "history", "", "", "", "", 1000);
        assertThat(all.versions()).extracting(v -> v.version().key() + ":" + v.version().versionId() + ":"
                        + v.version().deleteMarker() + ":" + v.latest())
                .containsExactly("a:" + marker.versionId().orElseThrow() + ":true:true",
                        "a:" + a2.versionId() + ":false:false", "a:null:false:false",
                        "b:" + b1.versionId() + ":false:true", "dir/x:" + all.versions().get(4).version().versionId()
                                + ":false:true", "dir/y:" + all.versions().get(5).version().versionId() + ":false:true");
        assertThat(all.truncated()).isFalse();

        S3Service.VersionList rolled = s3.listObjectVersions(admin, "history", "", "/", "", "", 1000);
        assertThat(rolled.versions()).hasSize(4);
        assertThat(rolled.commonPrefixes()).containsExactly("dir/");

        // pages of two, resumed from the markers each page gives
        S3Service.VersionList first = s3.listObjectVersions(admin, "history", "", "", "", "", 2);
        assertThat(first.truncated()).isTrue();
        assertThat(first.nextKeyMarker()).isEqualTo("a");
        assertThat(first.nextVersionIdMarker()).isEqualTo(a2.versionId());
        S3Service.VersionList second = s3.listObjectVersions(admin, "history", "", "", first.nextKeyMarker(),
                first.nextVersionIdMarker(), 2);
        assertThat(second.versions()).extracting(v -> v.version().versionId() + ":" + v.latest())
                .containsExactly("null:false", b1.versionId() + ":true");

        assertS3Error(() -> s3.listObjectVersions(admin, "history", "", "", "", "x", 10), "InvalidArgument", 400);
        assertThat(s3.listObjectVersions(admin, "history", "dir/", "", "", "", 1000).versions()).hasSize(2);
    }

    @Test
    void readingADeleteMarkerAnswersWithTheMarkersHeaders() {
        s3.createBucket(admin, "marked", Optional.empty(), false);
        s3.putBucketVersioning(admin, "marked", Optional.of("Enabled"), Optional.empty());
        ObjectVersion v1 = bench.put("marked", "k", "one");
        String markerId = s3.deleteObject(admin, "marked", "k", Optional.empty()).versionId().orElseThrow();

        assertThatThrownBy(() -> s3.headObject(admin, "marked", "k", Optional.empty()))
                .isInstanceOfSatisfying(DeleteMarkerException.class, e -> {
                    assertThat(e.code()).isEqualTo("NoSuchKey");
                    assertThat(e.versionId()).isEqualTo(markerId);
                });
        assertThatThrownBy(() -> s3.getObject(admin, "marked", "k", Optional.of(markerId), Optional.empty()))
                .isInstanceOfSatisfying(DeleteMarkerException.class, e -> {
                    assertThat(e.code()).isEqualTo("MethodNotAllowed");
                    assertThat(e.httpStatus()).isEqualTo(405);
                });
        assertThat(bench.read("marked", "k", Optional.of(v1.versionId()))).isEqualTo("one");

        // removing the marker brings the object back
        S3Service.DeletedObject removed = s3.deleteObject(admin, "marked", "k", Optional.of(markerId));
        assertThat(removed.deleteMarker()).isTrue();
        assertThat(bench.read("marked", "k", Optional.empty())).isEqualTo("one");
    }

    @Test
    void suspendedBucketsWriteTheNullVersion() {
        s3.createBucket(admin, "paused", Optional.empty(), false);
        s3.putBucketVersioning(admin, "paused", Optional.of("Enabled"), Optional.empty());
        ObjectVersion kept = bench.put("paused", "k", "kept");
        s3.putBucketVersioning(admin, "paused", Optional.of("Suspended"), Optional.empty());
        assertThat(bench.put("paused", "k", "first null").versionId()).isEqualTo(ObjectVersion.NULL_VERSION);
        bench.put("paused", "k", "second null");
        assertThat(s3.listObjectVersions(admin, "paused", "", "", "", "", 1000).versions())
                .extracting(v -> v.version().versionId()).containsExactly("null", kept.versionId());
        assertThat(bench.read("paused", "k", Optional.empty())).isEqualTo("second null");
    }

    @Test
    void deleteObjectsReportsEachKeyOnItsOwn() {
        s3.createBucket(admin, "bulk", Optional.empty(), false);
        s3.putBucketVersioning(admin, "bulk", Optional.of("Enabled"), Optional.empty());
        ObjectVersion a = bench.put("bulk", "a", "a");
        bench.put("bulk", "b", "b");
        bench.put("bulk", "secret/c", "c");

        List<S3Service.MultiDeleteResult> results = s3.deleteObjects(admin, "bulk", List.of(
                new S3Service.ObjectToDelete("a", Optional.of(a.versionId())),
                new S3Service.ObjectToDelete("b", Optional.empty()),
                new S3Service.ObjectToDelete("k".repeat(1025), Optional.empty())));
        assertThat(results.get(0).deleted().orElseThrow().versionId()).contains(a.versionId());
        assertThat(results.get(0).deleted().orElseThrow().deleteMarker()).isFalse();
        assertThat(results.get(1).deleted().orElseThrow().deleteMarker()).isTrue();
        assertThat(results.get(2).error().orElseThrow().code()).isEqualTo("KeyTooLongError");
        assertS3Error(() -> bench.read("bulk", "a", Optional.empty()), "NoSuchKey", 404);
        assertS3Error(() -> bench.read("bulk", "b", Optional.empty()), "NoSuchKey", 404);

        CallContext partial = bench.iam.newUser("partial");
        bench.iam.iam.putUserPolicy(admin, "partial", "some", "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":[\"s3:ListBucket\",\"s3:DeleteObject\"],\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"arn:aws:s3:::bulk/secret/*\"}]}");
        List<S3Service.MultiDeleteResult> mixed = s3.deleteObjects(partial, "bulk", List.of(
                new S3Service.ObjectToDelete("secret/c", Optional.empty())));
        assertThat(mixed.getFirst().error().orElseThrow()).isInstanceOf(AccessDeniedException.class);
        assertThat(bench.read("bulk", "secret/c", Optional.empty())).isEqualTo("c");
        assertS3Error(() -> s3.deleteObjects(admin, "missing", List.of()), "NoSuchBucket", 404);
    }
}
