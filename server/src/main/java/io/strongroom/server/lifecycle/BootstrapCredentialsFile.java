package io.strongroom.server.lifecycle;

import io.strongroom.iam.bootstrap.AdminCredentials;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code <data-dir>/bootstrap-credentials}: the generated administrator key in the AWS CLI's
 * credentials-file format, mode 0600, written once on the first start.
 */
public final class BootstrapCredentialsFile {

    public static final String FILE_NAME = "bootstrap-credentials";

    private BootstrapCredentialsFile() {
    }

    /** Writes the file; fails if it exists already (it is never overwritten). */
    public static Path write(Path dataDir, AdminCredentials credentials) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        PrivateDirectories.createPrivateFile(file);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
            out.write(("[strongroom-admin]\n"
                    + "aws_access_key_id = " + credentials.accessKeyId() + "\n"
                    + "aws_secret_access_key = " + credentials.secretAccessKey() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** The text printed once to stdout on the first start. */
    public static String announcement(AdminCredentials credentials, Path file) {
        return "\n"
                + "Strongroom created its bootstrap administrator. This is shown once; it is also in " + file + "\n"
                + "  AWS_ACCESS_KEY_ID=" + credentials.accessKeyId() + "\n"
                + "  AWS_SECRET_ACCESS_KEY=" + credentials.secretAccessKey() + "\n";
    }
}
