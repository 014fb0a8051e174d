package io.strongroom.testing;

import static io.strongroom.testing.AwsErrorAssertions.assertAwsError;
import static io.strongroom.testing.KmsTestKeys.UUID_PATTERN;
import static io.strongroom.testing.KmsTestKeys.aliasArn;
import static io.strongroom.testing.KmsTestKeys.decrypt;
import static io.strongroom.testing.KmsTestKeys.encrypt;
import static io.strongroom.testing.KmsTestKeys.keyArn;
import static io.strongroom.testing.KmsTestKeys.keyIdOf;
import static io.strongroom.testing.KmsTestKeys.symmetricKey;
import static io.strongroom.testing.KmsTestKeys.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.CustomerMasterKeySpec;
import software.amazon.awssdk.services.kms.model.DataKeyPairSpec;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;
import software.amazon.awssdk.services.kms.model.RotationType;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * KMS through the SDK's KmsClient as AWS documents it: key metadata, aliases, envelope encryption
 * with encryption contexts, data keys and key pairs, asymmetric and HMAC keys checked against the
 * JDK's own verification, rotation that keeps old ciphertexts readable, scheduled deletion and tags.
 * Access control (key policies, grants, IAM conditions) is in {@link KmsAccessEndToEndTest}; refusals
 * of bad input in {@link KmsBadInputEndToEndTest}.
 */
@ExtendWith(StrongroomExtension.class)
class KmsEndToEndTest {

    private static final Map<String, String> CONTEXT = Map.of("tenant", "blue", "purpose", "end-to-end");

    private static String account;

    @BeforeAll
    static void account(StsClient sts) {
        account = sts.getCallerIdentity().account();
    }

