package io.strongroom.server.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.iam.bootstrap.AdminCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapCredentialsFileTest {

    @TempDir
    Path dataDir;

    private final AdminCredentials credentials =
            new AdminCredentials("AKIAEXAMPLEEXAMPLE12", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    @Test
    void isWrittenOwnerOnlyInCredentialsFileFormat() throws Exception {
        Path file = BootstrapCredentialsFile.write(dataDir, credentials);
        assertThat(file).isEqualTo(dataDir.resolve("bootstrap-credentials"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo("[strongroom-admin]\n"
                + "aws_access_key_id = AKIAEXAMPLEEXAMPLE12\n"
                + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
    }

    @Test
    void aStaleFileFromARolledBackStartIsReplacedAndNoTemporaryFileRemains() throws Exception {
        Path stale = dataDir.resolve("bootstrap-credentials");
        Files.writeString(stale, "stale");
        Files.setPosixFilePermissions(stale, PosixFilePermissions.fromString("rw-r--r--"));
        BootstrapCredentialsFile.write(dataDir, credentials);
        assertThat(Files.readString(stale)).contains("aws_access_key_id = AKIAEXAMPLEEXAMPLE12");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stale))).isEqualTo("rw-------");
        try (var files = Files.list(dataDir)) {
            assertThat(files).containsExactly(stale);
        }
    }

    @Test
    void createsAMissingDataDirectoryOwnerOnly() throws Exception {
        Path dir = dataDir.resolve("new/data");
        Path file = BootstrapCredentialsFile.write(dir, credentials);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFileBehind() throws Exception {
        Files.createDirectories(dataDir.resolve("bootstrap-credentials/occupied"));
        assertThatThrownBy(() -> BootstrapCredentialsFile.write(dataDir, credentials)).isInstanceOf(java.io.IOException.class);
        try (var files = Files.list(dataDir)) {
            assertThat(files).containsExactly(dataDir.resolve("bootstrap-credentials"));
        }
    }

    @Test
    void theDataDirectoryIsCreatedOwnerOnly() throws Exception {
        Path dir = dataDir.resolve("nested/data");
        PrivateDirectories.create(dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }
}
