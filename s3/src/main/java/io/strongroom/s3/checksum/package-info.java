/**
 * S3's flexible checksums (CRC32, CRC32C, CRC64NVME, SHA1, SHA256) computed incrementally as a body
 * streams through, encoded as S3 sends them in {@code x-amz-checksum-*}: base64 of the big-endian value.
 * CRC32 and CRC32C come from {@code java.util.zip}, the SHAs from the JDK's {@code MessageDigest};
 * CRC64NVME, which the JDK lacks, is {@link io.strongroom.s3.checksum.Crc64Nvme}.
 */
package io.strongroom.s3.checksum;
