package io.strongroom.iam.auth;

import static java.util.Objects.requireNonNull;

import io.strongroom.sigv4.ChunkSigner;
import io.strongroom.sigv4.PayloadMode;
import io.strongroom.sigv4.SignedRequest;
import java.util.Optional;

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
     * @param payloadMode  how the body is authenticated: a streamed body is checked against it as it is read
     * @param chunkSigner  for signed aws-chunked bodies, what verifies each chunk
     */
    record Authenticated(Principal principal, String region, String service, boolean presigned,
                         PayloadMode payloadMode, Optional<ChunkSigner> chunkSigner) {

        public Authenticated {
            requireNonNull(principal, "principal");
            requireNonNull(payloadMode, "payloadMode");
            requireNonNull(chunkSigner, "chunkSigner");
        }

        /** A caller whose request carried no body to check (or one checked whole). */
        public Authenticated(Principal principal, String region, String service, boolean presigned) {
            this(principal, region, service, presigned, PayloadMode.UNSIGNED, Optional.empty());
        }
    }
}
