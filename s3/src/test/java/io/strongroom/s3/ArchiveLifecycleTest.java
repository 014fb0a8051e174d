package io.strongroom.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.AwsException;
import io.strongroom.iam.auth.CallContext;
import io.strongroom.iam.testing.IamFixture;
import io.strongroom.s3.crypto.SegmentCipher;
import io.strongroom.s3.testing.InMemoryMultipartRepository;
import io.strongroom.s3.testing.InMemoryRestoreRepository;
import io.strongroom.s3.testing.InMemoryS3Repository;
import io.strongroom.s3.testing.InMemoryS3Transactor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lifecycle transitions to the archive storage classes, RestoreObject, and the abort of incomplete
 * multipart uploads: rules checked as S3 checks them and carried out by the scheduler's passes.
 */
class ArchiveLifecycleTest {
    private static final int MIB = 1024 * 1024;
    private static final LifecycleRule.Filter ALL = LifecycleRule.Filter.EVERYTHING;

    private final IamFixture iam = new IamFixture();
    private final InMemoryS3Repository repository = new InMemoryS3Repository();
    private final InMemoryMultipartRepository uploads = new InMemoryMultipartRepository();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final InMemoryBlobStore archive = new InMemoryBlobStore();
    private final InMemoryRestoreRepository restores = new InMemoryRestoreRepository();
    private final List<String> actions = new ArrayList<>();
    private final S3Service s3 = new S3Service(repository, uploads, blobs, archive, restores, new FixedDataKeys(),
            new InMemoryS3Transactor(repository, uploads, restores), iam.authorizer, iam.clock, "us-east-1",
            new S3Events() {
                @Override
                public void lifecycleAction(Bucket bucket, String key, String versionId, String action) {
                    actions.add(action + " " + bucket.name() + "/" + key);
                }
            }, SegmentCipher::new);
    private final CallContext admin = iam.admin;

    @BeforeEach
    void bucket() {
        s3.createBucket(admin, "cold", Optional.empty(), false);
    }

    @Test
    void transitionsAndAbortsReadBackAsPut() {
        List<LifecycleRule> rules = List.of(
                new LifecycleRule("tiers", true, new LifecycleRule.Filter("logs/", Map.of("t", "v"), Optional.empty(),
                        Optional.empty()), Optional.of(400), Optional.empty(), false, Optional.of(500),
                        List.of(transition(30, "STANDARD_IA"), transition(90, "GLACIER"), transition(180, "DEEP_ARCHIVE")),
                        List.of(new LifecycleRule.NoncurrentTransition(Optional.of(0), Optional.of(2), "GLACIER_IR"),
                                new LifecycleRule.NoncurrentTransition(Optional.of(60), Optional.empty(), "GLACIER")),
                        Optional.empty()),
                new LifecycleRule("dated", false, ALL, Optional.empty(), Optional.empty(), false, Optional.empty(),
                        List.of(new LifecycleRule.Transition(Optional.empty(),
                                Optional.of(Instant.parse("2031-01-01T00:00:00Z")), "INTELLIGENT_TIERING")),
                        List.of(), Optional.of(7)));
        s3.putBucketLifecycle(admin, "cold", rules);
        assertThat(s3.bucketLifecycle(admin, "cold")).isEqualTo(rules);
    }

