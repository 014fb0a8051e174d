package io.strongroom.sigv4;

import java.nio.charset.StandardCharsets;

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
final class SigningKeyDerivation {
    private SigningKeyDerivation() {
    }

    static byte[] derive(SigningSecret secret, CredentialScope scope) {
        byte[] prefix = "AWS4".getBytes(StandardCharsets.UTF_8);
        byte[] secretBytes = secret.bytes();
        byte[] seed = new byte[prefix.length + secretBytes.length];
        System.arraycopy(prefix, 0, seed, 0, prefix.length);
        System.arraycopy(secretBytes, 0, seed, prefix.length, secretBytes.length);
        java.util.Arrays.fill(secretBytes, (byte) 0);
        byte[] dateKey = Sha256.hmac(seed, AmzDates.formatDate(scope.date()));
        java.util.Arrays.fill(seed, (byte) 0);
        byte[] regionKey = Sha256.hmac(dateKey, scope.region());
        byte[] serviceKey = Sha256.hmac(regionKey, scope.service());
        return Sha256.hmac(serviceKey, CredentialScope.TERMINATOR);
    }
}
