package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyException;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;

/**
 * The passphrase provider's KDF parameters (salt, iterations) and a check value wrapped under the
 * derived key, kept in a small file. None of it is secret; the check value lets a wrong passphrase
 * fail at start instead of producing unreadable data.
 */
record PassphraseParams(int iterations, byte[] salt, byte[] check) {

    static final String KDF = "PBKDF2WithHmacSHA256";
    static final int MIN_ITERATIONS = 600_000;
    static final int SALT_BYTES = 16;

    PassphraseParams {
        if (iterations < MIN_ITERATIONS) {
            throw new RootKeyException("The passphrase KDF needs at least " + MIN_ITERATIONS + " iterations");
        }
        if (salt.length != SALT_BYTES) {
            throw new RootKeyException("The passphrase KDF salt must be " + SALT_BYTES + " bytes");
        }
        salt = salt.clone();
        check = check.clone();
    }

    static PassphraseParams load(Path file) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new RootKeyException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            if (!KDF.equals(properties.getProperty("kdf"))) {
                throw new RootKeyException("Passphrase parameters " + file + " name an unsupported KDF");
            }
            return new PassphraseParams(
                    Integer.parseInt(required(properties, "iterations", file)),
                    Base64.getDecoder().decode(required(properties, "salt", file)),
                    Base64.getDecoder().decode(required(properties, "check", file)));
        } catch (IllegalArgumentException e) {
            throw new RootKeyException("Passphrase parameters " + file + " are malformed", e);
        }
    }

    void store(Path file) {
        String text = "# Strongroom passphrase root-key parameters (not secret)\n"
                + "kdf=" + KDF + "\n"
                + "iterations=" + iterations + "\n"
                + "salt=" + Base64.getEncoder().encodeToString(salt) + "\n"
                + "check=" + Base64.getEncoder().encodeToString(check) + "\n";
        PrivateFiles.writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] check() {
        return check.clone();
    }

    private static String required(Properties properties, String name, Path file) {
        String value = properties.getProperty(name);
        if (value == null) {
            throw new RootKeyException("Passphrase parameters " + file + " lack " + name);
        }
        return value.trim();
    }
}
