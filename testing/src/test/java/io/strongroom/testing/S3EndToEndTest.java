package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3 through the SDK's S3Client as AWS documents it: buckets, objects streamed in with the SDK's
 * default aws-chunked upload and trailing checksum, read whole and by range, listed with delimiters
 * and pages, encrypted at rest with SSE-S3 or SSE-KMS, and presigned URLs fetched without the SDK.
 */
@ExtendWith(StrongroomExtension.class)
class S3EndToEndTest {

    @Test
    void bucketsAreCreatedListedLocatedAndDeleted(S3Client s3) {
        s3.createBucket(r -> r.bucket("e2e-buckets"));

        assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).contains("e2e-buckets");
        assertThat(s3.headBucket(r -> r.bucket("e2e-buckets")).bucketRegion()).isEqualTo("us-east-1");
        assertThat(s3.getBucketLocation(r -> r.bucket("e2e-buckets")).locationConstraintAsString()).isNullOrEmpty();
        assertAwsError(() -> s3.createBucket(r -> r.bucket("e2e-buckets")), "BucketAlreadyOwnedByYou", 409);

        s3.putObject(r -> r.bucket("e2e-buckets").key("k"), RequestBody.fromString("x"));
        assertAwsError(() -> s3.deleteBucket(r -> r.bucket("e2e-buckets")), "BucketNotEmpty", 409);
        s3.deleteObject(r -> r.bucket("e2e-buckets").key("k"));
        s3.deleteBucket(r -> r.bucket("e2e-buckets"));
        assertAwsError(() -> s3.headBucket(r -> r.bucket("e2e-buckets")), "NoSuchBucket", 404);
        assertAwsError(() -> s3.listObjectsV2(r -> r.bucket("e2e-buckets")), "NoSuchBucket", 404);
    }

    @Test
    void anObjectRoundTripsWithItsMetadataAndIsEncryptedAtRest(S3Client s3, StrongroomTestServer server)
            throws IOException {
        s3.createBucket(r -> r.bucket("e2e-objects"));
        byte[] body = randomBytes(5 * 1024 * 1024 + 3);
        PutObjectResponse put = s3.putObject(r -> r.bucket("e2e-objects").key("features/día 1.parquet")
                .contentType("application/x-parquet").metadata(Map.of("owner", "team-a", "x-odd", " spaced  "))
                .checksumAlgorithm(ChecksumAlgorithm.CRC32_C), RequestBody.fromBytes(body));

        assertThat(put.eTag()).isEqualTo("\"" + md5Hex(body) + "\"");
        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(put.checksumCRC32C()).isNotEmpty();

        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(r -> r.bucket("e2e-objects")
                .key("features/día 1.parquet").checksumMode(ChecksumMode.ENABLED));
        assertThat(got.asByteArray()).isEqualTo(body);
        assertThat(got.response().contentType()).isEqualTo("application/x-parquet");
        assertThat(got.response().metadata()).containsEntry("owner", "team-a");
        assertThat(got.response().eTag()).isEqualTo(put.eTag());
        assertThat(got.response().checksumCRC32C()).isEqualTo(put.checksumCRC32C());
        assertThat(got.response().serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);

        HeadObjectResponse head = s3.headObject(r -> r.bucket("e2e-objects").key("features/día 1.parquet"));
        assertThat(head.contentLength()).isEqualTo(body.length);

        // what lies on disk is ciphertext: no 64-byte run of the body appears in any file
        byte[] probe = java.util.Arrays.copyOfRange(body, 4096, 4160);
        try (Stream<Path> files = Files.walk(server.dataDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(indexOf(Files.readAllBytes(file), probe)).as(file.toString()).isEqualTo(-1);
            }
        }
    }

    @Test
    void keysWithAnyCharactersAreKeptExactly(S3Client s3) {
        s3.createBucket(r -> r.bucket("e2e-odd-keys"));
        List<String> keys = List.of("100% done", "a/../b", "a//b/", "semi;colon", "plus+sign", "q?mark&amp",
                "hash#tag", "tilde~ü/日本語", "back\\slash", " leading and trailing ");
        for (String key : keys) {
            s3.putObject(r -> r.bucket("e2e-odd-keys").key(key), RequestBody.fromString(key));
        }
        for (String key : keys) {
            assertThat(s3.getObjectAsBytes(r -> r.bucket("e2e-odd-keys").key(key)).asUtf8String()).as(key)
                    .isEqualTo(key);
        }
        assertThat(s3.listObjectsV2(r -> r.bucket("e2e-odd-keys")).contents()).extracting(S3Object::key)
                .containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void aRangedGetReturnsPartOfTheObject(S3Client s3) {
        s3.createBucket(r -> r.bucket("e2e-ranges"));
        byte[] body = randomBytes(3 * 1024 * 1024);
        s3.putObject(r -> r.bucket("e2e-ranges").key("blob"), RequestBody.fromBytes(body));

        ResponseBytes<GetObjectResponse> part = s3.getObjectAsBytes(r -> r.bucket("e2e-ranges").key("blob")
                .range("bytes=1048570-1048600"));
        assertThat(part.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(body, 1048570, 1048601));
        assertThat(part.response().contentRange()).isEqualTo("bytes 1048570-1048600/" + body.length);
        ResponseBytes<GetObjectResponse> tail = s3.getObjectAsBytes(r -> r.bucket("e2e-ranges").key("blob")
                .range("bytes=-5"));
        assertThat(tail.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(body, body.length - 5, body.length));
        assertAwsError(() -> s3.getObject(r -> r.bucket("e2e-ranges").key("blob").range("bytes=" + body.length + "-")),
                "InvalidRange", 416);
    }

    @Test
    void listingRollsUpCommonPrefixesAndPages(S3Client s3) {
        s3.createBucket(r -> r.bucket("e2e-listing"));
        List<String> keys = List.of("a.txt", "data/2026/01.csv", "data/2026/02.csv", "data/readme", "logs/x", "z");
        for (String key : keys) {
            s3.putObject(r -> r.bucket("e2e-listing").key(key), RequestBody.fromString(key));
        }
        ListObjectsV2Response top = s3.listObjectsV2(r -> r.bucket("e2e-listing").delimiter("/"));
        assertThat(top.contents()).extracting(S3Object::key).containsExactly("a.txt", "z");
        assertThat(top.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("data/", "logs/");
        assertThat(top.keyCount()).isEqualTo(4);

        List<String> paged = new ArrayList<>();
        AtomicInteger pages = new AtomicInteger();
        s3.listObjectsV2Paginator(r -> r.bucket("e2e-listing").maxKeys(2)).forEach(page -> {
            pages.incrementAndGet();
            page.contents().forEach(o -> paged.add(o.key()));
        });
        assertThat(paged).isEqualTo(keys);
        assertThat(pages.get()).isEqualTo(3);
        assertThat(s3.listObjects(r -> r.bucket("e2e-listing").prefix("data/")).contents()).extracting(S3Object::key)
                .containsExactly("data/2026/01.csv", "data/2026/02.csv", "data/readme");
        // ACLs disabled (the default): the bucket's account owns every object; V1 says so unasked
        String account = s3.listBuckets().owner().id();
        assertThat(s3.listObjects(r -> r.bucket("e2e-listing").prefix("logs/")).contents())
                .extracting(o -> o.owner().id()).containsExactly(account);
        assertThat(top.contents()).allSatisfy(o -> assertThat(o.owner()).isNull());
        assertThat(s3.listObjectsV2(r -> r.bucket("e2e-listing").prefix("logs/").fetchOwner(true)).contents())
                .extracting(o -> o.owner().id()).containsExactly(account);
    }

    @Test
    void missingThingsGetS3sErrors(S3Client s3) {
        s3.createBucket(r -> r.bucket("e2e-missing"));
        assertAwsError(() -> s3.getObject(r -> r.bucket("e2e-missing").key("nothing-here")), "NoSuchKey", 404);
        assertAwsError(() -> s3.getObject(r -> r.bucket("e2e-no-such-bucket").key("k")), "NoSuchBucket", 404);
        assertAwsError(() -> s3.headObject(r -> r.bucket("e2e-missing").key("nothing-here")), "NoSuchKey", 404);
        assertAwsError(() -> s3.createBucket(r -> r.bucket("xn--reserved-prefix")), "InvalidBucketName", 400);
        assertAwsError(() -> s3.putObject(r -> r.bucket("e2e-missing").key("k".repeat(1025)),
                RequestBody.fromString("x")), "KeyTooLongError", 400);
        assertAwsError(() -> s3.getBucketAccelerateConfiguration(r -> r.bucket("e2e-missing")), "NotImplemented", 501);
    }

    @Test
    void sseKmsUsesTheNamedKeyAndFollowsItsState(S3Client s3, KmsClient kms) {
        s3.createBucket(r -> r.bucket("e2e-kms"));
        String keyArn = kms.createKey(r -> r.description("s3 objects")).keyMetadata().arn();
        PutObjectResponse put = s3.putObject(r -> r.bucket("e2e-kms").key("secret.csv")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(keyArn), RequestBody.fromString("a,b"));
        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(put.ssekmsKeyId()).isEqualTo(keyArn);
        assertThat(s3.getObjectAsBytes(r -> r.bucket("e2e-kms").key("secret.csv")).asUtf8String()).isEqualTo("a,b");

        kms.disableKey(r -> r.keyId(keyArn));
        try {
            assertAwsError(() -> s3.getObject(r -> r.bucket("e2e-kms").key("secret.csv")), "KMS.DisabledException",
                    400);
            assertAwsError(() -> s3.putObject(r -> r.bucket("e2e-kms").key("more.csv")
                            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(keyArn),
                    RequestBody.fromString("c")), "KMS.DisabledException", 400);
        } finally {
            kms.enableKey(r -> r.keyId(keyArn));
        }
    }

    @Test
    void presignedUrlsWorkWithoutTheSdk(S3Client s3, StrongroomTestServer server) throws IOException {
        s3.createBucket(r -> r.bucket("e2e-presigned"));
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(server.endpoint())
                .region(AwsClients.REGION)
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        server.admin().accessKeyId(), server.admin().secretAccessKey()))).build()) {
            URI putUrl = presigner.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(p -> p.bucket("e2e-presigned").key("upload.txt"))).url().toURI();
            HttpURLConnection upload = (HttpURLConnection) putUrl.toURL().openConnection();
            upload.setRequestMethod("PUT");
            upload.setDoOutput(true);
            upload.getOutputStream().write("sent without the SDK".getBytes(StandardCharsets.UTF_8));
            assertThat(upload.getResponseCode()).isEqualTo(200);

            URI getUrl = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("e2e-presigned").key("upload.txt"))).url().toURI();
            HttpURLConnection download = (HttpURLConnection) getUrl.toURL().openConnection();
            try (InputStream in = download.getInputStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("sent without the SDK");
            }

            HttpURLConnection tampered = (HttpURLConnection) URI.create(getUrl.toString()
                    .replace("upload.txt", "other.txt")).toURL().openConnection();
            assertThat(tampered.getResponseCode()).isEqualTo(403);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return bytes;
    }

    private static String md5Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
