package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyException;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * A keyring file and this process's view of it. Another process (the {@code root-key} command, another
 * node on the same data directory) may replace the file at any time, so the view can be checked
 * cheaply against the file's identity, size and modification time and re-read when it changed.
 * Thread-safe.
 *
 * @param <S> what the file's bytes are turned into (a parsed keyring, unwrapped keys)
 */
final class KeyringFile<S> {

    /** Identifies one version of the file: every write is an atomic rename, which gives a new file. */
    private record Stamp(Object fileKey, FileTime modified, long size) {
    }

    /** The state read from the file, with the stamp the file had before it was read. */
    private record View<S>(S state, Stamp stamp) {
    }

    private final Path file;
    private final Function<byte[], S> reader;
    private volatile View<S> view;

    private KeyringFile(Path file, Function<byte[], S> reader) {
        this.file = file;
        this.reader = reader;
    }

    /** Reads {@code file} now; {@code reader} must not keep the byte array, which is zeroed afterwards. */
    static <S> KeyringFile<S> open(Path file, Function<byte[], S> reader) {
        KeyringFile<S> keyringFile = new KeyringFile<>(requireNonNull(file, "file"), requireNonNull(reader, "reader"));
        keyringFile.reload();
        return keyringFile;
    }

    Path path() {
        return file;
    }

    /** The state as last read or written, without looking at the file. */
    S state() {
        return view.state();
    }

    /** The state, re-read first when the file is no longer the one last read or written. */
    S fresh() {
        View<S> seen = view;
        return Objects.equals(seen.stamp(), stamp()) ? seen.state() : reload();
    }

    /** Re-reads the file unconditionally. */
    synchronized S reload() {
        // The stamp is taken before reading: a change in between is then seen (and read) next time.
        Stamp stamp = stamp();
        byte[] bytes = PrivateFiles.readPrivate(file);
        try {
            S state = reader.apply(bytes);
            view = new View<>(state, stamp);
            return state;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Replaces the file with {@code bytes} (atomically) and the view with {@code state}, which they encode. */
    synchronized void replace(S state, byte[] bytes) {
        PrivateFiles.writeAtomically(file, bytes);
        // No stamp: another process may have written right after us, so the next check re-reads once.
        view = new View<>(state, null);
    }

    private Stamp stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        } catch (NoSuchFileException e) {
            throw new RootKeyException("The root keyring " + file + " is missing; restore it from a backup");
        } catch (IOException e) {
            throw new RootKeyException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "KeyringFile[" + file + "]";
    }
}