    @Test
    void rulesThatS3RefusesAreRefusedAndChangeNothing() {
        LifecycleRule kept = abortRule("kept", ALL, 3);
        s3.putBucketLifecycle(admin, "cold", List.of(kept));
        assertRefused(abortRule("tags", new LifecycleRule.Filter("", Map.of("k", "v"), Optional.empty(),
                Optional.empty()), 3), "InvalidRequest", "AbortIncompleteMultipartUpload cannot be specified with Tags.");
        assertRefused(abortRule("size", new LifecycleRule.Filter("", Map.of(), Optional.of(10L), Optional.empty()), 3),
                "InvalidRequest", "AbortIncompleteMultipartUpload cannot be specified with Object Size.");
        assertRefused(abortRule("zero", ALL, 0), "InvalidArgument",
                "'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive integer");
        assertRefused(transitionRule(transition(10, "STANDARD_IA")), "InvalidArgument",
                "'Days' in Transition action must be greater than or equal to 30 for storageClass 'STANDARD_IA'");
        assertRefused(transitionRule(transition(-1, "GLACIER")), "InvalidArgument",
                "'Days' in Transition action must be nonnegative");
        assertRefused(transitionRule(new LifecycleRule.Transition(Optional.of(1),
                Optional.of(Instant.parse("2031-01-01T00:00:00Z")), "GLACIER")), "MalformedXML", null);
        assertRefused(transitionRule(new LifecycleRule.Transition(Optional.empty(), Optional.empty(), "GLACIER")),
                "MalformedXML", null);
        assertRefused(transitionRule(transition(1, "STANDARD")), "MalformedXML", null);
        assertRefused(transitionRule(new LifecycleRule.Transition(Optional.empty(),
                Optional.of(Instant.parse("2031-01-01T12:00:00Z")), "GLACIER")), "InvalidArgument",
                "'Date' must be at midnight GMT");
        assertRefused(transitionRule(transition(1, "GLACIER"), transition(5, "GLACIER")), "InvalidRequest",
                "'StorageClass' must be different for 'Transition' actions in same 'Rule' with filter '(prefix=)'");
        assertRefused(transitionRule(transition(1, "GLACIER"), new LifecycleRule.Transition(Optional.empty(),
                Optional.of(Instant.parse("2031-01-01T00:00:00Z")), "DEEP_ARCHIVE")), "InvalidRequest",
                "Found mixed 'Date' and 'Days' based Transition actions in lifecycle rule for filter '(prefix=)'");
        assertRefused(new LifecycleRule("tr", true, ALL, Optional.of(10), Optional.empty(), false, Optional.empty(),
                List.of(transition(10, "GLACIER")), List.of(), Optional.empty()), "InvalidArgument",
                "'Days' in the Expiration action for filter '(prefix=)' must be greater than 'Days' in the Transition"
                        + " action");
        assertRefused(noncurrentRule(new LifecycleRule.NoncurrentTransition(Optional.of(1), Optional.of(0), "GLACIER")),
                "InvalidArgument", "'NewerNoncurrentVersions' for NoncurrentVersionTransition action must be a positive"
                        + " integer up to 100");
        assertRefused(noncurrentRule(new LifecycleRule.NoncurrentTransition(Optional.of(3), Optional.empty(),
                "ONEZONE_IA")), "InvalidArgument", "'NoncurrentDays' for NoncurrentVersionTransition action must be"
                + " greater than or equal to 30 for storageClass 'ONEZONE_IA'");
        assertRefused(noncurrentRule(new LifecycleRule.NoncurrentTransition(Optional.empty(), Optional.empty(),
                "GLACIER")), "MalformedXML", null);
        assertThat(s3.bucketLifecycle(admin, "cold")).containsExactly(kept);
    }

