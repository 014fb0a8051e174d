package io.strongroom.store.jdbc.kms;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.spi.WrappedSecretSource.WrappedSecret;
import io.strongroom.kms.KeySpec;
import io.strongroom.kms.KeyState;
import io.strongroom.kms.KeyUsage;
import io.strongroom.kms.KeyVersion;
import io.strongroom.kms.KmsKey;
import io.strongroom.kms.RotationSettings;
import io.strongroom.store.jdbc.Database;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Root-key rotation's view of KMS key material, on one vendor. */
abstract class JdbcKeyMaterialSourceContract {
    private static final Instant T0 = Instant.parse("2025-03-04T05:06:07.891Z");
    private static final String KEY_A = "0a1b2c3d-0000-4000-8000-00000000000a";
    private static final String KEY_B = "1b2c3d4e-0000-4000-8000-00000000000b";

    private Database database;
    private JdbcKmsRepository repository;
    private JdbcKeyMaterialSource source;

    abstract Database openEmptyDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        database = openEmptyDatabase();
        repository = new JdbcKmsRepository(database.transactor(), database.vendor());
        source = new JdbcKeyMaterialSource(database.transactor());
        repository.insertKey(key(KEY_B));
        repository.insertKey(key(KEY_A));
        repository.insertVersion(version(KEY_B, 1, "b1"));
        repository.insertVersion(version(KEY_A, 2, "a2"));
        repository.insertVersion(version(KEY_A, 1, "a1"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void listsEveryVersionWithTheAssociatedDataItWasWrappedWith() {
        assertThat(source.name()).isEqualTo("kms-key-material");
        List<WrappedSecret> secrets = source.list();

        assertThat(secrets).extracting(WrappedSecret::id)
                .containsExactly(KEY_A + ":1", KEY_A + ":2", KEY_B + ":1");
        assertThat(secrets).extracting(s -> new String(s.wrapped(), StandardCharsets.UTF_8))
                .containsExactly("a1", "a2", "b1");
        assertThat(secrets.get(1).associatedData()).isEqualTo(KeyVersion.associatedData(KEY_A, 2));
        assertThat(secrets.get(1).associatedData())
                .isEqualTo(("strongroom:kms-key:" + KEY_A + ":2").getBytes(StandardCharsets.UTF_8));
        assertThat(JdbcKeyMaterialSource.id(KEY_A, 2)).isEqualTo(secrets.get(1).id());
    }

    @Test
    void replacesOnlyWhatStillHoldsTheExpectedBlob() {
        WrappedSecret secret = source.list().get(1);

        assertThat(source.replace(secret, bytes("a2-rewrapped"))).isTrue();
        assertThat(repository.findVersion(KEY_A, 2).orElseThrow().wrappedMaterial()).isEqualTo(bytes("a2-rewrapped"));
        // the other versions stay as they were
        assertThat(repository.findVersion(KEY_A, 1).orElseThrow().wrappedMaterial()).isEqualTo(bytes("a1"));
        assertThat(repository.findVersion(KEY_B, 1).orElseThrow().wrappedMaterial()).isEqualTo(bytes("b1"));

        // the stale expectation loses: a concurrent change is never overwritten
        assertThat(source.replace(secret, bytes("a2-again"))).isFalse();
        assertThat(repository.findVersion(KEY_A, 2).orElseThrow().wrappedMaterial()).isEqualTo(bytes("a2-rewrapped"));
    }

    @Test
    void refusesIdsItDidNotHandOut() {
        byte[] a1 = bytes("a1");
        for (String id : List.of(KEY_A + ":3", KEY_A, KEY_A + ":", ":1", KEY_A + ":01", KEY_A + ":+1", KEY_A + ":x",
                KEY_A.toUpperCase() + ":1", "")) {
            assertThat(source.replace(new WrappedSecret(id, a1, KeyVersion.associatedData(KEY_A, 1)), bytes("z")))
                    .as(id).isFalse();
        }
        assertThat(repository.findVersion(KEY_A, 1).orElseThrow().wrappedMaterial()).isEqualTo(a1);
    }

    @Test
    void destroyedMaterialIsNoLongerListed() {
        assertThat(repository.deleteVersions(KEY_A)).isEqualTo(2);
        assertThat(source.list()).extracting(WrappedSecret::id).containsExactly(KEY_B + ":1");
    }

    private static KmsKey key(String keyId) {
        return new KmsKey(keyId, "111122223333", "us-east-1", "", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT,
                KeyState.ENABLED, T0, Optional.empty(), Optional.empty(), "{}", RotationSettings.DISABLED, 1,
                Optional.empty(), 0, Map.of());
    }

    private static KeyVersion version(String keyId, int version, String wrapped) {
        return new KeyVersion(keyId, version, bytes(wrapped), Optional.empty(), T0, Optional.empty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
