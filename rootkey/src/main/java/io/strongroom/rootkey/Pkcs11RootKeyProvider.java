package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyException;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.security.auth.login.LoginException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.Security;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A root of trust in an HSM through the JDK's SunPKCS11 provider. Root keys are AES-256 keys
 * generated inside the token as persistent, sensitive, non-extractable objects labelled
 * {@code <prefix>v1}, {@code <prefix>v2}, …; AES-GCM runs in the token, so key bytes never reach
 * this process.
 */
public final class Pkcs11RootKeyProvider implements VersionedRootKeyProvider {

    /** The default label prefix: keys are called {@code strongroom-root-v1} and so on. */
    public static final String DEFAULT_KEY_LABEL_PREFIX = "strongroom-root-";

    private final Provider provider;
    private final SecureRandom random;
    private final KeyStore keyStore;
    private final String labelPrefix;
    private final RootKeyCipher cipher;
    private volatile Versions versions;

    /** The root-key versions found in the token, in version order, and the current one. */
    private record Versions(String current, Map<String, Key> keys) {
    }

    private Pkcs11RootKeyProvider(Provider provider, KeyStore keyStore, String labelPrefix) {
        this.provider = provider;
        this.keyStore = keyStore;
        this.labelPrefix = labelPrefix;
        this.cipher = new RootKeyCipher(provider, new SecureRandom());
        this.random = tokenRandom(provider);
    }

    /** The token's generator (C_GenerateRandom), so key material is made inside the HSM. */
    private static SecureRandom tokenRandom(Provider provider) {
        try {
            return SecureRandom.getInstance("PKCS11", provider);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new RootKeyException("The HSM offers no random number generator through PKCS#11");
        }
    }

    @Override
    public SecureRandom random() {
        return random;
    }

    /**
     * Logs in to the token and finds the root keys by label, generating the first one when there
     * is none. The caller zeroes {@code pin}.
     */
    public static Pkcs11RootKeyProvider open(Path library, Pkcs11Token token, char[] pin, String keyLabelPrefix) {
        requireNonNull(library, "library");
        requireNonNull(token, "token");
        requireNonNull(pin, "pin");
        requireNonNull(keyLabelPrefix, "keyLabelPrefix");
        if (!Files.isReadable(library)) {
            throw new RootKeyException("The PKCS#11 library " + library + " does not exist or is not readable");
        }
        Provider provider = configure(library, token);
        KeyStore keyStore = login(provider, pin, library);
        Pkcs11RootKeyProvider rootKeys = new Pkcs11RootKeyProvider(provider, keyStore, keyLabelPrefix);
        synchronized (rootKeys) {
            rootKeys.versions = rootKeys.scan();
            if (rootKeys.versions.current() == null) {
                rootKeys.generate(RootKeyVersions.first());
            }
        }
        return rootKeys;
    }

    @Override
    public String kind() {
        return "pkcs11";
    }

    @Override
    public String currentVersion() {
        return versions.current();
    }

