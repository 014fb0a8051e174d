package io.strongroom.kms;

import static io.strongroom.kms.KmsFixture.assertKmsError;
import static io.strongroom.kms.KmsFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.spi.RootKeyException;
import io.strongroom.iam.auth.CallContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Crypto-shredding: once a key's waiting period is over, the scheduler destroys the material of every
 * version, with the key's aliases and grants. Everything ever encrypted under the key is then
 * unrecoverable, not merely hidden: restoring the key's metadata does not bring the material back.
 */
class CryptoShreddingTest {
    private final KmsFixture f = new KmsFixture();
    private final KmsKey key = f.newKey("to be shredded");
    private final KmsKey survivor = f.newKey("survivor");
    private final CallContext alice = f.user("alice");
    private final CallContext bob = f.user("bob");

    /** Every ciphertext made under the key, with the context and plaintext it needs and holds. */
    private record Sealed(byte[] blob, Map<String, String> context, byte[] plaintext) {
    }

    @Test
    void aDestroyedKeyTakesEverythingEncryptedUnderItWithIt() {
        f.kms.createAlias(f.root, "alias/ledger", key.keyId());
        KmsService.CreatedGrant grant = f.kms.createGrant(f.root, new KmsService.CreateGrantRequest(key.keyId(),
                alice.principal().arn(), Optional.of(bob.principal().arn()), List.of("Encrypt", "Decrypt"),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty()));
        List<Sealed> sealed = new ArrayList<>();
        sealUnderCurrentVersion(sealed, "v1");
        f.kms.rotateKeyOnDemand(f.root, key.keyId());
        sealUnderCurrentVersion(sealed, "v2");
        byte[] survivorBlob = f.encrypt(f.root, survivor.keyId(), utf8("unrelated"), Map.of());

        assertThat(f.repository.listVersions(key.keyId())).extracting(KeyVersion::version).containsExactly(1, 2);
        assertThat(sealed).extracting(s -> SymmetricCiphertext.parse(s.blob()).orElseThrow().keyVersion())
                .containsOnly(1, 2).contains(1, 2);
        sealed.forEach(s -> assertThat(f.decrypt(f.root, s.blob(), s.context())).isEqualTo(s.plaintext()));

        // the waiting period: nothing decrypts, and the deletion can be cancelled, once
        f.kms.scheduleKeyDeletion(f.root, key.keyId(), Optional.of(7));
        assertKmsError(() -> f.encrypt(f.root, key.keyId(), utf8("x"), Map.of()), "KMSInvalidStateException");
        assertKmsError(() -> f.encrypt(f.root, "alias/ledger", utf8("x"), Map.of()), "KMSInvalidStateException");
        for (Sealed s : sealed) {
            assertKmsError(() -> f.decrypt(f.root, s.blob(), s.context()), "KMSInvalidStateException");
        }
        assertKmsError(() -> f.decrypt(alice, sealed.getFirst().blob(), sealed.getFirst().context()),
                "KMSInvalidStateException");

        assertThat(f.kms.cancelKeyDeletion(f.root, key.keyId()).state()).isEqualTo(KeyState.DISABLED);
        assertKmsError(() -> f.kms.cancelKeyDeletion(f.root, key.keyId()), "KMSInvalidStateException");
        f.kms.enableKey(f.root, key.keyId());
        sealed.forEach(s -> assertThat(f.decrypt(f.root, s.blob(), s.context())).isEqualTo(s.plaintext()));

        // scheduled again, and the deadline passes
        KmsKey scheduled = f.kms.scheduleKeyDeletion(f.root, key.keyId(), Optional.of(7));
        assertThat(scheduled.deletionDate()).contains(f.clock.instant().plus(Duration.ofDays(7)));
        f.clock.advance(Duration.ofDays(7).plusSeconds(1));

        assertThat(f.kms.runScheduledWork()).isEqualTo(new KmsService.ScheduledWork(0, 1));

        assertThat(f.events.deleted).singleElement().satisfies(event -> {
            assertThat(event.keyId()).isEqualTo(key.keyId());
            assertThat(event.state()).isEqualTo(KeyState.DESTROYED);
        });
        assertThat(f.events.rotated).isEmpty();
        assertThat(f.kms.runScheduledWork()).isEqualTo(new KmsService.ScheduledWork(0, 0));
        assertThat(f.events.deleted).hasSize(1);

        // every ciphertext now names a key that does not exist
        for (Sealed s : sealed) {
            assertKmsError(() -> f.decrypt(f.root, s.blob(), s.context()), "NotFoundException");
            assertKmsError(() -> f.kms.decrypt(f.root, s.blob(), s.context(), Optional.of(key.keyId()),
                    Optional.empty(), List.of()), "NotFoundException");
            assertKmsError(() -> f.kms.reEncrypt(f.root, new KmsService.ReEncryptRequest(s.blob(), s.context(),
                    Optional.empty(), survivor.keyId(), Map.of(), Optional.empty(), Optional.empty(), List.of())),
                    "NotFoundException");
        }
        assertKmsError(() -> f.decrypt(alice, sealed.getFirst().blob(), sealed.getFirst().context()),
                "NotFoundException");

        // the material of both versions is gone from the store
        assertThat(f.repository.listVersions(key.keyId())).isEmpty();
        assertThat(f.repository.findVersion(key.keyId(), 1)).isEmpty();
        assertThat(f.repository.findVersion(key.keyId(), 2)).isEmpty();
        // and so are its aliases and grants
        assertThat(f.repository.findAlias(f.account, KmsFixture.REGION, "alias/ledger")).isEmpty();
        assertThat(f.kms.listAliases(f.root, Optional.empty(), Optional.empty(), 10).items()).isEmpty();
        assertKmsError(() -> f.encrypt(f.root, "alias/ledger", utf8("x"), Map.of()), "NotFoundException");
        assertThat(f.repository.listGrants(key.keyId())).isEmpty();
        assertThat(f.repository.findGrant(key.keyId(), grant.grantId())).isEmpty();
        assertThat(f.kms.listRetirableGrants(f.root, bob.principal().arn(), Optional.empty(), 10).items()).isEmpty();
        assertKmsError(() -> f.kms.retireGrant(bob, Optional.of(grant.grantToken()), Optional.empty(),
                Optional.empty()), "InvalidGrantTokenException");
        // the key is invisible to every operation
        assertKmsError(() -> f.kms.describeKey(f.root, key.keyId(), List.of()), "NotFoundException");
        assertKmsError(() -> f.kms.describeKey(f.root, key.arn(), List.of()), "NotFoundException");
        assertKmsError(() -> f.kms.enableKey(f.root, key.keyId()), "NotFoundException");
        assertKmsError(() -> f.kms.cancelKeyDeletion(f.root, key.keyId()), "NotFoundException");
        assertKmsError(() -> f.kms.createAlias(f.root, "alias/again", key.keyId()), "NotFoundException");
        assertThat(f.kms.listKeys(f.root, Optional.empty(), 100).items()).extracting(KmsKey::keyId)
                .containsExactly(survivor.keyId());
        // only a tombstone is left, so a later Decrypt can say the key is gone
        assertThat(f.repository.findKey(key.keyId())).hasValueSatisfying(
                tombstone -> assertThat(tombstone.state()).isEqualTo(KeyState.DESTROYED));
        // nothing else was touched
        assertThat(f.decrypt(f.root, survivorBlob, Map.of())).isEqualTo(utf8("unrelated"));
        assertThat(f.repository.listVersions(survivor.keyId())).hasSize(1);
    }

