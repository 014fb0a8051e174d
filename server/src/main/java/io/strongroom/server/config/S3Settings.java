package io.strongroom.server.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The object store's settings.
 *
 * @param virtualHostDomain       the base domain under which {@code <bucket>.<domain>} addresses a bucket
 *                                ({@code s3.virtual-host-domain}); path-style addressing always works
 * @param blobDirectory           where object bodies too large for the database are kept
 *                                ({@code s3.blob-directory}); by default {@code objects} under the data directory
 * @param archiveDirectory        where the bodies of GLACIER and DEEP_ARCHIVE versions are kept
 *                                ({@code s3.archive-directory}); by default {@code archive} under the data
 *                                directory
 * @param benchmarkSkipEncryption benchmarks only: object bodies are stored unencrypted
 *                                ({@code s3.benchmark-skip-encryption}); {@code start} refuses it
 */
public record S3Settings(Optional<String> virtualHostDomain, Optional<Path> blobDirectory,
                         Optional<Path> archiveDirectory, boolean benchmarkSkipEncryption) {

    public static final S3Settings DEFAULTS = new S3Settings(Optional.empty(), Optional.empty(), Optional.empty(),
            false);

    public S3Settings {
        requireNonNull(virtualHostDomain, "virtualHostDomain");
        requireNonNull(blobDirectory, "blobDirectory");
        requireNonNull(archiveDirectory, "archiveDirectory");
    }

    /** Where archived object bodies go for a server whose data directory is {@code dataDir}. */
    public Path archiveDirectory(Path dataDir) {
        return archiveDirectory.orElse(dataDir.resolve("archive"));
    }

    /** Where object bodies go for a server whose data directory is {@code dataDir}. */
    public Path blobDirectory(Path dataDir) {
        return blobDirectory.orElse(dataDir.resolve("objects"));
    }
}
