package io.strongroom.kms;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * Grant tokens: handed out by CreateGrant, accepted by every operation a grant can allow. Grants
 * take effect in Strongroom as soon as CreateGrant returns (there is no propagation delay to bridge),
 * so a token adds no permission; a request that carries one is still refused when the token names
 * no grant, as AWS refuses an invalid token.
 */
final class GrantTokens {
    static final int MAX_TOKENS = 10;
    private final KmsRepository repository;

    GrantTokens(KmsRepository repository) {
        this.repository = requireNonNull(repository, "repository");
    }

    /**
     * The token of a grant. A grant token is no secret (holding one grants nothing: the grant names its
     * grantee), so it is derived from the grant id, and a retried CreateGrant returns the same token.
     */
    static String tokenOf(String grantId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("sgt1:" + grantId).getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** InvalidGrantTokenException unless every token names an existing grant. */
    void requireValid(List<String> tokens) {
        if (tokens.size() > MAX_TOKENS) {
            throw KmsErrors.validation("1 validation error detected: Value at 'grantTokens' failed to satisfy "
                    + "constraint: Member must have length less than or equal to " + MAX_TOKENS);
        }
        for (String token : tokens) {
            if (token.isEmpty() || token.length() > 8192 || repository.findGrantByTokenHash(hash(token)).isEmpty()) {
                throw KmsErrors.invalidGrantToken();
            }
        }
    }
}
