package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Where a passphrase or PIN comes from: an environment variable, a file, or (for a PIN in a
 * protected configuration file) the value itself. Never a command-line argument, which other users
 * of the machine can see. {@code toString()} never shows the secret.
 */
public sealed interface SecretSource {

    /**
     * Reads the secret; the caller zeroes the returned array. Throws {@link RootKeyException}
     * naming the variable or file (never the value) when it is missing or empty.
     */
    char[] read(Map<String, String> environment);

    /** A short description for messages, for example {@code environment variable X}. */
    String describe();

    static SecretSource environment(String variable) {
        return new FromEnvironment(variable);
    }

    static SecretSource file(Path file) {
        return new FromFile(file);
    }

    static SecretSource value(char[] secret) {
        return new Value(secret);
    }

    record FromEnvironment(String variable) implements SecretSource {
        public FromEnvironment {
            requireNonNull(variable, "variable");
        }

        @Override
        public char[] read(Map<String, String> environment) {
            String value = environment.get(variable);
            if (value == null || value.isEmpty()) {
                throw new RootKeyException("The environment variable " + variable + " is not set or empty");
            }
            return value.toCharArray();
        }

        @Override
        public String describe() {
            return "environment variable " + variable;
        }
    }

    record FromFile(Path file) implements SecretSource {
        public FromFile {
            requireNonNull(file, "file");
        }

        /** Reads the file (which must be private to its owner) without its trailing line break. */
        @Override
        public char[] read(Map<String, String> environment) {
            byte[] bytes = PrivateFiles.readPrivate(file);
            CharBuffer chars = null;
            try {
                chars = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes));
                int length = chars.remaining();
                while (length > 0 && (chars.get(length - 1) == '\n' || chars.get(length - 1) == '\r')) {
                    length--;
                }
                if (length == 0) {
                    throw new RootKeyException("The secret file " + file + " is empty");
                }
                char[] secret = new char[length];
                chars.get(secret, 0, length);
                return secret;
            } catch (CharacterCodingException e) {
                throw new RootKeyException("The secret file " + file + " is not UTF-8 text");
            } finally {
                Arrays.fill(bytes, (byte) 0);
                if (chars != null && chars.hasArray()) {
                    Arrays.fill(chars.array(), '\0');
                }
            }
        }

        @Override
        public String describe() {
            return "file " + file;
        }
    }

    /** A secret given directly; holds its own copy. */
    final class Value implements SecretSource {
        private final char[] secret;

        Value(char[] secret) {
            requireNonNull(secret, "secret");
            if (secret.length == 0) {
                throw new IllegalArgumentException("empty secret");
            }
            this.secret = secret.clone();
        }

        @Override
        public char[] read(Map<String, String> environment) {
            return secret.clone();
        }

        @Override
        public String describe() {
            return "configured value";
        }

        @Override
        public String toString() {
            return "SecretSource.Value[****]";
        }
    }
}
