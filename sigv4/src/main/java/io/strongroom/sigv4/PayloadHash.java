package io.strongroom.sigv4;

import io.strongroom.sigv4.SigV4Exception.Reason;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The last line of the canonical request: the {@code x-amz-content-sha256} header when present (a hex
 * SHA-256 or one of the literals), else the SHA-256 of the body; presigned S3 requests use
 * {@code UNSIGNED-PAYLOAD}.
 */
final class PayloadHash {
    static final String HEADER = "x-amz-content-sha256";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final Set<String> LITERALS = Set.of(
            UNSIGNED_PAYLOAD,
            "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
            "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
            "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
            "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD",
            "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER");

    private PayloadHash() {
    }

    static String canonicalValue(SignedRequest request, ParsedSignature parsed) {
        List<String> declared = request.headerValues(HEADER);
        if (declared.size() > 1) {
            throw invalid();
        }
        if (declared.size() == 1) {
            String value = declared.get(0).strip();
            if (!LITERALS.contains(value) && !Hex.isSha256Hex(value)) {
                throw invalid();
            }
            return value;
        }
        if (parsed.presigned() && "s3".equals(parsed.scope().service())) {
            return UNSIGNED_PAYLOAD;
        }
        return Hex.encode(Sha256.digest(request.body().orElse(new byte[0])));
    }

    /** When the body is at hand and the header declares its hash, they must agree. */
    static void requireBodyMatchesDeclaredHash(SignedRequest request) {
        List<String> declared = request.headerValues(HEADER);
        if (declared.size() != 1 || request.body().isEmpty() || !Hex.isSha256Hex(declared.get(0).strip())) {
            return;
        }
        byte[] expected = HexFormat.of().parseHex(declared.get(0).strip().toLowerCase(java.util.Locale.ROOT));
        if (!MessageDigest.isEqual(expected, Sha256.digest(request.body().get()))) {
            throw new SigV4Exception(Reason.CONTENT_SHA256_MISMATCH,
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
    }

    private static SigV4Exception invalid() {
        return new SigV4Exception(Reason.INVALID_CONTENT_SHA256, "x-amz-content-sha256 must be UNSIGNED-PAYLOAD,"
                + " STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD,"
                + " STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER or a valid sha256 value.");
    }
}