    @Test
    void aNewSymmetricKeyHasTheMetadataAwsGives(KmsClient kms) {
        Instant before = Instant.now().minusSeconds(5);
        KeyMetadata created = kms.createKey(r -> { }).keyMetadata();

        assertThat(created.keyId()).matches(UUID_PATTERN);
        assertThat(created.arn()).isEqualTo(keyArn(account, created.keyId()));
        assertThat(created.awsAccountId()).isEqualTo(account);
        assertThat(created.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(created.enabled()).isTrue();
        assertThat(created.keySpec()).isEqualTo(KeySpec.SYMMETRIC_DEFAULT);
        assertThat(created.customerMasterKeySpec()).isEqualTo(CustomerMasterKeySpec.SYMMETRIC_DEFAULT);
        assertThat(created.keyUsage()).isEqualTo(KeyUsageType.ENCRYPT_DECRYPT);
        assertThat(created.encryptionAlgorithms()).containsExactly(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
        assertThat(created.signingAlgorithms()).isEmpty();
        assertThat(created.origin()).isEqualTo(OriginType.AWS_KMS);
        assertThat(created.keyManager()).isEqualTo(KeyManagerType.CUSTOMER);
        assertThat(created.multiRegion()).isFalse();
        assertThat(created.creationDate()).isBetween(before, Instant.now().plusSeconds(5));
        assertThat(created.deletionDate()).isNull();
        assertThat(created.description()).isNullOrEmpty();

        // DescribeKey answers the same for the key id and the key ARN
        assertThat(kms.describeKey(r -> r.keyId(created.keyId())).keyMetadata()).isEqualTo(created);
        assertThat(kms.describeKey(r -> r.keyId(created.arn())).keyMetadata()).isEqualTo(created);
    }

    @Test
    void createKeyTakesADescriptionTagsAndAPolicy(KmsClient kms) {
        String policy = Policies.document("{\"Sid\":\"Enable IAM User Permissions\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + account + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}");
        KeyMetadata key = kms.createKey(r -> r.description("payroll exports").policy(policy)
                .tags(Tag.builder().tagKey("team").tagValue("payroll").build(),
                        Tag.builder().tagKey("env").tagValue("test").build())).keyMetadata();

        assertThat(key.description()).isEqualTo("payroll exports");
        assertThat(kms.listResourceTags(r -> r.keyId(key.keyId())).tags())
                .extracting(Tag::tagKey, Tag::tagValue)
                .containsExactlyInAnyOrder(tuple("team", "payroll"),
                        tuple("env", "test"));
        assertThat(kms.getKeyPolicy(r -> r.keyId(key.keyId()).policyName("default")).policy())
                .contains("\"Enable IAM User Permissions\"").contains("arn:aws:iam::" + account + ":root");

        kms.updateKeyDescription(r -> r.keyId(key.arn()).description("payroll exports, 2027"));
        assertThat(kms.describeKey(r -> r.keyId(key.keyId())).keyMetadata().description())
                .isEqualTo("payroll exports, 2027");
    }

    @Test
    void listKeysPagesThroughEveryKey(KmsClient kms) {
        List<String> made = List.of(symmetricKey(kms), symmetricKey(kms), symmetricKey(kms));

        List<KeyListEntry> all = kms.listKeysPaginator(r -> r.limit(1)).keys().stream().toList();
        assertThat(all).extracting(KeyListEntry::keyArn).containsAll(made);
        assertThat(all).allSatisfy(entry -> assertThat(entry.keyArn()).isEqualTo(keyArn(account, entry.keyId())));
        assertThat(all).extracting(KeyListEntry::keyArn).doesNotHaveDuplicates();

        var firstPage = kms.listKeys(r -> r.limit(1));
        assertThat(firstPage.keys()).hasSize(1);
        assertThat(firstPage.truncated()).isTrue();
        assertThat(firstPage.nextMarker()).isNotBlank();
    }

    @Test
    void aDisabledKeyRefusesUseUntilEnabledAgain(KmsClient kms) {
        String key = symmetricKey(kms);
        byte[] ciphertext = encrypt(kms, key, "before disabling", Map.of());

        kms.disableKey(r -> r.keyId(key));
        KeyMetadata disabled = kms.describeKey(r -> r.keyId(key)).keyMetadata();
        assertThat(disabled.keyState()).isEqualTo(KeyState.DISABLED);
        assertThat(disabled.enabled()).isFalse();
        assertAwsError(() -> encrypt(kms, key, "while disabled", Map.of()), "DisabledException", 400);
        assertAwsError(() -> decrypt(kms, ciphertext, Map.of()), "DisabledException", 400);
        assertAwsError(() -> kms.generateDataKey(r -> r.keyId(key).keySpec(DataKeySpec.AES_256)),
                "DisabledException", 400);

        kms.enableKey(r -> r.keyId(key));
        assertThat(kms.describeKey(r -> r.keyId(key)).keyMetadata().keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(decrypt(kms, ciphertext, Map.of())).isEqualTo("before disabling");
    }

    @Test
    void aDryRunChecksTheCallAndChangesNothing(KmsClient kms) {
        String key = symmetricKey(kms);
        assertAwsError(() -> kms.encrypt(r -> r.keyId(key).plaintext(utf8("x")).dryRun(true)),
                "DryRunOperationException", 400);
        String accountRoot = "arn:aws:iam::" + key.split(":")[4] + ":root";
        assertAwsError(() -> kms.createGrant(r -> r.keyId(key).granteePrincipal(accountRoot)
                        .operations(GrantOperation.ENCRYPT).dryRun(true)),
                "DryRunOperationException", 400);
        assertThat(kms.listGrants(r -> r.keyId(key)).grants()).isEmpty();

        // a dry run of a call that would fail fails as the call would
        kms.disableKey(r -> r.keyId(key));
        assertAwsError(() -> kms.encrypt(r -> r.keyId(key).plaintext(utf8("x")).dryRun(true)), "DisabledException", 400);
    }

    @Test
    void aliasesNameKeysWhereverAKeyIdIsTaken(KmsClient kms) {
        String first = symmetricKey(kms);
        String second = symmetricKey(kms);
        kms.createAlias(r -> r.aliasName("alias/orders").targetKeyId(keyIdOf(first)));

        List<AliasListEntry> ofFirst = kms.listAliases(r -> r.keyId(first)).aliases();
        assertThat(ofFirst).hasSize(1);
        AliasListEntry alias = ofFirst.getFirst();
        assertThat(alias.aliasName()).isEqualTo("alias/orders");
        assertThat(alias.aliasArn()).isEqualTo(aliasArn(account, "alias/orders"));
        assertThat(alias.targetKeyId()).isEqualTo(keyIdOf(first));
        assertThat(alias.creationDate()).isNotNull();
        assertThat(kms.listAliasesPaginator(r -> { }).aliases().stream().map(AliasListEntry::aliasName))
                .contains("alias/orders");

        // the alias name and the alias ARN are accepted as KeyId; responses name the key ARN
        assertThat(kms.describeKey(r -> r.keyId("alias/orders")).keyMetadata().arn()).isEqualTo(first);
        assertThat(kms.describeKey(r -> r.keyId(aliasArn(account, "alias/orders"))).keyMetadata().arn())
                .isEqualTo(first);
        EncryptResponse viaAlias = kms.encrypt(r -> r.keyId("alias/orders").plaintext(utf8("order 1")));
        assertThat(viaAlias.keyId()).isEqualTo(first);
        EncryptResponse viaAliasArn = kms.encrypt(r -> r.keyId(aliasArn(account, "alias/orders"))
                .plaintext(utf8("order 2")));
        assertThat(viaAliasArn.keyId()).isEqualTo(first);
        assertThat(kms.generateDataKey(r -> r.keyId("alias/orders").keySpec(DataKeySpec.AES_256)).keyId())
                .isEqualTo(first);

        // UpdateAlias moves the name; old ciphertexts still name their own key
        kms.updateAlias(r -> r.aliasName("alias/orders").targetKeyId(second));
        assertThat(kms.encrypt(r -> r.keyId("alias/orders").plaintext(utf8("order 3"))).keyId()).isEqualTo(second);
        assertThat(kms.listAliases(r -> r.keyId(second)).aliases()).extracting(AliasListEntry::aliasName)
                .containsExactly("alias/orders");
        assertThat(kms.listAliases(r -> r.keyId(first)).aliases()).isEmpty();
        DecryptResponse old = kms.decrypt(r -> r.ciphertextBlob(viaAlias.ciphertextBlob()));
        assertThat(old.keyId()).isEqualTo(first);
        assertThat(old.plaintext().asUtf8String()).isEqualTo("order 1");

        kms.deleteAlias(r -> r.aliasName("alias/orders"));
        assertThat(kms.listAliases(r -> r.keyId(second)).aliases()).isEmpty();
        assertAwsError(() -> kms.describeKey(r -> r.keyId("alias/orders")), "NotFoundException", 400);
        // deleting the alias leaves the key
        assertThat(kms.describeKey(r -> r.keyId(second)).keyMetadata().keyState()).isEqualTo(KeyState.ENABLED);
    }

    @Test
    void encryptAndDecryptBindTheEncryptionContext(KmsClient kms) {
        String key = symmetricKey(kms);
        EncryptResponse encrypted = kms.encrypt(r -> r.keyId(keyIdOf(key)).plaintext(utf8("the secret"))
                .encryptionContext(CONTEXT));
        assertThat(encrypted.keyId()).isEqualTo(key);
        assertThat(encrypted.encryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
        assertThat(new String(encrypted.ciphertextBlob().asByteArray(), StandardCharsets.ISO_8859_1))
                .isNotEmpty().doesNotContain("the secret");

        // Decrypt needs no KeyId: the ciphertext names its key; the context's order does not matter
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("purpose", "end-to-end");
        reordered.put("tenant", "blue");
        DecryptResponse decrypted = kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob())
                .encryptionContext(reordered));
        assertThat(decrypted.plaintext().asUtf8String()).isEqualTo("the secret");
        assertThat(decrypted.keyId()).isEqualTo(key);
        assertThat(decrypted.encryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
        // naming the key (by id, ARN) is accepted too
        assertThat(kms.decrypt(r -> r.keyId(keyIdOf(key)).ciphertextBlob(encrypted.ciphertextBlob())
                .encryptionContext(CONTEXT)).plaintext().asUtf8String()).isEqualTo("the secret");

        // two encryptions of the same plaintext differ
        assertThat(encrypt(kms, key, "the secret", CONTEXT)).isNotEqualTo(encrypted.ciphertextBlob().asByteArray());

        // keys with the reserved aws: prefix are accepted in a context
        Map<String, String> awsPrefixed = Map.of("aws:s3:arn", "arn:aws:s3:::bucket/object");
        assertThat(decrypt(kms, encrypt(kms, key, "s3 object", awsPrefixed), awsPrefixed)).isEqualTo("s3 object");

        // the full 4096 bytes of plaintext round-trip
        byte[] largest = new byte[4096];
        Arrays.fill(largest, (byte) 7);
        SdkBytes largestCiphertext = kms.encrypt(r -> r.keyId(key).plaintext(SdkBytes.fromByteArray(largest)))
                .ciphertextBlob();
        assertThat(kms.decrypt(r -> r.ciphertextBlob(largestCiphertext)).plaintext().asByteArray()).isEqualTo(largest);
    }

    @Test
    void aWrongMissingOrTamperedContextOrCiphertextIsInvalidCiphertext(KmsClient kms) {
        String key = symmetricKey(kms);
        byte[] ciphertext = encrypt(kms, key, "bound", CONTEXT);

        assertAwsError(() -> decrypt(kms, ciphertext, Map.of("tenant", "red", "purpose", "end-to-end")),
                "InvalidCiphertextException", 400);
        assertAwsError(() -> decrypt(kms, ciphertext, Map.of("tenant", "blue")), "InvalidCiphertextException", 400);
        assertAwsError(() -> decrypt(kms, ciphertext, Map.of()), "InvalidCiphertextException", 400);
        Map<String, String> extra = new LinkedHashMap<>(CONTEXT);
        extra.put("extra", "x");
        assertAwsError(() -> decrypt(kms, ciphertext, extra), "InvalidCiphertextException", 400);

        byte[] tampered = ciphertext.clone();
        tampered[tampered.length - 1] ^= 0x01;
        assertAwsError(() -> decrypt(kms, tampered, CONTEXT), "InvalidCiphertextException", 400);
        byte[] truncated = Arrays.copyOf(ciphertext, ciphertext.length - 16);
        assertAwsError(() -> decrypt(kms, truncated, CONTEXT), "InvalidCiphertextException", 400);
        byte[] garbage = new byte[200];
        new SecureRandom().nextBytes(garbage);
        assertAwsError(() -> decrypt(kms, garbage, Map.of()), "InvalidCiphertextException", 400);

        // the original still decrypts: a failed attempt changed nothing
        assertThat(decrypt(kms, ciphertext, CONTEXT)).isEqualTo("bound");
    }

    @Test
    void aCiphertextDecryptedUnderAnotherKeyIdIsIncorrectKey(KmsClient kms) {
        String a = symmetricKey(kms);
        String b = symmetricKey(kms);
        byte[] ofA = encrypt(kms, a, "belongs to a", Map.of());

        assertAwsError(() -> kms.decrypt(r -> r.keyId(b).ciphertextBlob(SdkBytes.fromByteArray(ofA))),
                "IncorrectKeyException", 400);
        assertAwsError(() -> kms.reEncrypt(r -> r.sourceKeyId(b).destinationKeyId(a)
                .ciphertextBlob(SdkBytes.fromByteArray(ofA))), "IncorrectKeyException", 400);
        assertThat(kms.decrypt(r -> r.keyId(a).ciphertextBlob(SdkBytes.fromByteArray(ofA))).plaintext().asUtf8String())
                .isEqualTo("belongs to a");
    }

    @Test
    void reEncryptMovesACiphertextToAnotherKeyAndContext(KmsClient kms) {
        String source = symmetricKey(kms);
        String destination = symmetricKey(kms);
        byte[] ciphertext = encrypt(kms, source, "moving", CONTEXT);
        Map<String, String> newContext = Map.of("tenant", "green");

        ReEncryptResponse moved = kms.reEncrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(ciphertext))
                .sourceEncryptionContext(CONTEXT).destinationKeyId(destination)
                .destinationEncryptionContext(newContext));
        assertThat(moved.sourceKeyId()).isEqualTo(source);
        assertThat(moved.keyId()).isEqualTo(destination);
        assertThat(moved.sourceEncryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
        assertThat(moved.destinationEncryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);

        DecryptResponse decrypted = kms.decrypt(r -> r.ciphertextBlob(moved.ciphertextBlob())
                .encryptionContext(newContext));
        assertThat(decrypted.keyId()).isEqualTo(destination);
        assertThat(decrypted.plaintext().asUtf8String()).isEqualTo("moving");
        assertAwsError(() -> kms.decrypt(r -> r.ciphertextBlob(moved.ciphertextBlob()).encryptionContext(CONTEXT)),
                "InvalidCiphertextException", 400);
        assertAwsError(() -> kms.reEncrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(ciphertext))
                .destinationKeyId(destination)), "InvalidCiphertextException", 400);
    }

