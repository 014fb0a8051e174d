package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.Sql;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3 refusals of bad input, each with its exact code, and in every case nothing half-written is ever
 * visible: the object is absent afterwards and no body is left behind under the blob directory.
 */
@ExtendWith(StrongroomExtension.class)
class S3BadInputEndToEndTest {
    private static final String BUCKET = "e2e-bad-input";

    @Test
    void digestsThatDoNotMatchTheBodyAreRefused(S3Client s3, StrongroomTestServer server) throws IOException {
        s3.createBucket(r -> r.bucket(BUCKET + "-digest"));
        String wrongMd5 = Base64.getEncoder().encodeToString(new byte[16]);
        assertAwsError(() -> s3.putObject(r -> r.bucket(BUCKET + "-digest").key("md5").contentMD5(wrongMd5),
                RequestBody.fromString("payload")), "BadDigest", 400);
        assertAwsError(() -> s3.putObject(r -> r.bucket(BUCKET + "-digest").key("crc").checksumCRC32("AAAAAA=="),
                RequestBody.fromString("payload")), "BadDigest", 400);
        assertAwsError(() -> s3.putObject(r -> r.bucket(BUCKET + "-digest").key("md5").contentMD5("not base64!"),
                RequestBody.fromString("payload")), "InvalidDigest", 400);
        assertNothingStored(s3, server, BUCKET + "-digest");
    }

    @Test
    void aBodyChangedAfterSigningIsRefused(StrongroomTestServer server) throws IOException {
        TamperingHttpClient http = new TamperingHttpClient(UrlConnectionHttpClient.create());
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                server.admin().accessKeyId(), server.admin().secretAccessKey()));
        try (S3Client chunked = client(server, http, credentials, true);
             S3Client whole = client(server, http, credentials, false)) {
            chunked.createBucket(r -> r.bucket(BUCKET + "-tamper"));
            http.flipByteAt(200); // inside the first chunk's data
            assertAwsError(() -> chunked.putObject(r -> r.bucket(BUCKET + "-tamper").key("chunked")
                    .checksumAlgorithm(ChecksumAlgorithm.CRC32), RequestBody.fromBytes(new byte[100_000])),
                    "SignatureDoesNotMatch", 403);
            assertAwsError(() -> whole.putObject(r -> r.bucket(BUCKET + "-tamper").key("whole"),
                    RequestBody.fromBytes(new byte[5_000])), "XAmzContentSHA256Mismatch", 400);
            http.flipByteAt(-1);
            assertNothingStored(chunked, server, BUCKET + "-tamper");
        }
    }

    @Test
    void malformedRequestsGetS3sCodes(S3Client s3) {
        s3.createBucket(r -> r.bucket(BUCKET + "-malformed"));
        assertAwsError(() -> s3.putObject(r -> r.bucket(BUCKET + "-malformed").key("tags")
                        .tagging("a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10&k=11"), RequestBody.fromString("x")),
                "BadRequest", 400);
        assertAwsError(() -> s3.putObject(r -> r.bucket(BUCKET + "-malformed").key("tags").tagging("a=1&a=2"),
                RequestBody.fromString("x")), "InvalidTag", 400);
        assertAwsError(() -> s3.putObject(r -> r.bucket(BUCKET + "-malformed").key("sse")
                .ssekmsKeyId("arn:aws:kms:us-east-1:111122223333:key/none"), RequestBody.fromString("x")),
                "InvalidArgument", 400);
        assertAwsError(() -> s3.putObject(r -> r.bucket(BUCKET + "-malformed").key("sse")
                .serverSideEncryption("aws:kms:dsse"), RequestBody.fromString("x")), "InvalidArgument", 400);
        assertThat(s3.listObjectsV2(r -> r.bucket(BUCKET + "-malformed")).contents()).isEmpty();
    }

    @Test
    void aCreateBucketConfigurationThatIsNotXmlIsRefused(StrongroomTestServer server) {
        // the SDK never sends a broken document: an interceptor swaps the body before it is signed
        ExecutionInterceptor brokenDocument = new ExecutionInterceptor() {
            @Override
            public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context,
                                                           ExecutionAttributes attributes) {
                return context.request() instanceof CreateBucketRequest
                        ? Optional.of(RequestBody.fromString("<CreateBucketConfiguration><LocationConstraint>"))
                        : context.requestBody();
            }
        };
        try (S3Client s3 = S3Client.builder().endpointOverride(server.endpoint()).region(AwsClients.REGION)
                .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        server.admin().accessKeyId(), server.admin().secretAccessKey())))
                .overrideConfiguration(o -> o.addExecutionInterceptor(brokenDocument)).build()) {
            assertAwsError(() -> s3.createBucket(r -> r.bucket(BUCKET + "-xml")), "MalformedXML", 400);
            assertAwsError(() -> s3.headBucket(r -> r.bucket(BUCKET + "-xml")), "NoSuchBucket", 404);
        }
    }

    @Test
    void aClientThatGoesAwayMidUploadLeavesNothingBehind(S3Client s3, StrongroomTestServer server) throws Exception {
        s3.createBucket(r -> r.bucket(BUCKET + "-gone"));
        URI url;
        try (S3Presigner presigner = presigner(server)) {
            url = presigner.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(p -> p.bucket(BUCKET + "-gone").key("half.bin"))).url().toURI();
        }
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + url.getRawPath() + "?" + url.getRawQuery() + " HTTP/1.1\r\nHost: " + url.getHost() + ":"
                    + url.getPort() + "\r\nContent-Length: 10485760\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1024 * 1024]);
            out.flush();
        } // the connection closes with nine tenths of the body unsent
        // the server has started writing the body by now; it must notice the end and discard it
        Thread.sleep(1000);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline && !blobFiles(server).isEmpty()) {
            Thread.sleep(100);
        }
        assertNothingStored(s3, server, BUCKET + "-gone");
    }

    private static S3Client client(StrongroomTestServer server, TamperingHttpClient http,
                                   StaticCredentialsProvider credentials, boolean chunked) {
        return S3Client.builder().endpointOverride(server.endpoint()).region(AwsClients.REGION).forcePathStyle(true)
                .credentialsProvider(credentials).httpClient(http)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(chunked).build())
                .overrideConfiguration(o -> o.retryStrategy(software.amazon.awssdk.awscore.retry.AwsRetryStrategy
                        .doNotRetry()))
                .build();
    }

    private static S3Presigner presigner(StrongroomTestServer server) {
        return S3Presigner.builder().endpointOverride(server.endpoint()).region(AwsClients.REGION)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        server.admin().accessKeyId(), server.admin().secretAccessKey()))).build();
    }

    /** No object in the bucket, no blob (finished or not) under the blob directory, no small blob in the database. */
    private static void assertNothingStored(S3Client s3, StrongroomTestServer server, String bucket) throws IOException {
        assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
        assertThat(blobFiles(server)).isEmpty();
        try (Database store = Database.openExisting(server.server().config().dbUrl())) {
            long smallBlobs = store.transactor().withConnection(c -> Sql.count(c, "SELECT COUNT(*) FROM small_blobs"));
            assertThat(smallBlobs).isZero();
        }
    }

    private static java.util.List<Path> blobFiles(StrongroomTestServer server) throws IOException {
        Path objects = server.dataDir().resolve("objects");
        if (!Files.exists(objects)) {
            return java.util.List.of();
        }
        try (Stream<Path> files = Files.walk(objects)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
