package io.strongroom.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.SdkPartType;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.encryption.s3.S3EncryptionClient;
import software.amazon.encryption.s3.materials.KmsKeyring;

/**
 * The Amazon S3 Encryption Client (v3) unchanged, with a KMS keyring over Strongroom's key service
 * and Strongroom's object store underneath: the client encrypts before it sends, stores its envelope
 * in the object's user metadata (which must come back byte for byte), and decrypts what it reads,
 * whole or by range. What the server holds is the client's ciphertext, encrypted once more at rest.
 */
@ExtendWith(StrongroomExtension.class)
class S3EncryptionClientEndToEndTest {

    private static final int PART = 5 * 1024 * 1024;

    @Test
    void clientSideEncryptedObjectsRoundTripWholeAndByRange(S3Client s3, KmsClient kms, StrongroomTestServer server) {
        s3.createBucket(r -> r.bucket("e2e-client-side"));
        String keyArn = kms.createKey(r -> r.description("s3 encryption client")).keyMetadata().arn();
        try (S3AsyncClient async = asyncClient(server); S3Client encrypting = encryptingClient(s3, async, kms, keyArn)) {
            byte[] body = new byte[3 * 1024 * 1024 + 123];
            new Random(11).nextBytes(body);
            encrypting.putObject(r -> r.bucket("e2e-client-side").key("scores.bin"), RequestBody.fromBytes(body));

            assertThat(encrypting.getObjectAsBytes(r -> r.bucket("e2e-client-side").key("scores.bin")).asByteArray())
                    .isEqualTo(body);
            assertThat(encrypting.getObjectAsBytes(r -> r.bucket("e2e-client-side").key("scores.bin")
                    .range("bytes=1000000-1000099")).asByteArray())
                    .isEqualTo(Arrays.copyOfRange(body, 1000000, 1000100));

            // a plain client sees only the client's ciphertext and its envelope in the metadata
            byte[] stored = s3.getObjectAsBytes(r -> r.bucket("e2e-client-side").key("scores.bin")).asByteArray();
            assertThat(stored).isNotEqualTo(body);
            assertThat(stored.length).isGreaterThanOrEqualTo(body.length);
            HeadObjectResponse head = s3.headObject(r -> r.bucket("e2e-client-side").key("scores.bin"));
            assertThat(head.metadata()).containsKeys("x-amz-key-v2", "x-amz-cek-alg", "x-amz-wrap-alg", "x-amz-iv");
            assertThat(head.metadata().get("x-amz-wrap-alg")).isEqualTo("kms+context");

            // with the key disabled, the client cannot unwrap its data key
            kms.disableKey(r -> r.keyId(keyArn));
            try {
                assertThatThrownBy(() -> encrypting.getObjectAsBytes(r -> r.bucket("e2e-client-side").key("scores.bin")))
                        .hasRootCauseInstanceOf(DisabledException.class);
            } finally {
                kms.enableKey(r -> r.keyId(keyArn));
            }
        }
    }

    /**
     * The client's own multipart upload: it encrypts the parts in order as one GCM stream (every part
     * but the last a whole number of blocks, the last flagged so it appends the tag), and the server
     * joins them into one object that decrypts whole and by range.
     */
    @Test
    void aClientSideEncryptedMultipartUploadDecryptsWholeAndByRange(S3Client s3, KmsClient kms,
                                                                     StrongroomTestServer server) {
        s3.createBucket(r -> r.bucket("e2e-client-side-multipart"));
        String keyArn = kms.createKey(r -> r.description("s3 encryption client, multipart")).keyMetadata().arn();
        byte[] body = new byte[2 * PART + 777];
        new Random(12).nextBytes(body);
        try (S3AsyncClient async = asyncClient(server); S3Client encrypting = encryptingClient(s3, async, kms, keyArn)) {
            String uploadId = encrypting.createMultipartUpload(r -> r.bucket("e2e-client-side-multipart")
                    .key("features.parquet")).uploadId();
            List<CompletedPart> parts = new ArrayList<>();
            for (int partNumber = 1, offset = 0; offset < body.length; partNumber++, offset += PART) {
                int length = Math.min(PART, body.length - offset);
                UploadPartRequest.Builder part = UploadPartRequest.builder().bucket("e2e-client-side-multipart")
                        .key("features.parquet").uploadId(uploadId).partNumber(partNumber);
                if (offset + length == body.length) {
                    part.sdkPartType(SdkPartType.LAST);
                }
                String eTag = encrypting.uploadPart(part.build(),
                        RequestBody.fromBytes(Arrays.copyOfRange(body, offset, offset + length))).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).build());
            }
            encrypting.completeMultipartUpload(r -> r.bucket("e2e-client-side-multipart").key("features.parquet")
                    .uploadId(uploadId).multipartUpload(m -> m.parts(parts)));

            assertThat(encrypting.getObjectAsBytes(r -> r.bucket("e2e-client-side-multipart").key("features.parquet"))
                    .asByteArray()).isEqualTo(body);
            // a range across the boundary of the first two parts
            assertThat(encrypting.getObjectAsBytes(r -> r.bucket("e2e-client-side-multipart").key("features.parquet")
                    .range("bytes=" + (PART - 50) + "-" + (PART + 49))).asByteArray())
                    .isEqualTo(Arrays.copyOfRange(body, PART - 50, PART + 50));
            byte[] stored = s3.getObjectAsBytes(r -> r.bucket("e2e-client-side-multipart").key("features.parquet"))
                    .asByteArray();
            assertThat(stored.length).isEqualTo(body.length + 16); // the client's GCM tag
            assertThat(Arrays.copyOf(stored, body.length)).isNotEqualTo(body);
        }
    }

    private static S3AsyncClient asyncClient(StrongroomTestServer server) {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                server.admin().accessKeyId(), server.admin().secretAccessKey()));
        return S3AsyncClient.builder().endpointOverride(server.endpoint()).region(AwsClients.REGION)
                .forcePathStyle(true).credentialsProvider(credentials).build();
    }

    private static S3Client encryptingClient(S3Client s3, S3AsyncClient async, KmsClient kms, String keyArn) {
        return S3EncryptionClient.builder()
                .wrappedClient(s3)
                .wrappedAsyncClient(async)
                .keyring(KmsKeyring.builder().kmsClient(kms).wrappingKeyId(keyArn).build())
                .enableLegacyUnauthenticatedModes(true) // ranged GETs decrypt without the whole tag
                .build();
    }
}
