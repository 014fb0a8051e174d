package io.strongroom.iam.auth;

import static java.util.Objects.requireNonNull;

import io.strongroom.core.AwsException;
import io.strongroom.sigv4.SigV4Verifier;
import io.strongroom.sigv4.SignedRequest;
import io.strongroom.sigv4.SigningKeyCache;
import io.strongroom.sigv4.SigningSecret;
import io.strongroom.sigv4.VerifiedSignature;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Authenticates a request with the sigv4 module's verifier and the credential resolver: the
 * signature must check out against an active key's secret, a temporary key must come with its own
 * session token, and a long-term key must come without one.
 */
public final class SigV4RequestAuthenticator implements RequestAuthenticator {
    static final String INVALID_TOKEN_MESSAGE = "The security token included in the request is invalid.";

    private final CredentialResolver resolver;
    private final Clock clock;
    private final SigningKeyCache signingKeys;

    public SigV4RequestAuthenticator(CredentialResolver resolver, Clock clock) {
        this(resolver, clock, new SigningKeyCache(SigningKeyCache.DEFAULT_MAX_ENTRIES));
    }

    public SigV4RequestAuthenticator(CredentialResolver resolver, Clock clock, SigningKeyCache signingKeys) {
        this.resolver = requireNonNull(resolver, "resolver");
        this.clock = requireNonNull(clock, "clock");
        this.signingKeys = requireNonNull(signingKeys, "signingKeys");
    }

    @Override
    public Authenticated authenticate(SignedRequest request) {
        AtomicReference<ResolvedCredential> resolved = new AtomicReference<>();
        SigV4Verifier verifier = new SigV4Verifier(accessKeyId -> {
            // An inactive key is treated as unknown: InvalidClientTokenId, as AWS answers.
            Optional<ResolvedCredential> credential = resolver.resolve(accessKeyId).filter(ResolvedCredential::active);
            credential.ifPresent(resolved::set);
            return credential.map(c -> SigningSecret.ofBytes(c.secretAccessKey()));
        }, clock, signingKeys);
        VerifiedSignature signature = verifier.verify(request);
        ResolvedCredential credential = resolved.get();
        if (credential == null) {
            throw invalidToken();
        }
        requireMatchingSessionToken(credential, signature.sessionToken());
        resolver.recordUse(signature.accessKeyId(), signature.service(), signature.region());
        return new Authenticated(credential.principal(), signature.region(), signature.service(), signature.presigned(),
                signature.payloadMode(), signature.chunkSigner());
    }

    private static void requireMatchingSessionToken(ResolvedCredential credential, Optional<String> presented) {
        if (credential.sessionTokenHash().isEmpty()) {
            if (presented.isPresent()) {
                throw invalidToken();
            }
            return;
        }
        if (presented.isEmpty() || !SessionTokens.matches(presented.get(), credential.sessionTokenHash().get())) {
            throw invalidToken();
        }
    }

    private static AwsException invalidToken() {
        return new AwsException("InvalidClientTokenId", 403, INVALID_TOKEN_MESSAGE);
    }
}
