package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.server.config.Setting;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

/**
 * S3 Object Lock through the SDK's S3Client: buckets with Object Lock and their default retention,
 * retention and legal holds on versions, GOVERNANCE bypass with and without the permission,
 * COMPLIANCE that nobody shortens, lifecycle that leaves a locked version alone, and every bad
 * input refused with S3's code and without a change. What the SDK will not send wrong is sent by
 * hand, signed by the SDK's own signer.
 */
@ExtendWith(StrongroomExtension.class)
class S3ObjectLockEndToEndTest {
    private static URI endpoint;
    private static AwsCredentialsIdentity admin;
    private static TestUsers users;
    private static StrongroomTestServer server;

    @BeforeAll
    static void server(StrongroomTestServer shared) {
        server = shared;
        endpoint = shared.endpoint();
        admin = AwsCredentialsIdentity.create(shared.admin().accessKeyId(), shared.admin().secretAccessKey());
        users = new TestUsers(shared);
    }

    private static Instant inDays(long days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    // ---- bucket configuration

    @Test
    void aBucketCreatedWithObjectLockKeepsVersioningAndTakesADefaultRetention(S3Client s3) {
        s3.createBucket(r -> r.bucket("lock-config").objectLockEnabledForBucket(true));
        assertThat(s3.getBucketVersioning(r -> r.bucket("lock-config")).statusAsString()).isEqualTo("Enabled");
        ObjectLockConfiguration empty = s3.getObjectLockConfiguration(r -> r.bucket("lock-config"))
                .objectLockConfiguration();
        assertThat(empty.objectLockEnabled()).isEqualTo(ObjectLockEnabled.ENABLED);
        assertThat(empty.rule()).isNull();
        assertAwsError(() -> s3.putBucketVersioning(r -> r.bucket("lock-config")
                .versioningConfiguration(c -> c.status("Suspended"))), "InvalidBucketState", 409);

        s3.putObjectLockConfiguration(r -> r.bucket("lock-config").objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED)
                .rule(rule -> rule.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).days(3)))));
        var rule = s3.getObjectLockConfiguration(r -> r.bucket("lock-config")).objectLockConfiguration().rule();
        assertThat(rule.defaultRetention().mode()).isEqualTo(ObjectLockRetentionMode.GOVERNANCE);
        assertThat(rule.defaultRetention().days()).isEqualTo(3);
        assertThat(rule.defaultRetention().years()).isNull();

        // every new version gets the default retention, from its creation
        String versionId = s3.putObject(r -> r.bucket("lock-config").key("report.csv"), RequestBody.fromString("v1"))
                .versionId();
        HeadObjectResponse head = s3.headObject(r -> r.bucket("lock-config").key("report.csv"));
        assertThat(head.objectLockMode()).isEqualTo(ObjectLockMode.GOVERNANCE);
        assertThat(head.objectLockRetainUntilDate()).isBetween(inDays(3).minusSeconds(60), inDays(3).plusSeconds(60));
        assertThat(s3.getObjectRetention(r -> r.bucket("lock-config").key("report.csv").versionId(versionId))
                .retention().retainUntilDate()).isEqualTo(head.objectLockRetainUntilDate());
        assertAwsError(() -> s3.deleteObject(r -> r.bucket("lock-config").key("report.csv").versionId(versionId)),
                "AccessDenied", 403);

        // a rule can be taken away again; Object Lock itself stays
        s3.putObjectLockConfiguration(r -> r.bucket("lock-config").objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED)));
        assertThat(s3.getObjectLockConfiguration(r -> r.bucket("lock-config")).objectLockConfiguration().rule())
                .isNull();
    }

    @Test
    void objectLockIsEnabledOnAnExistingBucketOnlyOnceVersioningIsEnabled(S3Client s3) {
        s3.createBucket(r -> r.bucket("lock-later"));
        assertAwsError(() -> s3.getObjectLockConfiguration(r -> r.bucket("lock-later")),
                "ObjectLockConfigurationNotFoundError", 404);
        assertAwsError(() -> s3.putObjectLockConfiguration(r -> r.bucket("lock-later").objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED))), "InvalidBucketState", 409);
        assertAwsError(() -> s3.getObjectLockConfiguration(r -> r.bucket("lock-later")),
                "ObjectLockConfigurationNotFoundError", 404);

        s3.putBucketVersioning(r -> r.bucket("lock-later").versioningConfiguration(c -> c.status("Enabled")));
        s3.putObjectLockConfiguration(r -> r.bucket("lock-later").objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED)
                .rule(rule -> rule.defaultRetention(d -> d.mode(ObjectLockRetentionMode.COMPLIANCE).years(1)))));
        assertThat(s3.getObjectLockConfiguration(r -> r.bucket("lock-later")).objectLockConfiguration().rule()
                .defaultRetention().years()).isEqualTo(1);
        assertAwsError(() -> s3.putBucketVersioning(r -> r.bucket("lock-later")
                .versioningConfiguration(c -> c.status("Suspended"))), "InvalidBucketState", 409);
        assertAwsError(() -> s3.getObjectLockConfiguration(r -> r.bucket("lock-missing")), "NoSuchBucket", 404);
    }

    /** x-amz-bucket-object-lock-token is accepted with any value and never needed, as S3 does now. */
    @Test
    void theObjectLockTokenIsAcceptedAndNeverRequired(S3Client s3) {
        s3.createBucket(r -> r.bucket("lock-token").objectLockEnabledForBucket(true));
        s3.putObjectLockConfiguration(r -> r.bucket("lock-token").token("a-token-from-long-ago")
                .objectLockConfiguration(c -> c.objectLockEnabled(ObjectLockEnabled.ENABLED)
                        .rule(rule -> rule.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).days(3)))));
        assertThat(s3.getObjectLockConfiguration(r -> r.bucket("lock-token")).objectLockConfiguration().rule()
                .defaultRetention().days()).isEqualTo(3);
        s3.putObjectLockConfiguration(r -> r.bucket("lock-token").objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED)));
        assertThat(s3.getObjectLockConfiguration(r -> r.bucket("lock-token")).objectLockConfiguration().rule())
                .isNull();

        // a token does not stand in for versioning on a bucket created without Object Lock
        s3.createBucket(r -> r.bucket("lock-token-later"));
        assertAwsError(() -> s3.putObjectLockConfiguration(r -> r.bucket("lock-token-later").token("token")
                .objectLockConfiguration(c -> c.objectLockEnabled(ObjectLockEnabled.ENABLED))), "InvalidBucketState",
                409);
        assertAwsError(() -> s3.getObjectLockConfiguration(r -> r.bucket("lock-token-later")),
                "ObjectLockConfigurationNotFoundError", 404);
    }

    @Test
    void badLockConfigurationsAreRefusedWithS3sCodesAndChangeNothing(S3Client s3) throws Exception {
        s3.createBucket(r -> r.bucket("lock-bad-config").objectLockEnabledForBucket(true));
        s3.putObjectLockConfiguration(r -> r.bucket("lock-bad-config").objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED)
                .rule(rule -> rule.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).days(5)))));

        assertAwsError(() -> s3.putObjectLockConfiguration(r -> r.bucket("lock-bad-config").objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED)
                .rule(rule -> rule.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).days(0))))),
                "InvalidArgument", 400);
        assertAwsError(() -> s3.putObjectLockConfiguration(r -> r.bucket("lock-bad-config").objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED)
                .rule(rule -> rule.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).years(101))))),
                "InvalidArgument", 400);
        assertAwsError(() -> s3.putObjectLockConfiguration(r -> r.bucket("lock-bad-config").objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED)
                .rule(rule -> rule.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).days(1).years(1))))),
                "MalformedXML", 400);
        assertAwsError(() -> s3.putObjectLockConfiguration(r -> r.bucket("lock-bad-config").objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED)
                .rule(rule -> rule.defaultRetention(d -> d.mode("governance").days(1))))), "MalformedXML", 400);
        assertAwsError(() -> s3.putObjectLockConfiguration(r -> r.bucket("lock-bad-config").objectLockConfiguration(c -> c
                .objectLockEnabled("Disabled"))), "MalformedXML", 400);
        assertAwsError(() -> s3.putObjectLockConfiguration(r -> r.bucket("lock-bad-config").objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED).rule(rule -> rule.defaultRetention(d -> d.days(1))))),
                "MalformedXML", 400);

        String document = "<ObjectLockConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<ObjectLockEnabled>Enabled</ObjectLockEnabled></ObjectLockConfiguration>";
        QueryHttp.Answer noDigest = raw(admin, Clock.systemUTC(), "PUT", "/lock-bad-config?object-lock", Map.of(),
                document);
        assertThat(noDigest.status()).isEqualTo(400);
        assertThat(noDigest.errorCode()).isEqualTo("InvalidRequest");

        var rule = s3.getObjectLockConfiguration(r -> r.bucket("lock-bad-config")).objectLockConfiguration().rule();
        assertThat(rule.defaultRetention().days()).isEqualTo(5);
        assertThat(rule.defaultRetention().mode()).isEqualTo(ObjectLockRetentionMode.GOVERNANCE);
    }

    // ---- writes with lock headers

    @Test
    void lockHeadersOfWritesAreKeptAndShownOrRefusedWithS3sCodes(S3Client s3) throws Exception {
        s3.createBucket(r -> r.bucket("lock-writes").objectLockEnabledForBucket(true));
        Instant until = inDays(2);
        String versionId = s3.putObject(r -> r.bucket("lock-writes").key("held").objectLockMode(ObjectLockMode.COMPLIANCE)
                .objectLockRetainUntilDate(until).objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON),
                RequestBody.fromString("held body")).versionId();
        HeadObjectResponse head = s3.headObject(r -> r.bucket("lock-writes").key("held"));
        assertThat(head.objectLockMode()).isEqualTo(ObjectLockMode.COMPLIANCE);
        assertThat(head.objectLockRetainUntilDate()).isEqualTo(until);
        assertThat(head.objectLockLegalHoldStatus()).isEqualTo(ObjectLockLegalHoldStatus.ON);
        var get = s3.getObjectAsBytes(r -> r.bucket("lock-writes").key("held").versionId(versionId)).response();
        assertThat(get.objectLockMode()).isEqualTo(ObjectLockMode.COMPLIANCE);
        assertThat(get.objectLockLegalHoldStatus()).isEqualTo(ObjectLockLegalHoldStatus.ON);

        s3.createBucket(r -> r.bucket("lock-writes-plain"));
        assertAwsError(() -> s3.putObject(r -> r.bucket("lock-writes-plain").key("k").objectLockMode(ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(until), RequestBody.fromString("x")), "InvalidRequest", 400);
        assertAwsError(() -> s3.putObject(r -> r.bucket("lock-writes-plain").key("k")
                .objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON), RequestBody.fromString("x")), "InvalidRequest", 400);
        assertAwsError(() -> s3.putObject(r -> r.bucket("lock-writes").key("bad").objectLockMode(ObjectLockMode.GOVERNANCE),
                RequestBody.fromString("x")), "InvalidArgument", 400);
        assertAwsError(() -> s3.putObject(r -> r.bucket("lock-writes").key("bad").objectLockRetainUntilDate(until),
                RequestBody.fromString("x")), "InvalidArgument", 400);
        assertAwsError(() -> s3.putObject(r -> r.bucket("lock-writes").key("bad").objectLockMode(ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(Instant.now().minusSeconds(60)), RequestBody.fromString("x")),
                "InvalidArgument", 400);
        assertAwsError(() -> s3.putObject(r -> r.bucket("lock-writes").key("bad").objectLockMode("FOREVER")
                .objectLockRetainUntilDate(until), RequestBody.fromString("x")), "InvalidArgument", 400);
        assertAwsError(() -> s3.putObject(r -> r.bucket("lock-writes").key("bad").objectLockLegalHoldStatus("MAYBE"),
                RequestBody.fromString("x")), "InvalidArgument", 400);
        // S3 asks a write that sets a lock to prove its body: Content-MD5 or a checksum
        QueryHttp.Answer unproven = raw(admin, Clock.systemUTC(), "PUT", "/lock-writes/bad",
                Map.of("x-amz-object-lock-legal-hold", "ON"), "x");
        assertThat(unproven.status()).isEqualTo(400);
        assertThat(unproven.errorCode()).isEqualTo("InvalidRequest");
        QueryHttp.Answer proven = raw(admin, Clock.systemUTC(), "PUT", "/lock-writes/proven",
                Map.of("x-amz-object-lock-legal-hold", "ON", "Content-MD5", md5Base64("x")), "x");
        assertThat(proven.status()).isEqualTo(200);

        assertThat(s3.listObjectVersions(r -> r.bucket("lock-writes")).versions())
                .extracting(v -> v.key()).containsExactlyInAnyOrder("held", "proven");
        assertThat(s3.listObjectVersions(r -> r.bucket("lock-writes-plain")).versions()).isEmpty();
    }

    @Test
    void multipartUploadsAndCopiesTakeTheirLockWhenTheVersionIsMade(S3Client s3) throws Exception {
        s3.createBucket(r -> r.bucket("lock-mpu").objectLockEnabledForBucket(true));
        Instant until = inDays(1);
        String uploadId = s3.createMultipartUpload(r -> r.bucket("lock-mpu").key("big")
                .objectLockMode(ObjectLockMode.GOVERNANCE).objectLockRetainUntilDate(until)).uploadId();
        // a part of an object to be locked must prove its body, as a PutObject must
        QueryHttp.Answer unproven = raw(admin, Clock.systemUTC(), "PUT",
                "/lock-mpu/big?partNumber=1&uploadId=" + uploadId, Map.of(), "one part");
        assertThat(unproven.status()).isEqualTo(400);
        assertThat(unproven.errorCode()).isEqualTo("InvalidRequest");
        assertThat(s3.listParts(r -> r.bucket("lock-mpu").key("big").uploadId(uploadId)).parts()).isEmpty();
        String etag = s3.uploadPart(r -> r.bucket("lock-mpu").key("big").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("one part")).eTag();
        String versionId = s3.completeMultipartUpload(r -> r.bucket("lock-mpu").key("big").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build()))).versionId();
        assertThat(s3.getObjectRetention(r -> r.bucket("lock-mpu").key("big").versionId(versionId)).retention()
                .retainUntilDate()).isEqualTo(until);
        assertAwsError(() -> s3.deleteObject(r -> r.bucket("lock-mpu").key("big").versionId(versionId)),
                "AccessDenied", 403);

        String copyId = s3.copyObject(r -> r.sourceBucket("lock-mpu").sourceKey("big").destinationBucket("lock-mpu")
                .destinationKey("copy").objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON)).versionId();
        assertThat(s3.getObjectLegalHold(r -> r.bucket("lock-mpu").key("copy").versionId(copyId)).legalHold().status())
                .isEqualTo(ObjectLockLegalHoldStatus.ON);
        // the source's retention is not copied
        assertAwsError(() -> s3.getObjectRetention(r -> r.bucket("lock-mpu").key("copy")),
                "NoSuchObjectLockConfiguration", 404);

        s3.createBucket(r -> r.bucket("lock-mpu-plain"));
        assertAwsError(() -> s3.createMultipartUpload(r -> r.bucket("lock-mpu-plain").key("big")
                .objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON)), "InvalidRequest", 400);
        assertThat(s3.listMultipartUploads(r -> r.bucket("lock-mpu-plain")).uploads()).isEmpty();
    }

    // ---- governance, compliance, legal hold

    @Test
    void governanceYieldsToTheBypassHeaderOnlyWithThePermission(S3Client s3) {
        s3.createBucket(r -> r.bucket("lock-governance").objectLockEnabledForBucket(true));
        Instant thirty = inDays(30);
        Instant one = inDays(1);
        String versionId = s3.putObject(r -> r.bucket("lock-governance").key("doc")
                .objectLockMode(ObjectLockMode.GOVERNANCE).objectLockRetainUntilDate(thirty),
                RequestBody.fromString("governed")).versionId();
        S3Client plain = user("lock-plain", false);
        S3Client bypasser = user("lock-bypasser", true);

        assertAwsError(() -> plain.deleteObject(r -> r.bucket("lock-governance").key("doc").versionId(versionId)),
                "AccessDenied", 403);
        assertAwsError(() -> plain.deleteObject(r -> r.bucket("lock-governance").key("doc").versionId(versionId)
                .bypassGovernanceRetention(true)), "AccessDenied", 403);
        assertAwsError(() -> bypasser.deleteObject(r -> r.bucket("lock-governance").key("doc").versionId(versionId)),
                "AccessDenied", 403);
        assertAwsError(() -> plain.putObjectRetention(r -> r.bucket("lock-governance").key("doc").versionId(versionId)
                .bypassGovernanceRetention(true).retention(t -> t.mode(ObjectLockRetentionMode.GOVERNANCE)
                        .retainUntilDate(one))), "AccessDenied", 403);
        assertAwsError(() -> bypasser.putObjectRetention(r -> r.bucket("lock-governance").key("doc").versionId(versionId)
                .retention(t -> t.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(one))),
                "AccessDenied", 403);
        assertAwsError(() -> plain.putObjectRetention(r -> r.bucket("lock-governance").key("doc").versionId(versionId)
                .retention(t -> t.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(inDays(60)))),
                "AccessDenied", 403);
        assertThat(s3.getObjectRetention(r -> r.bucket("lock-governance").key("doc")).retention().retainUntilDate())
                .isEqualTo(thirty);

        // extending needs no bypass; a plain delete only adds a delete marker
        plain.putObjectRetention(r -> r.bucket("lock-governance").key("doc").versionId(versionId)
                .retention(t -> t.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(inDays(31))));
        assertThat(plain.deleteObject(r -> r.bucket("lock-governance").key("doc")).deleteMarker()).isTrue();
        bypasser.putObjectRetention(r -> r.bucket("lock-governance").key("doc").versionId(versionId)
                .bypassGovernanceRetention(true).retention(t -> t.mode(ObjectLockRetentionMode.GOVERNANCE)
                        .retainUntilDate(one)));
        assertThat(s3.getObjectRetention(r -> r.bucket("lock-governance").key("doc").versionId(versionId)).retention()
                .retainUntilDate()).isEqualTo(one);
        bypasser.deleteObject(r -> r.bucket("lock-governance").key("doc").versionId(versionId)
                .bypassGovernanceRetention(true));
        assertAwsError(() -> s3.getObjectAsBytes(r -> r.bucket("lock-governance").key("doc").versionId(versionId)),
                "NoSuchVersion", 404);
    }

    @Test
    void complianceIsNeverShortenedOrDeletedEvenByTheAdministrator(S3Client s3) {
        s3.createBucket(r -> r.bucket("lock-compliance").objectLockEnabledForBucket(true));
        Instant until = inDays(10);
        Instant later = inDays(11);
        String versionId = s3.putObject(r -> r.bucket("lock-compliance").key("ledger")
                .objectLockMode(ObjectLockMode.COMPLIANCE).objectLockRetainUntilDate(until),
                RequestBody.fromString("entries")).versionId();

        assertAwsError(() -> s3.deleteObject(r -> r.bucket("lock-compliance").key("ledger").versionId(versionId)
                .bypassGovernanceRetention(true)), "AccessDenied", 403);
        assertAwsError(() -> s3.putObjectRetention(r -> r.bucket("lock-compliance").key("ledger").versionId(versionId)
                .bypassGovernanceRetention(true).retention(t -> t.mode(ObjectLockRetentionMode.COMPLIANCE)
                        .retainUntilDate(inDays(9)))), "AccessDenied", 403);
        assertAwsError(() -> s3.putObjectRetention(r -> r.bucket("lock-compliance").key("ledger").versionId(versionId)
                .bypassGovernanceRetention(true).retention(t -> t.mode(ObjectLockRetentionMode.GOVERNANCE)
                        .retainUntilDate(inDays(20)))), "AccessDenied", 403);
        DeleteObjectsResponse batch = s3.deleteObjects(r -> r.bucket("lock-compliance").bypassGovernanceRetention(true)
                .delete(d -> d.objects(ObjectIdentifier.builder().key("ledger").versionId(versionId).build())));
        assertThat(batch.deleted()).isEmpty();
        assertThat(batch.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("AccessDenied");
            assertThat(e.versionId()).isEqualTo(versionId);
        });
        assertThat(s3.getObjectRetention(r -> r.bucket("lock-compliance").key("ledger").versionId(versionId))
                .retention().retainUntilDate()).isEqualTo(until);

        s3.putObjectRetention(r -> r.bucket("lock-compliance").key("ledger").versionId(versionId)
                .retention(t -> t.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(later)));
        assertThat(s3.getObjectRetention(r -> r.bucket("lock-compliance").key("ledger").versionId(versionId))
                .retention().retainUntilDate()).isEqualTo(later);
        // the bucket cannot go while it holds the version
        assertAwsError(() -> s3.deleteBucket(r -> r.bucket("lock-compliance")), "BucketNotEmpty", 409);
    }

    @Test
    void aLegalHoldProtectsAVersionUntilItIsTurnedOff(S3Client s3) {
        s3.createBucket(r -> r.bucket("lock-hold").objectLockEnabledForBucket(true));
        String versionId = s3.putObject(r -> r.bucket("lock-hold").key("evidence"), RequestBody.fromString("exhibit"))
                .versionId();
        assertAwsError(() -> s3.getObjectLegalHold(r -> r.bucket("lock-hold").key("evidence")),
                "NoSuchObjectLockConfiguration", 404);
        assertAwsError(() -> s3.getObjectRetention(r -> r.bucket("lock-hold").key("evidence")),
                "NoSuchObjectLockConfiguration", 404);
        assertThat(s3.headObject(r -> r.bucket("lock-hold").key("evidence")).objectLockLegalHoldStatus()).isNull();

        s3.putObjectLegalHold(r -> r.bucket("lock-hold").key("evidence").versionId(versionId)
                .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON)));
        assertThat(s3.getObjectLegalHold(r -> r.bucket("lock-hold").key("evidence")).legalHold().status())
                .isEqualTo(ObjectLockLegalHoldStatus.ON);
        assertAwsError(() -> s3.deleteObject(r -> r.bucket("lock-hold").key("evidence").versionId(versionId)
                .bypassGovernanceRetention(true)), "AccessDenied", 403);
        assertAwsError(() -> s3.putObjectLegalHold(r -> r.bucket("lock-hold").key("evidence").versionId(versionId)
                .legalHold(h -> h.status("MAYBE"))), "MalformedXML", 400);
        assertAwsError(() -> s3.putObjectLegalHold(r -> r.bucket("lock-hold").key("evidence").versionId("no-such-version")
                .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON))), "NoSuchVersion", 404);
        assertThat(s3.getObjectLegalHold(r -> r.bucket("lock-hold").key("evidence")).legalHold().status())
                .isEqualTo(ObjectLockLegalHoldStatus.ON);

        s3.putObjectLegalHold(r -> r.bucket("lock-hold").key("evidence").versionId(versionId)
                .legalHold(h -> h.status(ObjectLockLegalHoldStatus.OFF)));
        assertThat(s3.headObject(r -> r.bucket("lock-hold").key("evidence")).objectLockLegalHoldStatus())
                .isEqualTo(ObjectLockLegalHoldStatus.OFF);
        s3.deleteObject(r -> r.bucket("lock-hold").key("evidence").versionId(versionId));
        assertThat(s3.listObjectVersions(r -> r.bucket("lock-hold")).versions()).isEmpty();

        s3.createBucket(r -> r.bucket("lock-hold-plain"));
        s3.putObject(r -> r.bucket("lock-hold-plain").key("k"), RequestBody.fromString("x"));
        assertAwsError(() -> s3.putObjectLegalHold(r -> r.bucket("lock-hold-plain").key("k")
                .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON))), "InvalidRequest", 400);
        assertAwsError(() -> s3.getObjectRetention(r -> r.bucket("lock-hold-plain").key("k")), "InvalidRequest", 400);
    }

    @Test
    void badRetentionsAreRefusedWithS3sCodesAndChangeNothing(S3Client s3) throws Exception {
        s3.createBucket(r -> r.bucket("lock-bad-retention").objectLockEnabledForBucket(true));
        Instant until = inDays(3);
        String versionId = s3.putObject(r -> r.bucket("lock-bad-retention").key("k")
                .objectLockMode(ObjectLockMode.GOVERNANCE).objectLockRetainUntilDate(until),
                RequestBody.fromString("x")).versionId();

        assertAwsError(() -> s3.putObjectRetention(r -> r.bucket("lock-bad-retention").key("k").versionId(versionId)
                .retention(t -> t.mode("governance").retainUntilDate(inDays(5)))), "MalformedXML", 400);
        assertAwsError(() -> s3.putObjectRetention(r -> r.bucket("lock-bad-retention").key("k").versionId(versionId)
                .retention(t -> t.mode(ObjectLockRetentionMode.GOVERNANCE))), "MalformedXML", 400);
        assertAwsError(() -> s3.putObjectRetention(r -> r.bucket("lock-bad-retention").key("k").versionId(versionId)
                .bypassGovernanceRetention(true).retention(t -> t.mode(ObjectLockRetentionMode.GOVERNANCE)
                        .retainUntilDate(Instant.now().minusSeconds(60)))), "InvalidArgument", 400);
        assertAwsError(() -> s3.putObjectRetention(r -> r.bucket("lock-bad-retention").key("absent")
                .retention(t -> t.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(inDays(5)))),
                "NoSuchKey", 404);
        String document = "<Retention xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Mode>GOVERNANCE</Mode>"
                + "<RetainUntilDate>next week</RetainUntilDate></Retention>";
        QueryHttp.Answer undated = raw(admin, Clock.systemUTC(), "PUT", "/lock-bad-retention/k?retention",
                Map.of("Content-MD5", md5Base64(document)), document);
        assertThat(undated.status()).isEqualTo(400);
        assertThat(undated.errorCode()).isEqualTo("MalformedXML");
        QueryHttp.Answer unproven = raw(admin, Clock.systemUTC(), "PUT", "/lock-bad-retention/k?legal-hold", Map.of(),
                "<LegalHold xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Status>ON</Status></LegalHold>");
        assertThat(unproven.status()).isEqualTo(400);
        assertThat(unproven.errorCode()).isEqualTo("InvalidRequest");

        assertThat(s3.getObjectRetention(r -> r.bucket("lock-bad-retention").key("k")).retention())
                .satisfies(t -> {
                    assertThat(t.mode()).isEqualTo(ObjectLockRetentionMode.GOVERNANCE);
                    assertThat(t.retainUntilDate()).isEqualTo(until);
                });
        assertAwsError(() -> s3.getObjectLegalHold(r -> r.bucket("lock-bad-retention").key("k")),
                "NoSuchObjectLockConfiguration", 404);
    }

    @Test
    void readersSeeTheLockOnlyWithThePermissionToReadIt(S3Client s3) {
        s3.createBucket(r -> r.bucket("lock-visible").objectLockEnabledForBucket(true));
        s3.putObject(r -> r.bucket("lock-visible").key("k").objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON)
                .objectLockMode(ObjectLockMode.GOVERNANCE).objectLockRetainUntilDate(inDays(1)),
                RequestBody.fromString("x"));
        TestUsers.Caller reader = users.create("lock-reader");
        grant(reader.userName(), Policies.allow("s3:GetObject", "*"));
        HeadObjectResponse head = reader.clients().s3().headObject(r -> r.bucket("lock-visible").key("k"));
        assertThat(head.objectLockMode()).isNull();
        assertThat(head.objectLockRetainUntilDate()).isNull();
        assertThat(head.objectLockLegalHoldStatus()).isNull();
        assertAwsError(() -> reader.clients().s3().getObjectRetention(r -> r.bucket("lock-visible").key("k")),
                "AccessDenied", 403);
    }

    // ---- lifecycle

    /**
     * Its own node with a clock the test moves: a noncurrent version under retention and one without,
     * three days pass, and the lifecycle pass of the restarted node removes only the one without.
     */
    @Test
    void lifecycleExpirationLeavesALockedVersionAlone() throws Exception {
        MutableClock clock = new MutableClock();
        Path data = Files.createTempDirectory("strongroom-lock-lifecycle-");
        try {
            AwsCredentialsIdentity nodeAdmin;
            String locked;
            String free;
            try (StrongroomTestServer node = StrongroomTestServer.start(Optional.empty(),
                    Map.of(Setting.DATA_DIR, data.toString()), clock)) {
                nodeAdmin = AwsCredentialsIdentity.create(node.admin().accessKeyId(), node.admin().secretAccessKey());
                S3Client s3 = node.adminClients().s3();
                s3.createBucket(r -> r.bucket("lock-lifecycle").objectLockEnabledForBucket(true));
                locked = s3.putObject(r -> r.bucket("lock-lifecycle").key("k").objectLockMode(ObjectLockMode.COMPLIANCE)
                        .objectLockRetainUntilDate(inDays(10)), RequestBody.fromString("locked")).versionId();
                free = s3.putObject(r -> r.bucket("lock-lifecycle").key("k"), RequestBody.fromString("free")).versionId();
                s3.putObject(r -> r.bucket("lock-lifecycle").key("k"), RequestBody.fromString("current"));
                s3.putBucketLifecycleConfiguration(r -> r.bucket("lock-lifecycle").lifecycleConfiguration(c -> c.rules(
                        LifecycleRule.builder().id("noncurrent").status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
                                .noncurrentVersionExpiration(n -> n.noncurrentDays(1)).build())));
            }
            clock.advance(Duration.ofDays(3));
            try (StrongroomTestServer node = StrongroomTestServer.start(Optional.empty(),
                    Map.of(Setting.DATA_DIR, data.toString()), clock)) {
                URI nodeEndpoint = node.endpoint();
                String listing = "";
                for (int attempt = 0; attempt < 100; attempt++) { // the first pass runs as the node starts
                    listing = raw(nodeEndpoint, nodeAdmin, clock, "GET", "/lock-lifecycle?versions", Map.of(), "").body();
                    if (!listing.contains(free)) {
                        break;
                    }
                    Thread.sleep(100);
                }
                assertThat(listing).doesNotContain(free).contains(locked);
                QueryHttp.Answer delete = raw(nodeEndpoint, nodeAdmin, clock, "DELETE",
                        "/lock-lifecycle/k?versionId=" + locked, Map.of(), "");
                assertThat(delete.status()).isEqualTo(403);
                assertThat(delete.errorCode()).isEqualTo("AccessDenied");
            }
        } finally {
            try (Stream<Path> paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    // ---- helpers

    /** A user allowed every object and bucket read and write, and s3:BypassGovernanceRetention when asked. */
    private S3Client user(String name, boolean mayBypass) {
        TestUsers.Caller caller = users.create(name);
        grant(name, Policies.document(
                Policies.statement("Allow", "s3:*Object*", "*", ""),
                Policies.statement("Allow", "s3:ListBucket*", "*", ""),
                Policies.statement(mayBypass ? "Allow" : "Deny", "s3:BypassGovernanceRetention", "*", "")));
        return caller.clients().s3();
    }

    /** Put before the user's first call, so no cached policy set of it can be stale. */
    private static void grant(String userName, String policy) {
        server.iam().putUserPolicy(r -> r.userName(userName).policyName("s3").policyDocument(policy));
    }

    private static QueryHttp.Answer raw(AwsCredentialsIdentity identity, Clock clock, String method,
                                        String pathAndQuery, Map<String, String> headers, String body) throws Exception {
        return raw(endpoint, identity, clock, method, pathAndQuery, headers, body);
    }

    /** A path-style S3 request signed by the SDK's signer at {@code clock}'s time, its payload hash sent. */
    private static QueryHttp.Answer raw(URI to, AwsCredentialsIdentity identity, Clock clock, String method,
                                        String pathAndQuery, Map<String, String> headers, String body)
            throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(to.resolve(pathAndQuery))
                .putHeader("x-amz-content-sha256", HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(bytes)));
        headers.forEach(builder::putHeader);
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(identity).request(builder.build())
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, AwsClients.REGION.id())
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)).request();
        return new QueryHttp(to).send(signed, bytes);
    }

    private static String md5Base64(String value) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5")
                .digest(value.getBytes(StandardCharsets.UTF_8)));
    }

}
