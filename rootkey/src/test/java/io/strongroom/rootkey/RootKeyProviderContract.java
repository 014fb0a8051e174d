package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyException;
import io.strongroom.core.spi.RootKeyProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Behaviour every software root-key provider shares; subclasses say how to open one. */
abstract class RootKeyProviderContract {

    static final byte[] SECRET = "access-key secret 0123456789".getBytes(StandardCharsets.UTF_8);
    static final byte[] AAD = "access-key:AKIAEXAMPLE".getBytes(StandardCharsets.UTF_8);

    RootKeyProvider provider;

    /** Opens the provider under test (again, when called twice: same state on disk). */
    abstract RootKeyProvider open();

    @BeforeEach
    void openProvider() {
        provider = open();
    }

    @AfterEach
    void closeProvider() {
        provider.close();
    }

    @Test
    void wrapsAndUnwraps() {
        byte[] wrapped = provider.wrap(SECRET, AAD);

        assertThat(provider.unwrap(wrapped, AAD)).isEqualTo(SECRET);
        assertThat(provider.versionOf(wrapped)).isEqualTo(provider.currentVersion()).isEqualTo("v1");
        assertThat(wrapped).hasSize(2 + 2 + 12 + SECRET.length + 16);
    }

    @Test
    void usesAFreshNonceForEveryWrap() {
        assertThat(provider.wrap(SECRET, AAD)).isNotEqualTo(provider.wrap(SECRET, AAD));
    }

    @Test
    void wrongAssociatedDataFails() {
        byte[] wrapped = provider.wrap(SECRET, AAD);

        assertThatThrownBy(() -> provider.unwrap(wrapped, "access-key:OTHER".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RootKeyException.class)
                .hasMessageContaining("not authentic");
        assertThatThrownBy(() -> provider.unwrap(wrapped, new byte[0])).isInstanceOf(RootKeyException.class);
    }

    @Test
    void everyFlippedBitFails() {
        byte[] wrapped = provider.wrap(SECRET, AAD);

        for (int i = 0; i < wrapped.length * 8; i++) {
            byte[] altered = wrapped.clone();
            altered[i / 8] ^= (byte) (1 << (i % 8));
            int bit = i;
            assertThatThrownBy(() -> provider.unwrap(altered, AAD))
                    .as("bit %d", bit)
                    .isInstanceOf(RootKeyException.class);
        }
        assertThat(provider.unwrap(wrapped, AAD)).isEqualTo(SECRET);
    }

    @Test
    void truncatedOrForeignBlobsFail() {
        byte[] wrapped = provider.wrap(SECRET, AAD);

        assertThatThrownBy(() -> provider.unwrap(java.util.Arrays.copyOf(wrapped, 20), AAD))
                .isInstanceOf(RootKeyException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> provider.unwrap(new byte[0], AAD))
                .isInstanceOf(RootKeyException.class).hasMessageContaining("Not a root-key blob");
    }

    @Test
    void unknownVersionFails() {
        byte[] wrapped = provider.wrap(SECRET, AAD);
        byte[] relabelled = new byte[wrapped.length + 1];
        // Same blob claiming version "v99" (one byte longer than "v1").
        relabelled[0] = wrapped[0];
        relabelled[1] = 3;
        relabelled[2] = 'v';
        relabelled[3] = '9';
        relabelled[4] = '9';
        System.arraycopy(wrapped, 4, relabelled, 5, wrapped.length - 4);

        assertThat(provider.versionOf(relabelled)).isEqualTo("v99");
        assertThatThrownBy(() -> provider.unwrap(relabelled, AAD))
                .isInstanceOf(RootKeyException.class)
                .hasMessage("Unknown root-key version v99");
    }

    @Test
    void rotationKeepsOldBlobsReadableUntilRetired() {
        byte[] underV1 = provider.wrap(SECRET, AAD);

        assertThat(provider.rotate()).isEqualTo("v2");
        byte[] underV2 = provider.wrap(SECRET, AAD);

        assertThat(provider.currentVersion()).isEqualTo("v2");
        assertThat(provider.versionOf(underV2)).isEqualTo("v2");
        assertThat(provider.unwrap(underV1, AAD)).isEqualTo(SECRET);

        provider.retire("v1");

        assertThatThrownBy(() -> provider.unwrap(underV1, AAD))
                .isInstanceOf(RootKeyException.class).hasMessage("Unknown root-key version v1");
        assertThat(provider.unwrap(underV2, AAD)).isEqualTo(SECRET);
    }

    @Test
    void rotationAndRetirementSurviveReopening() {
        byte[] underV1 = provider.wrap(SECRET, AAD);
        provider.rotate();
        byte[] underV2 = provider.wrap(SECRET, AAD);

        try (RootKeyProvider reopened = open()) {
            assertThat(reopened.currentVersion()).isEqualTo("v2");
            assertThat(reopened.unwrap(underV1, AAD)).isEqualTo(SECRET);
            assertThat(reopened.unwrap(underV2, AAD)).isEqualTo(SECRET);
        }
        provider.retire("v1");
        try (RootKeyProvider reopened = open()) {
            assertThatThrownBy(() -> reopened.unwrap(underV1, AAD)).isInstanceOf(RootKeyException.class);
            assertThat(reopened.unwrap(underV2, AAD)).isEqualTo(SECRET);
        }
    }

    @Test
    void refusesToRetireTheCurrentOrAnUnknownVersion() {
        byte[] wrapped = provider.wrap(SECRET, AAD);

        assertThatThrownBy(() -> provider.retire("v1"))
                .isInstanceOf(RootKeyException.class).hasMessage("Cannot retire the current root-key version v1");
        assertThatThrownBy(() -> provider.retire("v7"))
                .isInstanceOf(RootKeyException.class).hasMessage("Unknown root-key version v7");
        assertThat(provider.unwrap(wrapped, AAD)).isEqualTo(SECRET);
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        assertThat(provider.toString()).contains("current=v1").doesNotContain("[B@");
    }
}
