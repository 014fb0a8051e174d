package io.strongroom.sigv4;

import static java.util.Objects.requireNonNull;

/**
 * The SigV4 canonical request: method, canonical URI, canonical query, canonical headers, signed
 * headers and payload hash, one per line.
 */
record CanonicalRequest(String text) {

    CanonicalRequest {
        requireNonNull(text, "text");
    }

    static CanonicalRequest of(SignedRequest request, QueryParameters query, ParsedSignature parsed,
            String payloadHash) {
        String text = request.method() + '\n'
                + CanonicalUri.of(request.rawPath(), parsed.scope().service()) + '\n'
                + CanonicalQuery.of(query, parsed.presigned()) + '\n'
                + CanonicalHeaders.of(request, parsed.signedHeaders()) + '\n'
                + String.join(";", parsed.signedHeaders()) + '\n'
                + payloadHash;
        return new CanonicalRequest(text);
    }

    String sha256Hex() {
        return Hex.encode(Sha256.digest(text));
    }
}
