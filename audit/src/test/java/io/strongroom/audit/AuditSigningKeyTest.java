package io.strongroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.audit.testing.InMemoryAuditRepository;
import io.strongroom.audit.testing.InMemoryAuditTransactor;
import io.strongroom.audit.testing.MutableClock;
import io.strongroom.core.spi.RootKeyException;
import io.strongroom.core.spi.WrappedSecretSource.WrappedSecret;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditSigningKeyTest {
    private static final Instant T = Instant.parse("2025-03-04T05:06:07Z");
    private final TestRootKey rootKey = new TestRootKey();

    @Test
    void generatesAnEd25519KeyWhosePrivateHalfIsStoredOnlyWrapped() throws Exception {
        AuditSigningKey key = AuditSigningKey.generate(rootKey, T);
        StoredSigningKey stored = key.stored();

        assertThat(key.publicKey().getAlgorithm()).isIn("Ed25519", "EdDSA");
        assertThat(stored.keyId()).isEqualTo(key.keyId());
        assertThat(stored.created()).isEqualTo(T);
        assertThat(stored.publicKey()).isEqualTo(key.publicKey().getEncoded());
        byte[] unwrapped = rootKey.unwrap(stored.wrappedPrivateKey(), AuditSigningKey.associatedData(key.keyId()));
        assertThat(indexOf(stored.wrappedPrivateKey(), unwrapped)).isEqualTo(-1); // the plaintext is not in the blob
        assertThat(AuditSigningKey.associatedData("abc")).isEqualTo("strongroom:audit-signing-key:abc"
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theKeyIdIsTheSha256OfThePublicKeyInfo() throws Exception {
        AuditSigningKey key = AuditSigningKey.generate(rootKey, T);
        assertThat(key.keyId()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(key.publicKey().getEncoded())));
        assertThat(AuditSigningKey.generate(rootKey, T).keyId()).isNotEqualTo(key.keyId());
    }

    @Test
    void unwrapsToAKeyThatSignsWhatThePublicKeyVerifies() {
        AuditSigningKey original = AuditSigningKey.generate(rootKey, T);
        AuditSigningKey loaded = AuditSigningKey.unwrap(original.stored(), rootKey);
        byte[] data = "digest".getBytes(StandardCharsets.UTF_8);
        byte[] signature = loaded.sign(data);

        assertThat(signature).hasSize(64);
        assertThat(AuditSigningKey.verify(original.publicKey(), data, signature)).isTrue();
        assertThat(AuditSigningKey.verify(original.publicKey(), "other".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(AuditSigningKey.verify(original.publicKey(), data, new byte[3])).isFalse();
        assertThat(loaded.keyId()).isEqualTo(original.keyId());
    }

    @Test
    void aWrappedKeyDoesNotUnwrapUnderAnotherId() {
        AuditSigningKey a = AuditSigningKey.generate(rootKey, T);
        AuditSigningKey b = AuditSigningKey.generate(rootKey, T);
        // b's public key and id with a's wrapped private key: the associated data no longer matches
        StoredSigningKey swapped = new StoredSigningKey(b.keyId(), a.stored().wrappedPrivateKey(),
                b.stored().publicKey(), T);
        assertThatThrownBy(() -> AuditSigningKey.unwrap(swapped, rootKey)).isInstanceOf(RootKeyException.class);
    }

    @Test
    void refusesAStoredPublicKeyThatIsNotTheIdsOrThePrivateKeys() {
        AuditSigningKey a = AuditSigningKey.generate(rootKey, T);
        AuditSigningKey b = AuditSigningKey.generate(rootKey, T);
        StoredSigningKey wrongPublic = new StoredSigningKey(a.keyId(), a.stored().wrappedPrivateKey(),
                b.stored().publicKey(), T);
        assertThatThrownBy(() -> AuditSigningKey.unwrap(wrongPublic, rootKey))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("another id");

        // a private key wrapped under b's id but not b's: the probe signature fails
        byte[] foreignPrivate = rootKey.unwrap(a.stored().wrappedPrivateKey(), AuditSigningKey.associatedData(a.keyId()));
        StoredSigningKey mismatched = new StoredSigningKey(b.keyId(),
                rootKey.wrap(foreignPrivate, AuditSigningKey.associatedData(b.keyId())), b.stored().publicKey(), T);
        assertThatThrownBy(() -> AuditSigningKey.unwrap(mismatched, rootKey))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not match");
    }

    @Test
    void exportsThePublicKeyAsPemAndReadsItBack() {
        AuditSigningKey key = AuditSigningKey.generate(rootKey, T);
        String pem = key.publicKeyPem();
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("\n-----END PUBLIC KEY-----\n");
        PublicKey read = AuditSigningKey.publicKeyFromPem(pem);
        assertThat(read.getEncoded()).isEqualTo(key.publicKey().getEncoded());
        assertThat(AuditSigningKey.keyIdOf(read)).isEqualTo(key.keyId());
    }

    @Test
    void refusesPemThatIsNotAnEd25519PublicKey() throws Exception {
        assertThatThrownBy(() -> AuditSigningKey.publicKeyFromPem("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditSigningKey.publicKeyFromPem(
                "-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----"))
                .isInstanceOf(IllegalArgumentException.class);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String rsaPem = AuditSigningKey.publicKeyPem(rsa.generateKeyPair().getPublic());
        assertThatThrownBy(() -> AuditSigningKey.publicKeyFromPem(rsaPem)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyStoreCreatesOneKeyAndEveryInstanceLoadsIt() {
        InMemoryAuditRepository repository = new InMemoryAuditRepository();
        InMemoryAuditTransactor transactor = new InMemoryAuditTransactor(repository);
        MutableClock clock = new MutableClock(T);
        AuditSigningKeys first = new AuditSigningKeys(repository, transactor, rootKey, clock);
        AuditSigningKey created = first.current();

        assertThat(first.current()).isSameAs(created);
        assertThat(repository.listSigningKeys()).containsExactly(created.stored());
        AuditSigningKeys second = new AuditSigningKeys(repository, transactor, rootKey, clock);
        assertThat(second.current().keyId()).isEqualTo(created.keyId());
        assertThat(second.publicKeys()).extracting(PublicKey::getEncoded)
                .containsExactly(created.publicKey().getEncoded());
    }

    @Test
    void rootKeyRotationRewrapsTheSigningKey() {
        InMemoryAuditRepository repository = new InMemoryAuditRepository();
        AuditSigningKeys keys = new AuditSigningKeys(repository, new InMemoryAuditTransactor(repository), rootKey,
                new MutableClock(T));
        AuditSigningKey key = keys.current();
        assertThat(keys.name()).isEqualTo("audit-signing-keys");

        rootKey.rotate();
        List<WrappedSecret> secrets = keys.list();
        assertThat(secrets).hasSize(1);
        WrappedSecret secret = secrets.getFirst();
        assertThat(secret.id()).isEqualTo(key.keyId());
        byte[] rewrapped = rootKey.wrap(rootKey.unwrap(secret.wrapped(), secret.associatedData()),
                secret.associatedData());
        assertThat(keys.replace(secret, rewrapped)).isTrue();
        assertThat(keys.replace(secret, rewrapped)).isFalse(); // compare-and-set: it changed meanwhile

        StoredSigningKey stored = repository.findSigningKey(key.keyId()).orElseThrow();
        assertThat(rootKey.versionOf(stored.wrappedPrivateKey())).isEqualTo("2");
        assertThat(AuditSigningKey.unwrap(stored, rootKey).keyId()).isEqualTo(key.keyId());
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