    @Test
    void aCurrentVersionMovesToTheArchiveIsRefusedUntilRestoredAndTheCopyExpires() throws IOException {
        iam.clock.advance(Duration.ofHours(10));
        byte[] body = randomBytes(3000, 1);
        ObjectVersion stored = put("data.csv", body, StorageClasses.STANDARD);
        byte[] ciphertext = blobs.blobs.get(stored.blobId()).clone();
        s3.putOwnershipControls(admin, "cold", ObjectOwnership.OBJECT_WRITER);
        s3.putObjectAcl(admin, "cold", "data.csv", Optional.empty(), RequestedAcl.canned(CannedAcl.AWS_EXEC_READ));
        // a small object still goes to GLACIER under the older default
        s3.putBucketLifecycle(admin, "cold", new LifecycleConfiguration(List.of(transitionRule(transition(1, "GLACIER"))),
                TransitionMinimumSize.VARIES_BY_STORAGE_CLASS));

        iam.clock.advance(Duration.ofHours(24));
        assertThat(s3.runLifecycle(100)).isZero(); // one day, but not yet past the following midnight
        iam.clock.advance(Duration.ofHours(24));
        assertThat(s3.runLifecycle(100)).isEqualTo(1);
        assertThat(s3.runLifecycle(100)).isZero();

        ObjectVersion archived = s3.headObject(admin, "cold", "data.csv", Optional.empty());
        assertThat(archived.storageClass()).isEqualTo("GLACIER");
        assertThat(blobs.blobs).isEmpty();
        assertThat(archive.blobs).hasSize(1);
        assertThat(archive.blobs.get(archived.blobId())).isEqualTo(ciphertext); // the same ciphertext, moved
        // the version's ACL (and owner) moved with its body
        String scope = S3Repository.bucketScope("cold");
        assertThat(repository.config(scope, AccessControlOperations.objectAclKind(archived)).map(StoredAcl::parse))
                .contains(new StoredAcl(Optional.empty(), CannedAcl.AWS_EXEC_READ, Optional.empty()));
        assertThat(repository.config(scope, AccessControlOperations.objectAclKind(stored))).isEmpty();
        assertS3Error(() -> s3.getObject(admin, "cold", "data.csv", Optional.empty(), Optional.empty()),
                "InvalidObjectState", 403);
        assertThat(s3.restoreOf(archived)).isEmpty();

        assertThat(s3.restoreObject(admin, "cold", "data.csv", Optional.empty(), 2, "Bulk")).isTrue();
        assertThat(s3.restoreOf(archived)).hasValueSatisfying(r -> assertThat(r.ongoing()).isTrue());
        assertS3Error(() -> s3.restoreObject(admin, "cold", "data.csv", Optional.empty(), 5, "Standard"),
                "RestoreAlreadyInProgress", 409);
        assertS3Error(() -> s3.getObject(admin, "cold", "data.csv", Optional.empty(), Optional.empty()),
                "InvalidObjectState", 403);

        iam.clock.advance(Duration.ofHours(1)); // 11:00 on the third day
        assertThat(s3.runLifecycle(100)).isEqualTo(1);
        ObjectRestore restored = s3.restoreOf(archived).orElseThrow();
        assertThat(restored.ongoing()).isFalse();
        assertThat(restored.expiry()).contains(Instant.parse("2030-01-06T00:00:00Z"));
        assertThat(read("data.csv")).isEqualTo(body);
        assertThat(archive.blobs).hasSize(1);
        assertThat(blobs.blobs.values()).singleElement().isEqualTo(ciphertext);

        // restoring again extends the copy's life from now, with 200 rather than 202
        assertThat(s3.restoreObject(admin, "cold", "data.csv", Optional.empty(), 3, "Standard")).isFalse();
        assertThat(s3.restoreOf(archived).orElseThrow().expiry()).contains(Instant.parse("2030-01-07T00:00:00Z"));

        iam.clock.advance(Duration.ofDays(3).plusHours(12)); // 23:00, just before the expiry
        assertThat(s3.runLifecycle(100)).isZero();
        iam.clock.advance(Duration.ofHours(1));
        assertThat(s3.runLifecycle(100)).isEqualTo(1);
        assertThat(blobs.blobs).isEmpty();
        assertThat(s3.restoreOf(archived)).isEmpty();
        assertS3Error(() -> s3.getObject(admin, "cold", "data.csv", Optional.empty(), Optional.empty()),
                "InvalidObjectState", 403);
        assertThat(actions).containsExactly("S3.TRANSITION.OBJECT cold/data.csv", "S3.RESTORE.OBJECT cold/data.csv",
                "ObjectRestore:Delete cold/data.csv");
    }

    @Test
    void aRestoredCopyGoesWithTheVersionAndNeverServesTheBodyThatReplacedIt() throws IOException {
        put("ledger.csv", randomBytes(50, 12), "GLACIER");
        s3.restoreObject(admin, "cold", "ledger.csv", Optional.empty(), 1, "Standard");
        s3.runLifecycle(100);
        assertThat(blobs.blobs).hasSize(1); // the restored copy

        // the "null" version is replaced by another archived body: the old copy must not serve it
        ObjectVersion replacement = put("ledger.csv", randomBytes(60, 13), "GLACIER");
        assertThat(blobs.blobs).isEmpty();
        assertThat(archive.blobs).containsOnlyKeys(replacement.blobId());
        assertThat(s3.restoreOf(replacement)).isEmpty();
        assertS3Error(() -> s3.getObject(admin, "cold", "ledger.csv", Optional.empty(), Optional.empty()),
                "InvalidObjectState", 403);
        assertThat(s3.restoreObject(admin, "cold", "ledger.csv", Optional.empty(), 1, "Standard")).isTrue();
    }

