package io.strongroom.iam.auth;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An authenticated call as the domain sees it: who, from where, when. Free of HTTP types.
 *
 * @param requestId      the x-amz-request-id of this call
 * @param principal      the authenticated caller
 * @param sourceIp       the client address ({@code aws:SourceIp})
 * @param userAgent      the User-Agent header, or empty
 * @param secureTransport whether the call came over TLS ({@code aws:SecureTransport})
 * @param region         the region named in the credential scope ({@code aws:RequestedRegion})
 * @param receivedAt     when the request arrived ({@code aws:CurrentTime})
 */
public record CallContext(
        String requestId,
        Principal principal,
        String sourceIp,
        String userAgent,
        boolean secureTransport,
        String region,
        Instant receivedAt) {

    public CallContext {
        requireNonNull(requestId, "requestId");
        requireNonNull(principal, "principal");
        requireNonNull(sourceIp, "sourceIp");
        requireNonNull(userAgent, "userAgent");
        requireNonNull(region, "region");
        requireNonNull(receivedAt, "receivedAt");
    }
}