    @Test
    void dataKeysEncryptLocallyAndTheirCiphertextsDecryptThroughKms(KmsClient kms) throws Exception {
        String key = symmetricKey(kms);
        GenerateDataKeyResponse aes256 = kms.generateDataKey(r -> r.keyId(key).keySpec(DataKeySpec.AES_256)
                .encryptionContext(CONTEXT));
        assertThat(aes256.keyId()).isEqualTo(key);
        assertThat(aes256.plaintext().asByteArray()).hasSize(32);
        assertThat(kms.decrypt(r -> r.ciphertextBlob(aes256.ciphertextBlob()).encryptionContext(CONTEXT))
                .plaintext()).isEqualTo(aes256.plaintext());

        // envelope encryption: the data key encrypts with AES-GCM here, and is recovered from its ciphertext
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher sealer = Cipher.getInstance("AES/GCM/NoPadding");
        sealer.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aes256.plaintext().asByteArray(), "AES"),
                new GCMParameterSpec(128, iv));
        byte[] sealed = sealer.doFinal("a large document".getBytes(StandardCharsets.UTF_8));
        byte[] recovered = kms.decrypt(r -> r.ciphertextBlob(aes256.ciphertextBlob()).encryptionContext(CONTEXT))
                .plaintext().asByteArray();
        Cipher opener = Cipher.getInstance("AES/GCM/NoPadding");
        opener.init(Cipher.DECRYPT_MODE, new SecretKeySpec(recovered, "AES"), new GCMParameterSpec(128, iv));
        assertThat(new String(opener.doFinal(sealed), StandardCharsets.UTF_8)).isEqualTo("a large document");

        GenerateDataKeyResponse aes128 = kms.generateDataKey(r -> r.keyId(key).keySpec(DataKeySpec.AES_128));
        assertThat(aes128.plaintext().asByteArray()).hasSize(16);
        GenerateDataKeyResponse sized = kms.generateDataKey(r -> r.keyId(key).numberOfBytes(64));
        assertThat(sized.plaintext().asByteArray()).hasSize(64);
        assertThat(kms.decrypt(r -> r.ciphertextBlob(sized.ciphertextBlob())).plaintext()).isEqualTo(sized.plaintext());
        assertThat(kms.generateDataKey(r -> r.keyId(key).keySpec(DataKeySpec.AES_256)).plaintext())
                .isNotEqualTo(aes256.plaintext());

        var withoutPlaintext = kms.generateDataKeyWithoutPlaintext(r -> r.keyId(key).keySpec(DataKeySpec.AES_256)
                .encryptionContext(CONTEXT));
        assertThat(withoutPlaintext.keyId()).isEqualTo(key);
        assertThat(kms.decrypt(r -> r.ciphertextBlob(withoutPlaintext.ciphertextBlob()).encryptionContext(CONTEXT))
                .plaintext().asByteArray()).hasSize(32);
        assertAwsError(() -> kms.decrypt(r -> r.ciphertextBlob(withoutPlaintext.ciphertextBlob())),
                "InvalidCiphertextException", 400);
    }

    @Test
    void dataKeyPairsAreMatchingKeyPairsWhosePrivateHalfDecryptsThroughKms(KmsClient kms) throws Exception {
        String key = symmetricKey(kms);

        GenerateDataKeyPairResponse rsa = kms.generateDataKeyPair(r -> r.keyId(key)
                .keyPairSpec(DataKeyPairSpec.RSA_2048).encryptionContext(CONTEXT));
        assertThat(rsa.keyId()).isEqualTo(key);
        assertThat(rsa.keyPairSpec()).isEqualTo(DataKeyPairSpec.RSA_2048);
        PublicKey rsaPublic = KmsTestKeys.publicKey("RSA", rsa.publicKey().asByteArray());
        assertThat(((RSAPublicKey) rsaPublic).getModulus().bitLength()).isEqualTo(2048);
        PrivateKey rsaPrivate = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(rsa.privateKeyPlaintext().asByteArray()));
        assertSignsAndVerifies("SHA256withRSA", rsaPrivate, rsaPublic);
        assertThat(kms.decrypt(r -> r.ciphertextBlob(rsa.privateKeyCiphertextBlob()).encryptionContext(CONTEXT))
                .plaintext()).isEqualTo(rsa.privateKeyPlaintext());

        GenerateDataKeyPairResponse ec = kms.generateDataKeyPair(r -> r.keyId(key)
                .keyPairSpec(DataKeyPairSpec.ECC_NIST_P256));
        PublicKey ecPublic = KmsTestKeys.publicKey("EC", ec.publicKey().asByteArray());
        assertThat(((ECPublicKey) ecPublic).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        PrivateKey ecPrivate = KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(ec.privateKeyPlaintext().asByteArray()));
        assertSignsAndVerifies("SHA256withECDSA", ecPrivate, ecPublic);

        for (DataKeyPairSpec spec : List.of(DataKeyPairSpec.RSA_2048, DataKeyPairSpec.ECC_NIST_P256)) {
            var withoutPlaintext = kms.generateDataKeyPairWithoutPlaintext(r -> r.keyId(key).keyPairSpec(spec)
                    .encryptionContext(CONTEXT));
            assertThat(withoutPlaintext.keyId()).isEqualTo(key);
            assertThat(withoutPlaintext.keyPairSpec()).isEqualTo(spec);
            String algorithm = spec == DataKeyPairSpec.RSA_2048 ? "RSA" : "EC";
            byte[] privateKey = kms.decrypt(r -> r.ciphertextBlob(withoutPlaintext.privateKeyCiphertextBlob())
                    .encryptionContext(CONTEXT)).plaintext().asByteArray();
            assertSignsAndVerifies(algorithm.equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA",
                    KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(privateKey)),
                    KmsTestKeys.publicKey(algorithm, withoutPlaintext.publicKey().asByteArray()));
        }
    }

    @Test
    void generateRandomReturnsFreshBytes(KmsClient kms) {
        byte[] first = kms.generateRandom(r -> r.numberOfBytes(32)).plaintext().asByteArray();
        byte[] second = kms.generateRandom(r -> r.numberOfBytes(32)).plaintext().asByteArray();
        assertThat(first).hasSize(32).isNotEqualTo(second);
        assertThat(kms.generateRandom(r -> r.numberOfBytes(1024)).plaintext().asByteArray()).hasSize(1024);
    }

    @Test
    void rsaSigningKeysSignWhatTheJdkVerifies(KmsClient kms) throws Exception {
        KeyMetadata key = kms.createKey(r -> r.keySpec(KeySpec.RSA_2048).keyUsage(KeyUsageType.SIGN_VERIFY))
                .keyMetadata();
        assertThat(key.keySpec()).isEqualTo(KeySpec.RSA_2048);
        assertThat(key.keyUsage()).isEqualTo(KeyUsageType.SIGN_VERIFY);
        assertThat(key.signingAlgorithms()).containsExactlyInAnyOrder(SigningAlgorithmSpec.RSASSA_PSS_SHA_256,
                SigningAlgorithmSpec.RSASSA_PSS_SHA_384, SigningAlgorithmSpec.RSASSA_PSS_SHA_512,
                SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_384,
                SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_512);
        assertThat(key.encryptionAlgorithms()).isEmpty();

        GetPublicKeyResponse published = kms.getPublicKey(r -> r.keyId(key.keyId()));
        assertThat(published.keyId()).isEqualTo(key.arn());
        assertThat(published.keySpec()).isEqualTo(KeySpec.RSA_2048);
        assertThat(published.keyUsage()).isEqualTo(KeyUsageType.SIGN_VERIFY);
        assertThat(published.signingAlgorithms()).containsExactlyInAnyOrderElementsOf(key.signingAlgorithms());
        PublicKey publicKey = KmsTestKeys.publicKey("RSA", published.publicKey().asByteArray());
        assertThat(((RSAPublicKey) publicKey).getModulus().bitLength()).isEqualTo(2048);

        byte[] message = "release 1.0 artifact digest".getBytes(StandardCharsets.UTF_8);
        SignResponse pkcs1 = kms.sign(r -> r.keyId(key.arn()).message(SdkBytes.fromByteArray(message))
                .messageType(MessageType.RAW).signingAlgorithm(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256));
        assertThat(pkcs1.keyId()).isEqualTo(key.arn());
        assertThat(pkcs1.signingAlgorithm()).isEqualTo(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256);
        assertThat(verifiesLocally("SHA256withRSA", publicKey, message, pkcs1.signature().asByteArray())).isTrue();

        SignResponse pss = kms.sign(r -> r.keyId(key.arn()).message(SdkBytes.fromByteArray(message))
                .messageType(MessageType.RAW).signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256));
        Signature pssVerifier = Signature.getInstance("RSASSA-PSS");
        pssVerifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1",
                MGF1ParameterSpec.SHA256, 32, 1));
        pssVerifier.initVerify(publicKey);
        pssVerifier.update(message);
        assertThat(pssVerifier.verify(pss.signature().asByteArray())).isTrue();

        // a pre-computed digest signs to a signature over the message
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(message);
        SignResponse ofDigest = kms.sign(r -> r.keyId(key.arn()).message(SdkBytes.fromByteArray(digest))
                .messageType(MessageType.DIGEST).signingAlgorithm(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256));
        assertThat(verifiesLocally("SHA256withRSA", publicKey, message, ofDigest.signature().asByteArray())).isTrue();

        var verified = kms.verify(r -> r.keyId(key.arn()).message(SdkBytes.fromByteArray(message))
                .messageType(MessageType.RAW).signature(pkcs1.signature())
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256));
        assertThat(verified.signatureValid()).isTrue();
        assertThat(verified.keyId()).isEqualTo(key.arn());
        assertAwsError(() -> kms.verify(r -> r.keyId(key.arn()).message(utf8("release 1.1 artifact digest"))
                .messageType(MessageType.RAW).signature(pkcs1.signature())
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256)), "KMSInvalidSignatureException", 400);
    }

    @Test
    void eccSigningKeysSignWhatTheJdkVerifies(KmsClient kms) throws Exception {
        String key = KmsTestKeys.key(kms, KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        GetPublicKeyResponse published = kms.getPublicKey(r -> r.keyId(key));
        assertThat(published.keySpec()).isEqualTo(KeySpec.ECC_NIST_P256);
        assertThat(published.signingAlgorithms()).containsExactly(SigningAlgorithmSpec.ECDSA_SHA_256);
        PublicKey publicKey = KmsTestKeys.publicKey("EC", published.publicKey().asByteArray());

        byte[] message = "firmware image".getBytes(StandardCharsets.UTF_8);
        SignResponse signed = kms.sign(r -> r.keyId(key).message(SdkBytes.fromByteArray(message))
                .messageType(MessageType.RAW).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256));
        assertThat(verifiesLocally("SHA256withECDSA", publicKey, message, signed.signature().asByteArray())).isTrue();
        assertThat(kms.verify(r -> r.keyId(key).message(SdkBytes.fromByteArray(message)).messageType(MessageType.RAW)
                .signature(signed.signature()).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signatureValid())
                .isTrue();

        // and KMS verifies a signature made elsewhere only when it is over the same message
        assertAwsError(() -> kms.verify(r -> r.keyId(key).message(utf8("other firmware")).messageType(MessageType.RAW)
                .signature(signed.signature()).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)),
                "KMSInvalidSignatureException", 400);
    }

    @Test
    void rsaEncryptionKeysDecryptWhatTheJdkEncryptsWithOaepSha256(KmsClient kms) throws Exception {
        KeyMetadata key = kms.createKey(r -> r.keySpec(KeySpec.RSA_2048).keyUsage(KeyUsageType.ENCRYPT_DECRYPT))
                .keyMetadata();
        assertThat(key.encryptionAlgorithms()).containsExactlyInAnyOrder(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1,
                EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256);
        GetPublicKeyResponse published = kms.getPublicKey(r -> r.keyId(key.arn()));
        assertThat(published.keyUsage()).isEqualTo(KeyUsageType.ENCRYPT_DECRYPT);
        assertThat(published.encryptionAlgorithms()).containsExactlyInAnyOrderElementsOf(key.encryptionAlgorithms());
        PublicKey publicKey = KmsTestKeys.publicKey("RSA", published.publicKey().asByteArray());

        Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
        oaep.init(Cipher.ENCRYPT_MODE, publicKey, new OAEPParameterSpec("SHA-256", "MGF1",
                MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        byte[] ciphertext = oaep.doFinal("sealed offline".getBytes(StandardCharsets.UTF_8));

        DecryptResponse decrypted = kms.decrypt(r -> r.keyId(key.arn()).ciphertextBlob(SdkBytes.fromByteArray(ciphertext))
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256));
        assertThat(decrypted.plaintext().asUtf8String()).isEqualTo("sealed offline");
        assertThat(decrypted.keyId()).isEqualTo(key.arn());
        assertThat(decrypted.encryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256);

        // KMS's own RSA encryption round-trips with SHA-1 OAEP too
        EncryptResponse viaKms = kms.encrypt(r -> r.keyId(key.arn()).plaintext(utf8("sealed by kms"))
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1));
        assertThat(kms.decrypt(r -> r.keyId(key.arn()).ciphertextBlob(viaKms.ciphertextBlob())
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1)).plaintext().asUtf8String())
                .isEqualTo("sealed by kms");
    }

    @Test
    void hmacKeysGenerateAndVerifyMacs(KmsClient kms) {
        KeyMetadata key = kms.createKey(r -> r.keySpec(KeySpec.HMAC_256).keyUsage(KeyUsageType.GENERATE_VERIFY_MAC))
                .keyMetadata();
        assertThat(key.macAlgorithms()).containsExactly(MacAlgorithmSpec.HMAC_SHA_256);
        assertThat(key.encryptionAlgorithms()).isEmpty();

        var mac = kms.generateMac(r -> r.keyId(key.arn()).message(utf8("token payload"))
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256));
        assertThat(mac.keyId()).isEqualTo(key.arn());
        assertThat(mac.macAlgorithm()).isEqualTo(MacAlgorithmSpec.HMAC_SHA_256);
        assertThat(mac.mac().asByteArray()).hasSize(32);
        // HMAC is deterministic for one key and message
        assertThat(kms.generateMac(r -> r.keyId(key.keyId()).message(utf8("token payload"))
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)).mac()).isEqualTo(mac.mac());

        var verified = kms.verifyMac(r -> r.keyId(key.arn()).message(utf8("token payload")).mac(mac.mac())
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256));
        assertThat(verified.macValid()).isTrue();
        assertThat(verified.keyId()).isEqualTo(key.arn());
        assertAwsError(() -> kms.verifyMac(r -> r.keyId(key.arn()).message(utf8("forged payload")).mac(mac.mac())
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)), "KMSInvalidMacException", 400);

        String other = KmsTestKeys.key(kms, KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC);
        assertAwsError(() -> kms.verifyMac(r -> r.keyId(other).message(utf8("token payload")).mac(mac.mac())
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)), "KMSInvalidMacException", 400);
    }

    @Test
    void rotationKeepsOldCiphertextsReadableAndIsListed(KmsClient kms) {
        String key = symmetricKey(kms);
        byte[] beforeRotation = encrypt(kms, key, "written before rotation", CONTEXT);
        GetKeyRotationStatusResponse off = kms.getKeyRotationStatus(r -> r.keyId(key));
        assertThat(off.keyRotationEnabled()).isFalse();
        assertThat(kms.listKeyRotations(r -> r.keyId(key)).rotations()).isEmpty();

        Instant now = Instant.now();
        kms.enableKeyRotation(r -> r.keyId(key).rotationPeriodInDays(90));
        GetKeyRotationStatusResponse on = kms.getKeyRotationStatus(r -> r.keyId(keyIdOf(key)));
        assertThat(on.keyRotationEnabled()).isTrue();
        assertThat(on.keyId()).isEqualTo(key);
        assertThat(on.rotationPeriodInDays()).isEqualTo(90);
        assertThat(on.nextRotationDate()).isCloseTo(now.plus(90, ChronoUnit.DAYS), within(Duration.ofDays(1)));

        var rotated = kms.rotateKeyOnDemand(r -> r.keyId(key));
        assertThat(rotated.keyId()).isEqualTo(key);
        List<RotationsListEntry> rotations = kms.listKeyRotations(r -> r.keyId(key)).rotations();
        assertThat(rotations).hasSize(1);
        assertThat(rotations.getFirst().keyId()).isEqualTo(key);
        assertThat(rotations.getFirst().rotationType()).isEqualTo(RotationType.ON_DEMAND);
        assertThat(rotations.getFirst().rotationDate()).isBetween(now.minusSeconds(5), Instant.now().plusSeconds(5));

        byte[] afterRotation = encrypt(kms, key, "written after rotation", CONTEXT);
        assertThat(decrypt(kms, beforeRotation, CONTEXT)).isEqualTo("written before rotation");
        assertThat(decrypt(kms, afterRotation, CONTEXT)).isEqualTo("written after rotation");
        assertThat(kms.reEncrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(beforeRotation))
                .sourceEncryptionContext(CONTEXT).destinationKeyId(key).destinationEncryptionContext(CONTEXT)).keyId())
                .isEqualTo(key);

        kms.rotateKeyOnDemand(r -> r.keyId(key));
        assertThat(kms.listKeyRotations(r -> r.keyId(key)).rotations()).hasSize(2);
        assertThat(decrypt(kms, beforeRotation, CONTEXT)).isEqualTo("written before rotation");
        assertThat(decrypt(kms, afterRotation, CONTEXT)).isEqualTo("written after rotation");
    }

    @Test
    void rotationDefaultsToAYearAndCanBeSwitchedOff(KmsClient kms) {
        String key = symmetricKey(kms);
        kms.enableKeyRotation(r -> r.keyId(key));
        assertThat(kms.getKeyRotationStatus(r -> r.keyId(key)).rotationPeriodInDays()).isEqualTo(365);
        kms.enableKeyRotation(r -> r.keyId(key).rotationPeriodInDays(2560));
        assertThat(kms.getKeyRotationStatus(r -> r.keyId(key)).rotationPeriodInDays()).isEqualTo(2560);
        kms.disableKeyRotation(r -> r.keyId(key));
        assertThat(kms.getKeyRotationStatus(r -> r.keyId(key)).keyRotationEnabled()).isFalse();
    }

    @Test
    void aKeyPendingDeletionRefusesUseUntilTheDeletionIsCancelled(KmsClient kms) {
        String key = symmetricKey(kms);
        byte[] ciphertext = encrypt(kms, key, "kept", Map.of());

        Instant now = Instant.now();
        ScheduleKeyDeletionResponse scheduled = kms.scheduleKeyDeletion(r -> r.keyId(key).pendingWindowInDays(7));
        assertThat(scheduled.keyId()).isEqualTo(key);
        assertThat(scheduled.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(scheduled.pendingWindowInDays()).isEqualTo(7);
        assertThat(scheduled.deletionDate()).isCloseTo(now.plus(7, ChronoUnit.DAYS), within(Duration.ofDays(1)));

        KeyMetadata pending = kms.describeKey(r -> r.keyId(key)).keyMetadata();
        assertThat(pending.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(pending.enabled()).isFalse();
        assertThat(pending.deletionDate()).isEqualTo(scheduled.deletionDate());
        assertThat(pending.pendingDeletionWindowInDays()).isEqualTo(7);

        assertAwsError(() -> encrypt(kms, key, "refused", Map.of()), "KMSInvalidStateException", 400);
        assertAwsError(() -> decrypt(kms, ciphertext, Map.of()), "KMSInvalidStateException", 400);
        assertAwsError(() -> kms.generateDataKey(r -> r.keyId(key).keySpec(DataKeySpec.AES_256)),
                "KMSInvalidStateException", 400);
        assertAwsError(() -> kms.enableKey(r -> r.keyId(key)), "KMSInvalidStateException", 400);
        assertAwsError(() -> kms.scheduleKeyDeletion(r -> r.keyId(key)), "KMSInvalidStateException", 400);

        assertThat(kms.cancelKeyDeletion(r -> r.keyId(key)).keyId()).isEqualTo(key);
        KeyMetadata cancelled = kms.describeKey(r -> r.keyId(key)).keyMetadata();
        assertThat(cancelled.keyState()).isEqualTo(KeyState.DISABLED);
        assertThat(cancelled.deletionDate()).isNull();
        assertAwsError(() -> encrypt(kms, key, "still disabled", Map.of()), "DisabledException", 400);

        kms.enableKey(r -> r.keyId(key));
        assertThat(decrypt(kms, ciphertext, Map.of())).isEqualTo("kept");
    }

    @Test
    void theDeletionWindowDefaultsToThirtyDays(KmsClient kms) {
        String key = symmetricKey(kms);
        Instant now = Instant.now();
        ScheduleKeyDeletionResponse scheduled = kms.scheduleKeyDeletion(r -> r.keyId(key));
        assertThat(scheduled.pendingWindowInDays()).isEqualTo(30);
        assertThat(scheduled.deletionDate()).isCloseTo(now.plus(30, ChronoUnit.DAYS), within(Duration.ofDays(1)));
        assertThat(kms.describeKey(r -> r.keyId(key)).keyMetadata().pendingDeletionWindowInDays()).isEqualTo(30);
    }

    @Test
    void tagsAreAddedReplacedAndRemoved(KmsClient kms) {
        String key = symmetricKey(kms);
        assertThat(kms.listResourceTags(r -> r.keyId(key)).tags()).isEmpty();

        kms.tagResource(r -> r.keyId(key).tags(Tag.builder().tagKey("team").tagValue("blue").build(),
                Tag.builder().tagKey("env").tagValue("test").build()));
        kms.tagResource(r -> r.keyId(keyIdOf(key)).tags(Tag.builder().tagKey("env").tagValue("prod").build(),
                Tag.builder().tagKey("owner").tagValue("ops").build()));
        assertThat(tagsOf(kms, key)).containsExactlyInAnyOrderEntriesOf(Map.of("team", "blue", "env", "prod",
                "owner", "ops"));

        kms.untagResource(r -> r.keyId(key).tagKeys("env", "absent"));
        assertThat(tagsOf(kms, key)).containsExactlyInAnyOrderEntriesOf(Map.of("team", "blue", "owner", "ops"));
    }

    private static Map<String, String> tagsOf(KmsClient kms, String key) {
        Map<String, String> tags = new LinkedHashMap<>();
        kms.listResourceTags(r -> r.keyId(key)).tags().forEach(tag -> tags.put(tag.tagKey(), tag.tagValue()));
        return tags;
    }

    private static void assertSignsAndVerifies(String algorithm, PrivateKey privateKey, PublicKey publicKey)
            throws Exception {
        byte[] message = "key pair check".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(privateKey);
        signer.update(message);
        assertThat(verifiesLocally(algorithm, publicKey, message, signer.sign())).as(algorithm).isTrue();
    }

    private static boolean verifiesLocally(String algorithm, PublicKey publicKey, byte[] message, byte[] signature)
            throws Exception {
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey);
        verifier.update(message);
        return verifier.verify(signature);
    }
}
