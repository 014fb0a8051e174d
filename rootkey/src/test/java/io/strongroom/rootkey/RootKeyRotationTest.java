package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RootKeyRotationTest {

    @TempDir
    Path dataDir;
    FileRootKeyProvider provider;
    InMemoryWrappedSecretSource accessKeys = new InMemoryWrappedSecretSource("access-keys");
    InMemoryWrappedSecretSource sessions = new InMemoryWrappedSecretSource("sessions");

    @BeforeEach
    void setUp() {
        provider = FileRootKeyProvider.open(dataDir.resolve("root-key"));
        for (int i = 0; i < 3; i++) {
            store(accessKeys, "AKIA" + i, "secret-" + i);
        }
        store(sessions, "ASIA0", "session-secret");
    }

    @AfterEach
    void tearDown() {
        provider.close();
    }

    @Test
    void rewrapsEverySecretAndKeepsTheOldVersionForRunningServers() {
        byte[] oldBlob = accessKeys.wrapped("AKIA0");

        RootKeyRotation.Report report = new RootKeyRotation(provider, List.of(accessKeys, sessions)).rotate();

        assertThat(report).isEqualTo(new RootKeyRotation.Report("v1", "v2", 4, 0, 0, 0, List.of()));
        assertThat(report.complete()).isTrue();
        for (var source : List.of(accessKeys, sessions)) {
            for (var secret : source.list()) {
                assertThat(provider.versionOf(secret.wrapped())).isEqualTo("v2");
            }
        }
        assertThat(plaintext(accessKeys, "AKIA2")).isEqualTo("secret-2");
        assertThat(plaintext(sessions, "ASIA0")).isEqualTo("session-secret");
        assertThat(provider.versions()).containsExactlyInAnyOrder("v1", "v2");
        assertThat(provider.unwrap(oldBlob, aad("AKIA0"))).isEqualTo("secret-0".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void retirementAfterTheRotationRetiresTheOldVersion() {
        byte[] oldBlob = accessKeys.wrapped("AKIA0");
        RootKeyRotation rotation = new RootKeyRotation(provider, List.of(accessKeys, sessions));
        rotation.rotate();

        RootKeyRotation.Retirement retirement = rotation.retireUnused();

        assertThat(retirement).isEqualTo(new RootKeyRotation.Retirement("v2", List.of("v1"), List.of()));
        assertThat(retirement.complete()).isTrue();
        assertThat(provider.versions()).containsExactly("v2");
        assertThat(plaintext(accessKeys, "AKIA1")).isEqualTo("secret-1");
        assertThatThrownBy(() -> provider.unwrap(oldBlob, aad("AKIA0")))
                .isInstanceOf(RootKeyException.class).hasMessage("Unknown root-key version v1");
    }

    @Test
    void retirementRefusesWhileASecretIsStillUnderAnOldVersion() {
        byte[] oldBlob = accessKeys.wrapped("AKIA0");
        RootKeyRotation rotation = new RootKeyRotation(provider, List.of(accessKeys, sessions));
        rotation.rotate();
        accessKeys.put("AKIA0", oldBlob, aad("AKIA0")); // written by a server that had not seen v2 yet

        RootKeyRotation.Retirement retirement = rotation.retireUnused();

        assertThat(retirement).isEqualTo(new RootKeyRotation.Retirement("v2", List.of(),
                List.of("access-keys/AKIA0 is still under v1")));
        assertThat(retirement.complete()).isFalse();
        assertThat(provider.versions()).containsExactlyInAnyOrder("v1", "v2");
        assertThat(plaintext(accessKeys, "AKIA0")).isEqualTo("secret-0");
    }

    @Test
    void retirementRefusesWhileASecretsVersionCannotBeRead() {
        RootKeyRotation rotation = new RootKeyRotation(provider, List.of(accessKeys));
        rotation.rotate();
        accessKeys.put("AKIA1", new byte[] {1, 2, 3}, aad("AKIA1"));

        RootKeyRotation.Retirement retirement = rotation.retireUnused();

        assertThat(retirement.retiredVersions()).isEmpty();
        assertThat(retirement.stillInUse()).singleElement().asString().startsWith("access-keys/AKIA1: ");
        assertThat(provider.versions()).containsExactlyInAnyOrder("v1", "v2");
    }

    @Test
    void retirementRefusesWhileASecretNamesAVersionTheRootKeyDoesNotHold() {
        RootKeyRotation rotation = new RootKeyRotation(provider, List.of(accessKeys));
        rotation.rotate();
        byte[] blob = accessKeys.wrapped("AKIA2");
        WrappedBlob parsed = WrappedBlob.parse(blob);
        accessKeys.put("AKIA2", new WrappedBlob("v7", parsed.nonce(), parsed.ciphertext()).toBytes(), aad("AKIA2"));

        RootKeyRotation.Retirement retirement = rotation.retireUnused();

        assertThat(retirement.stillInUse()).containsExactly(
                "access-keys/AKIA2 is under v7, which this root key does not hold");
        assertThat(provider.versions()).containsExactlyInAnyOrder("v1", "v2");
    }

    @Test
    void retirementWithNoOldVersionRetiresNothing() {
        RootKeyRotation.Retirement retirement = new RootKeyRotation(provider, List.of(accessKeys)).retireUnused();

        assertThat(retirement).isEqualTo(new RootKeyRotation.Retirement("v1", List.of(), List.of()));
        assertThat(retirement.complete()).isTrue();
        assertThat(provider.versions()).containsExactly("v1");
    }

    @Test
    void readersKeepWorkingWhileSecretsAreRewrapped() {
        byte[] oldBlob = accessKeys.wrapped("AKIA1");
        AtomicBoolean oldBlobReadable = new AtomicBoolean(true);
        accessKeys.beforeReplace(secret -> oldBlobReadable.compareAndSet(true,
                "secret-1".equals(new String(provider.unwrap(oldBlob, aad("AKIA1")), StandardCharsets.UTF_8))));

        new RootKeyRotation(provider, List.of(accessKeys)).rotate();

        assertThat(oldBlobReadable).isTrue();
    }

    @Test
    void retriesASecretThatChangedConcurrently() {
        AtomicBoolean changed = new AtomicBoolean();
        accessKeys.beforeReplace(secret -> {
            if (secret.id().equals("AKIA1") && changed.compareAndSet(false, true)) {
                store(accessKeys, "AKIA1", "updated-secret"); // a writer changes it under the new version
            }
        });

        RootKeyRotation.Report report = new RootKeyRotation(provider, List.of(accessKeys)).rotate();

        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(report.rewrapped()).isEqualTo(2);
        assertThat(report.alreadyCurrent()).isEqualTo(1);
        assertThat(report.complete()).isTrue();
        assertThat(plaintext(accessKeys, "AKIA1")).isEqualTo("updated-secret");
    }

    @Test
    void countsASecretDeletedDuringRotation() {
        accessKeys.beforeReplace(secret -> {
            if (secret.id().equals("AKIA2")) {
                accessKeys.remove("AKIA2");
            }
        });

        RootKeyRotation.Report report = new RootKeyRotation(provider, List.of(accessKeys)).rotate();

        assertThat(report.vanished()).isEqualTo(1);
        assertThat(report.rewrapped()).isEqualTo(2);
        assertThat(report.complete()).isTrue();
    }

    @Test
    void aSecondRotationFindsEverythingCurrentAfterItsOwnPass() {
        new RootKeyRotation(provider, List.of(accessKeys)).rotate();

        RootKeyRotation.Report report = new RootKeyRotation(provider, List.of(accessKeys)).rotate();

        assertThat(report.previousVersion()).isEqualTo("v2");
        assertThat(report.currentVersion()).isEqualTo("v3");
        assertThat(report.rewrapped()).isEqualTo(3);
        assertThat(provider.versions()).containsExactlyInAnyOrder("v1", "v2", "v3");
        assertThat(new RootKeyRotation(provider, List.of(accessKeys)).retireUnused().retiredVersions())
                .containsExactly("v1", "v2");
    }

    @Test
    void reportsASecretThatCannotBeUnwrappedAndLeavesItAsItWas() {
        byte[] good = accessKeys.wrapped("AKIA0");
        byte[] damaged = good.clone();
        damaged[damaged.length - 1] ^= 1;
        accessKeys.put("AKIA0", damaged, aad("AKIA0"));

        RootKeyRotation.Report report = new RootKeyRotation(provider, List.of(accessKeys, sessions)).rotate();

        assertThat(report.complete()).isFalse();
        assertThat(report.failures()).singleElement().asString()
                .startsWith("access-keys/AKIA0: Root-key blob is not authentic");
        assertThat(accessKeys.wrapped("AKIA0")).isEqualTo(damaged);
        assertThat(provider.unwrap(good, aad("AKIA0"))).isEqualTo("secret-0".getBytes(StandardCharsets.UTF_8));
        assertThat(provider.currentVersion()).isEqualTo("v2");
        assertThat(new RootKeyRotation(provider, List.of(accessKeys)).retireUnused().stillInUse())
                .containsExactly("access-keys/AKIA0 is still under v1");
    }

    private void store(InMemoryWrappedSecretSource source, String id, String secret) {
        source.put(id, provider.wrap(secret.getBytes(StandardCharsets.UTF_8), aad(id)), aad(id));
    }

    private String plaintext(InMemoryWrappedSecretSource source, String id) {
        return new String(provider.unwrap(source.wrapped(id), aad(id)), StandardCharsets.UTF_8);
    }

    private static byte[] aad(String id) {
        return ("access-key:" + id).getBytes(StandardCharsets.UTF_8);
    }
}
