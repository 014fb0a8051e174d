package io.strongroom.sigv4;

import static java.util.Objects.requireNonNull;

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
     * @return who signed the request, for which scope and when
     * @throws SigV4Exception when the request is not authenticated by a valid signature
     */
    public VerifiedSignature verify(SignedRequest request) {
        throw new UnsupportedOperationException("not yet");
    }

    /** True when the request carries any SigV4 authentication (header or query); false for anonymous requests. */
    public static boolean hasAuthentication(SignedRequest request) {
        throw new UnsupportedOperationException("not yet");
    }
}