    @Test
    void restoreRefusalsChangeNothing() {
        put("warm.csv", randomBytes(10, 2), StorageClasses.STANDARD);
        put("frozen.csv", randomBytes(10, 3), StorageClasses.DEEP_ARCHIVE);
        assertS3Error(() -> s3.restoreObject(admin, "cold", "warm.csv", Optional.empty(), 1, "Standard"),
                "InvalidObjectState", 403);
        assertS3Error(() -> s3.restoreObject(admin, "cold", "frozen.csv", Optional.empty(), 0, "Standard"),
                "InvalidArgument", 400);
        assertS3Error(() -> s3.restoreObject(admin, "cold", "frozen.csv", Optional.empty(), 1, "Fast"),
                "MalformedXML", 400);
        assertS3Error(() -> s3.restoreObject(admin, "cold", "missing.csv", Optional.empty(), 1, "Standard"),
                "NoSuchKey", 404);
        assertThat(restores.ongoingRestores(10)).isEmpty();
        assertThatThrownBy(() -> s3.restoreObject(iam.newUser("nobody"), "cold", "frozen.csv", Optional.empty(), 1,
                "Standard")).isInstanceOf(io.strongroom.iam.access.AccessDeniedException.class);
    }

    @Test
    void aWriteOfAnArchiveClassGoesStraightToTheArchiveAndOthersStayReadable() throws IOException {
        ObjectVersion frozen = put("frozen.bin", randomBytes(100, 4), "DEEP_ARCHIVE");
        byte[] infrequent = randomBytes(100, 5);
        put("ia.bin", infrequent, "STANDARD_IA");
        assertThat(archive.blobs).containsOnlyKeys(frozen.blobId());
        assertThat(blobs.blobs).hasSize(1);
        assertThat(read("ia.bin")).isEqualTo(infrequent);
        assertThat(s3.headObject(admin, "cold", "ia.bin", Optional.empty()).storageClass()).isEqualTo("STANDARD_IA");
        assertS3Error(() -> StorageClasses.ofWrite(Optional.of("COLD")), "InvalidStorageClass", 400);

        s3.deleteObject(admin, "cold", "frozen.bin", Optional.empty());
        assertThat(archive.blobs).isEmpty();
    }

    @Test
    void onlyNoncurrentVersionsBeyondTheNewerOnesKeptMoveToTheArchive() {
        s3.createBucket(admin, "history", Optional.empty(), true);
        ObjectVersion oldest = putIn("history", "model.bin", 1);
        ObjectVersion middle = putIn("history", "model.bin", 2);
        ObjectVersion current = putIn("history", "model.bin", 3);
        s3.putBucketLifecycle(admin, "history", new LifecycleConfiguration(List.of(noncurrentRule(
                new LifecycleRule.NoncurrentTransition(Optional.of(1), Optional.of(1), "GLACIER"))),
                TransitionMinimumSize.VARIES_BY_STORAGE_CLASS));
        iam.clock.advance(Duration.ofDays(2));
        assertThat(s3.runLifecycle(100)).isEqualTo(1);
        assertThat(s3.headObject(admin, "history", "model.bin", Optional.of(oldest.versionId())).storageClass())
                .isEqualTo("GLACIER");
        assertThat(s3.headObject(admin, "history", "model.bin", Optional.of(middle.versionId())).storageClass())
                .isEqualTo("STANDARD");
        assertThat(s3.headObject(admin, "history", "model.bin", Optional.of(current.versionId())).storageClass())
                .isEqualTo("STANDARD");
        assertThat(actions).containsExactly("S3.TRANSITION.OBJECT history/model.bin");
    }

