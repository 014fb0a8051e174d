package io.strongroom.testing;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/** Small shortcuts the KMS end-to-end tests share: making keys and round-tripping bytes. */
final class KmsTestKeys {

    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private KmsTestKeys() {
    }

    /** A new symmetric encryption key; returns its ARN. */
    static String symmetricKey(KmsClient kms) {
        return kms.createKey(r -> { }).keyMetadata().arn();
    }

    /** A new key of {@code spec} for {@code usage}; returns its ARN. */
    static String key(KmsClient kms, KeySpec spec, KeyUsageType usage) {
        return kms.createKey(r -> r.keySpec(spec).keyUsage(usage)).keyMetadata().arn();
    }

    static String keyArn(String accountId, String keyId) {
        return "arn:aws:kms:us-east-1:" + accountId + ":key/" + keyId;
    }

    static String aliasArn(String accountId, String aliasName) {
        return "arn:aws:kms:us-east-1:" + accountId + ":" + aliasName;
    }

    /** The key id (UUID) at the end of a key ARN. */
    static String keyIdOf(String keyArn) {
        return keyArn.substring(keyArn.lastIndexOf('/') + 1);
    }

    static SdkBytes utf8(String text) {
        return SdkBytes.fromString(text, StandardCharsets.UTF_8);
    }

    static byte[] encrypt(KmsClient kms, String keyId, String plaintext, Map<String, String> context) {
        return kms.encrypt(r -> r.keyId(keyId).plaintext(utf8(plaintext)).encryptionContext(context))
                .ciphertextBlob().asByteArray();
    }

    static String decrypt(KmsClient kms, byte[] ciphertext, Map<String, String> context) {
        return kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(ciphertext)).encryptionContext(context))
                .plaintext().asUtf8String();
    }

    /** An X.509 SubjectPublicKeyInfo (as GetPublicKey returns it) read with the JDK. */
    static PublicKey publicKey(String algorithm, byte[] subjectPublicKeyInfo) throws Exception {
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
    }
}
