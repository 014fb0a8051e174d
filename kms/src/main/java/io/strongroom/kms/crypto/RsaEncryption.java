package io.strongroom.kms.crypto;

import io.strongroom.kms.crypto.KmsCryptoException.Reason;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * KMS Encrypt and Decrypt with RSA keys: RSAES-OAEP through the JDK's {@code RSA/ECB/OAEPPadding} with
 * explicit parameters, so that ciphertexts interoperate with AWS KMS and with clients that encrypt
 * offline under the public key.
 */
public final class RsaEncryption {

    private static final String TRANSFORMATION = "RSA/ECB/OAEPPadding";

    private RsaEncryption() {
    }

    /** The EncryptionAlgorithms DescribeKey lists for an RSA {@code keySpec}; empty for any other key spec. */
    public static List<String> encryptionAlgorithms(String keySpec) {
        return AsymmetricKeySpec.find(keySpec)
                .map(spec -> EncryptionAlgorithm.forKeySpec(spec).stream().map(Enum::name).toList())
                .orElse(List.of());
    }

    /**
     * The longest plaintext {@code algorithm} encrypts under a key of {@code keySpec}, for example 190 bytes
     * for RSAES_OAEP_SHA_256 with RSA_2048.
     *
     * @throws KmsCryptoException UNKNOWN_ALGORITHM or ALGORITHM_NOT_FOR_KEY_SPEC
     */
    public static int maxPlaintextLength(String keySpec, String algorithm) {
        Request request = Request.resolve(keySpec, algorithm);
        return request.algorithm().maxPlaintextLength(request.spec().modulusBytes());
    }

    /**
     * Encrypts {@code plaintext} under the public key.
     *
     * @throws KmsCryptoException UNKNOWN_ALGORITHM, ALGORITHM_NOT_FOR_KEY_SPEC, or PLAINTEXT_TOO_LONG
     * @throws IllegalArgumentException if the key material is not a public key of {@code keySpec}
     */
    public static byte[] encrypt(byte[] publicKeySpki, String keySpec, String algorithm, byte[] plaintext) {
        requireNonNull(publicKeySpki, "publicKeySpki");
        requireNonNull(plaintext, "plaintext");
        Request request = Request.resolve(keySpec, algorithm);
        int max = request.algorithm().maxPlaintextLength(request.spec().modulusBytes());
        if (plaintext.length > max) {
            throw new KmsCryptoException(Reason.PLAINTEXT_TOO_LONG, "The plaintext is " + plaintext.length
                    + " bytes; " + request.algorithm() + " with " + request.spec() + " encrypts at most " + max);
        }
        Key key = KeyMaterial.publicKey(request.spec(), publicKeySpki);
        try {
            return request.cipher(Cipher.ENCRYPT_MODE, key).doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK failed to encrypt with " + request.algorithm(), e);
        }
    }

    /**
     * Decrypts {@code ciphertext} with the private key. The returned plaintext belongs to the caller, who
     * should clear it after use.
     *
     * @throws KmsCryptoException UNKNOWN_ALGORITHM, ALGORITHM_NOT_FOR_KEY_SPEC, or INVALID_CIPHERTEXT when
     *         the ciphertext was not made by this key and algorithm (or was altered)
     * @throws IllegalArgumentException if the key material is not a private key of {@code keySpec}
     */
    public static byte[] decrypt(byte[] privateKeyPkcs8, String keySpec, String algorithm, byte[] ciphertext) {
        requireNonNull(privateKeyPkcs8, "privateKeyPkcs8");
        requireNonNull(ciphertext, "ciphertext");
        Request request = Request.resolve(keySpec, algorithm);
        Key key = KeyMaterial.privateKey(request.spec(), privateKeyPkcs8);
        if (ciphertext.length != request.spec().modulusBytes()) {
            throw invalidCiphertext(request);
        }
        Cipher cipher;
        try {
            cipher = request.cipher(Cipher.DECRYPT_MODE, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK failed to decrypt with " + request.algorithm(), e);
        }
        try {
            return cipher.doFinal(ciphertext);
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            // One outcome for every decoding failure, so callers cannot tell them apart (no padding oracle).
            throw invalidCiphertext(request);
        }
    }

    /** Carries no cause: the JDK's reason would tell a padding failure from a length failure. */
    private static KmsCryptoException invalidCiphertext(Request request) {
        return new KmsCryptoException(Reason.INVALID_CIPHERTEXT,
                "The ciphertext does not decrypt with " + request.algorithm() + " under this " + request.spec() + " key");
    }

    /** A validated request: an RSA key spec and an OAEP variant. */
    private record Request(AsymmetricKeySpec spec, EncryptionAlgorithm algorithm) {

        static Request resolve(String keySpec, String algorithmName) {
            EncryptionAlgorithm algorithm = EncryptionAlgorithm.parse(algorithmName);
            AsymmetricKeySpec spec = AsymmetricKeySpec.find(keySpec)
                    .filter(found -> EncryptionAlgorithm.forKeySpec(found).contains(algorithm))
                    .orElseThrow(() -> new KmsCryptoException(Reason.ALGORITHM_NOT_FOR_KEY_SPEC,
                            "Encryption algorithm " + algorithm + " is not valid for key spec " + keySpec));
            return new Request(spec, algorithm);
        }

        Cipher cipher(int mode, Key key) throws GeneralSecurityException {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, algorithm.parameters());
            return cipher;
        }
    }
}
