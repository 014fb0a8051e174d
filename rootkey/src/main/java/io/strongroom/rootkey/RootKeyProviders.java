package io.strongroom.rootkey;

import java.util.Arrays;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** Opens the {@link io.strongroom.core.spi.RootKeyProvider} that {@link RootKeySettings} describe. */
public final class RootKeyProviders {

    private RootKeyProviders() {
    }

    /** Opens a provider, reading secrets from this process's environment where the settings say so. */
    public static VersionedRootKeyProvider open(RootKeySettings settings) {
        return open(settings, System.getenv());
    }

    /**
     * Opens a provider, reading secrets from {@code environment} where the settings say so.
     * Failures are {@link io.strongroom.core.spi.RootKeyException}s that name the file, variable or
     * token at fault, never a secret.
     */
    public static VersionedRootKeyProvider open(RootKeySettings settings, Map<String, String> environment) {
        requireNonNull(settings, "settings");
        requireNonNull(environment, "environment");
        return switch (settings) {
            case RootKeySettings.File file -> FileRootKeyProvider.open(file.keyFile());
            case RootKeySettings.Pkcs11 pkcs11 -> {
                char[] pin = pkcs11.pin().read(environment);
                try {
                    yield Pkcs11RootKeyProvider.open(pkcs11.library(), pkcs11.token(), pin, pkcs11.keyLabelPrefix());
                } finally {
                    Arrays.fill(pin, '\0');
                }
            }
            case RootKeySettings.Passphrase passphrase -> {
                char[] secret = passphrase.passphrase().read(environment);
                try {
                    yield PassphraseRootKeyProvider.open(passphrase.dataDirectory(), secret);
                } finally {
                    Arrays.fill(secret, '\0');
                }
            }
        };
    }
}
