package io.strongroom.iam.auth;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What an access key id resolves to: the secret needed to check a SigV4 signature and the
 * principal the key belongs to.
 *
 * @param secretAccessKey  the secret, unwrapped; callers never log it
 * @param principal        whom a valid signature authenticates
 * @param active           false for an access key whose status is Inactive
 * @param sessionTokenHash for temporary credentials, SHA-256 of the session token the caller
 *                         must present (compared in constant time)
 */
public record ResolvedCredential(
        byte[] secretAccessKey,
        Principal principal,
        boolean active,
        Optional<byte[]> sessionTokenHash) {

    public ResolvedCredential {
        requireNonNull(secretAccessKey, "secretAccessKey");
        requireNonNull(principal, "principal");
        requireNonNull(sessionTokenHash, "sessionTokenHash");
    }

    @Override
    public String toString() {
        return "ResolvedCredential[principal=" + principal.arn() + ", active=" + active + "]";
    }
}
