package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3 multipart uploads through the SDK as AWS documents them: the low-level operations with CRC32
 * part checksums, the S3AsyncClient's own Java-based multipart upload and download, and each bad
 * input answered with S3's error.
 */
@ExtendWith(StrongroomExtension.class)
class S3MultipartEndToEndTest {
    private static final int MIB = 1024 * 1024;

    @Test
    void partsWithChecksumsBecomeOneObjectReadWholeRangedAndByPart(S3Client s3) throws IOException {
        s3.createBucket(r -> r.bucket("mpu-low-level"));
        String key = "datasets/día 1.bin";
        CreateMultipartUploadResponse created = s3.createMultipartUpload(r -> r.bucket("mpu-low-level").key(key)
                .contentType("application/x-test").metadata(java.util.Map.of("owner", "team-a"))
                .checksumAlgorithm(ChecksumAlgorithm.CRC32));
        assertThat(created.uploadId()).matches("[A-Za-z0-9_-]{43}");
        assertThat(created.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(created.checksumAlgorithm()).isEqualTo(ChecksumAlgorithm.CRC32);

        byte[][] bodies = {randomBytes(5 * MIB, 1), randomBytes(5 * MIB, 2), randomBytes(5 * MIB, 3),
                randomBytes(777, 4)};
        List<CompletedPart> completed = new ArrayList<>();
        ByteArrayOutputStream md5s = new ByteArrayOutputStream();
        ByteArrayOutputStream crcs = new ByteArrayOutputStream();
        for (int i = 0; i < bodies.length; i++) {
            int number = i + 1;
            byte[] body = bodies[i];
            UploadPartResponse part = s3.uploadPart(r -> r.bucket("mpu-low-level").key(key)
                    .uploadId(created.uploadId()).partNumber(number).checksumAlgorithm(ChecksumAlgorithm.CRC32),
                    RequestBody.fromBytes(body));
            assertThat(part.eTag()).isEqualTo("\"" + HexFormat.of().formatHex(md5(body)) + "\"");
            assertThat(part.checksumCRC32()).isEqualTo(crc32(body));
            completed.add(CompletedPart.builder().partNumber(number).eTag(part.eTag())
                    .checksumCRC32(part.checksumCRC32()).build());
            md5s.write(md5(body));
            crcs.write(Base64.getDecoder().decode(crc32(body)));
        }

        ListPartsResponse parts = s3.listParts(r -> r.bucket("mpu-low-level").key(key).uploadId(created.uploadId()));
        assertThat(parts.parts()).extracting(Part::partNumber).containsExactly(1, 2, 3, 4);
        assertThat(parts.parts()).extracting(Part::size).containsExactly((long) 5 * MIB, (long) 5 * MIB,
                (long) 5 * MIB, 777L);
        assertThat(parts.parts().get(3).checksumCRC32()).isEqualTo(crc32(bodies[3]));
        assertThat(parts.checksumAlgorithm()).isEqualTo(ChecksumAlgorithm.CRC32);
        assertThat(parts.isTruncated()).isFalse();
        ListPartsResponse page = s3.listParts(r -> r.bucket("mpu-low-level").key(key).uploadId(created.uploadId())
                .maxParts(2).partNumberMarker(1));
        assertThat(page.parts()).extracting(Part::partNumber).containsExactly(2, 3);
        assertThat(page.isTruncated()).isTrue();
        assertThat(page.nextPartNumberMarker()).isEqualTo(3);
        ListMultipartUploadsResponse uploads = s3.listMultipartUploads(r -> r.bucket("mpu-low-level"));
        assertThat(uploads.uploads()).extracting(MultipartUpload::uploadId).containsExactly(created.uploadId());
        assertThat(uploads.uploads().get(0).key()).isEqualTo(key);
        assertAwsError(() -> s3.headObject(r -> r.bucket("mpu-low-level").key(key)), "NoSuchKey", 404);

        CompleteMultipartUploadResponse done = s3.completeMultipartUpload(r -> r.bucket("mpu-low-level").key(key)
                .uploadId(created.uploadId()).multipartUpload(m -> m.parts(completed)));

        String etag = "\"" + HexFormat.of().formatHex(md5(md5s.toByteArray())) + "-4\"";
        assertThat(done.eTag()).isEqualTo(etag);
        assertThat(done.bucket()).isEqualTo("mpu-low-level");
        assertThat(done.key()).isEqualTo(key);
        assertThat(done.checksumCRC32()).isEqualTo(crc32(crcs.toByteArray()) + "-4");
        assertThat(done.checksumType()).isEqualTo(ChecksumType.COMPOSITE);
        assertThat(s3.listMultipartUploads(r -> r.bucket("mpu-low-level")).uploads()).isEmpty();

        byte[] whole = concat(bodies);
        var object = s3.getObjectAsBytes(r -> r.bucket("mpu-low-level").key(key).checksumMode(ChecksumMode.ENABLED));
        assertThat(object.asByteArray()).isEqualTo(whole);
        GetObjectResponse response = object.response();
        assertThat(response.eTag()).isEqualTo(etag);
        assertThat(response.contentType()).isEqualTo("application/x-test");
        assertThat(response.metadata()).containsEntry("owner", "team-a");
        assertThat(response.checksumCRC32()).isEqualTo(crc32(crcs.toByteArray()) + "-4");
        long[][] ranges = {{5 * MIB - 100, 5 * MIB + 99}, {MIB, 15 * MIB + 10}, {15 * MIB, 15 * MIB + 776}};
        for (long[] range : ranges) {
            byte[] got = s3.getObjectAsBytes(r -> r.bucket("mpu-low-level").key(key)
                    .range("bytes=" + range[0] + "-" + range[1])).asByteArray();
            assertThat(got).isEqualTo(Arrays.copyOfRange(whole, (int) range[0], (int) range[1] + 1));
        }
        HeadObjectResponse second = s3.headObject(r -> r.bucket("mpu-low-level").key(key).partNumber(2));
        assertThat(second.contentLength()).isEqualTo(5L * MIB);
        assertThat(second.partsCount()).isEqualTo(4);
        byte[] last = s3.getObjectAsBytes(r -> r.bucket("mpu-low-level").key(key).partNumber(4)).asByteArray();
        assertThat(last).isEqualTo(bodies[3]);
        assertAwsError(() -> s3.getObjectAsBytes(r -> r.bucket("mpu-low-level").key(key).partNumber(5)),
                "InvalidPartNumber", 416);
    }

    @Test
    void aFullObjectCrcIsCombinedFromThePartsAndCheckedAgainstTheClients(S3Client s3) {
        s3.createBucket(r -> r.bucket("mpu-full-object"));
        byte[][] bodies = {randomBytes(5 * MIB, 11), randomBytes(1234, 12)};
        byte[] whole = concat(bodies);
        String uploadId = s3.createMultipartUpload(r -> r.bucket("mpu-full-object").key("whole.bin")
                .checksumAlgorithm(ChecksumAlgorithm.CRC32).checksumType(ChecksumType.FULL_OBJECT)).uploadId();
        List<CompletedPart> completed = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            int number = i + 1;
            byte[] body = bodies[i];
            UploadPartResponse part = s3.uploadPart(r -> r.bucket("mpu-full-object").key("whole.bin")
                    .uploadId(uploadId).partNumber(number).checksumAlgorithm(ChecksumAlgorithm.CRC32),
                    RequestBody.fromBytes(body));
            completed.add(CompletedPart.builder().partNumber(number).eTag(part.eTag())
                    .checksumCRC32(part.checksumCRC32()).build());
        }
        assertThat(s3.listParts(r -> r.bucket("mpu-full-object").key("whole.bin").uploadId(uploadId)).checksumType())
                .isEqualTo(ChecksumType.FULL_OBJECT);

        // a wrong checksum of the whole is BadDigest, and the upload stays to be completed correctly
        assertAwsError(() -> s3.completeMultipartUpload(r -> r.bucket("mpu-full-object").key("whole.bin")
                .uploadId(uploadId).checksumCRC32(crc32(bodies[0])).checksumType(ChecksumType.FULL_OBJECT)
                .multipartUpload(m -> m.parts(completed))), "BadDigest", 400);
        assertAwsError(() -> s3.headObject(r -> r.bucket("mpu-full-object").key("whole.bin")), "NoSuchKey", 404);

        CompleteMultipartUploadResponse done = s3.completeMultipartUpload(r -> r.bucket("mpu-full-object")
                .key("whole.bin").uploadId(uploadId).checksumCRC32(crc32(whole)).checksumType(ChecksumType.FULL_OBJECT)
                .multipartUpload(m -> m.parts(completed)));
        assertThat(done.checksumCRC32()).isEqualTo(crc32(whole));
        assertThat(done.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
        HeadObjectResponse head = s3.headObject(r -> r.bucket("mpu-full-object").key("whole.bin")
                .checksumMode(ChecksumMode.ENABLED));
        assertThat(head.checksumCRC32()).isEqualTo(crc32(whole));
        assertThat(head.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
        assertThat(s3.getObjectAsBytes(r -> r.bucket("mpu-full-object").key("whole.bin")).asByteArray())
                .isEqualTo(whole);

        assertAwsError(() -> s3.createMultipartUpload(r -> r.bucket("mpu-full-object").key("sha.bin")
                .checksumAlgorithm(ChecksumAlgorithm.SHA256).checksumType(ChecksumType.FULL_OBJECT)),
                "InvalidRequest", 400);
        assertAwsError(() -> s3.createMultipartUpload(r -> r.bucket("mpu-full-object").key("nvme.bin")
                .checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME).checksumType(ChecksumType.COMPOSITE)),
                "InvalidRequest", 400);
        assertThat(s3.createMultipartUpload(r -> r.bucket("mpu-full-object").key("nvme.bin")
                .checksumAlgorithm(ChecksumAlgorithm.CRC64_NVME)).checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
    }

    @Test
    void theAsyncClientsJavaMultipartUploadsAndDownloadsALargeFile(AwsClients clients, @TempDir Path directory)
            throws Exception {
        S3AsyncClient s3 = clients.s3Async();
        s3.createBucket(r -> r.bucket("mpu-async")).join();
        byte[] body = randomBytes(40 * MIB + 12_345, 7);
        Path upload = directory.resolve("upload.bin");
        Files.write(upload, body);

        PutObjectResponse put = s3.putObject(r -> r.bucket("mpu-async").key("big/file.bin"),
                AsyncRequestBody.fromFile(upload)).join();
        assertThat(put.eTag()).matches("\"[0-9a-f]{32}-[0-9]+\"");

        Path download = directory.resolve("download.bin");
        GetObjectResponse got = s3.getObject(r -> r.bucket("mpu-async").key("big/file.bin"),
                AsyncResponseTransformer.toFile(download)).join();
        assertThat(got.eTag()).isEqualTo(put.eTag());
        assertThat(Files.readAllBytes(download)).isEqualTo(body);
        byte[] again = s3.getObject(r -> r.bucket("mpu-async").key("big/file.bin"),
                AsyncResponseTransformer.toBytes()).join().asByteArray();
        assertThat(again).isEqualTo(body);
        assertThat(s3.listMultipartUploads(r -> r.bucket("mpu-async")).join().uploads()).isEmpty();
    }

    @Test
    void aPartCopiedFromAnotherObjectsRangeIsAPartLikeAnyOther(S3Client s3) {
        s3.createBucket(r -> r.bucket("mpu-copy"));
        byte[] source = randomBytes(6 * MIB, 11);
        s3.putObject(r -> r.bucket("mpu-copy").key("source"), RequestBody.fromBytes(source));
        String uploadId = s3.createMultipartUpload(r -> r.bucket("mpu-copy").key("target")).uploadId();

        UploadPartCopyResponse copied = s3.uploadPartCopy(r -> r.sourceBucket("mpu-copy").sourceKey("source")
                .destinationBucket("mpu-copy").destinationKey("target").uploadId(uploadId).partNumber(1)
                .copySourceRange("bytes=0-" + (5 * MIB - 1)));
        byte[] tail = Arrays.copyOfRange(source, 5 * MIB, 6 * MIB);
        UploadPartResponse second = s3.uploadPart(r -> r.bucket("mpu-copy").key("target").uploadId(uploadId)
                .partNumber(2), RequestBody.fromBytes(tail));
        assertThat(copied.copyPartResult().eTag())
                .isEqualTo("\"" + HexFormat.of().formatHex(md5(Arrays.copyOfRange(source, 0, 5 * MIB))) + "\"");
        s3.completeMultipartUpload(r -> r.bucket("mpu-copy").key("target").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1)
                                .eTag(copied.copyPartResult().eTag()).build(),
                        CompletedPart.builder().partNumber(2).eTag(second.eTag()).build())));

