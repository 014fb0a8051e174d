package io.strongroom.kms;

import static io.strongroom.kms.KmsFixture.assertKmsError;
import static io.strongroom.kms.KmsFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Encrypt, Decrypt, ReEncrypt and the data-key operations on symmetric keys: the blob format, the
 * encryption context as associated data, and the errors AWS KMS answers for a wrong blob, a wrong key,
 * a wrong context or a disabled key.
 */
class EncryptDecryptTest {
    private static final Map<String, String> CONTEXT = Map.of("tenant", "acme", "purpose", "invoices");

    private final KmsFixture f = new KmsFixture();
    private final KmsKey key = f.newKey("main");

    @Test
    void encryptThenDecryptReturnsThePlaintextAndNamesTheKey() {
        KmsService.EncryptResult sealed = f.kms.encrypt(f.root, key.keyId(), utf8("attack at dawn"), CONTEXT,
                Optional.empty(), List.of());

        assertThat(sealed.keyArn()).isEqualTo(key.arn());
        assertThat(sealed.algorithm()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(sealed.ciphertext()).hasSize(utf8("attack at dawn").length + SymmetricCiphertext.OVERHEAD);
        SymmetricCiphertext blob = SymmetricCiphertext.parse(sealed.ciphertext()).orElseThrow();
        assertThat(blob.keyId()).isEqualTo(key.keyId());
        assertThat(blob.keyVersion()).isEqualTo(1);

        KmsService.DecryptResult opened = f.kms.decrypt(f.root, sealed.ciphertext(), CONTEXT, Optional.empty(),
                Optional.empty(), List.of());
        assertThat(opened.plaintext()).isEqualTo(utf8("attack at dawn"));
        assertThat(opened.keyArn()).isEqualTo(key.arn());
        assertThat(opened.algorithm()).isEqualTo("SYMMETRIC_DEFAULT");
    }

    @Test
    void twoEncryptionsOfTheSamePlaintextDiffer() {
        byte[] one = f.encrypt(f.root, key.keyId(), utf8("same"), Map.of());
        byte[] two = f.encrypt(f.root, key.keyId(), utf8("same"), Map.of());

        assertThat(one).isNotEqualTo(two);
        assertThat(f.decrypt(f.root, one, Map.of())).isEqualTo(f.decrypt(f.root, two, Map.of()));
    }

    @Test
    void theOrderOfTheContextPairsDoesNotMatter() {
        Map<String, String> forward = new LinkedHashMap<>();
        forward.put("a", "1");
        forward.put("b", "2");
        forward.put("c", "3");
        Map<String, String> backward = new LinkedHashMap<>();
        backward.put("c", "3");
        backward.put("b", "2");
        backward.put("a", "1");
        byte[] blob = f.encrypt(f.root, key.keyId(), utf8("ordered"), forward);

        assertThat(f.decrypt(f.root, blob, backward)).isEqualTo(utf8("ordered"));
        assertThat(f.decrypt(f.root, blob, Map.of("b", "2", "a", "1", "c", "3"))).isEqualTo(utf8("ordered"));
    }

    @Test
    void anyOtherContextMakesTheCiphertextInvalid() {
        byte[] blob = f.encrypt(f.root, key.keyId(), utf8("bound"), CONTEXT);

        List<Map<String, String>> wrong = List.of(
                Map.of("tenant", "acme", "purpose", "payroll"),                  // a different value
                Map.of("tenant", "acme", "purpose", "invoices", "extra", "x"),   // an extra pair
                Map.of("tenant", "acme"),                                        // a missing pair
                Map.of(),                                                        // no context at all
                Map.of("Tenant", "acme", "purpose", "invoices"),                 // keys are case-sensitive
                Map.of("tenant", "ACME", "purpose", "invoices"));                // values too
        for (Map<String, String> context : wrong) {
            assertKmsError("context " + context, () -> f.decrypt(f.root, blob, context), "InvalidCiphertextException");
        }
        assertThat(f.decrypt(f.root, blob, CONTEXT)).isEqualTo(utf8("bound"));
    }

    @Test
    void aContextGivenOnlyAtDecryptionIsRefusedToo() {
        byte[] blob = f.encrypt(f.root, key.keyId(), utf8("unbound"), Map.of());

        assertKmsError(() -> f.decrypt(f.root, blob, Map.of("k", "v")), "InvalidCiphertextException");
        assertThat(f.decrypt(f.root, blob, Map.of())).isEqualTo(utf8("unbound"));
    }

    @Test
    void theContextEncodingIsUnambiguous() {
        byte[] blob = f.encrypt(f.root, key.keyId(), utf8("x"), Map.of("a", "bc"));

        assertKmsError(() -> f.decrypt(f.root, blob, Map.of("ab", "c")), "InvalidCiphertextException");
        assertKmsError(() -> f.decrypt(f.root, blob, Map.of("a", "b", "c", "")), "InvalidCiphertextException");
    }

    @Test
    void aFlippedBitAnywhereInTheBlobMakesItInvalid() {
        byte[] blob = f.encrypt(f.root, key.keyId(), utf8("integrity matters"), CONTEXT);
        // header (format, key id, version), nonce, body and tag: every single byte, two different bits
        for (int i = 0; i < blob.length; i++) {
            for (int bit : new int[] {0x01, 0x80}) {
                byte[] tampered = blob.clone();
                tampered[i] ^= (byte) bit;
                assertKmsError("byte " + i + " of " + blob.length + " flipped with " + bit,
                        () -> f.decrypt(f.root, tampered, CONTEXT), "InvalidCiphertextException");
            }
        }
        assertThat(f.decrypt(f.root, blob, CONTEXT)).isEqualTo(utf8("integrity matters"));
    }

    @Test
    void aTruncatedOrExtendedBlobIsInvalid() {
        byte[] blob = f.encrypt(f.root, key.keyId(), utf8("length"), Map.of());

        for (byte[] bad : List.of(new byte[0], Arrays.copyOf(blob, 1),
                Arrays.copyOf(blob, SymmetricCiphertext.OVERHEAD - 1), Arrays.copyOf(blob, blob.length - 1),
                Arrays.copyOf(blob, blob.length + 1))) {
            assertKmsError(bad.length + " bytes", () -> f.decrypt(f.root, bad, Map.of()), "InvalidCiphertextException");
        }
    }

    @Test
    void aBlobNamingAKeyThisInstallationNeverHadIsAnInvalidCiphertext() {
        byte[] blob = f.encrypt(f.root, key.keyId(), utf8("orphan"), Map.of());
        UUID unknown = UUID.randomUUID();
        byte[] forged = blob.clone();
        ByteBuffer.wrap(forged).position(1).putLong(unknown.getMostSignificantBits())
                .putLong(unknown.getLeastSignificantBits());
        assertThat(SymmetricCiphertext.parse(forged).orElseThrow().keyId()).isEqualTo(unknown.toString());

        assertKmsError(() -> f.decrypt(f.root, forged, Map.of()), "InvalidCiphertextException");
    }

    @Test
    void aBlobNamingAVersionTheKeyDoesNotHaveIsAnInvalidCiphertext() {
        byte[] blob = f.encrypt(f.root, key.keyId(), utf8("future"), Map.of());
        byte[] forged = withVersion(blob, 7);

        assertKmsError(() -> f.decrypt(f.root, forged, Map.of()), "InvalidCiphertextException");
    }

    @Test
    void aKeyIdNamingAnotherKeyIsAnIncorrectKey() {
        KmsKey other = f.newKey("other");
        byte[] blob = f.encrypt(f.root, key.keyId(), utf8("mine"), Map.of());

        assertKmsError(() -> f.kms.decrypt(f.root, blob, Map.of(), Optional.of(other.keyId()), Optional.empty(),
                List.of()), "IncorrectKeyException");
        assertKmsError(() -> f.kms.decrypt(f.root, blob, Map.of(), Optional.of(other.arn()), Optional.empty(),
                List.of()), "IncorrectKeyException");
        assertThat(f.kms.decrypt(f.root, blob, Map.of(), Optional.of(key.arn()), Optional.empty(), List.of())
                .plaintext()).isEqualTo(utf8("mine"));
    }

    @Test
    void aDisabledKeyNeitherEncryptsNorDecryptsUntilEnabledAgain() {
        byte[] blob = f.encrypt(f.root, key.keyId(), utf8("paused"), Map.of());
        f.kms.disableKey(f.root, key.keyId());

        assertKmsError(() -> f.encrypt(f.root, key.keyId(), utf8("more"), Map.of()), "DisabledException");
        assertKmsError(() -> f.decrypt(f.root, blob, Map.of()), "DisabledException");
        assertKmsError(() -> f.kms.generateDataKey(f.root, key.keyId(), Map.of(), Optional.of("AES_256"),
                Optional.empty(), List.of(), true), "DisabledException");

        f.kms.enableKey(f.root, key.keyId());
        assertThat(f.decrypt(f.root, blob, Map.of())).isEqualTo(utf8("paused"));
    }

    @Test
    void plaintextsUpTo4096BytesAreAccepted() {
        byte[] largest = new byte[4096];
        Arrays.fill(largest, (byte) 7);
        byte[] blob = f.encrypt(f.root, key.keyId(), largest, Map.of());

        assertThat(f.decrypt(f.root, blob, Map.of())).isEqualTo(largest);
        assertKmsError(() -> f.encrypt(f.root, key.keyId(), new byte[4097], Map.of()), "ValidationException");
    }

    @Test
    void generateDataKeyReturnsAKeyAndItsCiphertextUnderTheKmsKey() {
        KmsService.DataKeyResult aes256 = f.kms.generateDataKey(f.root, key.keyId(), CONTEXT, Optional.of("AES_256"),
                Optional.empty(), List.of(), true);
        KmsService.DataKeyResult aes128 = f.kms.generateDataKey(f.root, key.keyId(), CONTEXT, Optional.of("AES_128"),
                Optional.empty(), List.of(), true);
        KmsService.DataKeyResult bytes64 = f.kms.generateDataKey(f.root, key.keyId(), Map.of(), Optional.empty(),
                Optional.of(64), List.of(), true);

        assertThat(aes256.keyArn()).isEqualTo(key.arn());
        assertThat(aes256.plaintext().orElseThrow()).hasSize(32);
        assertThat(aes128.plaintext().orElseThrow()).hasSize(16);
        assertThat(bytes64.plaintext().orElseThrow()).hasSize(64);
        assertThat(aes256.plaintext().orElseThrow()).isNotEqualTo(new byte[32]);
        assertThat(f.decrypt(f.root, aes256.ciphertext(), CONTEXT)).isEqualTo(aes256.plaintext().orElseThrow());
        assertThat(f.decrypt(f.root, aes128.ciphertext(), CONTEXT)).isEqualTo(aes128.plaintext().orElseThrow());
        assertThat(f.decrypt(f.root, bytes64.ciphertext(), Map.of())).isEqualTo(bytes64.plaintext().orElseThrow());
        assertKmsError(() -> f.decrypt(f.root, aes256.ciphertext(), Map.of()), "InvalidCiphertextException");
    }

    @Test
    void generateDataKeyWithoutPlaintextReturnsOnlyTheCiphertext() {
        KmsService.DataKeyResult result = f.kms.generateDataKey(f.root, key.keyId(), Map.of(), Optional.of("AES_256"),
                Optional.empty(), List.of(), false);

        assertThat(result.plaintext()).isEmpty();
        assertThat(f.decrypt(f.root, result.ciphertext(), Map.of())).hasSize(32);
    }

    @Test
    void generateDataKeyNeedsExactlyOneValidSize() {
        assertKmsError(() -> f.kms.generateDataKey(f.root, key.keyId(), Map.of(), Optional.empty(), Optional.empty(),
                List.of(), true), "ValidationException");
        assertKmsError(() -> f.kms.generateDataKey(f.root, key.keyId(), Map.of(), Optional.of("AES_256"),
                Optional.of(32), List.of(), true), "ValidationException");
        assertKmsError(() -> f.kms.generateDataKey(f.root, key.keyId(), Map.of(), Optional.empty(), Optional.of(1025),
                List.of(), true), "ValidationException");
        assertKmsError(() -> f.kms.generateDataKey(f.root, key.keyId(), Map.of(), Optional.empty(), Optional.of(0),
                List.of(), true), "ValidationException");
        assertKmsError(() -> f.kms.generateDataKey(f.root, key.keyId(), Map.of(), Optional.of("AES_512"),
                Optional.empty(), List.of(), true), "ValidationException");
    }

    @Test
    void generateDataKeyPairSealsThePrivateKeyUnderTheKmsKey() {
        KmsService.DataKeyPairResult pair = f.kms.generateDataKeyPair(f.root, key.keyId(), CONTEXT, "ECC_NIST_P256",
                List.of(), true);

        assertThat(pair.keyPairSpec()).isEqualTo("ECC_NIST_P256");
        assertThat(pair.publicKey()).isNotEmpty();
        assertThat(f.decrypt(f.root, pair.privateKeyCiphertext(), CONTEXT))
                .isEqualTo(pair.privateKeyPlaintext().orElseThrow());
        assertKmsError(() -> f.kms.generateDataKeyPair(f.root, key.keyId(), CONTEXT, "RSA_1024", List.of(), true),
                "ValidationException");
    }

    @Test
    void reEncryptMovesACiphertextToAnotherKeyAndContext() {
        KmsKey destination = f.newKey("destination");
        byte[] blob = f.encrypt(f.root, key.keyId(), utf8("moving"), CONTEXT);

        KmsService.ReEncryptResult moved = f.kms.reEncrypt(f.root, new KmsService.ReEncryptRequest(blob, CONTEXT,
                Optional.empty(), destination.keyId(), Map.of("new", "context"), Optional.empty(), Optional.empty(),
                List.of()));

        assertThat(moved.sourceKeyArn()).isEqualTo(key.arn());
        assertThat(moved.keyArn()).isEqualTo(destination.arn());
        assertThat(SymmetricCiphertext.parse(moved.ciphertext()).orElseThrow().keyId()).isEqualTo(destination.keyId());
        assertThat(f.decrypt(f.root, moved.ciphertext(), Map.of("new", "context"))).isEqualTo(utf8("moving"));
        assertKmsError(() -> f.decrypt(f.root, moved.ciphertext(), CONTEXT), "InvalidCiphertextException");
    }

    @Test
    void reEncryptChecksTheSourceContextAndKey() {
        KmsKey destination = f.newKey("destination");
        byte[] blob = f.encrypt(f.root, key.keyId(), utf8("moving"), CONTEXT);

        assertKmsError(() -> f.kms.reEncrypt(f.root, new KmsService.ReEncryptRequest(blob, Map.of(), Optional.empty(),
                destination.keyId(), Map.of(), Optional.empty(), Optional.empty(), List.of())),
                "InvalidCiphertextException");
        assertKmsError(() -> f.kms.reEncrypt(f.root, new KmsService.ReEncryptRequest(blob, CONTEXT,
                Optional.of(destination.keyId()), destination.keyId(), Map.of(), Optional.empty(), Optional.empty(),
                List.of())), "IncorrectKeyException");
        f.kms.disableKey(f.root, destination.keyId());
        assertKmsError(() -> f.kms.reEncrypt(f.root, new KmsService.ReEncryptRequest(blob, CONTEXT, Optional.empty(),
                destination.keyId(), Map.of(), Optional.empty(), Optional.empty(), List.of())), "DisabledException");
    }

    @Test
    void anAsymmetricAlgorithmIsRefusedForASymmetricKey() {
        assertKmsError(() -> f.kms.encrypt(f.root, key.keyId(), utf8("x"), Map.of(), Optional.of("RSAES_OAEP_SHA_256"),
                List.of()), "InvalidKeyUsageException");
    }

    @Test
    void generateRandomReturnsTheBytesAskedFor() {
        assertThat(f.kms.generateRandom(f.root, 1)).hasSize(1);
        assertThat(f.kms.generateRandom(f.root, 1024)).hasSize(1024);
        assertKmsError(() -> f.kms.generateRandom(f.root, 0), "ValidationException");
        assertKmsError(() -> f.kms.generateRandom(f.root, 1025), "ValidationException");
    }

    static byte[] withVersion(byte[] blob, int version) {
        byte[] forged = blob.clone();
        ByteBuffer.wrap(forged).putInt(17, version);
        return forged;
    }
}
