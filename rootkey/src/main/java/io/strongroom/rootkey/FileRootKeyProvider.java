package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyException;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The development root of trust: a keyring file of random AES-256 keys, mode 0600. The file
 * necessarily holds the raw keys, so anyone who can read it can unwrap everything: use
 * {@code pkcs11} or {@code passphrase} in production. The file may be rotated by another process
 * (the {@code root-key} command): wraps follow the newest stored version, and unwrapping a version not
 * seen yet re-reads the file.
 */
public final class FileRootKeyProvider implements VersionedRootKeyProvider {

    /** The conventional file name inside the data directory. */
    public static final String DEFAULT_FILE_NAME = "root-key";

    private final SecureRandom random;
    private final RootKeyCipher cipher;
    private final KeyringFile<Keyring> keyring;

    private FileRootKeyProvider(Path keyFile, SecureRandom random) {
        this.random = random;
        this.cipher = new RootKeyCipher(random);
        this.keyring = KeyringFile.open(keyFile, bytes -> validated(Keyring.parse(bytes, keyFile.toString())));
    }

    /** Loads the keyring at {@code keyFile}, creating it with a first random key when it is missing. */
    public static FileRootKeyProvider open(Path keyFile) {
        return open(keyFile, new SecureRandom());
    }

    static FileRootKeyProvider open(Path keyFile, SecureRandom random) {
        requireNonNull(keyFile, "keyFile");
        requireNonNull(random, "random");
        if (!Files.exists(keyFile)) {
            create(keyFile, random);
        }
        return new FileRootKeyProvider(keyFile, random);
    }

    private static void create(Path keyFile, SecureRandom random) {
        byte[] key = AesKeys.random(random);
        try {
            Keyring created = Keyring.of(RootKeyVersions.first(), key);
            byte[] bytes = created.toBytes();
            try {
                PrivateFiles.writeAtomically(keyFile, bytes);
            } finally {
                Arrays.fill(bytes, (byte) 0);
                created.destroy();
            }
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public String kind() {
        return "file";
    }

    @Override
    public String currentVersion() {
        return keyring.fresh().current();
    }

    /** Wraps under the newest stored version, even when another process rotated since the last wrap. */
    @Override
    public byte[] wrap(byte[] plaintext, byte[] associatedData) {
        Keyring snapshot = keyring.fresh();
        return cipher.wrap(snapshot.current(), key(snapshot, snapshot.current()), plaintext, associatedData);
    }

    /** A version this process has not seen yet may come from another process's rotation: re-read once. */
    @Override
    public byte[] unwrap(byte[] wrapped, byte[] associatedData) {
        WrappedBlob blob = WrappedBlob.parse(wrapped);
        Keyring snapshot = keyring.state();
        if (!snapshot.versions().contains(blob.version())) {
            snapshot = keyring.reload();
        }
        return cipher.unwrap(blob, key(snapshot, blob.version()), associatedData);
    }

    @Override
    public String versionOf(byte[] wrapped) {
        return WrappedBlob.parse(wrapped).version();
    }

    @Override
    public Set<String> versions() {
        return Set.copyOf(keyring.reload().versions());
    }

    @Override
    public synchronized String rotate() {
        Keyring stored = keyring.reload();
        String version = RootKeyVersions.next(stored.versions());
        byte[] key = AesKeys.random(random);
        try {
            store(stored.withCurrent(version, key));
            return version;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public synchronized void retire(String version) {
        store(keyring.reload().without(version));
    }

    @Override
    public void close() {
        // Nothing to release: the keys live in this object and go with it.
    }

    @Override
    public String toString() {
        return "FileRootKeyProvider[" + keyring.path() + ", current=" + keyring.state().current() + "]";
    }

    private static SecretKey key(Keyring snapshot, String version) {
        byte[] material = snapshot.material(version);
        try {
            return new SecretKeySpec(material, "AES");
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    private static Keyring validated(Keyring keyring) {
        for (String version : keyring.versions()) {
            byte[] material = keyring.material(version);
            int length = material.length;
            Arrays.fill(material, (byte) 0);
            if (length != AesKeys.KEY_BYTES) {
                throw new RootKeyException("Root key " + version + " is not a 256-bit key");
            }
        }
        return keyring;
    }

    private void store(Keyring next) {
        byte[] bytes = next.toBytes();
        try {
            keyring.replace(next, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
