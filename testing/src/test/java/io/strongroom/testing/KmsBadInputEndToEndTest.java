package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static io.strongroom.testing.KmsTestKeys.aliasArn;
import static io.strongroom.testing.KmsTestKeys.encrypt;
import static io.strongroom.testing.KmsTestKeys.keyArn;
import static io.strongroom.testing.KmsTestKeys.keyIdOf;
import static io.strongroom.testing.KmsTestKeys.symmetricKey;
import static io.strongroom.testing.KmsTestKeys.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Bad input to KMS gets the exact error AWS gives (code and status, checked against botocore's model
 * and the KMS API reference) and changes nothing.
 */
@ExtendWith(StrongroomExtension.class)
class KmsBadInputEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String account;

    @BeforeAll
    static void account(StsClient sts) {
        account = sts.getCallerIdentity().account();
    }

    @Test
    void unknownKeysAndAliasesAreNotFound(KmsClient kms) {
        String unknownId = UUID.randomUUID().toString();
        assertAwsError(() -> kms.describeKey(r -> r.keyId(unknownId)), "NotFoundException", 400);
        assertAwsError(() -> kms.describeKey(r -> r.keyId(keyArn(account, unknownId))), "NotFoundException", 400);
        assertAwsError(() -> kms.describeKey(r -> r.keyId("not-a-key-id")), "NotFoundException", 400);
        assertAwsError(() -> encrypt(kms, unknownId, "x", Map.of()), "NotFoundException", 400);
        assertAwsError(() -> kms.generateDataKey(r -> r.keyId(unknownId).keySpec(DataKeySpec.AES_256)),
                "NotFoundException", 400);
        assertAwsError(() -> kms.enableKey(r -> r.keyId(unknownId)), "NotFoundException", 400);
        assertAwsError(() -> kms.scheduleKeyDeletion(r -> r.keyId(unknownId)), "NotFoundException", 400);

        assertAwsError(() -> kms.describeKey(r -> r.keyId("alias/never-made")), "NotFoundException", 400);
        assertAwsError(() -> kms.describeKey(r -> r.keyId(aliasArn(account, "alias/never-made"))),
                "NotFoundException", 400);
        assertAwsError(() -> encrypt(kms, "alias/never-made", "x", Map.of()), "NotFoundException", 400);
        assertAwsError(() -> kms.deleteAlias(r -> r.aliasName("alias/never-made")), "NotFoundException", 400);
        assertAwsError(() -> kms.updateAlias(r -> r.aliasName("alias/never-made").targetKeyId(symmetricKey(kms))),
                "NotFoundException", 400);
        assertAwsError(() -> kms.createAlias(r -> r.aliasName("alias/for-nothing").targetKeyId(unknownId)),
                "NotFoundException", 400);
        assertThat(aliasNames(kms)).doesNotContain("alias/for-nothing");
    }

    @Test
    void aDisabledKeyIsDisabledForEveryCryptographicOperation(KmsClient kms) {
        String key = symmetricKey(kms);
        byte[] ciphertext = encrypt(kms, key, "x", Map.of());
        kms.disableKey(r -> r.keyId(key));
        assertAwsError(() -> encrypt(kms, key, "x", Map.of()), "DisabledException", 400);
        assertAwsError(() -> kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(ciphertext))),
                "DisabledException", 400);
        assertAwsError(() -> kms.generateDataKeyWithoutPlaintext(r -> r.keyId(key).keySpec(DataKeySpec.AES_256)),
                "DisabledException", 400);
        assertAwsError(() -> kms.reEncrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(ciphertext))
                .destinationKeyId(symmetricKey(kms))), "DisabledException", 400);

        String signing = KmsTestKeys.key(kms, KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        kms.disableKey(r -> r.keyId(signing));
        assertAwsError(() -> kms.sign(r -> r.keyId(signing).message(utf8("m")).messageType(MessageType.RAW)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)), "DisabledException", 400);
    }

    @Test
    void plaintextsOutsideOneTo4096BytesAreRefused(KmsClient kms) {
        String key = symmetricKey(kms);
        assertAwsError(() -> kms.encrypt(r -> r.keyId(key).plaintext(SdkBytes.fromByteArray(new byte[4097]))),
                "ValidationException", 400);
        assertAwsError(() -> kms.encrypt(r -> r.keyId(key).plaintext(SdkBytes.fromByteArray(new byte[0]))),
                "ValidationException", 400);
        assertAwsError(() -> kms.encrypt(r -> r.plaintext(utf8("no key named"))), "ValidationException", 400);

        String rsa = KmsTestKeys.key(kms, KeySpec.RSA_2048, KeyUsageType.ENCRYPT_DECRYPT);
        assertAwsError(() -> kms.encrypt(r -> r.keyId(rsa).plaintext(SdkBytes.fromByteArray(new byte[191]))
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)), "ValidationException", 400);
    }

    @Test
    void whatThisInstallationDoesNotOfferIsRefusedAndChangesNothing(KmsClient kms) {
        int before = keyCount(kms);
        assertAwsError(() -> kms.createKey(r -> r.origin(OriginType.EXTERNAL)), "UnsupportedOperationException", 400);
        assertAwsError(() -> kms.createKey(r -> r.multiRegion(true)), "UnsupportedOperationException", 400);
        assertAwsError(() -> kms.createKey(r -> r.keySpec(KeySpec.ECC_SECG_P256_K1).keyUsage(KeyUsageType.SIGN_VERIFY)),
                "UnsupportedOperationException", 400);
        assertThat(keyCount(kms)).isEqualTo(before);
        String key = symmetricKey(kms);
        // an enclave's attestation cannot be honoured here: refused rather than ignored
        assertAwsError(() -> kms.generateDataKey(r -> r.keyId(key).keySpec(DataKeySpec.AES_256)
                .recipient(recipient -> recipient.keyEncryptionAlgorithm("RSAES_OAEP_SHA_256")
                        .attestationDocument(SdkBytes.fromByteArray(new byte[] {1, 2, 3})))),
                "UnsupportedOperationException", 400);
    }

    @Test
    void invalidKeySpecsAndUsagesCreateNoKey(KmsClient kms) {
        Map<String, Consumer<CreateKeyRequest.Builder>> invalid = new LinkedHashMap<>();
        invalid.put("ECC_NIST_P256 for ENCRYPT_DECRYPT",
                r -> r.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.ENCRYPT_DECRYPT));
        invalid.put("HMAC_256 for ENCRYPT_DECRYPT", r -> r.keySpec(KeySpec.HMAC_256).keyUsage(KeyUsageType.ENCRYPT_DECRYPT));
        invalid.put("SYMMETRIC_DEFAULT for SIGN_VERIFY",
                r -> r.keySpec(KeySpec.SYMMETRIC_DEFAULT).keyUsage(KeyUsageType.SIGN_VERIFY));
        invalid.put("RSA_2048 for GENERATE_VERIFY_MAC",
                r -> r.keySpec(KeySpec.RSA_2048).keyUsage(KeyUsageType.GENERATE_VERIFY_MAC));
        invalid.put("HMAC_256 without a KeyUsage", r -> r.keySpec(KeySpec.HMAC_256));
        invalid.put("RSA_2048 without a KeyUsage", r -> r.keySpec(KeySpec.RSA_2048));
        invalid.put("an unknown KeySpec", r -> r.keySpec("RSA_1024"));
        invalid.put("an unknown KeyUsage", r -> r.keyUsage("RANDOM"));
        int before = keyCount(kms);
        SoftAssertions softly = new SoftAssertions();
        invalid.forEach((what, request) -> softly.check(() -> {
            try {
                assertAwsError(() -> kms.createKey(request), "ValidationException", 400);
            } catch (AssertionError e) {
                throw new AssertionError(what + ": " + e.getMessage(), e);
            }
        }));
        softly.assertAll();
        assertThat(keyCount(kms)).isEqualTo(before);
    }

    @Test
    void operationsOnKeysOfTheWrongUsageAreInvalidKeyUsage(KmsClient kms) {
        String symmetric = symmetricKey(kms);
        String signing = KmsTestKeys.key(kms, KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY);
        String rsaEncryption = KmsTestKeys.key(kms, KeySpec.RSA_2048, KeyUsageType.ENCRYPT_DECRYPT);
        String hmac = KmsTestKeys.key(kms, KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC);

        assertAwsError(() -> kms.encrypt(r -> r.keyId(signing).plaintext(utf8("x"))
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)), "InvalidKeyUsageException", 400);
        assertAwsError(() -> kms.sign(r -> r.keyId(rsaEncryption).message(utf8("x")).messageType(MessageType.RAW)
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256)), "InvalidKeyUsageException", 400);
        assertAwsError(() -> kms.generateMac(r -> r.keyId(symmetric).message(utf8("x"))
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)), "InvalidKeyUsageException", 400);
        assertAwsError(() -> kms.generateMac(r -> r.keyId(hmac).message(utf8("x"))
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_512)), "InvalidKeyUsageException", 400);
        assertAwsError(() -> encrypt(kms, hmac, "x", Map.of()), "InvalidKeyUsageException", 400);
        // a digest of the wrong length for the algorithm
        assertAwsError(() -> kms.sign(r -> r.keyId(signing).message(SdkBytes.fromByteArray(new byte[20]))
                .messageType(MessageType.DIGEST).signingAlgorithm(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256)),
                "ValidationException", 400);
    }

    @Test
    void dataKeyAndRandomSizesAreValidated(KmsClient kms) {
        String key = symmetricKey(kms);
        assertAwsError(() -> kms.generateDataKey(r -> r.keyId(key)), "ValidationException", 400);
        assertAwsError(() -> kms.generateDataKey(r -> r.keyId(key).keySpec(DataKeySpec.AES_256).numberOfBytes(32)),
                "ValidationException", 400);
        assertAwsError(() -> kms.generateDataKey(r -> r.keyId(key).numberOfBytes(1025)), "ValidationException", 400);
        assertAwsError(() -> kms.generateDataKey(r -> r.keyId(key).numberOfBytes(0)), "ValidationException", 400);
        assertAwsError(() -> kms.generateDataKey(r -> r.keyId(key).keySpec("AES_512")), "ValidationException", 400);
        assertAwsError(() -> kms.generateRandom(r -> r.numberOfBytes(1025)), "ValidationException", 400);
        assertAwsError(() -> kms.generateRandom(r -> r.numberOfBytes(0)), "ValidationException", 400);
    }

    @Test
    void deletionWindowsOutsideSevenToThirtyDaysAreRefused(KmsClient kms) {
        String key = symmetricKey(kms);
        assertAwsError(() -> kms.scheduleKeyDeletion(r -> r.keyId(key).pendingWindowInDays(6)),
                "ValidationException", 400);
        assertAwsError(() -> kms.scheduleKeyDeletion(r -> r.keyId(key).pendingWindowInDays(31)),
                "ValidationException", 400);
        assertThat(kms.describeKey(r -> r.keyId(key)).keyMetadata().keyState()).isEqualTo(KeyState.ENABLED);
        assertAwsError(() -> kms.cancelKeyDeletion(r -> r.keyId(key)), "KMSInvalidStateException", 400);
    }

    @Test
    void rotationIsForSymmetricKeysWithinNinetyTo2560Days(KmsClient kms) {
        String key = symmetricKey(kms);
        assertAwsError(() -> kms.enableKeyRotation(r -> r.keyId(key).rotationPeriodInDays(89)),
                "ValidationException", 400);
        assertAwsError(() -> kms.enableKeyRotation(r -> r.keyId(key).rotationPeriodInDays(2561)),
                "ValidationException", 400);
        assertThat(kms.getKeyRotationStatus(r -> r.keyId(key)).keyRotationEnabled()).isFalse();

        for (String asymmetric : List.of(KmsTestKeys.key(kms, KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY),
                KmsTestKeys.key(kms, KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY),
                KmsTestKeys.key(kms, KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC))) {
            assertAwsError(() -> kms.enableKeyRotation(r -> r.keyId(asymmetric)), "UnsupportedOperationException", 400);
            assertAwsError(() -> kms.rotateKeyOnDemand(r -> r.keyId(asymmetric)), "UnsupportedOperationException", 400);
        }
    }

    @Test
    void grantTokensThatAreNotTokensAreInvalid(KmsClient kms) {
        String key = symmetricKey(kms);
        assertAwsError(() -> kms.encrypt(r -> r.keyId(key).plaintext(utf8("x")).grantTokens("not-a-grant-token")),
                "InvalidGrantTokenException", 400);
        assertAwsError(() -> kms.retireGrant(r -> r.grantToken("not-a-grant-token")), "InvalidGrantTokenException", 400);
    }

    @Test
    void aliasNamesMustStartWithAliasAndStayOutOfTheAwsNamespace(KmsClient kms) {
        String key = symmetricKey(kms);
        String id = keyIdOf(key);
        assertAwsError(() -> kms.createAlias(r -> r.aliasName("orders").targetKeyId(id)), "ValidationException", 400);
        assertAwsError(() -> kms.createAlias(r -> r.aliasName("alias/has spaces!").targetKeyId(id)),
                "ValidationException", 400);
        // the alias/aws/ prefix is reserved for AWS managed keys. The API reference names no code for this
        // refusal: botocore's model offers InvalidAliasNameException, and AWS has been seen answering
        // NotAuthorizedException (a code outside the model); either is taken, with status 400.
        var reserved = catchThrowableOfType(AwsServiceException.class,
                () -> kms.createAlias(r -> r.aliasName("alias/aws/ebs").targetKeyId(id)));
        assertThat(reserved).as("creating alias/aws/ebs").isNotNull();
        assertThat(reserved.statusCode()).isEqualTo(400);
        assertThat(reserved.awsErrorDetails().errorCode()).isIn("InvalidAliasNameException", "NotAuthorizedException");
        assertThat(kms.listAliases(r -> r.keyId(key)).aliases()).isEmpty();

        kms.createAlias(r -> r.aliasName("alias/taken").targetKeyId(id));
        assertAwsError(() -> kms.createAlias(r -> r.aliasName("alias/taken").targetKeyId(symmetricKey(kms))),
                "AlreadyExistsException", 400);
        assertThat(kms.listAliases(r -> r.keyId(key)).aliases()).extracting(AliasListEntry::aliasName)
                .containsExactly("alias/taken");
    }

    @Test
    void malformedJsonAndWrongFieldTypesAreSerializationErrors(StrongroomTestServer server) throws Exception {
        QueryHttp http = new QueryHttp(server.endpoint());
        AwsBasicCredentials admin = AwsBasicCredentials.create(server.admin().accessKeyId(),
                server.admin().secretAccessKey());
        assertJsonError(http, admin, "GenerateRandom", "{\"NumberOfBytes\":", "SerializationException");
        assertJsonError(http, admin, "GenerateRandom", "{\"NumberOfBytes\":\"lots\"}", "SerializationException");
        assertJsonError(http, admin, "CreateKey", "{\"Tags\":\"team=blue\"}", "SerializationException");
        // a well-formed call through the same path works
        QueryHttp.Answer ok = call(http, admin, "GenerateRandom", "{\"NumberOfBytes\":16}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).path("Plaintext").asText()).isNotEmpty();
    }

    private static void assertJsonError(QueryHttp http, AwsBasicCredentials admin, String operation, String body,
                                        String code) throws Exception {
        QueryHttp.Answer answer = call(http, admin, operation, body);
        assertThat(answer.status()).as(body).isEqualTo(400);
        JsonNode error = JSON.readTree(answer.body());
        String type = error.path("__type").asText();
        assertThat(type.substring(type.indexOf('#') + 1)).as(body).isEqualTo(code);
    }

    private static QueryHttp.Answer call(QueryHttp http, AwsBasicCredentials admin, String operation, String body)
            throws Exception {
        SdkHttpRequest request = http.post(Map.of()).build().toBuilder()
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "TrentService." + operation)
                .build();
        return http.send(http.sign(request, body, admin, "kms", Clock.systemUTC()), body);
    }

    private static int keyCount(KmsClient kms) {
        return kms.listKeysPaginator(r -> { }).keys().stream().map(KeyListEntry::keyId).toList().size();
    }

    private static List<String> aliasNames(KmsClient kms) {
        return kms.listAliasesPaginator(r -> { }).aliases().stream().map(AliasListEntry::aliasName).toList();
    }
}
