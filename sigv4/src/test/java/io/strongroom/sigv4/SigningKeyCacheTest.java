package io.strongroom.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.sigv4.SdkSigning.Spec;
import io.strongroom.sigv4.SigningKeyCache.SigningKey;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SigningKeyCacheTest {
    private static final CredentialScope SCOPE = new CredentialScope(LocalDate.of(2026, 1, 1), "us-east-1", "iam");

    @Test
    void verifiedKeyIsReusedForTheSameInputs() {
        SigningKeyCache cache = new SigningKeyCache(10);

        SigningKey first = cache.signingKey("AKID", SigningSecret.of("secret-one"), SCOPE);
        cache.rememberVerified(first);
        SigningKey second = cache.signingKey("AKID", SigningSecret.of("secret-one"), SCOPE);

        assertThat(first.cached()).isFalse();
        assertThat(second.cached()).isTrue();
        assertThat(second.bytes()).isSameAs(first.bytes());
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void keyNeverVerifiedIsNotCached() {
        SigningKeyCache cache = new SigningKeyCache(10);

        cache.signingKey("AKID", SigningSecret.of("secret-one"), SCOPE);
        SigningKey again = cache.signingKey("AKID", SigningSecret.of("secret-one"), SCOPE);

        assertThat(again.cached()).isFalse();
        assertThat(again.bytes()).isEqualTo(SigningKeyDerivation.derive(SigningSecret.of("secret-one"), SCOPE));
        assertThat(cache.size()).isZero();
        assertThat(again.toString()).doesNotContain("secret");
    }

    @Test
    void changedSecretNeverReusesTheOldKey() {
        SigningKeyCache cache = new SigningKeyCache(10);

        SigningKey old = cache.signingKey("AKID", SigningSecret.of("secret-one"), SCOPE);
        cache.rememberVerified(old);
        SigningKey rotated = cache.signingKey("AKID", SigningSecret.of("secret-two"), SCOPE);

        assertThat(rotated.cached()).isFalse();
        assertThat(rotated.bytes()).isNotEqualTo(old.bytes())
                .isEqualTo(SigningKeyDerivation.derive(SigningSecret.of("secret-two"), SCOPE));
    }

    @Test
    void eachScopePartSelectsItsOwnKey() {
        SigningKeyCache cache = new SigningKeyCache(10);
        SigningSecret secret = SigningSecret.of("s");

        byte[] base = remembered(cache, secret, SCOPE);

        assertThat(remembered(cache, secret, new CredentialScope(SCOPE.date().plusDays(1), "us-east-1", "iam")))
                .isNotEqualTo(base);
        assertThat(remembered(cache, secret, new CredentialScope(SCOPE.date(), "eu-west-1", "iam")))
                .isNotEqualTo(base);
        assertThat(remembered(cache, secret, new CredentialScope(SCOPE.date(), "us-east-1", "sts")))
                .isNotEqualTo(base);
        assertThat(cache.size()).isEqualTo(4);
    }

    @Test
    void staysWithinItsBound() {
        SigningKeyCache cache = new SigningKeyCache(3);

        for (int i = 0; i < 50; i++) {
            cache.rememberVerified(cache.signingKey("AKID" + i, SigningSecret.of("s"), SCOPE));
        }

        assertThat(cache.size()).isLessThanOrEqualTo(3);
        assertThatThrownBy(() -> new SigningKeyCache(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failedVerificationLeavesTheCacheUnchanged() {
        SdkSigning sdk = new SdkSigning();
        SigningKeyCache cache = new SigningKeyCache(10);
        SigV4Verifier verifier = new SigV4Verifier(
                id -> Optional.of(SigningSecret.of(SdkSigning.SECRET)), SdkSigning.CLOCK, cache);
        SignedRequest forged = sdk.sign(Spec.get("iam").secret("notTheSecretOfThisAccessKey0000000000000"));

        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOfSatisfying(SigV4Exception.class,
                e -> assertThat(e.reason()).isEqualTo(SigV4Exception.Reason.SIGNATURE_MISMATCH));
        assertThat(cache.size()).isZero();

        verifier.verify(sdk.sign(Spec.get("iam")));
        assertThat(cache.size()).isEqualTo(1);

        SignedRequest forgedElsewhere = sdk.sign(Spec.get("sts").region("eu-west-1")
                .secret("notTheSecretOfThisAccessKey0000000000000"));
        assertThatThrownBy(() -> verifier.verify(forgedElsewhere)).isInstanceOf(SigV4Exception.class);
        assertThat(cache.size()).isEqualTo(1);
    }

    private static byte[] remembered(SigningKeyCache cache, SigningSecret secret, CredentialScope scope) {
        SigningKey key = cache.signingKey("AKID", secret, scope);
        cache.rememberVerified(key);
        return key.bytes();
    }
}
