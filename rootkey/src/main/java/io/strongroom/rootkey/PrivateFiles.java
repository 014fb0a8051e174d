package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Files only their owner may read: created with mode 0600 before any byte is written, replaced
 * atomically (temporary file in the same directory, fsync, atomic move, fsync of the directory),
 * and refused on load when group or others can access them.
 */
final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final SecureRandom TEMP_NAMES = new SecureRandom();

    private PrivateFiles() {
    }

    /** Reads a file after checking that only its owner can access it. */
    static byte[] readPrivate(Path file) {
        requireOwnerOnly(file);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RootKeyException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static void requireOwnerOnly(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            throw new RootKeyException("Cannot check the permissions of " + file
                    + ": root-key files need a POSIX file system");
        } catch (IOException e) {
            throw new RootKeyException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
            throw new RootKeyException("Refusing to use " + file + ": it is accessible by group or others (mode "
                    + PosixFilePermissions.toString(permissions) + "); run: chmod 600 " + file);
        }
    }

    /** Writes {@code content} to {@code target} atomically; {@code target} ends up with mode 0600. */
    static void writeAtomically(Path target, byte[] content) {
        Path directory = target.toAbsolutePath().getParent();
        Path temp = directory.resolve("." + target.getFileName() + ".tmp-" + randomSuffix());
        try {
            Files.createDirectories(directory);
            Files.createFile(temp, ownerOnly());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(directory);
        } catch (FileAlreadyExistsException e) {
            throw new RootKeyException("Cannot write " + target + ": temporary file exists", e);
        } catch (IOException e) {
            throw new RootKeyException("Cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort: the temporary file is 0600 and is overwritten or collected next time
            }
        }
    }

    static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }

    private static void syncDirectory(Path directory) throws IOException {
        // Makes the rename itself durable (POSIX: fsync of the directory).
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[8];
        TEMP_NAMES.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
