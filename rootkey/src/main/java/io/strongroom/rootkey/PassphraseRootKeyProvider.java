package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyException;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A root of trust unlocked by a passphrase. PBKDF2 turns the passphrase into a key-encryption key
 * (KEK); the data-wrapping root keys are random AES-256 keys kept in a keyring file wrapped under
 * the KEK, so rotation adds a random version without changing the passphrase, and the files in
 * the data directory never hold a usable key. The keyring may be rotated by another process (the
 * {@code root-key} command): wraps follow the newest stored version, and unwrapping a version not
 * seen yet re-reads the keyring.
 */
public final class PassphraseRootKeyProvider implements VersionedRootKeyProvider {

    public static final String PARAMS_FILE_NAME = "root-key-params";
    public static final String KEYRING_FILE_NAME = "root-keyring";
    static final int MIN_PASSPHRASE_LENGTH = 12;

    private static final String KEK_VERSION = "kek";
    private static final byte[] CHECK_PLAINTEXT = "strongroom passphrase check".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHECK_ASSOCIATED_DATA = "strongroom:passphrase-check".getBytes(StandardCharsets.US_ASCII);

    private final SecureRandom random;
    private final RootKeyCipher cipher;
    private final SecretKey kek;
    private final KeyringFile<State> keyring;

    /** The keyring as stored (entries wrapped under the KEK) and the unwrapped keys in memory. */
    private record State(Keyring stored, Map<String, SecretKey> keys) {
    }

    private PassphraseRootKeyProvider(Path keyringFile, SecureRandom random, SecretKey kek) {
        this.random = random;
        this.cipher = new RootKeyCipher(random);
        this.kek = kek;
        this.keyring = KeyringFile.open(keyringFile, bytes -> {
            Keyring stored = Keyring.parse(bytes, keyringFile.toString());
            return new State(stored, unwrapAll(keyringFile, stored));
        });
    }

    /**
     * Opens the provider whose files live in {@code dataDirectory}, setting it up on first use.
     * A passphrase that differs from the one the directory was set up with fails here, clearly.
     * The caller zeroes {@code passphrase}.
     */
    public static PassphraseRootKeyProvider open(Path dataDirectory, char[] passphrase) {
        return open(dataDirectory, passphrase, PassphraseParams.MIN_ITERATIONS, new SecureRandom());
    }

