package io.strongroom.sigv4;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** The date, region and service a signing key is derived for: {@code 20150830/us-east-1/iam/aws4_request}. */
public record CredentialScope(LocalDate date, String region, String service) {
    static final String TERMINATOR = "aws4_request";

    public CredentialScope {
        requireNonNull(date, "date");
        requireNonNull(region, "region");
        requireNonNull(service, "service");
    }

    /** The scope as it appears in the string to sign. */
    public String asString() {
        return AmzDates.formatDate(date) + "/" + region + "/" + service + "/" + TERMINATOR;
    }
}