        assertThat(s3.getObjectAsBytes(r -> r.bucket("mpu-copy").key("target")).asByteArray()).isEqualTo(source);
    }

    @Test
    void anSseKmsUploadKeepsOneDataKeyOfTheNamedKeyForEveryPart(S3Client s3, KmsClient kms) {
        s3.createBucket(r -> r.bucket("mpu-kms"));
        String keyArn = kms.createKey(r -> r.description("multipart objects")).keyMetadata().arn();
        CreateMultipartUploadResponse created = s3.createMultipartUpload(r -> r.bucket("mpu-kms").key("k")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(keyArn));
        assertThat(created.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(created.ssekmsKeyId()).isEqualTo(keyArn);
        byte[] first = randomBytes(5 * MIB, 21);
        byte[] second = randomBytes(10, 22);
        UploadPartResponse one = s3.uploadPart(r -> r.bucket("mpu-kms").key("k").uploadId(created.uploadId())
                .partNumber(1), RequestBody.fromBytes(first));
        assertThat(one.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        UploadPartResponse two = s3.uploadPart(r -> r.bucket("mpu-kms").key("k").uploadId(created.uploadId())
                .partNumber(2), RequestBody.fromBytes(second));
        CompleteMultipartUploadResponse done = s3.completeMultipartUpload(r -> r.bucket("mpu-kms").key("k")
                .uploadId(created.uploadId()).multipartUpload(m -> m.parts(
                        CompletedPart.builder().partNumber(1).eTag(one.eTag()).build(),
                        CompletedPart.builder().partNumber(2).eTag(two.eTag()).build())));
        assertThat(done.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(done.ssekmsKeyId()).isEqualTo(keyArn);

        var object = s3.getObjectAsBytes(r -> r.bucket("mpu-kms").key("k"));
        assertThat(object.asByteArray()).isEqualTo(concat(new byte[][] {first, second}));
        assertThat(object.response().ssekmsKeyId()).isEqualTo(keyArn);
    }

    @Test
    void aBucketWithAnUploadInProgressIsDeletedWithIt(S3Client s3) {
        s3.createBucket(r -> r.bucket("mpu-deleted"));
        String uploadId = s3.createMultipartUpload(r -> r.bucket("mpu-deleted").key("k")).uploadId();
        s3.uploadPart(r -> r.bucket("mpu-deleted").key("k").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(new byte[10]));

        s3.deleteBucket(r -> r.bucket("mpu-deleted"));

        s3.createBucket(r -> r.bucket("mpu-deleted"));
        assertThat(s3.listMultipartUploads(r -> r.bucket("mpu-deleted")).uploads()).isEmpty();
        assertAwsError(() -> s3.listParts(r -> r.bucket("mpu-deleted").key("k").uploadId(uploadId)),
                "NoSuchUpload", 404);
    }

    @Test
    void badInputsGetS3sErrorsAndChangeNothing(S3Client s3) {
        s3.createBucket(r -> r.bucket("mpu-errors"));
        String uploadId = s3.createMultipartUpload(r -> r.bucket("mpu-errors").key("k")).uploadId();
        String first = s3.uploadPart(r -> r.bucket("mpu-errors").key("k").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(randomBytes(100, 1))).eTag();
        String second = s3.uploadPart(r -> r.bucket("mpu-errors").key("k").uploadId(uploadId).partNumber(2),
                RequestBody.fromBytes(randomBytes(100, 2))).eTag();
        CompletedPart one = CompletedPart.builder().partNumber(1).eTag(first).build();
        CompletedPart two = CompletedPart.builder().partNumber(2).eTag(second).build();

        assertAwsError(() -> s3.completeMultipartUpload(r -> r.bucket("mpu-errors").key("k").uploadId(uploadId)
                .multipartUpload(m -> m.parts(one, two))), "EntityTooSmall", 400);
        assertAwsError(() -> s3.completeMultipartUpload(r -> r.bucket("mpu-errors").key("k").uploadId(uploadId)
                .multipartUpload(m -> m.parts(two, one))), "InvalidPartOrder", 400);
        assertAwsError(() -> s3.completeMultipartUpload(r -> r.bucket("mpu-errors").key("k").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(second).build()))),
                "InvalidPart", 400);
        assertAwsError(() -> s3.completeMultipartUpload(r -> r.bucket("mpu-errors").key("k").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(3).eTag(second).build()))),
                "InvalidPart", 400);
        for (int number : new int[] {0, 10_001}) {
            assertAwsError(() -> s3.uploadPart(r -> r.bucket("mpu-errors").key("k").uploadId(uploadId)
                    .partNumber(number), RequestBody.fromBytes(new byte[1])), "InvalidArgument", 400);
        }
        assertThat(s3.listParts(r -> r.bucket("mpu-errors").key("k").uploadId(uploadId)).parts())
                .extracting(Part::partNumber).containsExactly(1, 2);
        assertAwsError(() -> s3.headObject(r -> r.bucket("mpu-errors").key("k")), "NoSuchKey", 404);

        s3.abortMultipartUpload(r -> r.bucket("mpu-errors").key("k").uploadId(uploadId));

        assertAwsError(() -> s3.uploadPart(r -> r.bucket("mpu-errors").key("k").uploadId(uploadId).partNumber(3),
                RequestBody.fromBytes(new byte[1])), "NoSuchUpload", 404);
        assertAwsError(() -> s3.completeMultipartUpload(r -> r.bucket("mpu-errors").key("k").uploadId(uploadId)
                .multipartUpload(m -> m.parts(one))), "NoSuchUpload", 404);
        assertAwsError(() -> s3.listParts(r -> r.bucket("mpu-errors").key("k").uploadId(uploadId)),
                "NoSuchUpload", 404);
        assertAwsError(() -> s3.abortMultipartUpload(r -> r.bucket("mpu-errors").key("k").uploadId(uploadId)),
                "NoSuchUpload", 404);
        assertAwsError(() -> s3.listParts(r -> r.bucket("mpu-errors").key("k").uploadId("made-up")),
                "NoSuchUpload", 404);
        assertThat(s3.listMultipartUploads(r -> r.bucket("mpu-errors")).uploads()).isEmpty();
        assertAwsError(() -> s3.headObject(r -> r.bucket("mpu-errors").key("k")), "NoSuchKey", 404);
    }

    @Test
    void aCompletionBodyThatIsNotTheDocumentIsMalformedXml(S3Client s3, StrongroomTestServer server)
            throws Exception {
        s3.createBucket(r -> r.bucket("mpu-malformed"));
        String uploadId = s3.createMultipartUpload(r -> r.bucket("mpu-malformed").key("k")).uploadId();
        String etag = s3.uploadPart(r -> r.bucket("mpu-malformed").key("k").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(new byte[10])).eTag();
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(server.endpoint())
                .region(AwsClients.REGION)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        server.admin().accessKeyId(), server.admin().secretAccessKey()))).build()) {
            String[] bodies = {"<CompleteMultipartUpload><Part><PartNumber>1", "",
                    "<CompleteMultipartUpload><Part><PartNumber>one</PartNumber><ETag>" + etag
                            + "</ETag></Part></CompleteMultipartUpload>",
                    "<Other><Part><PartNumber>1</PartNumber><ETag>" + etag + "</ETag></Part></Other>",
                    "<CompleteMultipartUpload></CompleteMultipartUpload>"};
            for (String body : bodies) {
                URI url = presigner.presignCompleteMultipartUpload(r -> r.signatureDuration(Duration.ofMinutes(5))
                        .completeMultipartUploadRequest(c -> c.bucket("mpu-malformed").key("k").uploadId(uploadId)))
                        .url().toURI();
                HttpURLConnection complete = (HttpURLConnection) url.toURL().openConnection();
                complete.setRequestMethod("POST");
                complete.setDoOutput(true);
                complete.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
                assertThat(complete.getResponseCode()).as(body).isEqualTo(400);
                try (InputStream error = complete.getErrorStream()) {
                    assertThat(new String(error.readAllBytes(), StandardCharsets.UTF_8))
                            .contains("<Code>MalformedXML</Code>");
                }
            }
        }
        assertThat(s3.listParts(r -> r.bucket("mpu-malformed").key("k").uploadId(uploadId)).parts()).hasSize(1);
    }

    private static String crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        long value = crc.getValue();
        return Base64.getEncoder().encodeToString(new byte[] {(byte) (value >>> 24), (byte) (value >>> 16),
                (byte) (value >>> 8), (byte) value});
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[][] parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
