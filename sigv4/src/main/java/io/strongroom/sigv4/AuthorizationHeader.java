package io.strongroom.sigv4;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The parts of an {@code Authorization: AWS4-HMAC-SHA256 ...} header. */
record AuthorizationHeader(Credential credential, List<String> signedHeaders, String signature) {
    AuthorizationHeader {
        requireNonNull(credential, "credential");
        signedHeaders = List.copyOf(signedHeaders);
        requireNonNull(signature, "signature");
    }
}
