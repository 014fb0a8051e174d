package io.strongroom.sigv4;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * How a verified request's body is authenticated, from its {@code x-amz-content-sha256}. The signature
 * only covers this declaration; the S3 layer must still check the body against it while reading:
 * <ul>
 *   <li>{@link SignedHex}: wrap the body in a {@link Sha256VerifyingInputStream};</li>
 *   <li>{@link Unsigned}: the body is not authenticated;</li>
 *   <li>the three streaming modes: decode the body with an {@link AwsChunkedInputStream}.</li>
 * </ul>
 * Shaped like an enum whose {@code SIGNED_HEX} constant carries the hash: compare with {@code equals}
 * or switch over the record types.
 */
public sealed interface PayloadMode {

    /** {@code UNSIGNED-PAYLOAD}, also what a presigned S3 request without the header means. */
    PayloadMode UNSIGNED = new Unsigned();
    /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}: aws-chunked, every chunk signed. */
    PayloadMode STREAMING_SIGNED = new StreamingSigned();
    /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER}: aws-chunked, chunks and trailers signed. */
    PayloadMode STREAMING_SIGNED_TRAILER = new StreamingSignedTrailer();
    /**
     * {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}: aws-chunked, nothing in the body signed; the checksum
     * trailer is its only integrity check, for the S3 layer to compare with the data.
     */
    PayloadMode STREAMING_UNSIGNED_TRAILER = new StreamingUnsignedTrailer();

    /** The body's SHA-256 is signed: the declared hex hash, or the hash of the body verified with the request. */
    static SignedHex signedHex(String sha256Hex) {
        return new SignedHex(sha256Hex);
    }

    /** True for the aws-chunked modes, whose body must be decoded. */
    default boolean streaming() {
        return false;
    }

    /** True when every chunk carries a signature (a {@link ChunkSigner} comes with the request). */
    default boolean signedChunks() {
        return false;
    }

    /** True when trailing headers follow the last chunk. */
    default boolean trailers() {
        return false;
    }

    /** @param sha256Hex the signed SHA-256 of the body, 64 lower-case hex digits */
    record SignedHex(String sha256Hex) implements PayloadMode {
        public SignedHex {
            requireNonNull(sha256Hex, "sha256Hex");
            if (!Hex.isSha256Hex(sha256Hex)) {
                throw new IllegalArgumentException("sha256Hex must be 64 hexadecimal characters");
            }
            sha256Hex = sha256Hex.toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return "SIGNED_HEX(" + sha256Hex + ")";
        }
    }

    record Unsigned() implements PayloadMode {
        @Override
        public String toString() {
            return "UNSIGNED";
        }
    }

    record StreamingSigned() implements PayloadMode {
        @Override
        public String toString() {
            return "STREAMING_SIGNED";
        }

        @Override
        public boolean streaming() {
            return true;
        }

        @Override
        public boolean signedChunks() {
            return true;
        }
    }

    record StreamingSignedTrailer() implements PayloadMode {
        @Override
        public String toString() {
            return "STREAMING_SIGNED_TRAILER";
        }

        @Override
        public boolean streaming() {
            return true;
        }

        @Override
        public boolean signedChunks() {
            return true;
        }

        @Override
        public boolean trailers() {
            return true;
        }
    }

    record StreamingUnsignedTrailer() implements PayloadMode {
        @Override
        public String toString() {
            return "STREAMING_UNSIGNED_TRAILER";
        }

        @Override
        public boolean streaming() {
            return true;
        }

        @Override
        public boolean trailers() {
            return true;
        }
    }
}