    @Test
    void restoringTheKeysMetadataDoesNotBringItsMaterialBack() {
        List<Sealed> sealed = new ArrayList<>();
        sealUnderCurrentVersion(sealed, "v1");
        f.kms.rotateKeyOnDemand(f.root, key.keyId());
        sealUnderCurrentVersion(sealed, "v2");
        f.kms.scheduleKeyDeletion(f.root, key.keyId(), Optional.of(7));
        f.clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertThat(f.kms.runScheduledWork().destroyed()).isEqualTo(1);

        // an attacker with write access to the store puts the key row back as it was, ENABLED
        KmsKey tombstone = f.repository.findKey(key.keyId()).orElseThrow();
        KmsKey restored = tombstone.withState(KeyState.ENABLED);
        assertThat(f.repository.updateKey(restored)).isTrue();
        f.expireCaches();

        // the key is back in every listing and description, with both versions named ...
        assertThat(f.kms.describeKey(f.root, key.keyId(), List.of()).state()).isEqualTo(KeyState.ENABLED);
        assertThat(f.kms.describeKey(f.root, key.keyId(), List.of()).currentVersion()).isEqualTo(2);
        // ... and yet nothing decrypts: the wrapped material of both versions is gone
        for (Sealed s : sealed) {
            assertKmsError(() -> f.decrypt(f.root, s.blob(), s.context()), "InvalidCiphertextException");
            assertKmsError(() -> f.kms.decrypt(f.root, s.blob(), s.context(), Optional.of(key.keyId()),
                    Optional.empty(), List.of()), "InvalidCiphertextException");
        }
        assertThat(f.repository.listVersions(key.keyId())).isEmpty();

        // nor does planting another key's wrapped material under the destroyed key's id and versions: the root
        // key bound each wrapped blob to its own key id and version, and refuses to unwrap it as anything else
        KeyVersion foreign = f.repository.listVersions(survivor.keyId()).getFirst();
        f.repository.insertVersion(new KeyVersion(key.keyId(), 1, foreign.wrappedMaterial(), Optional.empty(),
                foreign.createdAt(), Optional.empty()));
        f.repository.insertVersion(new KeyVersion(key.keyId(), 2, foreign.wrappedMaterial(), Optional.empty(),
                foreign.createdAt(), Optional.empty()));
        f.clock.advance(KeyMaterials.DEFAULT_TTL.plusSeconds(1));
        for (Sealed s : sealed) {
            assertThatThrownBy(() -> f.decrypt(f.root, s.blob(), s.context())).isInstanceOf(RootKeyException.class);
        }
    }

    /** Encrypts plain blobs and data keys under the key's current version, recording what each holds. */
    private void sealUnderCurrentVersion(List<Sealed> sealed, String label) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("version", label);
        context.put("table", "payments");
        for (String text : List.of(label + "-first", label + "-second")) {
            sealed.add(new Sealed(f.encrypt(f.root, key.keyId(), utf8(text), context), context, utf8(text)));
        }
        sealed.add(new Sealed(f.encrypt(f.root, key.keyId(), utf8(label + "-no-context"), Map.of()), Map.of(),
                utf8(label + "-no-context")));
        KmsService.DataKeyResult dataKey = f.kms.generateDataKey(f.root, key.keyId(), context, Optional.of("AES_256"),
                Optional.empty(), List.of(), true);
        sealed.add(new Sealed(dataKey.ciphertext(), context, dataKey.plaintext().orElseThrow()));
        KmsService.DataKeyResult bytes64 = f.kms.generateDataKey(f.root, key.keyId(), Map.of(), Optional.empty(),
                Optional.of(64), List.of(), true);
        sealed.add(new Sealed(bytes64.ciphertext(), Map.of(), bytes64.plaintext().orElseThrow()));
    }
}
