package io.strongroom.kms.crypto;

import static java.util.Objects.requireNonNull;

/**
 * A fresh asymmetric key pair in the encodings KMS uses: the private key as DER PKCS#8, the public key
 * as DER X.509 SubjectPublicKeyInfo (exactly what GetPublicKey returns). The arrays are not copied:
 * the caller owns them and should clear the private key once it has been wrapped.
 */
public record GeneratedKeyPair(byte[] privateKeyPkcs8, byte[] publicKeySpki) {

    public GeneratedKeyPair {
        requireNonNull(privateKeyPkcs8, "privateKeyPkcs8");
        requireNonNull(publicKeySpki, "publicKeySpki");
    }

    /** Never prints key bytes, so a key pair that ends up in a log line leaks nothing. */
    @Override
    public String toString() {
        return "GeneratedKeyPair[privateKeyPkcs8=<redacted>, publicKeySpki=" + publicKeySpki.length + " bytes]";
    }
}
