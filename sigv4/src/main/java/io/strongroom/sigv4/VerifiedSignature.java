package io.strongroom.sigv4;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A request whose SigV4 signature checked out: who signed it, for which region and service, when,
 * with which session token (still to be validated by whoever issued it), and how its body is
 * authenticated. The signature covers only the body's declaration: the S3 layer checks the body itself
 * against {@link #payloadMode()} while reading it.
 *
 * @param accessKeyId  the access key id from the credential scope
 * @param region       the region named in the credential scope
 * @param service      the service named in the credential scope (e.g. {@code iam}, {@code sts}, {@code s3})
 * @param requestTime  the signed request time ({@code X-Amz-Date} or {@code Date})
 * @param presigned    true when the signature came in the query string
 * @param sessionToken the {@code X-Amz-Security-Token} header or query value, when present
 * @param payloadMode  what {@code x-amz-content-sha256} declared (when absent: the hash of the body the
 *                     signature was checked against, or {@code UNSIGNED} for a presigned S3 request)
 * @param chunkSigner  present exactly when the payload mode has signed chunks
 *                     ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]})
 */
public record VerifiedSignature(
        String accessKeyId,
        String region,
        String service,
        Instant requestTime,
        boolean presigned,
        Optional<String> sessionToken,
        PayloadMode payloadMode,
        Optional<ChunkSigner> chunkSigner) {

    /** The SHA-256 of an empty body, the payload mode of a request without one. */
    static final String EMPTY_SHA256 = Hex.encode(Sha256.digest(new byte[0]));

    public VerifiedSignature {
        requireNonNull(accessKeyId, "accessKeyId");
        requireNonNull(region, "region");
        requireNonNull(service, "service");
        requireNonNull(requestTime, "requestTime");
        requireNonNull(sessionToken, "sessionToken");
        requireNonNull(payloadMode, "payloadMode");
        requireNonNull(chunkSigner, "chunkSigner");
        if (payloadMode.signedChunks() != chunkSigner.isPresent()) {
            throw new IllegalArgumentException("a chunk signer comes with, and only with, a signed streaming payload");
        }
    }

    /**
     * For requests described by hand (fakes, tests): no chunk signer, and the payload declared as the empty
     * body's hash, so an S3 layer that honours {@link #payloadMode()} accepts only an empty body.
     */
    public VerifiedSignature(String accessKeyId, String region, String service, Instant requestTime,
            boolean presigned, Optional<String> sessionToken) {
        this(accessKeyId, region, service, requestTime, presigned, sessionToken, PayloadMode.signedHex(EMPTY_SHA256),
                Optional.empty());
    }

    @Override
    public String toString() {
        // The session token is a bearer credential: never print it. ChunkSigner hides its key itself.
        return "VerifiedSignature[accessKeyId=" + accessKeyId + ", region=" + region + ", service=" + service
                + ", requestTime=" + requestTime + ", presigned=" + presigned
                + ", sessionToken=" + (sessionToken.isPresent() ? "present" : "none")
                + ", payloadMode=" + payloadMode
                + ", chunkSigner=" + (chunkSigner.isPresent() ? chunkSigner.get() : "none") + "]";
    }
}
