package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyException;
import io.strongroom.core.spi.RootKeyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RootKeySettingsTest {

    @TempDir
    Path dataDir;

    @Test
    void fileDefaultsToTheDataDirectory() {
        assertThat(RootKeySettings.parse("file", dataDir))
                .isEqualTo(new RootKeySettings.File(dataDir.resolve("root-key")))
                .isEqualTo(RootKeySettings.developmentDefault(dataDir));
        assertThat(RootKeySettings.parse("file:path=/secure/rk", dataDir))
                .isEqualTo(new RootKeySettings.File(Path.of("/secure/rk")));
    }

    @Test
    void mapsEveryPkcs11Setting() {
        RootKeySettings settings = RootKeySettings.parse(
                "pkcs11:library=/usr/lib/hsm.so,token-label=prod,pin-env=HSM_PIN,key-label-prefix=sr-", dataDir);

        assertThat(settings).isEqualTo(new RootKeySettings.Pkcs11(Path.of("/usr/lib/hsm.so"),
                new Pkcs11Token.TokenLabel("prod"), SecretSource.environment("HSM_PIN"), "sr-"));
        assertThat(RootKeySettings.parse("pkcs11:library=/l.so,slot=7,pin-file=/run/pin", dataDir))
                .isEqualTo(new RootKeySettings.Pkcs11(Path.of("/l.so"), new Pkcs11Token.SlotId(7),
                        SecretSource.file(Path.of("/run/pin")), "strongroom-root-"));
        assertThat(((RootKeySettings.Pkcs11) RootKeySettings.parse("pkcs11:library=/l.so,slot-list-index=0,pin=1234",
                dataDir)).token()).isEqualTo(new Pkcs11Token.SlotListIndex(0));
    }

    @Test
    void neverShowsALiteralPin() {
        RootKeySettings settings = RootKeySettings.parse("pkcs11:library=/l.so,slot=1,pin=98765", dataDir);

        assertThat(settings.toString()).doesNotContain("98765").contains("****");
    }

    @Test
    void mapsPassphraseSettings() {
        assertThat(RootKeySettings.fromMap(Map.of("kind", "passphrase", "passphrase-file", "/run/pass"), dataDir))
                .isEqualTo(new RootKeySettings.Passphrase(dataDir, SecretSource.file(Path.of("/run/pass"))));
        assertThat(RootKeySettings.parse("passphrase:env=SR_PASS", dataDir))
                .isEqualTo(new RootKeySettings.Passphrase(dataDir, SecretSource.environment("SR_PASS")));
    }

    @Test
    void namesTheFaultySetting() {
        assertThatThrownBy(() -> RootKeySettings.parse("vault", dataDir))
                .hasMessage("Root-key setting 'kind' must be file, pkcs11 or passphrase, not 'vault'");
        assertThatThrownBy(() -> RootKeySettings.parse("file:colour=red", dataDir))
                .hasMessage("Unknown root-key setting 'colour' for kind file");
        assertThatThrownBy(() -> RootKeySettings.parse("pkcs11:slot=1,pin=1", dataDir))
                .hasMessage("Root-key setting 'library' is missing");
        assertThatThrownBy(() -> RootKeySettings.parse("pkcs11:library=/l.so,slot=1,slot-list-index=0,pin=1", dataDir))
                .hasMessage("Give exactly one of the root-key settings slot, slot-list-index, token-label"
                        + " (got slot, slot-list-index)");
        assertThatThrownBy(() -> RootKeySettings.parse("pkcs11:library=/l.so,slot=one,pin=1", dataDir))
                .hasMessageStartingWith("Root-key setting 'slot' is invalid");
        assertThatThrownBy(() -> RootKeySettings.parse("passphrase:passphrase=hunter2hunter2", dataDir))
                .hasMessage("Unknown root-key setting 'passphrase' for kind passphrase");
        assertThatThrownBy(() -> RootKeySettings.parse("file:path", dataDir))
                .hasMessage("Root-key setting 'path' is not name=value");
        assertThatThrownBy(() -> RootKeySettings.parse("file:path=a,path=b", dataDir))
                .hasMessage("Root-key setting 'path' is given twice");
    }

    @Test
    void factoryOpensTheDescribedProvider() {
        try (RootKeyProvider provider = RootKeyProviders.open(RootKeySettings.parse("file", dataDir), Map.of())) {
            assertThat(provider).isInstanceOf(FileRootKeyProvider.class);
            assertThat(dataDir.resolve("root-key")).exists();
        }
    }

    @Test
    void factoryNamesAMissingPassphraseVariableAndCreatesNothing() {
        RootKeySettings settings = RootKeySettings.parse("passphrase:passphrase-env=SR_PASSPHRASE", dataDir);

        assertThatThrownBy(() -> RootKeyProviders.open(settings, Map.of()))
                .isInstanceOf(RootKeyException.class)
                .hasMessage("The environment variable SR_PASSPHRASE is not set or empty");
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void factoryRefusesAPinFileReadableByOthers() throws Exception {
        Path pinFile = dataDir.resolve("pin");
        java.nio.file.Files.writeString(pinFile, "1234\n");
        java.nio.file.Files.setPosixFilePermissions(pinFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        RootKeySettings settings = RootKeySettings.parse("pkcs11:library=/l.so,slot=0,pin-file=" + pinFile, dataDir);

        assertThatThrownBy(() -> RootKeyProviders.open(settings, Map.of()))
                .isInstanceOf(RootKeyException.class).hasMessageContaining("chmod 600 " + pinFile);
    }
}
