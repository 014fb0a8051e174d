package io.strongroom.kms;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One generation of a key's material, stored only wrapped by the root key. Old versions stay so
 * that what they encrypted still decrypts; a key's deletion destroys every one.
 *
 * @param keyId           the key
 * @param version         1 for the material made with the key, then one more per rotation
 * @param wrappedMaterial the material wrapped by the root key, bound to {@link #associatedData}
 * @param publicKey       an asymmetric key's public key (X.509 SubjectPublicKeyInfo DER)
 * @param createdAt       when the material was made
 * @param rotationType    AUTOMATIC or ON_DEMAND for versions made by a rotation
 */
public record KeyVersion(String keyId, int version, byte[] wrappedMaterial, Optional<byte[]> publicKey,
                         Instant createdAt, Optional<String> rotationType) {

    public KeyVersion {
        requireNonNull(keyId, "keyId");
        requireNonNull(wrappedMaterial, "wrappedMaterial");
        requireNonNull(publicKey, "publicKey");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(rotationType, "rotationType");
    }

    /** What the root key binds a version's material to, so a wrapped blob cannot be moved to another key or version. */
    public static byte[] associatedData(String keyId, int version) {
        return ("strongroom:kms-key:" + keyId + ":" + version).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
