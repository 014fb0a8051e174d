package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

/**
 * A checksum of an object's plaintext, as S3 reports it in {@code x-amz-checksum-*}.
 *
 * @param algorithm the algorithm's S3 name: CRC32, CRC32C, CRC64NVME, SHA1 or SHA256
 * @param value     the base64 value as S3 returns it
 * @param type      FULL_OBJECT, or COMPOSITE for a checksum of part checksums
 */
public record ObjectChecksum(String algorithm, String value, String type) {
    public ObjectChecksum {
        requireNonNull(algorithm, "algorithm");
        requireNonNull(value, "value");
        requireNonNull(type, "type");
    }
}
