package io.strongroom.rootkey;

import io.strongroom.core.spi.RootKeyException;
import io.strongroom.core.spi.RootKeyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file provider stores raw keys by nature: its protection is the file mode alone. */
class FileRootKeyProviderTest extends RootKeyProviderContract {

    @TempDir
    Path dataDir;

    Path keyFile() {
        return dataDir.resolve("root-key");
    }

    @Override
    RootKeyProvider open() {
        return FileRootKeyProvider.open(keyFile());
    }

    @Test
    void createsTheKeyFileOwnerOnly() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile()))).isEqualTo("rw-------");
        provider.rotate();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile()))).isEqualTo("rw-------");
        try (var files = Files.list(dataDir)) {
            assertThat(files).containsExactly(keyFile());
        }
        assertThat(provider.kind()).isEqualTo("file");
    }

    @Test
    void refusesAKeyFileReadableByOthers() throws IOException {
        byte[] before = Files.readAllBytes(keyFile());
        Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(this::open)
                .isInstanceOf(RootKeyException.class)
                .hasMessage("Refusing to use " + keyFile() + ": it is accessible by group or others (mode rw-r--r--);"
                        + " run: chmod 600 " + keyFile());
        assertThat(Files.readAllBytes(keyFile())).isEqualTo(before);
    }

    @Test
    void refusesAKeyFileReadableByItsGroup() throws IOException {
        Files.setPosixFilePermissions(keyFile(), PosixFilePermissions.fromString("rw-r-----"));

        assertThatThrownBy(this::open).isInstanceOf(RootKeyException.class).hasMessageContaining("chmod 600");
    }

    @Test
    void refusesADamagedKeyFile() throws IOException {
        byte[] bytes = Files.readAllBytes(keyFile());
        Files.write(keyFile(), java.util.Arrays.copyOf(bytes, bytes.length - 5));

        assertThatThrownBy(this::open).isInstanceOf(RootKeyException.class).hasMessageContaining("truncated");
    }

    @Test
    void keyFileHoldsOneRawKeyPerVersion() throws IOException {
        long sizeWithOneKey = Files.size(keyFile());
        provider.rotate();

        // magic(4) format(1) current(2+2) count(2) then per version: version(2+2) key(2+32)
        assertThat(sizeWithOneKey).isEqualTo(4 + 1 + 4 + 2 + 38);
        assertThat(Files.size(keyFile())).isEqualTo(sizeWithOneKey + 38);
    }
}
