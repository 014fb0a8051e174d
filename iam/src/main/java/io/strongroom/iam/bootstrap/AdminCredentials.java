package io.strongroom.iam.bootstrap;

import static java.util.Objects.requireNonNull;

/** The bootstrap administrator's access key. */
public record AdminCredentials(String accessKeyId, String secretAccessKey) {
    public AdminCredentials {
        requireNonNull(accessKeyId, "accessKeyId");
        requireNonNull(secretAccessKey, "secretAccessKey");
    }

    @Override
    public String toString() {
        return "AdminCredentials[" + accessKeyId + ", secret=<redacted>]";
    }
}