    @Test
    void anObjectCompletedFromPartsMovesPartByPartAndIsRestoredWhole() throws IOException {
        byte[] first = randomBytes(5 * MIB, 6);
        byte[] second = randomBytes(1234, 7);
        MultipartUpload upload = s3.createMultipartUpload(admin, new CreateMultipartUploadRequest("cold", "parts.bin",
                Map.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty()));
        UploadPart one = uploadPart(upload, 1, first);
        UploadPart two = uploadPart(upload, 2, second);
        s3.completeMultipartUpload(admin, "cold", "parts.bin", upload.uploadId(), List.of(
                new CompletedPart(1, one.etag(), Map.of()), new CompletedPart(2, two.etag(), Map.of())));
        s3.putBucketLifecycle(admin, "cold", List.of(transitionRule(transition(0, "GLACIER"))));
        iam.clock.advance(Duration.ofDays(1));
        assertThat(s3.runLifecycle(100)).isEqualTo(1);
        assertThat(blobs.blobs).isEmpty();
        assertThat(archive.blobs).hasSize(2);

        s3.restoreObject(admin, "cold", "parts.bin", Optional.empty(), 1, "Expedited");
        s3.runLifecycle(100);
        byte[] whole = new byte[first.length + second.length];
        System.arraycopy(first, 0, whole, 0, first.length);
        System.arraycopy(second, 0, whole, first.length, second.length);
        assertThat(read("parts.bin")).isEqualTo(whole);
        assertThat(blobs.blobs).hasSize(2);

        s3.deleteObject(admin, "cold", "parts.bin", Optional.empty());
        assertThat(blobs.blobs).isEmpty();
        assertThat(archive.blobs).isEmpty();
    }

    @Test
    void incompleteUploadsAreAbortedTheirDaysAfterInitiation() {
        MultipartUpload old = s3.createMultipartUpload(admin, new CreateMultipartUploadRequest("cold", "tmp/a.bin",
                Map.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty()),
                ObjectLockRequest.NONE, "GLACIER");
        uploadPart(old, 1, randomBytes(100, 8));
        assertThat(archive.blobs).hasSize(1);
        MultipartUpload elsewhere = s3.createMultipartUpload(admin, new CreateMultipartUploadRequest("cold", "keep/b",
                Map.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty()));
        uploadPart(elsewhere, 1, randomBytes(100, 9));
        s3.putBucketLifecycle(admin, "cold", List.of(abortRule("abort", new LifecycleRule.Filter("tmp/", Map.of(),
                Optional.empty(), Optional.empty()), 2)));

        iam.clock.advance(Duration.ofDays(1));
        assertThat(s3.runLifecycle(100)).isZero();
        MultipartUpload younger = s3.createMultipartUpload(admin, new CreateMultipartUploadRequest("cold",
                "tmp/a.bin", Map.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty()));
        iam.clock.advance(Duration.ofDays(1));
        assertThat(s3.runLifecycle(100)).isEqualTo(1);
        assertThat(uploads.findUpload(old.uploadId())).isEmpty();
        assertThat(uploads.findUpload(younger.uploadId())).isPresent(); // the same key, a day younger
        assertThat(uploads.findUpload(elsewhere.uploadId())).isPresent();
        assertThat(archive.blobs).isEmpty();
        assertThat(blobs.blobs).hasSize(1);
        assertThat(actions).containsExactly("S3.DELETE.UPLOAD cold/tmp/a.bin");
    }

    @Test
    void garbageCollectionKnowsBothStores() throws IOException {
        ObjectVersion frozen = put("frozen.bin", randomBytes(10, 10), "GLACIER");
        ObjectVersion warm = put("warm.bin", randomBytes(10, 11), "STANDARD");
        archive.blobs.put("orphan-a", new byte[1]);
        blobs.blobs.put("orphan-b", new byte[1]);
        assertThat(s3.collectGarbage()).isEqualTo(2);
        assertThat(archive.blobs).containsOnlyKeys(frozen.blobId());
        assertThat(blobs.blobs).containsOnlyKeys(warm.blobId());
    }

