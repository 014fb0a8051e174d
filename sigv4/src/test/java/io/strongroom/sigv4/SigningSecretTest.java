package io.strongroom.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SigningSecretTest {

    @Test
    void toStringNeverShowsTheSecret() {
        assertThat(SigningSecret.of("wJalrXUtnFEMI").toString()).doesNotContain("wJalrXUtnFEMI");
    }

    @Test
    void bytesAreCopiedInAndOut() {
        byte[] raw = "abc".getBytes(StandardCharsets.UTF_8);
        SigningSecret secret = SigningSecret.ofBytes(raw);
        raw[0] = 'X';
        secret.bytes()[1] = 'Y';

        assertThat(secret.bytes()).isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
        assertThat(secret).isEqualTo(SigningSecret.of("abc")).isNotEqualTo(SigningSecret.of("abd"));
    }

    @Test
    void emptySecretIsRefused() {
        assertThatThrownBy(() -> SigningSecret.of("")).isInstanceOf(IllegalArgumentException.class);
    }
}
