package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two provider instances on one keyring, as a running server and the {@code root-key} command are:
 * a rotation or retirement by one is followed by the other without a restart.
 */
class SharedKeyringTest {

    enum Kind {
        FILE(dir -> FileRootKeyProvider.open(dir.resolve("root-key")), "root-key"),
        PASSPHRASE(dir -> PassphraseRootKeyProvider.open(dir, PassphraseRootKeyProviderTest.PASSPHRASE.clone()),
                PassphraseRootKeyProvider.KEYRING_FILE_NAME);

        final Function<Path, VersionedRootKeyProvider> opener;
        final String keyringFileName;

        Kind(Function<Path, VersionedRootKeyProvider> opener, String keyringFileName) {
            this.opener = opener;
            this.keyringFileName = keyringFileName;
        }
    }

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void serverFollowsARotationByTheCommand(Kind kind) {
        try (VersionedRootKeyProvider server = kind.opener.apply(dataDir);
             VersionedRootKeyProvider command = kind.opener.apply(dataDir)) {
            InMemoryWrappedSecretSource secrets = new InMemoryWrappedSecretSource("access-keys");
            secrets.put("AKIA0", server.wrap(utf8("secret-0"), aad("AKIA0")), aad("AKIA0"));

            RootKeyRotation.Report report = new RootKeyRotation(command, List.of(secrets)).rotate();

            assertThat(report.complete()).isTrue();
            byte[] rewrapped = secrets.wrapped("AKIA0");
            assertThat(server.versionOf(rewrapped)).isEqualTo("v2");
            assertThat(server.unwrap(rewrapped, aad("AKIA0"))).isEqualTo(utf8("secret-0"));
            assertThat(server.currentVersion()).isEqualTo("v2");
            byte[] newBlob = server.wrap(utf8("secret-1"), aad("AKIA1"));
            assertThat(server.versionOf(newBlob)).isEqualTo("v2");
            assertThat(command.unwrap(newBlob, aad("AKIA1"))).isEqualTo(utf8("secret-1"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void serverWrapsUnderTheNewVersionBeforeItEverUnwrapsOne(Kind kind) {
        try (VersionedRootKeyProvider server = kind.opener.apply(dataDir);
             VersionedRootKeyProvider command = kind.opener.apply(dataDir)) {
            assertThat(server.versionOf(server.wrap(utf8("before"), aad("A")))).isEqualTo("v1");

            command.rotate();

            assertThat(server.versionOf(server.wrap(utf8("after"), aad("A")))).isEqualTo("v2");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void retirementWaitsUntilNothingRefersToTheOldVersion(Kind kind) {
        try (VersionedRootKeyProvider server = kind.opener.apply(dataDir);
             VersionedRootKeyProvider command = kind.opener.apply(dataDir)) {
            InMemoryWrappedSecretSource secrets = new InMemoryWrappedSecretSource("access-keys");
            secrets.put("AKIA0", server.wrap(utf8("secret-0"), aad("AKIA0")), aad("AKIA0"));
            // A request on the server wraps this under v1 just before the rotation and stores it after the pass.
            byte[] lateOldBlob = server.wrap(utf8("late"), aad("AKIA9"));
            RootKeyRotation rotation = new RootKeyRotation(command, List.of(secrets));
            rotation.rotate();
            secrets.put("AKIA9", lateOldBlob, aad("AKIA9"));

            RootKeyRotation.Retirement refused = rotation.retireUnused();

            assertThat(refused.complete()).isFalse();
            assertThat(refused.retiredVersions()).isEmpty();
            assertThat(refused.stillInUse()).containsExactly("access-keys/AKIA9 is still under v1");
            assertThat(command.versions()).containsExactlyInAnyOrder("v1", "v2");
            assertThat(server.unwrap(secrets.wrapped("AKIA9"), aad("AKIA9"))).isEqualTo(utf8("late"));

            rotation.rotate();
            RootKeyRotation.Retirement retired = rotation.retireUnused();

            assertThat(retired.complete()).isTrue();
            assertThat(retired.retiredVersions()).containsExactlyInAnyOrder("v1", "v2");
            assertThat(server.versions()).containsExactly("v3");
            assertThat(server.unwrap(secrets.wrapped("AKIA9"), aad("AKIA9"))).isEqualTo(utf8("late"));
            assertThat(server.versionOf(server.wrap(utf8("x"), aad("X")))).isEqualTo("v3");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMissingKeyringStopsWrapsInsteadOfUsingAKeyNoLongerStored(Kind kind) throws IOException {
        try (VersionedRootKeyProvider server = kind.opener.apply(dataDir)) {
            byte[] blob = server.wrap(utf8("secret"), aad("A"));
            Path keyring = dataDir.resolve(kind.keyringFileName);
            Files.delete(keyring);

            assertThatThrownBy(() -> server.wrap(utf8("new"), aad("B")))
                    .isInstanceOf(RootKeyException.class)
                    .hasMessage("The root keyring " + keyring + " is missing; restore it from a backup");
            assertThat(server.unwrap(blob, aad("A"))).isEqualTo(utf8("secret"));
            assertThat(Files.exists(keyring)).isFalse();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] aad(String id) {
        return ("access-key:" + id).getBytes(StandardCharsets.UTF_8);
    }
}
