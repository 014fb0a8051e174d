package io.strongroom.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An audit signing key as stored: the Ed25519 private key wrapped by the root key (never in
 * plaintext), and the public key that verifiers use.
 *
 * @param keyId             the key's id, named by every digest it signed
 * @param wrappedPrivateKey the PKCS#8 private key, wrapped by the root key with the key id bound as
 *                          associated data
 * @param publicKey         the X.509 SubjectPublicKeyInfo (DER) of the public key
 * @param created           when the key was generated
 */
public record StoredSigningKey(String keyId, byte[] wrappedPrivateKey, byte[] publicKey, Instant created) {

    public StoredSigningKey {
        requireNonNull(keyId, "keyId");
        wrappedPrivateKey = requireNonNull(wrappedPrivateKey, "wrappedPrivateKey").clone();
        publicKey = requireNonNull(publicKey, "publicKey").clone();
        requireNonNull(created, "created");
    }

    @Override
    public byte[] wrappedPrivateKey() {
        return wrappedPrivateKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredSigningKey that
                && keyId.equals(that.keyId)
                && Arrays.equals(wrappedPrivateKey, that.wrappedPrivateKey)
                && Arrays.equals(publicKey, that.publicKey)
                && created.equals(that.created);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, Arrays.hashCode(publicKey), created);
    }

    @Override
    public String toString() {
        return "StoredSigningKey[" + keyId + ", created " + created + "]";
    }
}
