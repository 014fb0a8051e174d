package io.strongroom.sigv4;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A request whose SigV4 signature checked out: who signed it, for which region and service, when,
 * and with which session token (still to be validated by whoever issued it).
 *
 * @param accessKeyId  the access key id from the credential scope
 * @param region       the region named in the credential scope
 * @param service      the service named in the credential scope (e.g. {@code iam}, {@code sts}, {@code s3})
 * @param requestTime  the signed request time ({@code X-Amz-Date} or {@code Date})
 * @param presigned    true when the signature came in the query string
 * @param sessionToken the {@code X-Amz-Security-Token} header or query value, when present
 */
public record VerifiedSignature(
        String accessKeyId,
        String region,
        String service,
        Instant requestTime,
        boolean presigned,
        Optional<String> sessionToken) {

    public VerifiedSignature {
        requireNonNull(accessKeyId, "accessKeyId");
        requireNonNull(region, "region");
        requireNonNull(service, "service");
        requireNonNull(requestTime, "requestTime");
        requireNonNull(sessionToken, "sessionToken");
    }

    @Override
    public String toString() {
        // The session token is a bearer credential: never print it.
        return "VerifiedSignature[accessKeyId=" + accessKeyId + ", region=" + region + ", service=" + service
                + ", requestTime=" + requestTime + ", presigned=" + presigned
                + ", sessionToken=" + (sessionToken.isPresent() ? "present" : "none") + "]";
    }
}
