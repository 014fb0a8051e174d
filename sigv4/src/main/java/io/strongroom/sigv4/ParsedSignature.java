package io.strongroom.sigv4;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a request claims about its signature, before anything is verified.
 *
 * @param accessKeyId   the access key id of the credential
 * @param scope         date, region and service of the credential
 * @param signedHeaders lower-case header names in the order the client listed them
 * @param signature     the signature the client sent, 64 hex digits
 * @param requestTime   {@code X-Amz-Date} (or the {@code Date} header)
 * @param presigned     true for the query-string form
 * @param expires       {@code X-Amz-Expires}, only for the query-string form
 * @param sessionToken  {@code X-Amz-Security-Token} from the header or the query
 */
public record ParsedSignature(
        String accessKeyId,
        CredentialScope scope,
        List<String> signedHeaders,
        String signature,
        Instant requestTime,
        boolean presigned,
        Optional<Duration> expires,
        Optional<String> sessionToken) {

    public ParsedSignature {
        requireNonNull(accessKeyId, "accessKeyId");
        requireNonNull(scope, "scope");
        signedHeaders = List.copyOf(signedHeaders);
        requireNonNull(signature, "signature");
        requireNonNull(requestTime, "requestTime");
        requireNonNull(expires, "expires");
        requireNonNull(sessionToken, "sessionToken");
    }

    /** The reason to give when the structure of this signature is wrong. */
    SigV4Exception.Reason malformedReason() {
        return presigned ? SigV4Exception.Reason.MALFORMED_QUERY_AUTH : SigV4Exception.Reason.INCOMPLETE_SIGNATURE;
    }

    @Override
    public String toString() {
        return "ParsedSignature[accessKeyId=" + accessKeyId + ", scope=" + scope + ", signedHeaders=" + signedHeaders
                + ", requestTime=" + requestTime + ", presigned=" + presigned + ", expires=" + expires
                + ", sessionToken=" + (sessionToken.isPresent() ? "present" : "none") + "]";
    }
}
