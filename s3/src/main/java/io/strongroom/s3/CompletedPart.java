package io.strongroom.s3;

import static java.util.Objects.requireNonNull;

import io.strongroom.s3.checksum.ChecksumAlgorithm;
import java.util.Map;

/**
 * A part as CompleteMultipartUpload's body names it.
 *
 * @param etag      as sent, quoted or not
 * @param checksums the base64 checksums sent with it, by algorithm
 */
public record CompletedPart(int partNumber, String etag, Map<ChecksumAlgorithm, String> checksums) {
    public CompletedPart {
        requireNonNull(etag, "etag");
        checksums = Map.copyOf(checksums);
    }
}
