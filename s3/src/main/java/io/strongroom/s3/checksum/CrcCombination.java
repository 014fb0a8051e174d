package io.strongroom.s3.checksum;

import java.util.Base64;
import java.util.List;

/**
 * The CRC of concatenated data from the CRCs of its pieces and their lengths, without the data: how a
 * multipart upload's FULL_OBJECT checksum is made from its parts' checksums. The three CRCs S3 offers
 * are reflected with initial value and final xor all ones, for which the CRC of {@code A·B} is the CRC
 * of A advanced over |B| zero bytes, xor the CRC of B. Advancing is a linear map over GF(2), applied
 * for |B| by squaring the one-zero-bit operator (the method of zlib's crc32_combine).
 */
public final class CrcCombination {
    /** A piece of the data: its checksum as S3 carries it (base64, big-endian) and its length in bytes. */
    public record Piece(String base64, long length) {
    }

    private CrcCombination() {
    }

    /** Whether the algorithm's checksums can be combined (the CRCs; not the SHAs). */
    public static boolean supports(ChecksumAlgorithm algorithm) {
        return algorithm == ChecksumAlgorithm.CRC32 || algorithm == ChecksumAlgorithm.CRC32C
                || algorithm == ChecksumAlgorithm.CRC64NVME;
    }

    /** The checksum of the pieces' data concatenated in order, base64 as S3 carries it. */
    public static String combine(ChecksumAlgorithm algorithm, List<Piece> pieces) {
        if (!supports(algorithm)) {
            throw new IllegalArgumentException(algorithm + " checksums cannot be combined");
        }
        int width = algorithm.length() * 8;
        long polynomial = switch (algorithm) {
            case CRC32 -> 0xEDB88320L;
            case CRC32C -> 0x82F63B78L;
            default -> 0x9A6C9329AC4BC9B5L;
        };
        long crc = 0; // the CRC of no data
        for (Piece piece : pieces) {
            crc = combine(crc, decode(piece.base64(), algorithm.length()), piece.length(), polynomial, width);
        }
        return encode(crc, algorithm.length());
    }

    static long combine(long first, long second, long secondLength, long polynomial, int width) {
        if (secondLength == 0) {
            return first;
        }
        long[] odd = new long[width];
        odd[0] = polynomial; // the operator for one zero bit
        long row = 1;
        for (int n = 1; n < width; n++) {
            odd[n] = row;
            row <<= 1;
        }
        long[] even = square(odd);  // two zero bits
        odd = square(even);         // four zero bits
        long length = secondLength;
        do {
            even = square(odd);     // first pass: eight zero bits, one zero byte
            if ((length & 1) != 0) {
                first = times(even, first);
            }
            length >>>= 1;
            if (length == 0) {
                break;
            }
            odd = square(even);
            if ((length & 1) != 0) {
                first = times(odd, first);
            }
            length >>>= 1;
        } while (length != 0);
        return first ^ second;
    }

    private static long times(long[] matrix, long vector) {
        long sum = 0;
        for (int i = 0; vector != 0; i++, vector >>>= 1) {
            if ((vector & 1) != 0) {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static long[] square(long[] matrix) {
        long[] squared = new long[matrix.length];
        for (int n = 0; n < matrix.length; n++) {
            squared[n] = times(matrix, matrix[n]);
        }
        return squared;
    }

    private static long decode(String base64, int bytes) {
        byte[] raw = Base64.getDecoder().decode(base64);
        if (raw.length != bytes) {
            throw new IllegalArgumentException("a checksum of " + bytes + " bytes was expected");
        }
        long value = 0;
        for (byte b : raw) {
            value = (value << 8) | (b & 0xff);
        }
        return value;
    }

    private static String encode(long value, int bytes) {
        byte[] raw = new byte[bytes];
        for (int i = bytes - 1; i >= 0; i--) {
            raw[i] = (byte) value;
            value >>>= 8;
        }
        return Base64.getEncoder().encodeToString(raw);
    }
}