    /**
     * Wraps under the token's newest version, read from the token each time: another node or the
     * rotate command may have added one, and a secret wrapped under an older version could outlive
     * its retirement. Wrapping is rare (a new access key or session), so the re-read is affordable.
     */
    @Override
    public byte[] wrap(byte[] plaintext, byte[] associatedData) {
        Versions snapshot = refreshed();
        return cipher.wrap(snapshot.current(), snapshot.keys().get(snapshot.current()), plaintext, associatedData);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] associatedData) {
        return cipher.unwrap(wrapped, this::keyFor, associatedData);
    }

    /** A version another instance created since our last scan is found by re-reading the token. */
    private Key keyFor(String version) {
        Key key = versions.keys().get(version);
        return key != null ? key : refreshed().keys().get(version);
    }

    @Override
    public String versionOf(byte[] wrapped) {
        return WrappedBlob.parse(wrapped).version();
    }

    @Override
    public Set<String> versions() {
        return Set.copyOf(refreshed().keys().keySet());
    }

    @Override
    public synchronized String rotate() {
        versions = scan();
        String version = RootKeyVersions.next(versions.keys().keySet());
        generate(version);
        return version;
    }

    @Override
    public synchronized void retire(String version) {
        if (version.equals(versions.current())) {
            throw new RootKeyException("Cannot retire the current root-key version " + version);
        }
        if (!versions.keys().containsKey(version)) {
            throw new RootKeyException("Unknown root-key version " + version);
        }
        try {
            keyStore.deleteEntry(labelPrefix + version);
        } catch (GeneralSecurityException e) {
            throw new RootKeyException("The token refused to delete root key " + labelPrefix + version, e);
        }
        versions = scan();
    }

    @Override
    public void close() {
        if (provider instanceof AuthProvider authProvider) {
            try {
                authProvider.logout();
            } catch (LoginException e) {
                throw new RootKeyException("Logging out of the PKCS#11 token failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "Pkcs11RootKeyProvider[" + provider.getName() + ", prefix=" + labelPrefix
                + ", current=" + versions.current() + "]";
    }

    /** The token's handle for a version (never its bytes); lets tests check the key cannot be extracted. */
    Key key(String version) {
        return versions.keys().get(version);
    }

    /** Another node may have rotated: look at the token again (the session is still logged in). */
    private synchronized Versions refreshed() {
        try {
            keyStore.load(null, null);
        } catch (IOException | GeneralSecurityException e) {
            throw new RootKeyException("Re-reading the PKCS#11 token failed", e);
        }
        versions = scan();
        return versions;
    }

    private Versions scan() {
        try {
            Map<String, Key> keys = new LinkedHashMap<>();
            for (String alias : Collections.list(keyStore.aliases())) {
                if (!alias.startsWith(labelPrefix)) {
                    continue;
                }
                String version = alias.substring(labelPrefix.length());
                if (RootKeyVersions.isNumbered(version) && keyStore.entryInstanceOf(alias, KeyStore.SecretKeyEntry.class)) {
                    keys.put(version, keyStore.getKey(alias, null));
                }
            }
            return new Versions(RootKeyVersions.highest(keys.keySet()), Map.copyOf(keys));
        } catch (GeneralSecurityException e) {
            throw new RootKeyException("Reading the root keys from the PKCS#11 token failed", e);
        }
    }

    /** Generates a key in the token and stores it there as a persistent object under its label. */
    private void generate(String version) {
        String label = labelPrefix + version;
        try {
            if (keyStore.containsAlias(label)) {
                throw new RootKeyException("The token already holds a key labelled " + label);
            }
            KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
            generator.init(AesKeys.KEY_BYTES * 8);
            SecretKey sessionKey = generator.generateKey();
            keyStore.setEntry(label, new KeyStore.SecretKeyEntry(sessionKey), null);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new RootKeyException("Generating root key " + label + " in the PKCS#11 token failed", e);
        }
        versions = scan();
        if (!version.equals(versions.current())) {
            throw new RootKeyException("Root key " + label + " was generated but is not the newest in the token");
        }
    }

    private static Provider configure(Path library, Pkcs11Token token) {
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new RootKeyException("This JVM has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
        }
        try {
            return base.configure("--" + Pkcs11Config.text(library, token));
        } catch (ProviderException | IllegalArgumentException e) {
            throw new RootKeyException("Cannot use the PKCS#11 token " + describe(token) + " of " + library
                    + ": " + rootMessage(e), e);
        }
    }

    private static KeyStore login(Provider provider, char[] pin, Path library) {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, pin);
            return keyStore;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new RootKeyException("PKCS#11 login failed: the PIN is incorrect (" + library + ")");
            }
            throw new RootKeyException("PKCS#11 login failed (" + library + "): " + rootMessage(e), e);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new RootKeyException("PKCS#11 login failed (" + library + "): " + rootMessage(e), e);
        }
    }

    private static String describe(Pkcs11Token token) {
        return switch (token) {
            case Pkcs11Token.SlotId slot -> "in slot " + slot.id();
            case Pkcs11Token.SlotListIndex index -> "at slot list index " + index.index();
            case Pkcs11Token.TokenLabel label -> "labelled " + label.label();
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
