package io.strongroom.kms.crypto;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * Turns stored DER key material back into JCA keys and checks it is of the key spec the caller claims,
 * so that a key of another size or curve is never used under the wrong spec (which would, for example,
 * make {@link RsaEncryption#maxPlaintextLength} lie). Material that does not fit is a caller bug and is
 * refused with {@link IllegalArgumentException}.
 */
final class KeyMaterial {

    private KeyMaterial() {
    }

    /**
     * The private key in {@code pkcs8}. The JDK copies the bytes into its key spec and key object, which
     * offer no way to clear them; the caller's array is left alone.
     */
    static PrivateKey privateKey(AsymmetricKeySpec spec, byte[] pkcs8) {
        PrivateKey key;
        try {
            key = factory(spec).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (InvalidKeySpecException | RuntimeException e) {
            // The cause is dropped on purpose: a parser's message could quote bytes of the key.
            throw new IllegalArgumentException("The private key material is not a PKCS#8 " + spec + " key");
        }
        if (!spec.matches(key)) {
            throw new IllegalArgumentException("The private key material is not a " + spec + " key");
        }
        return key;
    }

    /** The public key in {@code spki}, a DER X.509 SubjectPublicKeyInfo. */
    static PublicKey publicKey(AsymmetricKeySpec spec, byte[] spki) {
        PublicKey key;
        try {
            key = factory(spec).generatePublic(new X509EncodedKeySpec(spki));
        } catch (InvalidKeySpecException | RuntimeException e) {
            throw new IllegalArgumentException("The public key material is not a SubjectPublicKeyInfo " + spec + " key", e);
        }
        if (!spec.matches(key)) {
            throw new IllegalArgumentException("The public key material is not a " + spec + " key");
        }
        return key;
    }

    private static KeyFactory factory(AsymmetricKeySpec spec) {
        try {
            return KeyFactory.getInstance(spec.jcaAlgorithm());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no " + spec.jcaAlgorithm() + " key factory", e);
        }
    }
}
