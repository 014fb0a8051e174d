package io.strongroom.iam.sts;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** The {@code Credentials} element of AssumeRole; the secret and token are handed out only here. */
public record TemporaryCredentials(String accessKeyId, String secretAccessKey, String sessionToken,
                                   Instant expiration) {
    public TemporaryCredentials {
        requireNonNull(accessKeyId, "accessKeyId");
        requireNonNull(secretAccessKey, "secretAccessKey");
        requireNonNull(sessionToken, "sessionToken");
        requireNonNull(expiration, "expiration");
    }

    @Override
    public String toString() {
        return "TemporaryCredentials[" + accessKeyId + ", expiration=" + expiration + ", secret=<redacted>]";
    }
}