    @Test
    void objectsSmallerThan128KiBStayUnlessTheSettingOrASizeFilterLetsThemGo() {
        int small = (int) TransitionMinimumSize.SMALL_OBJECT_BYTES - 1;
        int big = (int) TransitionMinimumSize.SMALL_OBJECT_BYTES;
        s3.createBucket(admin, "sizes", Optional.empty(), false);
        for (String prefix : List.of("default/", "varies/", "filtered/")) {
            putIn("sizes", prefix + "small", small);
            putIn("sizes", prefix + "big", big);
        }
        LifecycleRule toGlacierIr = new LifecycleRule("ir", true, prefix("default/"), Optional.empty(), Optional.empty(),
                false, Optional.empty(), List.of(transition(0, "GLACIER_IR")), List.of(), Optional.empty());
        LifecycleRule toGlacier = new LifecycleRule("glacier", true, prefix("varies/"), Optional.empty(),
                Optional.empty(), false, Optional.empty(), List.of(transition(0, "GLACIER")), List.of(),
                Optional.empty());
        LifecycleRule anySize = new LifecycleRule("any", true, new LifecycleRule.Filter("filtered/", Map.of(),
                Optional.of(0L), Optional.empty()), Optional.empty(), Optional.empty(), false, Optional.empty(),
                List.of(transition(0, "GLACIER_IR")), List.of(), Optional.empty());

        // the default: nothing below 128 KiB moves, unless a rule's filter names a size itself
        s3.putBucketLifecycle(admin, "sizes", List.of(toGlacierIr, anySize));
        iam.clock.advance(Duration.ofDays(1));
        assertThat(s3.runLifecycle(100)).isEqualTo(3);
        assertThat(classOf("sizes", "default/small")).isEqualTo("STANDARD");
        assertThat(classOf("sizes", "default/big")).isEqualTo("GLACIER_IR");
        assertThat(classOf("sizes", "filtered/small")).isEqualTo("GLACIER_IR");
        assertThat(classOf("sizes", "filtered/big")).isEqualTo("GLACIER_IR");
        assertThat(s3.bucketLifecycleConfiguration(admin, "sizes").minimumSize())
                .isEqualTo(TransitionMinimumSize.ALL_STORAGE_CLASSES_128K);

        // varies_by_storage_class: small objects go to GLACIER, still not to GLACIER_IR
        s3.putBucketLifecycle(admin, "sizes", new LifecycleConfiguration(List.of(toGlacierIr, toGlacier),
                TransitionMinimumSize.VARIES_BY_STORAGE_CLASS));
        assertThat(s3.bucketLifecycleConfiguration(admin, "sizes").minimumSize())
                .isEqualTo(TransitionMinimumSize.VARIES_BY_STORAGE_CLASS);
        assertThat(s3.runLifecycle(100)).isEqualTo(2);
        assertThat(classOf("sizes", "default/small")).isEqualTo("STANDARD");
        assertThat(classOf("sizes", "varies/small")).isEqualTo("GLACIER");
        assertThat(classOf("sizes", "varies/big")).isEqualTo("GLACIER");
    }

    @Test
    void smallNoncurrentVersionsStayByDefault() {
        s3.createBucket(admin, "small-history", Optional.empty(), true);
        ObjectVersion small = putIn("small-history", "k", 10);
        ObjectVersion big = putIn("small-history", "k", (int) TransitionMinimumSize.SMALL_OBJECT_BYTES);
        putIn("small-history", "k", 10);
        s3.putBucketLifecycle(admin, "small-history", List.of(noncurrentRule(
                new LifecycleRule.NoncurrentTransition(Optional.of(0), Optional.empty(), "GLACIER"))));
        iam.clock.advance(Duration.ofDays(1));
        assertThat(s3.runLifecycle(100)).isEqualTo(1);
        assertThat(s3.headObject(admin, "small-history", "k", Optional.of(small.versionId())).storageClass())
                .isEqualTo("STANDARD");
        assertThat(s3.headObject(admin, "small-history", "k", Optional.of(big.versionId())).storageClass())
                .isEqualTo("GLACIER");
    }

