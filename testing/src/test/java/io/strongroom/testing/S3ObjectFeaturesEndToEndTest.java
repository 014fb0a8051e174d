package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/**
 * Versioning, ListObjectVersions, DeleteObjects, CopyObject, tagging and default bucket encryption
 * through the SDK's S3Client, with the bad inputs S3 refuses; what the SDK will not send wrong is
 * sent by hand, signed by the SDK's own signer.
 */
@ExtendWith(StrongroomExtension.class)
class S3ObjectFeaturesEndToEndTest {
    private static URI endpoint;
    private static AwsCredentialsIdentity admin;

    @BeforeAll
    static void server(StrongroomTestServer server) {
        endpoint = server.endpoint();
        admin = AwsCredentialsIdentity.create(server.admin().accessKeyId(), server.admin().secretAccessKey());
    }

    // ---- versioning

    @Test
    void versioningIsTurnedOnAndSuspendedButNeverOffOrMfaProtected(S3Client s3) {
        s3.createBucket(r -> r.bucket("e2e-vers"));
        assertThat(s3.getBucketVersioning(r -> r.bucket("e2e-vers")).status()).isNull();
        s3.putBucketVersioning(r -> r.bucket("e2e-vers").versioningConfiguration(c -> c.status("Enabled")));
        assertThat(s3.getBucketVersioning(r -> r.bucket("e2e-vers")).status()).isEqualTo(BucketVersioningStatus.ENABLED);
        s3.putBucketVersioning(r -> r.bucket("e2e-vers").versioningConfiguration(c -> c.status("Suspended")));
        assertThat(s3.getBucketVersioning(r -> r.bucket("e2e-vers")).status())
                .isEqualTo(BucketVersioningStatus.SUSPENDED);

        assertAwsError(() -> s3.putBucketVersioning(r -> r.bucket("e2e-vers")
                .versioningConfiguration(c -> c.status("Disabled"))), "IllegalVersioningConfigurationException", 400);
        assertAwsError(() -> s3.putBucketVersioning(r -> r.bucket("e2e-vers")
                .versioningConfiguration(c -> c.status("Enabled").mfaDelete("Enabled"))), "AccessDenied", 403);
        assertThat(s3.getBucketVersioning(r -> r.bucket("e2e-vers")).status())
                .isEqualTo(BucketVersioningStatus.SUSPENDED);

        s3.createBucket(r -> r.bucket("e2e-vers-locked").objectLockEnabledForBucket(true));
        assertAwsError(() -> s3.putBucketVersioning(r -> r.bucket("e2e-vers-locked")
                .versioningConfiguration(c -> c.status("Suspended"))), "InvalidBucketState", 409);
        assertAwsError(() -> s3.getBucketVersioning(r -> r.bucket("e2e-vers-missing")), "NoSuchBucket", 404);
    }

    @Test
    void versionsAndDeleteMarkersAreListedAndReadByVersionId(S3Client s3) {
        s3.createBucket(r -> r.bucket("e2e-history"));
        s3.putObject(r -> r.bucket("e2e-history").key("a b"), RequestBody.fromString("null version"));
        assertThat(s3.headObject(r -> r.bucket("e2e-history").key("a b")).versionId()).isNull();
        s3.putBucketVersioning(r -> r.bucket("e2e-history").versioningConfiguration(c -> c.status("Enabled")));
        assertThat(s3.headObject(r -> r.bucket("e2e-history").key("a b")).versionId()).isEqualTo("null");
        PutObjectResponse second = s3.putObject(r -> r.bucket("e2e-history").key("a b"), RequestBody.fromString("two"));
        assertThat(second.versionId()).isNotBlank();
        DeleteObjectResponse deleted = s3.deleteObject(r -> r.bucket("e2e-history").key("a b"));
        assertThat(deleted.deleteMarker()).isTrue();
        String markerId = deleted.versionId();
        s3.putObject(r -> r.bucket("e2e-history").key("dir/x"), RequestBody.fromString("x"));

        ListObjectVersionsResponse all = s3.listObjectVersions(r -> r.bucket("e2e-history"));
        assertThat(all.deleteMarkers()).extracting(DeleteMarkerEntry::key, DeleteMarkerEntry::versionId,
                DeleteMarkerEntry::isLatest).containsExactly(org.assertj.core.groups.Tuple.tuple("a b", markerId, true));
        assertThat(all.versions()).extracting(ObjectVersion::key, ObjectVersion::versionId, ObjectVersion::isLatest)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a b", second.versionId(), false),
                        org.assertj.core.groups.Tuple.tuple("a b", "null", false),
                        org.assertj.core.groups.Tuple.tuple("dir/x", all.versions().get(2).versionId(), true));
        assertThat(all.versions().get(0).eTag()).isEqualTo("\"" + md5Hex("two") + "\"");
        assertThat(all.versions().get(0).size()).isEqualTo(3);
        assertThat(all.versions().get(0).owner().id()).isNotBlank();
        assertThat(all.deleteMarkers().get(0).owner().id()).isEqualTo(all.versions().get(0).owner().id());

