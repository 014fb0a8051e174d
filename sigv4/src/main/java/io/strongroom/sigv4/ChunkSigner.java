package io.strongroom.sigv4;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.util.Locale;

/**
 * What verifying the signed chunks of an aws-chunked body needs: the request's own verified signature
 * (the seed of the chain), the derived signing key, the request time and the credential scope. Comes
 * with a {@link VerifiedSignature} whose payload is {@link PayloadMode#STREAMING_SIGNED} or
 * {@link PayloadMode#STREAMING_SIGNED_TRAILER}; {@link AwsChunkedInputStream} uses it. The key never
 * leaves this class (not even in {@link #toString()}); it is scoped to one day, region and service.
 */
public final class ChunkSigner {
    static final String CHUNK_ALGORITHM = "AWS4-HMAC-SHA256-PAYLOAD";
    static final String TRAILER_ALGORITHM = "AWS4-HMAC-SHA256-TRAILER";
    private static final int SIGNING_KEY_LENGTH = 32;
    private static final String EMPTY_SHA256 = Hex.encode(Sha256.digest(new byte[0]));

    private final String seedSignature;
    private final byte[] signingKey;
    private final String requestTime;
    private final String scope;

    /**
     * @param seedSignature the request's verified signature, 64 hex digits
     * @param signingKey    the derived SigV4 signing key (32 bytes); copied
     * @param requestTime   the request time as in {@code X-Amz-Date} ({@code yyyyMMdd'T'HHmmss'Z'})
     * @param scope         the credential scope string, e.g. {@code 20130524/us-east-1/s3/aws4_request}
     */
    public ChunkSigner(String seedSignature, byte[] signingKey, String requestTime, String scope) {
        requireNonNull(seedSignature, "seedSignature");
        requireNonNull(signingKey, "signingKey");
        requireNonNull(requestTime, "requestTime");
        requireNonNull(scope, "scope");
        if (!Hex.isSha256Hex(seedSignature)) {
            throw new IllegalArgumentException("seedSignature must be 64 hexadecimal characters");
        }
        if (signingKey.length != SIGNING_KEY_LENGTH) {
            throw new IllegalArgumentException("signingKey must be " + SIGNING_KEY_LENGTH + " bytes");
        }
        AmzDates.parseDateTime(requestTime);
        if (scope.isEmpty() || scope.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("scope must be a credential scope string");
        }
        this.seedSignature = seedSignature.toLowerCase(Locale.ROOT);
        this.signingKey = signingKey.clone();
        this.requestTime = requestTime;
        this.scope = scope;
    }

    /** The request's own signature, lower-case hex: the "previous signature" of the first chunk. */
    public String seedSignature() {
        return seedSignature;
    }

    /** The request time in {@code X-Amz-Date} form. */
    public String requestTime() {
        return requestTime;
    }

    /** The credential scope string. */
    public String scope() {
        return scope;
    }

    /**
     * HMAC of {@code AWS4-HMAC-SHA256-PAYLOAD \n time \n scope \n previous \n sha256("") \n sha256(chunk)}.
     *
     * @param previousSignature lower-case hex of the previous chunk's (or the seed) signature
     * @param chunkSha256       SHA-256 of the chunk's data
     */
    byte[] chunkSignature(String previousSignature, byte[] chunkSha256) {
        return Sha256.hmac(signingKey, CHUNK_ALGORITHM + '\n' + requestTime + '\n' + scope + '\n'
                + previousSignature + '\n' + EMPTY_SHA256 + '\n' + Hex.encode(chunkSha256));
    }

    /**
     * HMAC of {@code AWS4-HMAC-SHA256-TRAILER \n time \n scope \n previous \n sha256(canonical trailers)}.
     *
     * @param previousSignature   lower-case hex of the final (empty) chunk's signature
     * @param canonicalTrailersSha256 SHA-256 of the trailers in canonical header form
     */
    byte[] trailerSignature(String previousSignature, byte[] canonicalTrailersSha256) {
        return Sha256.hmac(signingKey, TRAILER_ALGORITHM + '\n' + requestTime + '\n' + scope + '\n'
                + previousSignature + '\n' + Hex.encode(canonicalTrailersSha256));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChunkSigner that && seedSignature.equals(that.seedSignature)
                && requestTime.equals(that.requestTime) && scope.equals(that.scope)
                && MessageDigest.isEqual(signingKey, that.signingKey);
    }

    @Override
    public int hashCode() {
        // Leaves the key out: a hash code must not leak anything about it.
        return seedSignature.hashCode();
    }

    @Override
    public String toString() {
        return "ChunkSigner[seedSignature=" + seedSignature + ", requestTime=" + requestTime + ", scope=" + scope
                + ", signingKey=redacted]";
    }
}