    @Test
    void aDeeperTransitionComesThirtyDaysAfterOneToInfrequentAccess() {
        LifecycleConfiguration before = new LifecycleConfiguration(List.of(transitionRule(transition(0, "GLACIER"))),
                TransitionMinimumSize.VARIES_BY_STORAGE_CLASS);
        s3.putBucketLifecycle(admin, "cold", before);
        assertRefused(transitionRule(transition(30, "STANDARD_IA"), transition(59, "GLACIER")), "InvalidArgument",
                "'Days' in Transition action for StorageClass 'GLACIER' for filter '(prefix=)' must be 30 days more"
                        + " than 'filter '(prefix=)'' in the Transition action for StorageClass 'STANDARD_IA'");
        assertRefused(transitionRule(transition(45, "ONEZONE_IA"), transition(30, "STANDARD_IA")), "InvalidArgument",
                "'Days' in Transition action for StorageClass 'ONEZONE_IA' for filter '(prefix=)' must be 30 days more"
                        + " than 'filter '(prefix=)'' in the Transition action for StorageClass 'STANDARD_IA'");
        assertRefused(new LifecycleRule("nt", true, ALL, Optional.empty(), Optional.empty(), false, Optional.empty(),
                        List.of(), List.of(new LifecycleRule.NoncurrentTransition(Optional.of(30), Optional.empty(),
                                "ONEZONE_IA"), new LifecycleRule.NoncurrentTransition(Optional.of(40), Optional.empty(),
                                "DEEP_ARCHIVE")), Optional.empty()), "InvalidArgument",
                "'NoncurrentDays' in NoncurrentVersionTransition action for StorageClass 'DEEP_ARCHIVE' for filter"
                        + " '(prefix=)' must be 30 days more than 'filter '(prefix=)'' in the NoncurrentVersionTransition"
                        + " action for StorageClass 'ONEZONE_IA'");
        // a deeper class no later than a shallower one: the shallower transition would never happen
        assertRefused(transitionRule(transition(30, "GLACIER"), transition(60, "STANDARD_IA")), "InvalidArgument",
                "'Days' in Transition action for StorageClass 'GLACIER' for filter '(prefix=)' must be greater than"
                        + " 'Days' in the Transition action for StorageClass 'STANDARD_IA'");
        assertRefused(transitionRule(transition(20, "DEEP_ARCHIVE"), transition(20, "GLACIER")), "InvalidArgument",
                "'Days' in Transition action for StorageClass 'DEEP_ARCHIVE' for filter '(prefix=)' must be greater than"
                        + " 'Days' in the Transition action for StorageClass 'GLACIER'");
        java.time.Instant midnight = java.time.Instant.parse("2031-01-01T00:00:00Z");
        assertRefused(transitionRule(new LifecycleRule.Transition(Optional.empty(), Optional.of(midnight), "GLACIER"),
                        new LifecycleRule.Transition(Optional.empty(), Optional.of(midnight.plus(Duration.ofDays(40))),
                                "STANDARD_IA")), "InvalidArgument",
                "'Date' in Transition action for StorageClass 'GLACIER' for filter '(prefix=)' must be later than"
                        + " 'Date' in the Transition action for StorageClass 'STANDARD_IA'");
        assertRefused(new LifecycleRule("nt", true, ALL, Optional.empty(), Optional.empty(), false, Optional.empty(),
                        List.of(), List.of(new LifecycleRule.NoncurrentTransition(Optional.of(10), Optional.empty(),
                                "DEEP_ARCHIVE"), new LifecycleRule.NoncurrentTransition(Optional.of(20), Optional.empty(),
                                "GLACIER")), Optional.empty()), "InvalidArgument",
                "'NoncurrentDays' in NoncurrentVersionTransition action for StorageClass 'DEEP_ARCHIVE' for filter"
                        + " '(prefix=)' must be greater than 'NoncurrentDays' in the NoncurrentVersionTransition action"
                        + " for StorageClass 'GLACIER'");
        assertThat(s3.bucketLifecycleConfiguration(admin, "cold")).isEqualTo(before);

        // 30 days on is enough; GLACIER to DEEP_ARCHIVE has no gap S3 checks
        LifecycleRule spaced = transitionRule(transition(30, "STANDARD_IA"), transition(60, "GLACIER"),
                transition(61, "DEEP_ARCHIVE"));
        s3.putBucketLifecycle(admin, "cold", List.of(spaced));
        assertThat(s3.bucketLifecycle(admin, "cold")).containsExactly(spaced);
    }

