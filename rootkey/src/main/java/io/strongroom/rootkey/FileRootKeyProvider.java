package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyException;
import io.strongroom.core.spi.RootKeyProvider;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * The development root of trust: a keyring file of random AES-256 keys, mode 0600. The file
 * necessarily holds the raw keys, so anyone who can read it can unwrap everything: use
 * {@code pkcs11} or {@code passphrase} in production.
 */
public final class FileRootKeyProvider implements RootKeyProvider {

    /** The conventional file name inside the data directory. */
    public static final String DEFAULT_FILE_NAME = "root-key";

    private final Path keyFile;
    private final SecureRandom random;
    private final RootKeyCipher cipher;
    private volatile Keyring keyring;

    private FileRootKeyProvider(Path keyFile, SecureRandom random, Keyring keyring) {
        this.keyFile = keyFile;
        this.random = random;
        this.cipher = new RootKeyCipher(random);
        this.keyring = keyring;
    }

    /** Loads the keyring at {@code keyFile}, creating it with a first random key when it is missing. */
    public static FileRootKeyProvider open(Path keyFile) {
        return open(keyFile, new SecureRandom());
    }

    static FileRootKeyProvider open(Path keyFile, SecureRandom random) {
        requireNonNull(keyFile, "keyFile");
        requireNonNull(random, "random");
        if (Files.exists(keyFile)) {
            byte[] bytes = PrivateFiles.readPrivate(keyFile);
            try {
                return new FileRootKeyProvider(keyFile, random, validated(Keyring.parse(bytes, keyFile.toString())));
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
        byte[] key = AesKeys.random(random);
        try {
            Keyring created = Keyring.of(RootKeyVersions.first(), key);
            write(keyFile, created);
            return new FileRootKeyProvider(keyFile, random, created);
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
        return keyring.current();
    }

    @Override
    public byte[] wrap(byte[] plaintext, byte[] associatedData) {
        Keyring snapshot = keyring;
        return cipher.wrap(snapshot.current(), key(snapshot, snapshot.current()), plaintext, associatedData);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] associatedData) {
        WrappedBlob blob = WrappedBlob.parse(wrapped);
        return cipher.unwrap(blob, key(keyring, blob.version()), associatedData);
    }

    @Override
    public String versionOf(byte[] wrapped) {
        return WrappedBlob.parse(wrapped).version();
    }

    @Override
    public synchronized String rotate() {
        String version = RootKeyVersions.next(keyring.versions());
        byte[] key = AesKeys.random(random);
        try {
            Keyring next = keyring.withCurrent(version, key);
            write(keyFile, next);
            keyring = next;
            return version;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public synchronized void retire(String version) {
        Keyring next = keyring.without(version);
        write(keyFile, next);
        keyring = next;
    }

    @Override
    public void close() {
        // Nothing to release: the keys live in this object and go with it.
    }

    @Override
    public String toString() {
        return "FileRootKeyProvider[" + keyFile + ", current=" + keyring.current() + "]";
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

    private static void write(Path keyFile, Keyring keyring) {
        byte[] bytes = keyring.toBytes();
        try {
            PrivateFiles.writeAtomically(keyFile, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
