package io.strongroom.testing;

import static io.strongroom.testing.KmsTestKeys.symmetricKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.encryptionsdk.AwsCrypto;
import com.amazonaws.encryptionsdk.CommitmentPolicy;
import com.amazonaws.encryptionsdk.CryptoResult;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.cryptography.materialproviders.IKeyring;
import software.amazon.cryptography.materialproviders.MaterialProviders;
import software.amazon.cryptography.materialproviders.model.CreateAwsKmsKeyringInput;
import software.amazon.cryptography.materialproviders.model.CreateAwsKmsMultiKeyringInput;
import software.amazon.cryptography.materialproviders.model.MaterialProvidersConfig;

/**
 * The AWS Encryption SDK for Java 3.x, unchanged, with AWS KMS keyrings from the Material Providers
 * Library whose KmsClient points at Strongroom: client-side envelope encryption of a 10 MiB message
 * under an encryption context, and the failures the SDK promises for another context or another key.
 */
@ExtendWith(StrongroomExtension.class)
class KmsEncryptionSdkEndToEndTest {

    private static final int TEN_MIB = 10 * 1024 * 1024;
    private static final Map<String, String> CONTEXT = Map.of("tenant", "blue", "document", "quarterly-report");

    private static final AwsCrypto CRYPTO = AwsCrypto.builder()
            .withCommitmentPolicy(CommitmentPolicy.RequireEncryptRequireDecrypt).build();
    private static final MaterialProviders PROVIDERS = MaterialProviders.builder()
            .MaterialProvidersConfig(MaterialProvidersConfig.builder().build()).build();

    private static byte[] message;

    @BeforeAll
    static void message() {
        message = new byte[TEN_MIB];
        new SecureRandom().nextBytes(message);
    }

    @Test
    void aTenMebibyteMessageRoundTripsUnderAnEncryptionContext(KmsClient kms) {
        IKeyring keyring = keyring(kms, symmetricKey(kms));

        CryptoResult<byte[], ?> encrypted = CRYPTO.encryptData(keyring, message, CONTEXT);
        byte[] ciphertext = encrypted.getResult();
        assertThat(ciphertext.length).isGreaterThan(TEN_MIB);
        assertThat(encrypted.getEncryptionContext()).containsAllEntriesOf(CONTEXT);

        CryptoResult<byte[], ?> decrypted = CRYPTO.decryptData(keyring, ciphertext, CONTEXT);
        assertThat(decrypted.getResult()).isEqualTo(message);
        assertThat(decrypted.getEncryptionContext()).containsAllEntriesOf(CONTEXT);
        // without a required context the stored one is used
        assertThat(CRYPTO.decryptData(keyring, ciphertext).getResult()).isEqualTo(message);
    }

    @Test
    void decryptionRequiringAnotherContextFails(KmsClient kms) {
        IKeyring keyring = keyring(kms, symmetricKey(kms));
        byte[] ciphertext = CRYPTO.encryptData(keyring, message, CONTEXT).getResult();

        assertThatThrownBy(() -> CRYPTO.decryptData(keyring, ciphertext,
                Map.of("tenant", "red", "document", "quarterly-report"))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> CRYPTO.decryptData(keyring, ciphertext, Map.of("tenant", "blue", "document", "other")))
                .isInstanceOf(RuntimeException.class);
        assertThat(CRYPTO.decryptData(keyring, ciphertext, CONTEXT).getResult()).isEqualTo(message);
    }

    @Test
    void aKeyringNamingAnotherKeyCannotDecrypt(KmsClient kms) {
        byte[] ciphertext = CRYPTO.encryptData(keyring(kms, symmetricKey(kms)), message, CONTEXT).getResult();
        IKeyring other = keyring(kms, symmetricKey(kms));
        assertThatThrownBy(() -> CRYPTO.decryptData(other, ciphertext, CONTEXT)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aMultiKeyringMessageDecryptsUnderEitherKeyAndNotUnderADisabledOne(KmsClient kms) {
        String generator = symmetricKey(kms);
        String second = symmetricKey(kms);
        IKeyring both = PROVIDERS.CreateAwsKmsMultiKeyring(CreateAwsKmsMultiKeyringInput.builder()
                .generator(generator).kmsKeyIds(List.of(second)).clientSupplier(input -> kms).build());
        byte[] ciphertext = CRYPTO.encryptData(both, message, CONTEXT).getResult();

        // the second key's copy of the data key is decrypted by Strongroom under the second key alone
        assertThat(CRYPTO.decryptData(keyring(kms, second), ciphertext, CONTEXT).getResult()).isEqualTo(message);
        assertThat(CRYPTO.decryptData(keyring(kms, generator), ciphertext, CONTEXT).getResult()).isEqualTo(message);

        kms.disableKey(r -> r.keyId(second));
        assertThatThrownBy(() -> CRYPTO.decryptData(keyring(kms, second), ciphertext, CONTEXT))
                .isInstanceOf(RuntimeException.class);
        kms.enableKey(r -> r.keyId(second));
        assertThat(CRYPTO.decryptData(keyring(kms, second), ciphertext, CONTEXT).getResult()).isEqualTo(message);
    }

    private static IKeyring keyring(KmsClient kms, String keyArn) {
        return PROVIDERS.CreateAwsKmsKeyring(CreateAwsKmsKeyringInput.builder().kmsKeyId(keyArn).kmsClient(kms).build());
    }
}
