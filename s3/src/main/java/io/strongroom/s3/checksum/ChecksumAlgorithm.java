package io.strongroom.s3.checksum;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import static java.util.Objects.requireNonNull;

/** The checksum algorithms of S3's flexible checksums, by the names S3 uses on the wire. */
public enum ChecksumAlgorithm {
    CRC32(4),
    CRC32C(4),
    CRC64NVME(8),
    SHA1(20),
    SHA256(32);

    private static final String HEADER_PREFIX = "x-amz-checksum-";

    private final int length;
    private final String headerName;

    ChecksumAlgorithm(int length) {
        this.length = length;
        this.headerName = HEADER_PREFIX + name().toLowerCase(Locale.ROOT);
    }

    /** The name S3 uses in {@code x-amz-checksum-algorithm}, {@code ChecksumAlgorithm} elements and so on. */
    public String s3Name() {
        return name();
    }

    /** The header that carries a value of this algorithm, e.g. {@code x-amz-checksum-crc32c}; lowercase. */
    public String headerName() {
        return headerName;
    }

    /** The length in bytes of a value before base64: 4 for the CRC32s, 8 for CRC64NVME, the digest's for the SHAs. */
    public int length() {
        return length;
    }

    /** A fresh incremental digest. */
    public ChecksumDigest newDigest() {
        return switch (this) {
            case CRC32 -> new CrcDigest(this, new CRC32());
            case CRC32C -> new CrcDigest(this, new CRC32C());
            case CRC64NVME -> new CrcDigest(this, new Crc64Nvme());
            case SHA1 -> new ShaDigest(this, messageDigest("SHA-1"));
            case SHA256 -> new ShaDigest(this, messageDigest("SHA-256"));
        };
    }

    /**
     * Whether {@code base64} could be a value of this algorithm: padded standard base64 of exactly
     * {@link #length()} bytes. S3 rejects a malformed checksum header before it compares anything.
     */
    public boolean isWellFormed(String base64) {
        requireNonNull(base64, "base64");
        try {
            return Base64.getDecoder().decode(base64).length == length
                    && base64.length() == (length + 2) / 3 * 4;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** The algorithm S3 calls {@code name}, in any case (clients send both {@code crc32c} and {@code CRC32C}). */
    public static Optional<ChecksumAlgorithm> fromS3Name(String name) {
        requireNonNull(name, "name");
        for (ChecksumAlgorithm algorithm : values()) {
            if (algorithm.name().equalsIgnoreCase(name)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** The algorithm whose value {@code header} carries, e.g. {@code X-Amz-Checksum-SHA256}; any case. */
    public static Optional<ChecksumAlgorithm> fromHeaderName(String header) {
        requireNonNull(header, "header");
        for (ChecksumAlgorithm algorithm : values()) {
            if (algorithm.headerName.equalsIgnoreCase(header)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    private static MessageDigest messageDigest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + name, e);
        }
    }
}
