package io.strongroom.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RootKeySettingsTest {

    @Test
    void parsesEveryDocumentedForm() {
        assertThat(RootKeySettings.parse("file")).isEqualTo(new RootKeySettings("file", Map.of()));
        assertThat(RootKeySettings.parse("file:path=/p")).isEqualTo(new RootKeySettings("file", Map.of("path", "/p")));
        assertThat(RootKeySettings.parse("pkcs11:library=/usr/lib/softhsm/libsofthsm2.so,token-label=x,pin-env=VAR"))
                .isEqualTo(new RootKeySettings("pkcs11", Map.of("library", "/usr/lib/softhsm/libsofthsm2.so",
                        "token-label", "x", "pin-env", "VAR")));
        assertThat(RootKeySettings.parse("passphrase:env=VAR"))
                .isEqualTo(new RootKeySettings("passphrase", Map.of("env", "VAR")));
    }

    @Test
    void providerSettingsSpellOutThePassphraseSource() {
        assertThat(RootKeySettings.parse("passphrase:env=VAR").asProviderSettings())
                .isEqualTo(Map.of("kind", "passphrase", "passphrase-env", "VAR"));
        assertThat(RootKeySettings.parse("pkcs11:library=/l.so,slot=0,pin-file=/run/pin").asProviderSettings())
                .isEqualTo(Map.of("kind", "pkcs11", "library", "/l.so", "slot", "0", "pin-file", "/run/pin"));
    }

    @Test
    void secretSourcesAreTheNamedVariables() {
        assertThat(RootKeySettings.parse("pkcs11:library=/l.so,token-label=x,pin-env=HSM_PIN").secretEnvironmentVariables())
                .containsExactly("HSM_PIN");
        assertThat(RootKeySettings.parse("file").secretEnvironmentVariables()).isEmpty();
    }

    @Test
    void malformedSpecs() {
        assertThatThrownBy(() -> RootKeySettings.parse("file:path")).hasMessageContaining("expected name=value pairs");
        assertThatThrownBy(() -> RootKeySettings.parse("file:path=/a,path=/b")).hasMessage("option path is given twice");
        assertThatThrownBy(() -> RootKeySettings.parse("file:path=")).hasMessage("option path is empty");
        assertThatThrownBy(() -> RootKeySettings.parse("passphrase:env=A,file=/b"))
                .hasMessageContaining("needs exactly one of env, file");
    }

    @Test
    void toStringIsTheSpec() {
        assertThat(RootKeySettings.parse("pkcs11:library=/l.so,token-label=x,pin-env=P"))
                .hasToString("pkcs11:library=/l.so,pin-env=P,token-label=x");
    }
}
