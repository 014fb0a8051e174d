package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyException;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * An immutable set of root-key versions and the bytes kept for each: raw key material in the file
 * provider, KEK-wrapped key material in the passphrase provider. Binary form:
 * {@code "SRKR" | format(1) | current | count(2) | (version | material)*}, strings and byte strings
 * prefixed by a 2-byte length.
 */
final class Keyring {

    private static final byte[] MAGIC = {'S', 'R', 'K', 'R'};
    private static final byte FORMAT = 1;

    private final String current;
    private final Map<String, byte[]> entries;

    private Keyring(String current, Map<String, byte[]> entries) {
        if (!entries.containsKey(current)) {
            throw new IllegalArgumentException("current version is not in the keyring");
        }
        this.current = current;
        this.entries = Collections.unmodifiableMap(entries);
    }

    static Keyring of(String version, byte[] material) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(version, material.clone());
        return new Keyring(version, entries);
    }

    String current() {
        return current;
    }

    Set<String> versions() {
        return entries.keySet();
    }

    /** A copy of the bytes for {@code version}; the caller zeroes it. */
    byte[] material(String version) {
        byte[] material = entries.get(version);
        if (material == null) {
            throw new RootKeyException("Unknown root-key version " + version);
        }
        return material.clone();
    }

    /** A keyring with {@code version} added and current. */
    Keyring withCurrent(String version, byte[] material) {
        if (entries.containsKey(version)) {
            throw new IllegalStateException("version exists already: " + version);
        }
        Map<String, byte[]> next = copyEntries();
        next.put(version, material.clone());
        return new Keyring(version, next);
    }

    /** A keyring without {@code version}, which must not be the current one. */
    Keyring without(String version) {
        if (version.equals(current)) {
            throw new RootKeyException("Cannot retire the current root-key version " + version);
        }
        if (!entries.containsKey(version)) {
            throw new RootKeyException("Unknown root-key version " + version);
        }
        Map<String, byte[]> next = copyEntries();
        Arrays.fill(next.remove(version), (byte) 0);
        return new Keyring(current, next);
    }

    /** Serialised form; the caller zeroes it after writing. */
    byte[] toBytes() {
        int size = MAGIC.length + 1 + 2 + ascii(current).length + 2;
        for (var entry : entries.entrySet()) {
            size += 2 + ascii(entry.getKey()).length + 2 + entry.getValue().length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).put(MAGIC).put(FORMAT);
        putBytes(out, ascii(current));
        out.putShort((short) entries.size());
        entries.forEach((version, material) -> {
            putBytes(out, ascii(version));
            putBytes(out, material);
        });
        return out.array();
    }

    static Keyring parse(byte[] bytes, String source) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC) || in.get() != FORMAT) {
                throw new RootKeyException("Keyring " + source + " has an unknown format");
            }
            String current = version(getBytes(in), source);
            int count = Short.toUnsignedInt(in.getShort());
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                entries.put(version(getBytes(in), source), getBytes(in));
            }
            if (in.hasRemaining() || !entries.containsKey(current)) {
                throw new RootKeyException("Keyring " + source + " is damaged");
            }
            return new Keyring(current, entries);
        } catch (BufferUnderflowException e) {
            throw new RootKeyException("Keyring " + source + " is truncated");
        }
    }

    /** Overwrites every material array this keyring holds. */
    void destroy() {
        entries.values().forEach(material -> Arrays.fill(material, (byte) 0));
    }

    @Override
    public String toString() {
        return "Keyring[current=" + current + ", versions=" + entries.keySet() + "]";
    }

    private Map<String, byte[]> copyEntries() {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        entries.forEach((version, material) -> copy.put(version, material.clone()));
        return copy;
    }

    private static String version(byte[] bytes, String source) {
        String version = new String(bytes, StandardCharsets.US_ASCII);
        if (!RootKeyVersions.isValid(version)) {
            throw new RootKeyException("Keyring " + source + " names a malformed version");
        }
        return version;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static void putBytes(ByteBuffer out, byte[] bytes) {
        out.putShort((short) bytes.length).put(bytes);
    }

    private static byte[] getBytes(ByteBuffer in) {
        byte[] bytes = new byte[Short.toUnsignedInt(in.getShort())];
        in.get(bytes);
        return bytes;
    }
}
