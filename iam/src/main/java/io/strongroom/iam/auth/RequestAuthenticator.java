package io.strongroom.iam.auth;

import io.strongroom.sigv4.SignedRequest;

/**
 * Authenticates a request: verifies its SigV4 signature (header or presigned form) against the
 * secret of the access key it names, checks the key is active and, for temporary credentials,
 * that the session token matches and has not expired.
 *
 * <p>STUB CONTRACT (implemented by the identity work on top of the sigv4 module). Failures are
 * {@link io.strongroom.core.AwsException}s with the AWS code for the failure class
 * ({@code MissingAuthenticationToken}, {@code IncompleteSignature}, {@code InvalidClientTokenId},
 * {@code SignatureDoesNotMatch}, {@code ExpiredToken}…).
 */
public interface RequestAuthenticator {

    Authenticated authenticate(SignedRequest request);

    /**
     * @param principal    the caller
     * @param region       the region of the credential scope
     * @param service      the service of the credential scope (signing name)
     * @param presigned    whether the signature came in the query string
     */
    record Authenticated(Principal principal, String region, String service, boolean presigned) {
    }
}
