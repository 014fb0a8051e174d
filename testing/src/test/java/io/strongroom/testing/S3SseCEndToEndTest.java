package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.strongroom.server.config.Setting;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * SSE-C through the AWS SDK for Java v2 over TLS (a certificate made by openssl, which the client
 * trusts): writes, reads, ranges, copies and multipart uploads under customer keys, S3's errors for
 * missing, wrong and malformed keys, the refusal of a key sent over plain HTTP, and that the key is
 * found nowhere in the data directory (index, audit trail, blobs) or the log.
 */
@ExtendWith(StrongroomExtension.class)
class S3SseCEndToEndTest {
    private static final String BUCKET = "customer-keys";
    /** ASCII, so that the scan can look for it as text and in its hex and base64 forms. */
    private static final byte[] KEY_A = "sse-c-key-A-0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_B = "sse-c-key-B-0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
    private static final int MIB = 1024 * 1024;

    @TempDir
    static Path certificates;

    private static StrongroomTestServer tls;
    private static SdkHttpClient http;
    private static S3Client s3;

    @BeforeAll
    static void startTlsServer() throws Exception {
        Path cert = certificates.resolve("cert.pem");
        Path key = certificates.resolve("key.pem");
        boolean made = run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout", key.toString(), "-out", cert.toString()));
        if (!made) {
            System.err.println("NOTICE: openssl is not installed; skipping the SSE-C tests over TLS");
        }
        assumeTrue(made, "openssl is not installed");
        tls = StrongroomTestServer.start(Optional.empty(), Map.of(Setting.TLS_CERTIFICATE, cert.toString(),
                Setting.TLS_KEY, key.toString()));
        assertThat(tls.endpoint().getScheme()).isEqualTo("https");
        TrustManagerFactory trust = trusting(cert);
        http = UrlConnectionHttpClient.builder().tlsTrustManagersProvider(trust::getTrustManagers).build();
        s3 = S3Client.builder().endpointOverride(tls.endpoint()).region(AwsClients.REGION).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        tls.admin().accessKeyId(), tls.admin().secretAccessKey())))
                .httpClient(http).build();
        s3.createBucket(r -> r.bucket(BUCKET));
    }

    @AfterAll
    static void stopTlsServer() throws Exception {
        if (s3 != null) {
            s3.close();
            http.close();
        }
        if (tls != null) {
            tls.close();
        }
    }

    @Test
    void anObjectWrittenUnderACustomerKeyReadsWholeAndByRangeOnlyWithIt() throws Exception {
        byte[] body = random(3 * MIB + 17, 1);
        PutObjectResponse put = s3.putObject(withKey(PutObjectRequest.builder().bucket(BUCKET).key("whole.bin"), KEY_A),
                RequestBody.fromBytes(body));
        assertThat(put.sseCustomerAlgorithm()).isEqualTo("AES256");
        assertThat(put.sseCustomerKeyMD5()).isEqualTo(md5(KEY_A));
        assertThat(put.serverSideEncryption()).isNull();
        assertThat(put.eTag()).isNotEqualTo("\"" + java.util.HexFormat.of().formatHex(
                MessageDigest.getInstance("MD5").digest(body)) + "\"");

        var whole = s3.getObjectAsBytes(get("whole.bin", KEY_A));
        assertThat(whole.asByteArray()).isEqualTo(body);
        assertThat(whole.response().sseCustomerAlgorithm()).isEqualTo("AES256");
        assertThat(whole.response().sseCustomerKeyMD5()).isEqualTo(md5(KEY_A));
        byte[] range = s3.getObjectAsBytes(get("whole.bin", KEY_A).toBuilder().range("bytes=1048570-1048600").build())
                .asByteArray();
        assertThat(range).isEqualTo(Arrays.copyOfRange(body, 1_048_570, 1_048_601));
        HeadObjectResponse head = s3.headObject(r -> r.bucket(BUCKET).key("whole.bin").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(base64(KEY_A)).sseCustomerKeyMD5(md5(KEY_A)));
        assertThat(head.contentLength()).isEqualTo(body.length);
        assertThat(head.sseCustomerKeyMD5()).isEqualTo(md5(KEY_A));
    }

    @Test
    void aReadWithoutTheKeyIsInvalidRequestAndWithAnotherKeyAccessDenied() {
        s3.putObject(withKey(PutObjectRequest.builder().bucket(BUCKET).key("locked.txt"), KEY_A),
                RequestBody.fromString("locked"));
        AwsServiceException missing = assertAwsError(() -> s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("locked.txt")),
                "InvalidRequest", 400);
        assertThat(missing.awsErrorDetails().errorMessage()).isEqualTo("The object was stored using a form of Server"
                + " Side Encryption. The correct parameters must be provided to retrieve the object.");
        assertAwsError(() -> s3.getObjectAsBytes(get("locked.txt", KEY_B)), "AccessDenied", 403);
        assertThat(status(() -> s3.headObject(r -> r.bucket(BUCKET).key("locked.txt")))).isEqualTo(400);
        assertThat(status(() -> s3.headObject(r -> r.bucket(BUCKET).key("locked.txt").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(base64(KEY_B)).sseCustomerKeyMD5(md5(KEY_B))))).isEqualTo(403);

        s3.putObject(r -> r.bucket(BUCKET).key("plain.txt"), RequestBody.fromString("plain"));
        assertAwsError(() -> s3.getObjectAsBytes(get("plain.txt", KEY_A)), "InvalidRequest", 400);
    }

    @Test
    void malformedKeysAreRefusedWithS3sErrorsAndStoreNothing() {
        byte[] shortKey = Arrays.copyOf(KEY_A, 16);
        assertMessage(assertAwsError(() -> s3.putObject(r -> r.bucket(BUCKET).key("bad").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(base64(KEY_A)).sseCustomerKeyMD5(md5(KEY_B)), RequestBody.fromString("x")),
                "InvalidArgument", 400), "The calculated MD5 hash of the key did not match the hash that was provided.");
        assertMessage(assertAwsError(() -> s3.putObject(r -> r.bucket(BUCKET).key("bad").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(base64(shortKey)).sseCustomerKeyMD5(md5(shortKey)), RequestBody.fromString("x")),
                "InvalidArgument", 400), "The secret key was invalid for the specified algorithm.");
        assertMessage(assertAwsError(() -> s3.putObject(r -> r.bucket(BUCKET).key("bad").sseCustomerAlgorithm("AES128")
                .sseCustomerKey(base64(KEY_A)).sseCustomerKeyMD5(md5(KEY_A)), RequestBody.fromString("x")),
                "InvalidArgument", 400), "Requests specifying Server Side Encryption with Customer provided keys must"
                + " provide a valid encryption algorithm.");
        assertMessage(assertAwsError(() -> s3.putObject(r -> r.bucket(BUCKET).key("bad").sseCustomerAlgorithm("AES256")
                .sseCustomerKeyMD5(md5(KEY_A)), RequestBody.fromString("x")),
                "InvalidArgument", 400), "Requests specifying Server Side Encryption with Customer provided keys must"
                + " provide an appropriate secret key.");
        assertAwsError(() -> s3.putObject(withKey(PutObjectRequest.builder().bucket(BUCKET).key("bad")
                .serverSideEncryption(ServerSideEncryption.AES256), KEY_A), RequestBody.fromString("x")),
                "InvalidArgument", 400);
        assertThat(s3.listObjectsV2(r -> r.bucket(BUCKET).prefix("bad")).contents()).isEmpty();
    }

    @Test
    void aBucketsDefaultEncryptionDoesNotApplyToSseC() {
        s3.createBucket(r -> r.bucket("kms-default"));
        s3.putBucketEncryption(r -> r.bucket("kms-default").serverSideEncryptionConfiguration(c -> c.rules(rule -> rule
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
        PutObjectResponse put = s3.putObject(withKey(PutObjectRequest.builder().bucket("kms-default").key("k"), KEY_A),
                RequestBody.fromString("mine"));
        assertThat(put.serverSideEncryption()).isNull();
        assertThat(put.sseCustomerKeyMD5()).isEqualTo(md5(KEY_A));
    }

    @Test
    void aCopyReadsTheSourceWithItsKeyAndWritesTheTargetUnderAnother() {
        s3.putObject(withKey(PutObjectRequest.builder().bucket(BUCKET).key("copy-src"), KEY_A),
                RequestBody.fromString("copied under another key"));
        assertAwsError(() -> s3.copyObject(r -> r.sourceBucket(BUCKET).sourceKey("copy-src").destinationBucket(BUCKET)
                .destinationKey("copy-dst")), "InvalidRequest", 400);
        assertAwsError(() -> s3.copyObject(r -> r.sourceBucket(BUCKET).sourceKey("copy-src").destinationBucket(BUCKET)
                .destinationKey("copy-dst").copySourceSSECustomerAlgorithm("AES256")
                .copySourceSSECustomerKey(base64(KEY_B)).copySourceSSECustomerKeyMD5(md5(KEY_B))), "AccessDenied", 403);

        CopyObjectResponse copied = s3.copyObject(r -> r.sourceBucket(BUCKET).sourceKey("copy-src")
                .destinationBucket(BUCKET).destinationKey("copy-dst")
                .copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(base64(KEY_A))
                .copySourceSSECustomerKeyMD5(md5(KEY_A))
                .sseCustomerAlgorithm("AES256").sseCustomerKey(base64(KEY_B)).sseCustomerKeyMD5(md5(KEY_B)));
        assertThat(copied.sseCustomerKeyMD5()).isEqualTo(md5(KEY_B));
        assertThat(s3.getObjectAsBytes(get("copy-dst", KEY_B)).asUtf8String()).isEqualTo("copied under another key");
        assertAwsError(() -> s3.getObjectAsBytes(get("copy-dst", KEY_A)), "AccessDenied", 403);
    }

    @Test
    void aMultipartUploadUnderACustomerKeyNeedsItForEveryPart() {
        byte[] first = random(5 * MIB, 2);
        byte[] source = random(100_000, 3);
        s3.putObject(withKey(PutObjectRequest.builder().bucket(BUCKET).key("part-src"), KEY_B),
                RequestBody.fromBytes(source));
        CreateMultipartUploadResponse created = s3.createMultipartUpload(r -> r.bucket(BUCKET).key("parts.bin")
                .sseCustomerAlgorithm("AES256").sseCustomerKey(base64(KEY_A)).sseCustomerKeyMD5(md5(KEY_A)));
        assertThat(created.sseCustomerKeyMD5()).isEqualTo(md5(KEY_A));
        String uploadId = created.uploadId();

        // small bodies: the refusal comes before the body is read
        assertAwsError(() -> s3.uploadPart(r -> r.bucket(BUCKET).key("parts.bin").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("x")), "InvalidRequest", 400);
        assertAwsError(() -> s3.uploadPart(r -> r.bucket(BUCKET).key("parts.bin").uploadId(uploadId).partNumber(1)
                .sseCustomerAlgorithm("AES256").sseCustomerKey(base64(KEY_B)).sseCustomerKeyMD5(md5(KEY_B)),
                RequestBody.fromString("x")), "InvalidArgument", 400);
        UploadPartResponse one = s3.uploadPart(r -> r.bucket(BUCKET).key("parts.bin").uploadId(uploadId).partNumber(1)
                .sseCustomerAlgorithm("AES256").sseCustomerKey(base64(KEY_A)).sseCustomerKeyMD5(md5(KEY_A)),
                RequestBody.fromBytes(first));
        assertThat(one.sseCustomerKeyMD5()).isEqualTo(md5(KEY_A));
        UploadPartCopyResponse two = s3.uploadPartCopy(r -> r.sourceBucket(BUCKET).sourceKey("part-src")
                .destinationBucket(BUCKET).destinationKey("parts.bin").uploadId(uploadId).partNumber(2)
                .copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(base64(KEY_B))
                .copySourceSSECustomerKeyMD5(md5(KEY_B))
                .sseCustomerAlgorithm("AES256").sseCustomerKey(base64(KEY_A)).sseCustomerKeyMD5(md5(KEY_A)));
        s3.completeMultipartUpload(r -> r.bucket(BUCKET).key("parts.bin").uploadId(uploadId)
                .sseCustomerAlgorithm("AES256").sseCustomerKey(base64(KEY_A)).sseCustomerKeyMD5(md5(KEY_A))
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(one.eTag()).build(),
                        CompletedPart.builder().partNumber(2).eTag(two.copyPartResult().eTag()).build())));

        byte[] expected = new byte[first.length + source.length];
        System.arraycopy(first, 0, expected, 0, first.length);
        System.arraycopy(source, 0, expected, first.length, source.length);
        assertThat(s3.getObjectAsBytes(get("parts.bin", KEY_A)).asByteArray()).isEqualTo(expected);
        assertThat(s3.getObjectAsBytes(get("parts.bin", KEY_A).toBuilder().range("bytes=5242870-5242890").build())
                .asByteArray()).isEqualTo(Arrays.copyOfRange(expected, 5_242_870, 5_242_891));
        assertAwsError(() -> s3.getObjectAsBytes(get("parts.bin", KEY_B)), "AccessDenied", 403);
    }

    @Test
    void theKeyIsFoundNowhereInTheDataDirectoryOrTheLog() throws Exception {
        byte[] scanKey = "sse-c-scan-key-must-not-persist!".getBytes(StandardCharsets.US_ASCII);
        String logText;
        try (LogCapture log = new LogCapture()) {
            s3.putObject(withKey(PutObjectRequest.builder().bucket(BUCKET).key("scanned"), scanKey),
                    RequestBody.fromString("scanned body"));
            s3.getObjectAsBytes(get("scanned", scanKey));
            s3.copyObject(r -> r.sourceBucket(BUCKET).sourceKey("scanned").destinationBucket(BUCKET)
                    .destinationKey("scanned-copy").copySourceSSECustomerAlgorithm("AES256")
                    .copySourceSSECustomerKey(base64(scanKey)).copySourceSSECustomerKeyMD5(md5(scanKey))
                    .sseCustomerAlgorithm("AES256").sseCustomerKey(base64(scanKey)).sseCustomerKeyMD5(md5(scanKey)));
            String uploadId = s3.createMultipartUpload(r -> r.bucket(BUCKET).key("scanned-parts")
                    .sseCustomerAlgorithm("AES256").sseCustomerKey(base64(scanKey)).sseCustomerKeyMD5(md5(scanKey)))
                    .uploadId();
            String etag = s3.uploadPart(r -> r.bucket(BUCKET).key("scanned-parts").uploadId(uploadId).partNumber(1)
                    .sseCustomerAlgorithm("AES256").sseCustomerKey(base64(scanKey)).sseCustomerKeyMD5(md5(scanKey)),
                    RequestBody.fromString("part")).eTag();
            s3.completeMultipartUpload(r -> r.bucket(BUCKET).key("scanned-parts").uploadId(uploadId)
                    .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
            // refusals are audited too
            assertAwsError(() -> s3.getObjectAsBytes(get("whole-missing", scanKey)), "NoSuchKey", 404);
            assertAwsError(() -> s3.getObjectAsBytes(get("plain-for-scan", scanKey)), "NoSuchKey", 404);
            logText = log.text();
        }
        String key = new String(scanKey, StandardCharsets.US_ASCII);
        Path dataDir = tls.dataDir();
        assertThat(DataDirectoryScan.filesContaining(dataDir, md5(scanKey)))
                .as("the scan reads the index, where the key's MD5 is kept").isNotEmpty();
        assertThat(DataDirectoryScan.filesContaining(dataDir, key)).as("the customer's key at rest").isEmpty();
        assertThat(logText).as("the captured log").contains("request");
        assertThat(DataDirectoryScan.contains(logText.getBytes(StandardCharsets.UTF_8), key)).as("the key in the log")
                .isFalse();
    }

    @Test
    void aCustomerKeySentOverPlainHttpIsRefused(StrongroomTestServer plain) {
        S3Client overHttp = plain.adminClients().s3();
        assertThat(plain.endpoint().getScheme()).isEqualTo("http");
        overHttp.createBucket(r -> r.bucket("in-the-clear"));
        AwsServiceException refused = assertAwsError(() -> overHttp.putObject(withKey(PutObjectRequest.builder()
                .bucket("in-the-clear").key("k"), KEY_A), RequestBody.fromString("x")), "InvalidRequest", 400);
        assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("Requests specifying Server Side Encryption"
                + " with Customer provided keys must be made over a secure connection.");
        overHttp.putObject(r -> r.bucket("in-the-clear").key("k"), RequestBody.fromString("x"));
        assertAwsError(() -> overHttp.getObjectAsBytes(r -> r.bucket("in-the-clear").key("k")
                .sseCustomerAlgorithm("AES256").sseCustomerKey(base64(KEY_A)).sseCustomerKeyMD5(md5(KEY_A))),
                "InvalidRequest", 400);
        assertThat(overHttp.listObjectsV2(r -> r.bucket("in-the-clear")).contents()).hasSize(1);
    }

    // ---- helpers

    private static PutObjectRequest withKey(PutObjectRequest.Builder builder, byte[] key) {
        return builder.sseCustomerAlgorithm("AES256").sseCustomerKey(base64(key)).sseCustomerKeyMD5(md5(key)).build();
    }

    private static GetObjectRequest get(String key, byte[] customerKey) {
        return GetObjectRequest.builder().bucket(BUCKET).key(key).sseCustomerAlgorithm("AES256")
                .sseCustomerKey(base64(customerKey)).sseCustomerKeyMD5(md5(customerKey)).build();
    }

    private static int status(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return catchThrowableOfType(AwsServiceException.class, call).statusCode();
    }

    private static void assertMessage(AwsServiceException error, String message) {
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String md5(byte[] bytes) {
        try {
            return base64(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static TrustManagerFactory trusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certificate))));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        return factory;
    }

    private static boolean run(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
