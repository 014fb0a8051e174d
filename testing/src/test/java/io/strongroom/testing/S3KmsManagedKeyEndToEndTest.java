package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strongroom.audit.StoredAuditRecord;
import io.strongroom.s3.ObjectEncryption;
import io.strongroom.s3.ObjectVersion;
import io.strongroom.store.jdbc.Database;
import io.strongroom.store.jdbc.audit.JdbcAuditRepository;
import io.strongroom.store.jdbc.s3.JdbcS3Repository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The AWS managed key {@code aws/s3}, {@code kms:ViaService} and S3 Bucket Keys through the AWS SDK:
 * SSE-KMS without a key id makes the account's {@code alias/aws/s3} once and uses it; the customer may
 * read but never administer it; a key policy can allow decryption through S3 only; with Bucket Keys,
 * one KMS data key serves many objects.
 */
@ExtendWith(StrongroomExtension.class)
class S3KmsManagedKeyEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sseKmsWithoutAKeyIdMakesAndUsesTheAwsManagedKeyOnce(S3Client s3, KmsClient kms) {
        s3.createBucket(r -> r.bucket("e2e-aws-s3-key"));
        PutObjectResponse first = s3.putObject(r -> r.bucket("e2e-aws-s3-key").key("a.csv")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS), RequestBody.fromString("a,b"));
        PutObjectResponse second = s3.putObject(r -> r.bucket("e2e-aws-s3-key").key("b.csv")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS), RequestBody.fromString("c,d"));

        KeyMetadata managed = kms.describeKey(r -> r.keyId("alias/aws/s3")).keyMetadata();
        assertThat(managed.keyManager()).isEqualTo(KeyManagerType.AWS);
        assertThat(managed.description()).isEqualTo("Default key that protects my S3 objects when no other key is defined");
        assertThat(first.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(first.ssekmsKeyId()).isEqualTo(managed.arn());
        assertThat(second.ssekmsKeyId()).isEqualTo(managed.arn());
        List<AliasListEntry> aliases = kms.listAliases(r -> r.limit(100)).aliases().stream()
                .filter(alias -> alias.aliasName().startsWith("alias/aws/")).toList();
        assertThat(aliases).singleElement().satisfies(alias -> {
            assertThat(alias.aliasName()).isEqualTo("alias/aws/s3");
            assertThat(alias.targetKeyId()).isEqualTo(managed.keyId());
        });
        assertThat(kms.listKeys(r -> r.limit(1000)).keys()).filteredOn(k -> k.keyId().equals(managed.keyId()))
                .hasSize(1);

        var read = s3.getObjectAsBytes(r -> r.bucket("e2e-aws-s3-key").key("a.csv"));
        assertThat(read.asUtf8String()).isEqualTo("a,b");
        assertThat(read.response().ssekmsKeyId()).isEqualTo(managed.arn());
        assertThat(s3.copyObject(r -> r.sourceBucket("e2e-aws-s3-key").sourceKey("a.csv")
                .destinationBucket("e2e-aws-s3-key").destinationKey("copy.csv")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS)).ssekmsKeyId()).isEqualTo(managed.arn());
        CreateMultipartUploadResponse upload = s3.createMultipartUpload(r -> r.bucket("e2e-aws-s3-key").key("big")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS));
        assertThat(upload.ssekmsKeyId()).isEqualTo(managed.arn());
        s3.abortMultipartUpload(r -> r.bucket("e2e-aws-s3-key").key("big").uploadId(upload.uploadId()));

        // the account may read it, but only S3 may use it, and nobody may administer it
        assertThat(kms.getKeyRotationStatus(r -> r.keyId(managed.arn())).keyRotationEnabled()).isTrue();
        assertThat(kms.getKeyPolicy(r -> r.keyId(managed.arn()).policyName("default")).policy())
                .contains("s3." + AwsClients.REGION.id() + ".amazonaws.com");
        assertAwsError(() -> kms.generateDataKey(r -> r.keyId("alias/aws/s3").numberOfBytes(32)),
                "AccessDeniedException", 400);
        assertAwsError(() -> kms.disableKey(r -> r.keyId(managed.arn())), "AccessDeniedException", 400);
        assertAwsError(() -> kms.scheduleKeyDeletion(r -> r.keyId(managed.arn()).pendingWindowInDays(7)),
                "AccessDeniedException", 400);
        assertAwsError(() -> kms.putKeyPolicy(r -> r.keyId(managed.arn()).policyName("default")
                .policy(Policies.trustAccount(managed.awsAccountId()).replace("sts:AssumeRole", "kms:*")
                .replace("\"Action\"", "\"Resource\":\"*\",\"Action\""))), "AccessDeniedException", 400);
        assertAwsError(() -> kms.tagResource(r -> r.keyId(managed.arn()).tags(t -> t.tagKey("k").tagValue("v"))),
                "AccessDeniedException", 400);
        assertAwsError(() -> kms.disableKeyRotation(r -> r.keyId(managed.arn())), "AccessDeniedException", 400);
        assertAwsError(() -> kms.deleteAlias(r -> r.aliasName("alias/aws/s3")), "InvalidAliasNameException", 400);
        String mine = kms.createKey(r -> r.description("mine")).keyMetadata().keyId();
        assertAwsError(() -> kms.updateAlias(r -> r.aliasName("alias/aws/s3").targetKeyId(mine)),
                "InvalidAliasNameException", 400);
        assertAwsError(() -> kms.createAlias(r -> r.aliasName("alias/aws/mine").targetKeyId(mine)),
                "InvalidAliasNameException", 400);
        assertThat(kms.describeKey(r -> r.keyId("alias/aws/s3")).keyMetadata().enabled()).isTrue();
    }

    @Test
    void aBucketDefaultOfAwsKmsWithoutAKeyIdUsesTheAwsManagedKey(S3Client s3, KmsClient kms) {
        s3.createBucket(r -> r.bucket("e2e-default-aws-s3"));
        s3.putBucketEncryption(r -> r.bucket("e2e-default-aws-s3").serverSideEncryptionConfiguration(c -> c.rules(
                rule -> rule.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)))));
        var rule = s3.getBucketEncryption(r -> r.bucket("e2e-default-aws-s3")).serverSideEncryptionConfiguration()
                .rules().getFirst();
        assertThat(rule.applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(rule.applyServerSideEncryptionByDefault().kmsMasterKeyID()).isNull();

        PutObjectResponse put = s3.putObject(r -> r.bucket("e2e-default-aws-s3").key("k"), RequestBody.fromString("v"));
        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(put.ssekmsKeyId()).isEqualTo(kms.describeKey(r -> r.keyId("alias/aws/s3")).keyMetadata().arn());
        assertThat(s3.getObjectAsBytes(r -> r.bucket("e2e-default-aws-s3").key("k")).asUtf8String()).isEqualTo("v");
    }

    @Test
    void concurrentFirstRequestsOfANewAccountMakeOneAwsManagedKeyOfItsOwn(StrongroomTestServer server)
            throws Exception {
        AwsClients member = MemberAccounts.administrator(server, "race");
        S3Client s3 = member.s3();
        KmsClient kms = member.kms();
        s3.createBucket(r -> r.bucket("e2e-race"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<String> keyArns = new HashSet<>();
        try {
            List<Future<String>> puts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String key = "object-" + i;
                puts.add(pool.submit(() -> s3.putObject(r -> r.bucket("e2e-race").key(key)
                        .serverSideEncryption(ServerSideEncryption.AWS_KMS), RequestBody.fromString(key))
                        .ssekmsKeyId()));
            }
            for (Future<String> put : puts) {
                keyArns.add(put.get());
            }
        } finally {
            pool.shutdownNow();
        }
        KeyMetadata managed = kms.describeKey(r -> r.keyId("alias/aws/s3")).keyMetadata();
        assertThat(keyArns).containsExactly(managed.arn());
        assertThat(managed.awsAccountId()).isEqualTo(member.sts().getCallerIdentity().account());
        List<String> awsManaged = kms.listKeys(r -> r.limit(1000)).keys().stream()
                .map(k -> kms.describeKey(r -> r.keyId(k.keyArn())).keyMetadata())
                .filter(metadata -> metadata.keyManager() == KeyManagerType.AWS).map(KeyMetadata::arn).toList();
        assertThat(awsManaged).containsExactly(managed.arn());
        assertThat(s3.getObjectAsBytes(r -> r.bucket("e2e-race").key("object-3")).asUtf8String()).isEqualTo("object-3");
    }

    @Test
    void aKeyPolicyMayAllowDecryptOnlyThroughS3(S3Client s3, KmsClient kms, StrongroomTestServer server) {
        TestUsers users = new TestUsers(server);
        TestUsers.Caller reader = users.create("via-s3-reader");
        server.iam().putUserPolicy(r -> r.userName("via-s3-reader").policyName("read")
                .policyDocument(Policies.allow("s3:GetObject", "*")));
        String viaS3 = "{\"StringEquals\":{\"kms:ViaService\":\"s3." + AwsClients.REGION.id() + ".amazonaws.com\"}}";
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + users.accountId() + ":root\"},"
                + "\"Action\":\"kms:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + users.userArn("via-s3-reader") + "\"},"
                + "\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":" + viaS3 + "}]}";
        String keyArn = kms.createKey(r -> r.description("via s3 only").policy(policy)).keyMetadata().arn();
        s3.createBucket(r -> r.bucket("e2e-via-s3"));
        s3.putObject(r -> r.bucket("e2e-via-s3").key("report.csv").serverSideEncryption(ServerSideEncryption.AWS_KMS)
                .ssekmsKeyId(keyArn), RequestBody.fromString("q3"));
        SdkBytes ciphertext = kms.encrypt(r -> r.keyId(keyArn).plaintext(SdkBytes.fromUtf8String("direct")))
                .ciphertextBlob();

        assertAwsError(() -> reader.clients().kms().decrypt(r -> r.ciphertextBlob(ciphertext)),
                "AccessDeniedException", 400);
        assertThat(reader.clients().s3().getObjectAsBytes(r -> r.bucket("e2e-via-s3").key("report.csv"))
                .asUtf8String()).isEqualTo("q3");
        assertThat(kmsCallsViaS3(server, "Decrypt", "arn:aws:s3:::e2e-via-s3/report.csv"))
                .singleElement().satisfies(record -> {
                    assertThat(record.at("/userIdentity/arn").asText()).isEqualTo(users.userArn("via-s3-reader"));
                    assertThat(record.at("/userIdentity/invokedBy").asText()).isEqualTo("s3.amazonaws.com");
                });
    }

    @Test
    void copiesAndMultipartUploadsMayAskForABucketKey(S3Client s3, KmsClient kms) {
        String keyArn = kms.createKey(r -> r.description("copies")).keyMetadata().arn();
        s3.createBucket(r -> r.bucket("e2e-bucket-key-ops"));
        s3.putObject(r -> r.bucket("e2e-bucket-key-ops").key("source"), RequestBody.fromString("source"));

        var copied = s3.copyObject(r -> r.sourceBucket("e2e-bucket-key-ops").sourceKey("source")
                .destinationBucket("e2e-bucket-key-ops").destinationKey("copy")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(keyArn).bucketKeyEnabled(true));
        assertThat(copied.bucketKeyEnabled()).isTrue();
        assertThat(copied.ssekmsKeyId()).isEqualTo(keyArn);

        CreateMultipartUploadResponse upload = s3.createMultipartUpload(r -> r.bucket("e2e-bucket-key-ops").key("parts")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(keyArn).bucketKeyEnabled(true));
        assertThat(upload.bucketKeyEnabled()).isTrue();
        String etag = s3.uploadPart(r -> r.bucket("e2e-bucket-key-ops").key("parts").uploadId(upload.uploadId())
                .partNumber(1), RequestBody.fromString("one part")).eTag();
        var done = s3.completeMultipartUpload(r -> r.bucket("e2e-bucket-key-ops").key("parts")
                .uploadId(upload.uploadId()).multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));
        assertThat(done.bucketKeyEnabled()).isTrue();

        var readCopy = s3.getObjectAsBytes(r -> r.bucket("e2e-bucket-key-ops").key("copy"));
        assertThat(readCopy.asUtf8String()).isEqualTo("source");
        assertThat(readCopy.response().bucketKeyEnabled()).isTrue();
        var readParts = s3.getObjectAsBytes(r -> r.bucket("e2e-bucket-key-ops").key("parts"));
        assertThat(readParts.asUtf8String()).isEqualTo("one part");
        assertThat(readParts.response().bucketKeyEnabled()).isTrue();
        assertAwsError(() -> s3.putObject(r -> r.bucket("e2e-bucket-key-ops").key("bad")
                .overrideConfiguration(o -> o.putHeader("x-amz-server-side-encryption-bucket-key-enabled", "yes")),
                RequestBody.fromString("x")), "InvalidArgument", 400);
    }

    /** The stored records of KMS calls S3 made, of one operation, whose aws:s3:arn context starts with {@code arn}. */
    private static List<JsonNode> kmsCallsViaS3(StrongroomTestServer server, String operation, String arn) {
        List<JsonNode> found = new ArrayList<>();
        try (Database store = Database.openExisting(server.server().config().dbUrl())) {
            JdbcAuditRepository records = new JdbcAuditRepository(store.transactor(), store.vendor());
            for (StoredAuditRecord record : records.readRange(1, Long.MAX_VALUE, 100_000)) {
                JsonNode json = JSON.readTree(record.eventJson());
                if (json.path("eventSource").asText().equals("kms.amazonaws.com")
                        && json.path("eventName").asText().equals(operation)
                        && json.at("/requestParameters/encryptionContext/aws:s3:arn").asText().startsWith(arn)) {
                    found.add(json);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found;
    }


    @Test
    void bucketKeysServeManyObjectsWithFewKmsDataKeys(S3Client s3, KmsClient kms, StrongroomTestServer server) {
        String keyArn = kms.createKey(r -> r.description("bucket keys")).keyMetadata().arn();
        s3.createBucket(r -> r.bucket("e2e-bucket-keys"));
        s3.putBucketEncryption(r -> r.bucket("e2e-bucket-keys").serverSideEncryptionConfiguration(c -> c.rules(
                rule -> rule.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)
                        .kmsMasterKeyID(keyArn)).bucketKeyEnabled(true))));
        for (int i = 0; i < 50; i++) {
            String key = "rows/" + i;
            PutObjectResponse put = s3.putObject(r -> r.bucket("e2e-bucket-keys").key(key), RequestBody.fromString(key));
            assertThat(put.bucketKeyEnabled()).isTrue();
            assertThat(put.ssekmsKeyId()).isEqualTo(keyArn);
        }
        PutObjectResponse own = s3.putObject(r -> r.bucket("e2e-bucket-keys").key("own").bucketKeyEnabled(false),
                RequestBody.fromString("own"));
        assertThat(own.bucketKeyEnabled()).isNull();
        s3.createBucket(r -> r.bucket("e2e-bucket-key-header"));
        PutObjectResponse asked = s3.putObject(r -> r.bucket("e2e-bucket-key-header").key("k")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(keyArn).bucketKeyEnabled(true),
                RequestBody.fromString("asked"));
        assertThat(asked.bucketKeyEnabled()).isTrue();

        // each KMS GenerateDataKey gives a new ciphertext: the stored wrapped bucket keys count the calls
        Set<String> bucketKeyCiphertexts = new HashSet<>();
        try (Database store = Database.openExisting(server.server().config().dbUrl())) {
            JdbcS3Repository objects = new JdbcS3Repository(store.transactor(), store.vendor());
            for (int i = 0; i < 50; i++) {
                ObjectEncryption encryption = objects.latestVersion("e2e-bucket-keys", "rows/" + i)
                        .map(ObjectVersion::encryption).orElseThrow();
                assertThat(encryption.bucketKeyEnabled()).isTrue();
                byte[] stored = encryption.wrappedDataKey();
                bucketKeyCiphertexts.add(Arrays.toString(Arrays.copyOfRange(stored, 33, stored.length)));
            }
            assertThat(objects.latestVersion("e2e-bucket-keys", "own").orElseThrow().encryption().bucketKeyEnabled())
                    .isFalse();
        }
        assertThat(bucketKeyCiphertexts).hasSizeLessThanOrEqualTo(2);
        // and the audit trail shows the KMS calls S3 made for the caller: one per bucket key, one for "own"
        List<JsonNode> dataKeyCalls = kmsCallsViaS3(server, "GenerateDataKey", "arn:aws:s3:::e2e-bucket-keys");
        assertThat(dataKeyCalls).hasSizeBetween(2, 3);
        assertThat(dataKeyCalls).extracting(r -> r.at("/requestParameters/encryptionContext/aws:s3:arn").asText())
                .containsOnlyOnce("arn:aws:s3:::e2e-bucket-keys/own").contains("arn:aws:s3:::e2e-bucket-keys");
        assertThat(dataKeyCalls).allSatisfy(r -> {
            assertThat(r.at("/userIdentity/invokedBy").asText()).isEqualTo("s3.amazonaws.com");
            assertThat(r.at("/requestParameters/keyId").asText()).isEqualTo(keyArn);
        });

        for (int i = 0; i < 50; i += 7) {
            String key = "rows/" + i;
            var read = s3.getObjectAsBytes(r -> r.bucket("e2e-bucket-keys").key(key));
            assertThat(read.asUtf8String()).isEqualTo(key);
            assertThat(read.response().bucketKeyEnabled()).isTrue();
        }
        assertThat(s3.headObject(r -> r.bucket("e2e-bucket-keys").key("rows/3")).bucketKeyEnabled()).isTrue();
        assertThat(s3.getObjectAsBytes(r -> r.bucket("e2e-bucket-keys").key("own")).asUtf8String()).isEqualTo("own");

        kms.disableKey(r -> r.keyId(keyArn));
        try {
            assertAwsError(() -> s3.getObject(r -> r.bucket("e2e-bucket-keys").key("rows/0")), "KMS.DisabledException",
                    400);
            assertAwsError(() -> s3.putObject(r -> r.bucket("e2e-bucket-keys").key("rows/50"),
                    RequestBody.fromString("x")), "KMS.DisabledException", 400);
        } finally {
            kms.enableKey(r -> r.keyId(keyArn));
        }
        GetObjectResponse again = s3.getObject(r -> r.bucket("e2e-bucket-keys").key("rows/0"),
                (response, body) -> response);
        assertThat(again.bucketKeyEnabled()).isTrue();
    }
}
