package io.strongroom.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SigningKeyCacheTest {
    private static final CredentialScope SCOPE = new CredentialScope(LocalDate.of(2026, 1, 1), "us-east-1", "iam");

    @Test
    void sameInputsReuseTheDerivedKey() {
        SigningKeyCache cache = new SigningKeyCache(10);

        byte[] first = cache.signingKey("AKID", SigningSecret.of("secret-one"), SCOPE);
        byte[] second = cache.signingKey("AKID", SigningSecret.of("secret-one"), SCOPE);

        assertThat(second).isSameAs(first);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void changedSecretNeverReusesTheOldKey() {
        SigningKeyCache cache = new SigningKeyCache(10);

        byte[] old = cache.signingKey("AKID", SigningSecret.of("secret-one"), SCOPE);
        byte[] rotated = cache.signingKey("AKID", SigningSecret.of("secret-two"), SCOPE);

        assertThat(rotated).isNotEqualTo(old)
                .isEqualTo(SigningKeyDerivation.derive(SigningSecret.of("secret-two"), SCOPE));
    }

    @Test
    void eachScopePartSelectsItsOwnKey() {
        SigningKeyCache cache = new SigningKeyCache(10);
        SigningSecret secret = SigningSecret.of("s");

        byte[] base = cache.signingKey("AKID", secret, SCOPE);

        assertThat(cache.signingKey("AKID", secret, new CredentialScope(SCOPE.date().plusDays(1), "us-east-1", "iam")))
                .isNotEqualTo(base);
        assertThat(cache.signingKey("AKID", secret, new CredentialScope(SCOPE.date(), "eu-west-1", "iam")))
                .isNotEqualTo(base);
        assertThat(cache.signingKey("AKID", secret, new CredentialScope(SCOPE.date(), "us-east-1", "sts")))
                .isNotEqualTo(base);
        assertThat(cache.size()).isEqualTo(4);
    }

    @Test
    void staysWithinItsBound() {
        SigningKeyCache cache = new SigningKeyCache(3);

        for (int i = 0; i < 50; i++) {
            cache.signingKey("AKID" + i, SigningSecret.of("s"), SCOPE);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(3);
        assertThatThrownBy(() -> new SigningKeyCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