        ListObjectVersionsResponse page = s3.listObjectVersions(r -> r.bucket("e2e-history").maxKeys(2));
        assertThat(page.isTruncated()).isTrue();
        assertThat(page.nextKeyMarker()).isEqualTo("a b");
        assertThat(page.nextVersionIdMarker()).isEqualTo(second.versionId());
        ListObjectVersionsResponse rest = s3.listObjectVersions(r -> r.bucket("e2e-history")
                .keyMarker(page.nextKeyMarker()).versionIdMarker(page.nextVersionIdMarker()));
        assertThat(rest.versions()).extracting(ObjectVersion::versionId).hasSize(2).startsWith("null");
        ListObjectVersionsResponse rolled = s3.listObjectVersions(r -> r.bucket("e2e-history").delimiter("/")
                .encodingType("url"));
        assertThat(rolled.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("dir/");
        assertThat(rolled.versions()).extracting(ObjectVersion::key).containsOnly("a b");

        // a deleted key answers NoSuchKey with the marker; the marker itself is not readable
        AwsServiceException gone = assertAwsError(() -> s3.getObject(r -> r.bucket("e2e-history").key("a b")),
                "NoSuchKey", 404);
        assertThat(gone.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-delete-marker")).contains("true");
        assertThat(gone.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-version-id")).contains(markerId);
        AwsServiceException marker = assertAwsError(() -> s3.getObject(r -> r.bucket("e2e-history").key("a b")
                .versionId(markerId)), "MethodNotAllowed", 405);
        assertThat(marker.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-delete-marker")).contains("true");
        var nullVersion = s3.getObjectAsBytes(r -> r.bucket("e2e-history").key("a b").versionId("null"));
        assertThat(nullVersion.asUtf8String()).isEqualTo("null version");
        assertThat(nullVersion.response().versionId()).isEqualTo("null");
        assertThat(s3.headObject(r -> r.bucket("e2e-history").key("a b").versionId(second.versionId())).versionId())
                .isEqualTo(second.versionId());
        assertAwsError(() -> s3.listObjectVersions(r -> r.bucket("e2e-history").versionIdMarker("x")),
                "InvalidArgument", 400);

        DeleteObjectResponse unmarked = s3.deleteObject(r -> r.bucket("e2e-history").key("a b").versionId(markerId));
        assertThat(unmarked.deleteMarker()).isTrue();
        assertThat(s3.getObjectAsBytes(r -> r.bucket("e2e-history").key("a b")).asUtf8String()).isEqualTo("two");
    }

    // ---- DeleteObjects

    @Test
    void deleteObjectsDeletesManyKeysAndReportsEachOne(S3Client s3) throws Exception {
        s3.createBucket(r -> r.bucket("e2e-bulk"));
        s3.putBucketVersioning(r -> r.bucket("e2e-bulk").versioningConfiguration(c -> c.status("Enabled")));
        PutObjectResponse a = s3.putObject(r -> r.bucket("e2e-bulk").key("a"), RequestBody.fromString("a"));
        s3.putObject(r -> r.bucket("e2e-bulk").key("b"), RequestBody.fromString("b"));
        s3.putObject(r -> r.bucket("e2e-bulk").key("c"), RequestBody.fromString("c"));

        DeleteObjectsResponse response = s3.deleteObjects(r -> r.bucket("e2e-bulk").delete(d -> d.objects(
                ObjectIdentifier.builder().key("a").versionId(a.versionId()).build(),
                ObjectIdentifier.builder().key("b").build(),
                ObjectIdentifier.builder().key("k".repeat(1025)).build())));
        assertThat(response.deleted()).hasSize(2);
        assertThat(response.deleted().get(0).key()).isEqualTo("a");
        assertThat(response.deleted().get(0).versionId()).isEqualTo(a.versionId());
        assertThat(response.deleted().get(1).deleteMarker()).isTrue();
        assertThat(response.deleted().get(1).deleteMarkerVersionId()).isNotBlank();
        assertThat(response.errors()).hasSize(1);
        assertThat(response.errors().getFirst().code()).isEqualTo("KeyTooLongError");

        DeleteObjectsResponse quiet = s3.deleteObjects(r -> r.bucket("e2e-bulk").delete(d -> d.quiet(true)
                .objects(ObjectIdentifier.builder().key("c").build())));
        assertThat(quiet.deleted()).isEmpty();
        assertThat(quiet.errors()).isEmpty();
        assertAwsError(() -> s3.getObject(r -> r.bucket("e2e-bulk").key("c")), "NoSuchKey", 404);

        List<ObjectIdentifier> tooMany = IntStream.range(0, 1001)
                .mapToObj(i -> ObjectIdentifier.builder().key("k" + i).build()).toList();
        assertAwsError(() -> s3.deleteObjects(r -> r.bucket("e2e-bulk").delete(d -> d.objects(tooMany))),
                "MalformedXML", 400);
        assertAwsError(() -> s3.deleteObjects(r -> r.bucket("e2e-bulk-missing").delete(d -> d.objects(
                ObjectIdentifier.builder().key("x").build()))), "NoSuchBucket", 404);

        // without Content-MD5 or a checksum, and with a wrong one: refused, nothing deleted
        s3.putObject(r -> r.bucket("e2e-bulk").key("kept"), RequestBody.fromString("kept"));
        String body = "<Delete><Object><Key>kept</Key></Object></Delete>";
        QueryHttp.Answer unsigned = raw("POST", "/e2e-bulk?delete", Map.of(), body);
        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(unsigned.errorCode()).isEqualTo("InvalidRequest");
        QueryHttp.Answer wrongMd5 = raw("POST", "/e2e-bulk?delete", Map.of("Content-MD5", md5Base64("other")), body);
        assertThat(wrongMd5.status()).isEqualTo(400);
        assertThat(wrongMd5.errorCode()).isEqualTo("BadDigest");
        QueryHttp.Answer notXml = raw("POST", "/e2e-bulk?delete", Map.of("Content-MD5", md5Base64("<Delete>")),
                "<Delete>");
        assertThat(notXml.errorCode()).isEqualTo("MalformedXML");
        QueryHttp.Answer withMd5 = raw("POST", "/e2e-bulk?delete", Map.of("Content-MD5", md5Base64(body)), body);
        assertThat(withMd5.status()).isEqualTo(200);
        assertThat(withMd5.element("Key")).isEqualTo("kept");
        assertAwsError(() -> s3.getObject(r -> r.bucket("e2e-bulk").key("kept")), "NoSuchKey", 404);
    }

    // ---- CopyObject

    @Test
    void copyObjectCopiesAcrossBucketsReencryptingAndFollowingItsDirectives(S3Client s3, KmsClient kms) {
        s3.createBucket(r -> r.bucket("e2e-copy-src"));
        s3.createBucket(r -> r.bucket("e2e-copy-dst"));
        s3.putBucketVersioning(r -> r.bucket("e2e-copy-src").versioningConfiguration(c -> c.status("Enabled")));
        String key = "reports/día 1+2 (final).csv";
        PutObjectResponse v1 = s3.putObject(r -> r.bucket("e2e-copy-src").key(key).contentType("text/csv")
                .metadata(Map.of("team", "risk")).tagging("stage=raw"), RequestBody.fromString("one"));
        s3.putObject(r -> r.bucket("e2e-copy-src").key(key).contentType("text/csv"), RequestBody.fromString("two"));

        CopyObjectResponse plain = s3.copyObject(r -> r.sourceBucket("e2e-copy-src").sourceKey(key)
                .sourceVersionId(v1.versionId()).destinationBucket("e2e-copy-dst").destinationKey("copy.csv"));
        assertThat(plain.copyObjectResult().eTag()).isEqualTo("\"" + md5Hex("one") + "\"");
        assertThat(plain.copyObjectResult().lastModified()).isNotNull();
        assertThat(plain.copySourceVersionId()).isEqualTo(v1.versionId());
        assertThat(plain.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        var copied = s3.getObjectAsBytes(r -> r.bucket("e2e-copy-dst").key("copy.csv"));
        assertThat(copied.asUtf8String()).isEqualTo("one");
        assertThat(copied.response().contentType()).isEqualTo("text/csv");
        assertThat(copied.response().metadata()).containsEntry("team", "risk");
        assertThat(copied.response().tagCount()).isEqualTo(1);

        String keyArn = kms.createKey(r -> r.description("copies")).keyMetadata().arn();
        CopyObjectResponse replaced = s3.copyObject(r -> r.sourceBucket("e2e-copy-src").sourceKey(key)
                .destinationBucket("e2e-copy-dst").destinationKey("kms.csv")
                .metadataDirective(MetadataDirective.REPLACE).contentType("application/json")
                .metadata(Map.of("fresh", "yes")).taggingDirective(TaggingDirective.REPLACE).tagging("a=b&c=d")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(keyArn)
                .checksumAlgorithm(ChecksumAlgorithm.SHA256));
        assertThat(replaced.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(replaced.ssekmsKeyId()).isEqualTo(keyArn);
        assertThat(replaced.copyObjectResult().checksumSHA256()).isNotBlank();
        var kmsCopy = s3.getObjectAsBytes(r -> r.bucket("e2e-copy-dst").key("kms.csv"));
        assertThat(kmsCopy.asUtf8String()).isEqualTo("two");
        assertThat(kmsCopy.response().contentType()).isEqualTo("application/json");
        assertThat(kmsCopy.response().metadata()).containsOnly(Map.entry("fresh", "yes"));
        assertThat(s3.getObjectTagging(r -> r.bucket("e2e-copy-dst").key("kms.csv")).tagSet()).hasSize(2);
    }

    @Test
    void copyObjectRefusesWhatS3Refuses(S3Client s3) {
        s3.createBucket(r -> r.bucket("e2e-copy-bad"));
        PutObjectResponse source = s3.putObject(r -> r.bucket("e2e-copy-bad").key("k"), RequestBody.fromString("v"));

        assertAwsError(() -> s3.copyObject(r -> r.sourceBucket("e2e-copy-bad").sourceKey("k")
                .destinationBucket("e2e-copy-bad").destinationKey("k")), "InvalidRequest", 400);
        assertAwsError(() -> s3.copyObject(r -> r.sourceBucket("e2e-copy-bad").sourceKey("k")
                .destinationBucket("e2e-copy-bad").destinationKey("out").copySourceIfMatch("\"nope\"")),
                "PreconditionFailed", 412);
        assertAwsError(() -> s3.copyObject(r -> r.sourceBucket("e2e-copy-bad").sourceKey("k")
                .destinationBucket("e2e-copy-bad").destinationKey("out").copySourceIfNoneMatch(source.eTag())),
                "PreconditionFailed", 412);
        assertAwsError(() -> s3.copyObject(r -> r.sourceBucket("e2e-copy-bad").sourceKey("k")
                .destinationBucket("e2e-copy-bad").destinationKey("out")
                .copySourceIfModifiedSince(Instant.now().plusSeconds(3600))), "PreconditionFailed", 412);
        assertAwsError(() -> s3.copyObject(r -> r.sourceBucket("e2e-copy-bad").sourceKey("k")
                .destinationBucket("e2e-copy-bad").destinationKey("out")
                .copySourceIfUnmodifiedSince(Instant.now().minusSeconds(3600))), "PreconditionFailed", 412);
        assertAwsError(() -> s3.copyObject(r -> r.sourceBucket("e2e-copy-bad").sourceKey("k")
                .destinationBucket("e2e-copy-bad").destinationKey("out").metadataDirective("MOVE")),
                "InvalidArgument", 400);
        assertAwsError(() -> s3.copyObject(r -> r.sourceBucket("e2e-copy-bad").sourceKey("missing")
                .destinationBucket("e2e-copy-bad").destinationKey("out")), "NoSuchKey", 404);
        assertAwsError(() -> s3.headObject(r -> r.bucket("e2e-copy-bad").key("out")), "NoSuchKey", 404);

        CopyObjectResponse conditional = s3.copyObject(r -> r.sourceBucket("e2e-copy-bad").sourceKey("k")
                .destinationBucket("e2e-copy-bad").destinationKey("out").copySourceIfMatch(source.eTag()));
        assertThat(conditional.copyObjectResult().eTag()).isEqualTo(source.eTag());
        // changing the metadata makes a copy onto itself legal
        s3.copyObject(r -> r.sourceBucket("e2e-copy-bad").sourceKey("k").destinationBucket("e2e-copy-bad")
                .destinationKey("k").metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("v", "2")));
        assertThat(s3.headObject(r -> r.bucket("e2e-copy-bad").key("k")).metadata()).containsEntry("v", "2");
    }

    // ---- tagging

    @Test
    void objectAndBucketTagsAreSetReadAndRemoved(S3Client s3) throws Exception {
        s3.createBucket(r -> r.bucket("e2e-tags"));
        s3.putObject(r -> r.bucket("e2e-tags").key("k"), RequestBody.fromString("v"));
        s3.putObjectTagging(r -> r.bucket("e2e-tags").key("k").tagging(t -> t.tagSet(
                Tag.builder().key("stage").value("clean").build(), Tag.builder().key("pii").value("").build())));
        assertThat(s3.getObjectTagging(r -> r.bucket("e2e-tags").key("k")).tagSet())
                .extracting(Tag::key, Tag::value).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("stage", "clean"), org.assertj.core.groups.Tuple.tuple("pii", ""));
        assertThat(s3.headObject(r -> r.bucket("e2e-tags").key("k")).sdkHttpResponse()
                .firstMatchingHeader("x-amz-tagging-count")).contains("2");

        List<Tag> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(Tag.builder().key("k" + i).value("v").build());
        }
        assertAwsError(() -> s3.putObjectTagging(r -> r.bucket("e2e-tags").key("k").tagging(t -> t.tagSet(eleven))),
                "BadRequest", 400);
        assertAwsError(() -> s3.putObjectTagging(r -> r.bucket("e2e-tags").key("k").tagging(t -> t.tagSet(
                Tag.builder().key("a").value("1").build(), Tag.builder().key("a").value("2").build()))),
                "InvalidTag", 400);
        assertAwsError(() -> s3.putObjectTagging(r -> r.bucket("e2e-tags").key("k").tagging(t -> t.tagSet(
                Tag.builder().key("k".repeat(129)).value("1").build()))), "InvalidTag", 400);
        assertAwsError(() -> s3.putObjectTagging(r -> r.bucket("e2e-tags").key("k").tagging(t -> t.tagSet(
                Tag.builder().key("k").value("v".repeat(257)).build()))), "InvalidTag", 400);
        assertAwsError(() -> s3.getObjectTagging(r -> r.bucket("e2e-tags").key("missing")), "NoSuchKey", 404);
        assertThat(s3.getObjectTagging(r -> r.bucket("e2e-tags").key("k")).tagSet()).hasSize(2);
        s3.deleteObjectTagging(r -> r.bucket("e2e-tags").key("k"));
        assertThat(s3.getObjectTagging(r -> r.bucket("e2e-tags").key("k")).tagSet()).isEmpty();

        assertAwsError(() -> s3.getBucketTagging(r -> r.bucket("e2e-tags")), "NoSuchTagSet", 404);
        s3.putBucketTagging(r -> r.bucket("e2e-tags").tagging(t -> t.tagSet(
                Tag.builder().key("cost-centre").value("42").build())));
        assertThat(s3.getBucketTagging(r -> r.bucket("e2e-tags")).tagSet()).extracting(Tag::key, Tag::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cost-centre", "42"));
        List<Tag> fiftyOne = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            fiftyOne.add(Tag.builder().key("k" + i).value("v").build());
        }
        assertAwsError(() -> s3.putBucketTagging(r -> r.bucket("e2e-tags").tagging(t -> t.tagSet(fiftyOne))),
                "InvalidTag", 400);
        s3.deleteBucketTagging(r -> r.bucket("e2e-tags"));
        assertAwsError(() -> s3.getBucketTagging(r -> r.bucket("e2e-tags")), "NoSuchTagSet", 404);

        // configuration bodies must come with Content-MD5 or a checksum, as DeleteObjects' do
        String tagging = "<Tagging><TagSet><Tag><Key>a</Key><Value>b</Value></Tag></TagSet></Tagging>";
        assertThat(raw("PUT", "/e2e-tags?tagging", Map.of(), tagging).errorCode()).isEqualTo("InvalidRequest");
        assertThat(raw("PUT", "/e2e-tags/k?tagging", Map.of(), tagging).errorCode()).isEqualTo("InvalidRequest");
        assertThat(raw("PUT", "/e2e-tags/k?tagging", Map.of("Content-MD5", md5Base64("x")), tagging).errorCode())
                .isEqualTo("BadDigest");
        assertThat(raw("PUT", "/e2e-tags?versioning", Map.of(),
                "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>").errorCode())
                .isEqualTo("InvalidRequest");
        assertAwsError(() -> s3.getBucketTagging(r -> r.bucket("e2e-tags")), "NoSuchTagSet", 404);
        assertThat(s3.getObjectTagging(r -> r.bucket("e2e-tags").key("k")).tagSet()).isEmpty();
        assertThat(raw("PUT", "/e2e-tags/k?tagging", Map.of("Content-MD5", md5Base64(tagging)), tagging).status())
                .isEqualTo(200);
        assertThat(s3.getObjectTagging(r -> r.bucket("e2e-tags").key("k")).tagSet()).hasSize(1);
    }

    @Test
    void aMalformedCopySourceIsRefused(S3Client s3) throws Exception {
        s3.createBucket(r -> r.bucket("e2e-copy-raw"));
        s3.putObject(r -> r.bucket("e2e-copy-raw").key("k"), RequestBody.fromString("v"));
        assertThat(raw("PUT", "/e2e-copy-raw/out", Map.of("x-amz-copy-source", "no-slash"), "").errorCode())
                .isEqualTo("InvalidArgument");
        assertThat(raw("PUT", "/e2e-copy-raw/out", Map.of("x-amz-copy-source", "e2e-copy-raw/"), "").errorCode())
                .isEqualTo("InvalidArgument");
        assertThat(raw("PUT", "/e2e-copy-raw/out", Map.of("x-amz-copy-source", "e2e-copy-raw/k?versionId="), "")
                .errorCode()).isEqualTo("InvalidArgument");
        assertThat(raw("PUT", "/e2e-copy-raw/out", Map.of("x-amz-copy-source", "e2e-copy-raw/k",
                "x-amz-tagging-directive", "MOVE"), "").errorCode()).isEqualTo("InvalidArgument");
        assertThat(raw("PUT", "/e2e-copy-raw/out", Map.of("x-amz-copy-source", "/e2e-copy-raw/%6B"), "").status())
                .isEqualTo(200);
        assertThat(s3.getObjectAsBytes(r -> r.bucket("e2e-copy-raw").key("out")).asUtf8String()).isEqualTo("v");
    }

    // ---- default encryption

    @Test
    void theBucketsDefaultEncryptionAppliesToPutsAndCopiesThatNameNone(S3Client s3, KmsClient kms) {
        s3.createBucket(r -> r.bucket("e2e-default-enc"));
        GetBucketEncryptionResponse initial = s3.getBucketEncryption(r -> r.bucket("e2e-default-enc"));
        assertThat(initial.serverSideEncryptionConfiguration().rules().getFirst().applyServerSideEncryptionByDefault()
                .sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);

        String keyArn = kms.createKey(r -> r.description("bucket default")).keyMetadata().arn();
        s3.putBucketEncryption(r -> r.bucket("e2e-default-enc").serverSideEncryptionConfiguration(c -> c.rules(
                rule -> rule.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)
                        .kmsMasterKeyID(keyArn)).bucketKeyEnabled(true))));
        var rule = s3.getBucketEncryption(r -> r.bucket("e2e-default-enc")).serverSideEncryptionConfiguration()
                .rules().getFirst();
        assertThat(rule.applyServerSideEncryptionByDefault().kmsMasterKeyID()).isEqualTo(keyArn);
        assertThat(rule.bucketKeyEnabled()).isTrue();

        PutObjectResponse put = s3.putObject(r -> r.bucket("e2e-default-enc").key("k"), RequestBody.fromString("v"));
        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(put.ssekmsKeyId()).isEqualTo(keyArn);
        assertThat(put.bucketKeyEnabled()).isTrue();
        CopyObjectResponse copy = s3.copyObject(r -> r.sourceBucket("e2e-default-enc").sourceKey("k")
                .destinationBucket("e2e-default-enc").destinationKey("k2"));
        assertThat(copy.ssekmsKeyId()).isEqualTo(keyArn);
        PutObjectResponse explicit = s3.putObject(r -> r.bucket("e2e-default-enc").key("k3")
                .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromString("v"));
        assertThat(explicit.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);

        assertAwsError(() -> s3.putBucketEncryption(r -> r.bucket("e2e-default-enc").serverSideEncryptionConfiguration(
                c -> c.rules(x -> x.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm("DES"))))),
                "MalformedXML", 400);
        assertThat(s3.getBucketEncryption(r -> r.bucket("e2e-default-enc")).serverSideEncryptionConfiguration()
                .rules().getFirst().applyServerSideEncryptionByDefault().kmsMasterKeyID()).isEqualTo(keyArn);

        s3.deleteBucketEncryption(r -> r.bucket("e2e-default-enc"));
        assertThat(s3.putObject(r -> r.bucket("e2e-default-enc").key("k4"), RequestBody.fromString("v"))
                .serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    }

    // ---- helpers

    /** A path-style S3 request signed by the SDK's signer, its payload hash sent as S3 requires. */
    private static QueryHttp.Answer raw(String method, String pathAndQuery, Map<String, String> headers, String body)
            throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(endpoint.resolve(pathAndQuery))
                .putHeader("x-amz-content-sha256", HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(bytes)));
        headers.forEach(builder::putHeader);
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(admin).request(builder.build())
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, AwsClients.REGION.id())
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.systemUTC())).request();
        return new QueryHttp(endpoint).send(signed, bytes);
    }

    private static String md5Hex(String value) throws RuntimeException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String md5Base64(String value) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(md5Hex(value)));
    }
}
