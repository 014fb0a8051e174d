package io.strongroom.sigv4;

import static java.util.Objects.requireNonNull;

/**
 * The {@code Credential} value: {@code <access key id>/<yyyyMMdd>/<region>/<service>/aws4_request}.
 */
record Credential(String accessKeyId, CredentialScope scope) {

    Credential {
        requireNonNull(accessKeyId, "accessKeyId");
        requireNonNull(scope, "scope");
    }

    /** @throws IllegalArgumentException with a client-safe message when the value is malformed */
    static Credential parse(String value) {
        String[] parts = value.split("/", -1);
        if (parts.length != 5) {
            throw new IllegalArgumentException("Credential should be of the form"
                    + " <access key id>/<date>/<region>/<service>/aws4_request; got '" + value + "'.");
        }
        for (String part : parts) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("Credential has an empty component: '" + value + "'.");
            }
        }
        if (!CredentialScope.TERMINATOR.equals(parts[4])) {
            throw new IllegalArgumentException("Credential should be scoped with a valid terminator: 'aws4_request', not '"
                    + parts[4] + "'.");
        }
        return new Credential(parts[0], new CredentialScope(AmzDates.parseDate(parts[1]), parts[2], parts[3]));
    }
}
