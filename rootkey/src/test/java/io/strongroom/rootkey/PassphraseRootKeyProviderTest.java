package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyException;
import io.strongroom.core.spi.RootKeyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PassphraseRootKeyProviderTest extends RootKeyProviderContract {

    static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @TempDir
    Path dataDir;

    @Override
    RootKeyProvider open() {
        return PassphraseRootKeyProvider.open(dataDir, PASSPHRASE.clone());
    }

    @Test
    void wrongPassphraseFailsClearlyAtStartAndChangesNothing() throws IOException {
        byte[] wrapped = provider.wrap(SECRET, AAD);
        byte[] keyringBefore = Files.readAllBytes(dataDir.resolve("root-keyring"));
        byte[] paramsBefore = Files.readAllBytes(dataDir.resolve("root-key-params"));

        assertThatThrownBy(() -> PassphraseRootKeyProvider.open(dataDir, "incorrect horse battery".toCharArray()))
                .isInstanceOf(RootKeyException.class)
                .hasMessageStartingWith("The root-key passphrase is wrong")
                .hasMessageContaining(dataDir.resolve("root-key-params").toString());
        assertThat(Files.readAllBytes(dataDir.resolve("root-keyring"))).isEqualTo(keyringBefore);
        assertThat(Files.readAllBytes(dataDir.resolve("root-key-params"))).isEqualTo(paramsBefore);
        assertThat(provider.unwrap(wrapped, AAD)).isEqualTo(SECRET);
    }

    @Test
    void refusesAShortPassphrase(@TempDir Path elsewhere) throws IOException {
        assertThatThrownBy(() -> PassphraseRootKeyProvider.open(elsewhere, "short".toCharArray()))
                .isInstanceOf(RootKeyException.class)
                .hasMessage("The root-key passphrase must be at least 12 characters long");
        try (var files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void refusesFewerThan600000Iterations(@TempDir Path elsewhere) {
        assertThatThrownBy(() -> PassphraseRootKeyProvider.open(elsewhere, PASSPHRASE.clone(), 1000, new SecureRandom()))
                .isInstanceOf(RootKeyException.class)
                .hasMessage("The passphrase KDF needs at least 600000 iterations");
    }

    @Test
    void storesSaltAndIterationsButNoKeyInTheParamsFile() throws IOException {
        String params = Files.readString(dataDir.resolve("root-key-params"));

        assertThat(params).contains("kdf=PBKDF2WithHmacSHA256", "iterations=600000", "salt=", "check=");
        assertThat(PassphraseParams.load(dataDir.resolve("root-key-params")).salt()).hasSize(16);
    }

    @Test
    void refusesAKeyringWithoutItsParams() throws IOException {
        Files.delete(dataDir.resolve("root-key-params"));

        assertThatThrownBy(this::open).isInstanceOf(RootKeyException.class)
                .hasMessageContaining("without it the keyring cannot be unlocked");
    }

    /**
     * Recovers the real root keys the way only a passphrase holder can (derive the KEK, unwrap the
     * keyring), proves they are the keys in use, then scans both files for them.
     */
    @Test
    void filesNeverContainTheRawRootKeys() throws Exception {
        byte[] underV1 = provider.wrap(SECRET, AAD);
        provider.rotate();
        byte[] underV2 = provider.wrap(SECRET, AAD);

        PassphraseParams params = PassphraseParams.load(dataDir.resolve("root-key-params"));
        SecretKey kek = PassphraseKdf.deriveKek(PASSPHRASE.clone(), params.salt(), params.iterations());
        Keyring keyring = Keyring.parse(Files.readAllBytes(dataDir.resolve("root-keyring")), "test");
        RootKeyCipher cipher = new RootKeyCipher(new SecureRandom());
        List<byte[]> rawKeys = new ArrayList<>();
        for (String version : List.of("v1", "v2")) {
            rawKeys.add(cipher.unwrap(WrappedBlob.parse(keyring.material(version)), kek,
                    ("strongroom:root-key:" + version).getBytes(StandardCharsets.US_ASCII)));
        }
        assertThat(decryptWithJdk(rawKeys.get(0), underV1)).isEqualTo(SECRET);
        assertThat(decryptWithJdk(rawKeys.get(1), underV2)).isEqualTo(SECRET);

        byte[] kekBytes = kek.getEncoded();
        for (Path file : List.of(dataDir.resolve("root-keyring"), dataDir.resolve("root-key-params"))) {
            byte[] contents = Files.readAllBytes(file);
            for (byte[] key : rawKeys) {
                assertThat(indexOf(contents, key)).as("root key in %s", file).isEqualTo(-1);
            }
            assertThat(indexOf(contents, kekBytes)).as("KEK in %s", file).isEqualTo(-1);
            assertThat(indexOf(contents, new String(PASSPHRASE).getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
        }
    }

    private static byte[] decryptWithJdk(byte[] rawKey, byte[] wrapped) throws Exception {
        WrappedBlob blob = WrappedBlob.parse(wrapped);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(rawKey, "AES"), new GCMParameterSpec(128, blob.nonce()));
        cipher.updateAAD(WrappedBlob.boundAssociatedData(blob.header(), AAD));
        return cipher.doFinal(blob.ciphertext());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
