package io.strongroom.sigv4;

import java.time.Instant;

/** {@code AWS4-HMAC-SHA256}, the request time, the credential scope and the canonical request hash. */
final class StringToSign {
    private StringToSign() {
    }

    static String of(Instant requestTime, CredentialScope scope, CanonicalRequest canonicalRequest) {
        return AuthorizationHeaderParser.ALGORITHM + '\n'
                + AmzDates.formatDateTime(requestTime) + '\n'
                + scope.asString() + '\n'
                + canonicalRequest.sha256Hex();
    }
}
