package io.strongroom.server.lifecycle;

import io.strongroom.iam.bootstrap.AdminCredentials;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * {@code <data-dir>/bootstrap-credentials}: the generated administrator key in the AWS CLI's
 * credentials-file format, mode 0600. It is written to a temporary name that is 0600 from its
 * creation, synced, then renamed over any earlier file, so the file is either whole or absent.
 */
public final class BootstrapCredentialsFile {

    public static final String FILE_NAME = "bootstrap-credentials";
    private static final SecureRandom RANDOM = new SecureRandom();

    private BootstrapCredentialsFile() {
    }

    /**
     * Writes the file, creating the data directory (0700) when missing. A file left by an earlier
     * start whose bootstrap rolled back is replaced.
     */
    public static Path write(Path dataDir, AdminCredentials credentials) throws IOException {
        PrivateDirectories.create(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        Path temporary = dataDir.resolve(FILE_NAME + ".tmp-" + HexFormat.of().formatHex(random));
        PrivateDirectories.createPrivateFile(temporary);
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                out.write(StandardCharsets.UTF_8.encode("[strongroom-admin]\n"
                        + "aws_access_key_id = " + credentials.accessKeyId() + "\n"
                        + "aws_secret_access_key = " + credentials.secretAccessKey() + "\n"));
                out.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return file;
    }

    /** The text printed once to the console on the first start of {@code start-dev}. */
    public static String announcement(AdminCredentials credentials, Path file) {
        return "\n"
                + "Strongroom created its bootstrap administrator. This is shown once; it is also in " + file + "\n"
                + "  AWS_ACCESS_KEY_ID=" + credentials.accessKeyId() + "\n"
                + "  AWS_SECRET_ACCESS_KEY=" + credentials.secretAccessKey() + "\n";
    }
}
