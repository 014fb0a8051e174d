package io.strongroom.sigv4;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies the AWS Signature Version 4 of a request, in the Authorization header form or the presigned
 * query form. Thread-safe.
 */
public final class SigV4Verifier {
    private final Function<String, Optional<SigningSecret>> secretLookup;
    private final Clock clock;
    private final SigningKeyCache signingKeys;

    /** @param secretLookup the secret for an access key id, empty when the key is unknown (or inactive) */
    public SigV4Verifier(Function<String, Optional<SigningSecret>> secretLookup, Clock clock) {
        this(secretLookup, clock, new SigningKeyCache(SigningKeyCache.DEFAULT_MAX_ENTRIES));
    }

    public SigV4Verifier(Function<String, Optional<SigningSecret>> secretLookup, Clock clock,
            SigningKeyCache signingKeys) {
        this.secretLookup = requireNonNull(secretLookup, "secretLookup");
        this.clock = requireNonNull(clock, "clock");
        this.signingKeys = requireNonNull(signingKeys, "signingKeys");
    }

    /**
     * Verifies the signature; the body is compared only when it was read whole (for {@code s3} it may be
     * left out, {@link SignedRequest#body()} empty, whatever {@code x-amz-content-sha256} declares).
     *
     * @return who signed the request, for which scope and when, and how its body is to be checked
     *         ({@link VerifiedSignature#payloadMode()}, {@link VerifiedSignature#chunkSigner()})
     * @throws SigV4Exception when the request is not authenticated by a valid signature
     */
    public VerifiedSignature verify(SignedRequest request) {
        requireNonNull(request, "request");
        QueryParameters query = QueryParameters.parse(request.rawQuery());
        ParsedSignature parsed = SignatureLocator.locate(request, query);
        RequestTimeWindow.check(parsed, clock.instant());
        String payloadHash = PayloadHash.canonicalValue(request, parsed);
        SigningSecret secret = secretLookup.apply(parsed.accessKeyId())
                .orElseThrow(SigV4Exception::unknownAccessKey);
        byte[] signingKey = requireSignatureMatches(request, query, parsed, payloadHash, secret);
        // Checked after the signature so that only an authenticated x-amz-content-sha256 is compared.
        PayloadHash.requireBodyMatchesDeclaredHash(request, parsed);
        PayloadMode payloadMode = PayloadHash.mode(payloadHash);
        Optional<ChunkSigner> chunkSigner = payloadMode.signedChunks()
                ? Optional.of(new ChunkSigner(parsed.signature(), signingKey,
                        AmzDates.formatDateTime(parsed.requestTime()), parsed.scope().asString()))
                : Optional.empty();
        return new VerifiedSignature(parsed.accessKeyId(), parsed.scope().region(), parsed.scope().service(),
                parsed.requestTime(), parsed.presigned(), parsed.sessionToken(), payloadMode, chunkSigner);
    }

    /** @return the signing key that produced the matching signature */
    private byte[] requireSignatureMatches(SignedRequest request, QueryParameters query, ParsedSignature parsed,
            String payloadHash, SigningSecret secret) {
        CanonicalRequest canonical = CanonicalRequest.of(request, query, parsed, payloadHash);
        String stringToSign = StringToSign.of(parsed.requestTime(), parsed.scope(), canonical);
        SigningKeyCache.SigningKey signingKey = signingKeys.signingKey(parsed.accessKeyId(), secret, parsed.scope());
        byte[] expected = Sha256.hmac(signingKey.bytes(), stringToSign);
        byte[] provided = Hex.decodeSha256(parsed.signature());
        if (!MessageDigest.isEqual(expected, provided)) {
            throw SigV4Exception.signatureMismatch();
        }
        // Only a key proven by a matching signature is worth keeping (a wrong one would only churn the cache).
        signingKeys.rememberVerified(signingKey);
        return signingKey.bytes();
    }

    /** True when the request carries any SigV4 authentication (header or query); false for anonymous requests. */
    public static boolean hasAuthentication(SignedRequest request) {
        return SignatureLocator.hasAuthentication(request, QueryParameters.parse(request.rawQuery()));
    }
}