    @Test
    void transitionsAreDueAtTheNextMidnightAndOnlyDownTheWaterfall() {
        LifecycleRule rule = transitionRule(transition(30, "STANDARD_IA"), transition(60, "GLACIER"));
        ObjectVersion created = new ObjectVersion("b", "k", "null", false, Instant.parse("2030-01-01T10:00:00Z"),
                TransitionMinimumSize.SMALL_OBJECT_BYTES,
                "e", Map.of(), Map.of(), Optional.empty(), Map.of(), "STANDARD",
                new ObjectEncryption(ObjectEncryption.Mode.SSE_S3, null, false, new byte[1], null, null), "blob");
        assertThat(LifecycleOperations.dueTransition(rule, TransitionMinimumSize.ALL_STORAGE_CLASSES_128K, created, Instant.parse("2030-01-31T23:59:59Z"))).isEmpty();
        assertThat(LifecycleOperations.dueTransition(rule, TransitionMinimumSize.ALL_STORAGE_CLASSES_128K, created, Instant.parse("2030-02-01T00:00:00Z")))
                .contains("STANDARD_IA");
        assertThat(LifecycleOperations.dueTransition(rule, TransitionMinimumSize.ALL_STORAGE_CLASSES_128K, created, Instant.parse("2030-04-01T00:00:00Z")))
                .contains("GLACIER");
        assertThat(LifecycleOperations.dueTransition(rule, TransitionMinimumSize.ALL_STORAGE_CLASSES_128K, created.withStorage("DEEP_ARCHIVE", "blob"),
                Instant.parse("2030-04-01T00:00:00Z"))).isEmpty();
    }

    private String classOf(String bucket, String key) {
        return s3.headObject(admin, bucket, key, Optional.empty()).storageClass();
    }

    private static LifecycleRule.Filter prefix(String prefix) {
        return new LifecycleRule.Filter(prefix, Map.of(), Optional.empty(), Optional.empty());
    }

    private ObjectVersion put(String key, byte[] body, String storageClass) {
        return s3.putObject(admin, new PutObjectRequest("cold", key, body.length, Map.of(), Map.of(), Optional.empty(),
                Optional.empty(), Optional::empty, Map.of(), Optional.empty(), Optional.empty()), storageClass,
                new ByteArrayInputStream(body));
    }

    private ObjectVersion putIn(String bucket, String key, int size) {
        ObjectVersion version = s3.putObject(admin, new PutObjectRequest(bucket, key, size, Map.of(), Map.of(),
                Optional.empty(), Optional.empty(), Optional::empty, Map.of(), Optional.empty(), Optional.empty()),
                new ByteArrayInputStream(new byte[size]));
        iam.clock.advance(Duration.ofSeconds(1));
        return version;
    }

    private UploadPart uploadPart(MultipartUpload upload, int number, byte[] body) {
        return s3.uploadPart(admin, new UploadPartRequest(upload.bucket(), upload.key(), upload.uploadId(), number,
                body.length, Optional.empty(), Optional.empty(), Optional::empty), new ByteArrayInputStream(body)).part();
    }

    private byte[] read(String key) throws IOException {
        try (ObjectContent content = s3.getObject(admin, "cold", key, Optional.empty(), Optional.empty())) {
            return content.body().readAllBytes();
        }
    }

    private void assertRefused(LifecycleRule rule, String code, String message) {
        assertThatThrownBy(() -> s3.putBucketLifecycle(admin, "cold", List.of(rule)))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.httpStatus()).isEqualTo(400);
                    if (message != null) {
                        assertThat(e.getMessage()).isEqualTo(message);
                    }
                });
    }

    private static LifecycleRule.Transition transition(int days, String storageClass) {
        return new LifecycleRule.Transition(Optional.of(days), Optional.empty(), storageClass);
    }

    private static LifecycleRule transitionRule(LifecycleRule.Transition... transitions) {
        return new LifecycleRule("tr", true, ALL, Optional.empty(), Optional.empty(), false, Optional.empty(),
                List.of(transitions), List.of(), Optional.empty());
    }

    private static LifecycleRule noncurrentRule(LifecycleRule.NoncurrentTransition transition) {
        return new LifecycleRule("nt", true, ALL, Optional.empty(), Optional.empty(), false, Optional.empty(),
                List.of(), List.of(transition), Optional.empty());
    }

    private static LifecycleRule abortRule(String id, LifecycleRule.Filter filter, int days) {
        return new LifecycleRule(id, true, filter, Optional.empty(), Optional.empty(), false, Optional.empty(),
                List.of(), List.of(), Optional.of(days));
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static void assertS3Error(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code,
                                      int status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.httpStatus()).isEqualTo(status);
        });
    }
}