    static PassphraseRootKeyProvider open(Path dataDirectory, char[] passphrase, int iterations, SecureRandom random) {
        requireNonNull(dataDirectory, "dataDirectory");
        requireNonNull(passphrase, "passphrase");
        if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
            throw new RootKeyException("The root-key passphrase must be at least " + MIN_PASSPHRASE_LENGTH
                    + " characters long");
        }
        Path paramsFile = dataDirectory.resolve(PARAMS_FILE_NAME);
        Path keyringFile = dataDirectory.resolve(KEYRING_FILE_NAME);
        if (Files.exists(paramsFile)) {
            return reopen(paramsFile, keyringFile, passphrase, random);
        }
        if (Files.exists(keyringFile)) {
            throw new RootKeyException("Found " + keyringFile + " but not " + paramsFile
                    + "; without it the keyring cannot be unlocked");
        }
        return setUp(paramsFile, keyringFile, passphrase, iterations, random);
    }

    @Override
    public String kind() {
        return "passphrase";
    }

    @Override
    public String currentVersion() {
        return keyring.fresh().stored().current();
    }

    /** Wraps under the newest stored version, even when another process rotated since the last wrap. */
    @Override
    public byte[] wrap(byte[] plaintext, byte[] associatedData) {
        State snapshot = keyring.fresh();
        String version = snapshot.stored().current();
        return cipher.wrap(version, snapshot.keys().get(version), plaintext, associatedData);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] associatedData) {
        return cipher.unwrap(wrapped, this::keyFor, associatedData);
    }

    /** A version this process has not seen yet may come from another process's rotation: re-read once. */
    private SecretKey keyFor(String version) {
        SecretKey key = keyring.state().keys().get(version);
        return key != null ? key : keyring.reload().keys().get(version);
    }

    @Override
    public String versionOf(byte[] wrapped) {
        return WrappedBlob.parse(wrapped).version();
    }

    @Override
    public Set<String> versions() {
        return Set.copyOf(keyring.reload().stored().versions());
    }

    @Override
    public synchronized String rotate() {
        State current = keyring.reload();
        String version = RootKeyVersions.next(current.stored().versions());
        byte[] key = AesKeys.random(random);
        try {
            Keyring next = current.stored().withCurrent(version, wrapUnderKek(version, key));
            Map<String, SecretKey> keys = new LinkedHashMap<>(current.keys());
            keys.put(version, new SecretKeySpec(key, "AES"));
            store(new State(next, Map.copyOf(keys)));
            return version;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public synchronized void retire(String version) {
        State current = keyring.reload();
        Map<String, SecretKey> keys = new LinkedHashMap<>(current.keys());
        keys.remove(version);
        store(new State(current.stored().without(version), Map.copyOf(keys)));
    }

    @Override
    public void close() {
        // The keys live in this object and go with it.
    }

    @Override
    public String toString() {
        return "PassphraseRootKeyProvider[" + keyring.path() + ", current=" + keyring.state().stored().current() + "]";
    }

    private static PassphraseRootKeyProvider setUp(Path paramsFile, Path keyringFile, char[] passphrase,
                                                   int iterations, SecureRandom random) {
        byte[] salt = new byte[PassphraseParams.SALT_BYTES];
        random.nextBytes(salt);
        SecretKey kek = PassphraseKdf.deriveKek(passphrase, salt, iterations);
        RootKeyCipher cipher = new RootKeyCipher(random);
        byte[] check = cipher.wrap(KEK_VERSION, kek, CHECK_PLAINTEXT, CHECK_ASSOCIATED_DATA);
        String version = RootKeyVersions.first();
        byte[] key = AesKeys.random(random);
        try {
            Keyring keyring = Keyring.of(version, cipher.wrap(KEK_VERSION, kek, key, keyAssociatedData(version)));
            writeKeyring(keyringFile, keyring);
            new PassphraseParams(iterations, salt, check).store(paramsFile);
            return new PassphraseRootKeyProvider(keyringFile, random, kek);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static PassphraseRootKeyProvider reopen(Path paramsFile, Path keyringFile, char[] passphrase,
                                                    SecureRandom random) {
        PassphraseParams params = PassphraseParams.load(paramsFile);
        SecretKey kek = PassphraseKdf.deriveKek(passphrase, params.salt(), params.iterations());
        byte[] check;
        try {
            check = new RootKeyCipher(random).unwrap(WrappedBlob.parse(params.check()), kek, CHECK_ASSOCIATED_DATA);
        } catch (RootKeyException e) {
            throw new RootKeyException("The root-key passphrase is wrong: it does not unlock " + paramsFile
                    + " (the passphrase this data directory was set up with is needed)");
        }
        Arrays.fill(check, (byte) 0);
        if (!Files.exists(keyringFile)) {
            throw new RootKeyException("The root keyring " + keyringFile + " is missing; restore it from a backup");
        }
        return new PassphraseRootKeyProvider(keyringFile, random, kek);
    }

    private Map<String, SecretKey> unwrapAll(Path keyringFile, Keyring stored) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String version : stored.versions()) {
            byte[] key = cipher.unwrap(WrappedBlob.parse(stored.material(version)), kek, keyAssociatedData(version));
            try {
                if (key.length != AesKeys.KEY_BYTES) {
                    throw new RootKeyException("Root key " + version + " in " + keyringFile + " is not a 256-bit key");
                }
                keys.put(version, new SecretKeySpec(key, "AES"));
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        }
        return Map.copyOf(keys);
    }

    private byte[] wrapUnderKek(String version, byte[] key) {
        return cipher.wrap(KEK_VERSION, kek, key, keyAssociatedData(version));
    }

    /** Binds each wrapped key to its version so entries cannot be swapped in the file. */
    private static byte[] keyAssociatedData(String version) {
        return ("strongroom:root-key:" + version).getBytes(StandardCharsets.US_ASCII);
    }

    private void store(State next) {
        byte[] bytes = next.stored().toBytes();
        try {
            keyring.replace(next, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static void writeKeyring(Path file, Keyring keyring) {
        byte[] bytes = keyring.toBytes();
        try {
            PrivateFiles.writeAtomically(file, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
