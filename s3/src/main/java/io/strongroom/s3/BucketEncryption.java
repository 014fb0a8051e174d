package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A bucket's default encryption (its ServerSideEncryptionConfiguration's one rule): what a write that
 * names no encryption is encrypted with. A bucket without one encrypts with SSE-S3, as S3 does.
 *
 * @param kmsKeyId the KMS key (id, ARN or alias) for SSE-KMS, else empty
 */
public record BucketEncryption(ObjectEncryption.Mode mode, Optional<String> kmsKeyId, boolean bucketKeyEnabled) {
    static final String CONFIG_KIND = "encryption";
    public static final BucketEncryption DEFAULT = new BucketEncryption(ObjectEncryption.Mode.SSE_S3, Optional.empty(),
            false);

    public BucketEncryption {
        requireNonNull(mode, "mode");
        requireNonNull(kmsKeyId, "kmsKeyId");
        if (mode == ObjectEncryption.Mode.SSE_C) {
            throw new IllegalArgumentException("a bucket's default encryption is SSE-S3 or SSE-KMS");
        }
    }

    /** The bucket's default encryption as stored, or {@link #DEFAULT}. */
    static BucketEncryption of(S3Repository repository, String bucket) {
        return repository.config(S3Repository.bucketScope(bucket), CONFIG_KIND).map(BucketEncryption::parse)
                .orElse(DEFAULT);
    }

    /** Stored as three lines: the mode, the KMS key (may be empty), whether bucket keys are on. */
    String document() {
        return mode.name() + "\n" + kmsKeyId.orElse("") + "\n" + bucketKeyEnabled;
    }

    static BucketEncryption parse(String document) {
        String[] lines = document.split("\n", -1);
        return new BucketEncryption(ObjectEncryption.Mode.valueOf(lines[0]),
                lines[1].isEmpty() ? Optional.empty() : Optional.of(lines[1]), Boolean.parseBoolean(lines[2]));
    }
}
