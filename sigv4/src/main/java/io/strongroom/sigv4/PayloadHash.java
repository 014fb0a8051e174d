package io.strongroom.sigv4;

import io.strongroom.sigv4.SigV4Exception.Reason;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The last line of the canonical request. For {@code s3} it is the {@code x-amz-content-sha256} header
 * when present (a hex SHA-256 or one of the literals), else the SHA-256 of the body; presigned S3 requests
 * use {@code UNSIGNED-PAYLOAD}. Every other service authenticates its body: the header, when sent, must
 * be the hex SHA-256 of the body, never a literal that leaves the body unsigned.
 */
final class PayloadHash {
    static final String HEADER = "x-amz-content-sha256";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    static final String STREAMING_UNSIGNED_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";
    static final String STREAMING_SIGNED = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    static final String STREAMING_SIGNED_TRAILER = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    /** The only service whose payload may be unsigned or streamed (the S3 layer checks the body itself, e.g. with AwsChunkedInputStream). */
    static final String S3 = "s3";
    private static final Set<String> LITERALS = Set.of(
            UNSIGNED_PAYLOAD, STREAMING_UNSIGNED_TRAILER, STREAMING_SIGNED, STREAMING_SIGNED_TRAILER);
    /** SigV4a (ECDSA) chunk signing: it needs the AWS4-ECDSA-P256-SHA256 algorithm, which is not supported. */
    private static final Set<String> ECDSA_LITERALS = Set.of(
            "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD",
            "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER");

    private PayloadHash() {
    }

    static String canonicalValue(SignedRequest request, ParsedSignature parsed) {
        List<String> declared = request.headerValues(HEADER);
        if (declared.size() > 1) {
            throw invalid();
        }
        boolean s3 = isS3(parsed);
        if (declared.size() == 1) {
            String value = declared.get(0).strip();
            if (Hex.isSha256Hex(value)) {
                return value;
            }
            if (ECDSA_LITERALS.contains(value)) {
                throw new SigV4Exception(Reason.INVALID_CONTENT_SHA256, "x-amz-content-sha256 " + value
                        + " is not supported: ECDSA (SigV4a) chunk signatures are not accepted.");
            }
            if (!LITERALS.contains(value)) {
                throw invalid();
            }
            if (!s3) {
                throw unsignedBodyRefused();
            }
            return value;
        }
        if (parsed.presigned() && s3) {
            return UNSIGNED_PAYLOAD;
        }
        return Hex.encode(bodyHash(request));
    }

    /** The payload mode the canonical payload value (as {@link #canonicalValue} returned it) stands for. */
    static PayloadMode mode(String canonicalValue) {
        return switch (canonicalValue) {
            case UNSIGNED_PAYLOAD -> PayloadMode.UNSIGNED;
            case STREAMING_SIGNED -> PayloadMode.STREAMING_SIGNED;
            case STREAMING_SIGNED_TRAILER -> PayloadMode.STREAMING_SIGNED_TRAILER;
            case STREAMING_UNSIGNED_TRAILER -> PayloadMode.STREAMING_UNSIGNED_TRAILER;
            default -> PayloadMode.signedHex(canonicalValue);
        };
    }

    /**
     * A declared hex hash must be the body's. Outside {@code s3} the body is always compared (an adapter
     * that passed none sent an empty one); for {@code s3} only when the body was read whole.
     */
    static void requireBodyMatchesDeclaredHash(SignedRequest request, ParsedSignature parsed) {
        List<String> declared = request.headerValues(HEADER);
        if (declared.size() != 1 || !Hex.isSha256Hex(declared.get(0).strip())) {
            return;
        }
        if (isS3(parsed) && request.body().isEmpty()) {
            return;
        }
        byte[] expected = HexFormat.of().parseHex(declared.get(0).strip().toLowerCase(Locale.ROOT));
        if (!MessageDigest.isEqual(expected, bodyHash(request))) {
            throw new SigV4Exception(Reason.CONTENT_SHA256_MISMATCH,
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
    }

    private static boolean isS3(ParsedSignature parsed) {
        return S3.equals(parsed.scope().service());
    }

    private static byte[] bodyHash(SignedRequest request) {
        return Sha256.digest(request.body().orElse(new byte[0]));
    }

    private static SigV4Exception invalid() {
        return new SigV4Exception(Reason.INVALID_CONTENT_SHA256, "x-amz-content-sha256 must be UNSIGNED-PAYLOAD,"
                + " STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD,"
                + " STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER or a valid sha256 value.");
    }

    private static SigV4Exception unsignedBodyRefused() {
        return new SigV4Exception(Reason.INVALID_CONTENT_SHA256, "x-amz-content-sha256 must be the hex SHA-256 of"
                + " the request body for this service; unsigned and streaming payloads are not accepted.");
    }
}
