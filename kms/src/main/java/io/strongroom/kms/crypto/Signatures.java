package io.strongroom.kms.crypto;

import io.strongroom.kms.crypto.KmsCryptoException.Reason;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * KMS Sign and Verify over the JDK's signature engines. The output is what KMS returns: ECDSA as a DER
 * {@code SEQUENCE (r, s)}, RSASSA-PSS with MGF1 over the same hash and a salt as long as the digest,
 * PKCS#1 v1.5 as usual. A DIGEST-mode message is signed as is (NONEwithRSA over the DigestInfo,
 * NONEwithECDSA), so RAW and DIGEST signatures of the same message are interchangeable. RSASSA-PSS has
 * no pre-hashed mode in the JDK, so it is RAW only.
 */
public final class Signatures {

    private Signatures() {
    }

    /**
     * The SigningAlgorithms DescribeKey lists for {@code keySpec}; empty for a key spec that does not
     * sign (symmetric, HMAC or unknown).
     */
    public static List<String> signingAlgorithms(String keySpec) {
        return AsymmetricKeySpec.find(keySpec)
                .map(spec -> SigningAlgorithm.forKeySpec(spec).stream().map(Enum::name).toList())
                .orElse(List.of());
    }

    /**
     * Signs {@code message} (RAW) or the digest in {@code message} (DIGEST) with the private key.
     *
     * @throws KmsCryptoException UNKNOWN_ALGORITHM, ALGORITHM_NOT_FOR_KEY_SPEC, DIGEST_LENGTH_MISMATCH, or
     *         UNSUPPORTED for RSASSA-PSS with DIGEST
     * @throws IllegalArgumentException if the key material is not a private key of {@code keySpec}
     */
    public static byte[] sign(byte[] privateKeyPkcs8, String keySpec, String signingAlgorithm, String messageType,
            byte[] message) {
        requireNonNull(privateKeyPkcs8, "privateKeyPkcs8");
        requireNonNull(message, "message");
        Request request = Request.resolve(keySpec, signingAlgorithm, messageType, message);
        PrivateKey key = KeyMaterial.privateKey(request.spec(), privateKeyPkcs8);
        byte[] input = request.input(message);
        try {
            Signature engine = request.engine();
            engine.initSign(key);
            engine.update(input);
            return engine.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK failed to sign with " + request.algorithm(), e);
        } finally {
            clearIfOwned(input, message);
        }
    }

    /**
     * Whether {@code signature} is a valid signature of {@code message} (RAW) or of the digest in
     * {@code message} (DIGEST). A signature that does not verify, including one that is not even well
     * formed, gives false rather than an exception.
     *
     * @throws KmsCryptoException UNKNOWN_ALGORITHM, ALGORITHM_NOT_FOR_KEY_SPEC, DIGEST_LENGTH_MISMATCH, or
     *         UNSUPPORTED for RSASSA-PSS with DIGEST
     * @throws IllegalArgumentException if the key material is not a public key of {@code keySpec}
     */
    public static boolean verify(byte[] publicKeySpki, String keySpec, String signingAlgorithm, String messageType,
            byte[] message, byte[] signature) {
        requireNonNull(publicKeySpki, "publicKeySpki");
        requireNonNull(message, "message");
        requireNonNull(signature, "signature");
        Request request = Request.resolve(keySpec, signingAlgorithm, messageType, message);
        PublicKey key = KeyMaterial.publicKey(request.spec(), publicKeySpki);
        byte[] input = request.input(message);
        Signature engine;
        try {
            engine = request.engine();
            engine.initVerify(key);
            engine.update(input);
        } catch (GeneralSecurityException e) {
            clearIfOwned(input, message);
            throw new IllegalStateException("The JDK failed to verify with " + request.algorithm(), e);
        }
        try {
            return engine.verify(signature);
        } catch (SignatureException | RuntimeException e) {
            // Malformed signature bytes (bad DER, wrong length, out-of-range value) are just a bad signature;
            // a runtime exception is included so that no provider's way of reporting them can escape.
            return false;
        } finally {
            clearIfOwned(input, message);
        }
    }

    private static void clearIfOwned(byte[] input, byte[] message) {
        if (input != message) {
            Arrays.fill(input, (byte) 0);
        }
    }

    /** A validated Sign or Verify request: the key spec, algorithm and message type belong together. */
    private record Request(AsymmetricKeySpec spec, SigningAlgorithm algorithm, MessageType messageType) {

        static Request resolve(String keySpec, String signingAlgorithm, String messageType, byte[] message) {
            SigningAlgorithm algorithm = SigningAlgorithm.parse(signingAlgorithm);
            MessageType type = MessageType.parse(messageType);
            AsymmetricKeySpec spec = AsymmetricKeySpec.find(keySpec)
                    .filter(found -> SigningAlgorithm.forKeySpec(found).contains(algorithm))
                    .orElseThrow(() -> new KmsCryptoException(Reason.ALGORITHM_NOT_FOR_KEY_SPEC,
                            "Signing algorithm " + algorithm + " is not valid for key spec " + keySpec));
            if (type == MessageType.DIGEST) {
                if (algorithm.scheme() == SigningAlgorithm.Scheme.RSASSA_PSS) {
                    throw new KmsCryptoException(Reason.UNSUPPORTED,
                            "Message type DIGEST is not supported with " + algorithm);
                }
                int expected = algorithm.digest().length();
                if (message.length != expected) {
                    throw new KmsCryptoException(Reason.DIGEST_LENGTH_MISMATCH, "A DIGEST message for " + algorithm
                            + " must be " + expected + " bytes, not " + message.length);
                }
            }
            return new Request(spec, algorithm, type);
        }

        /** What the engine consumes: the message, or for PKCS#1 v1.5 DIGEST a new DigestInfo array. */
        byte[] input(byte[] message) {
            if (messageType == MessageType.DIGEST && algorithm.scheme() == SigningAlgorithm.Scheme.RSASSA_PKCS1_V1_5) {
                return algorithm.digest().digestInfo(message);
            }
            return message;
        }

        /** A fresh, configured JCA engine for the algorithm and message type. */
        Signature engine() throws GeneralSecurityException {
            Digest digest = algorithm.digest();
            boolean raw = messageType == MessageType.RAW;
            return switch (algorithm.scheme()) {
                case RSASSA_PSS -> {
                    Signature pss = Signature.getInstance("RSASSA-PSS");
                    pss.setParameter(new PSSParameterSpec(digest.jcaName(), "MGF1",
                            new MGF1ParameterSpec(digest.jcaName()), digest.length(), PSSParameterSpec.TRAILER_FIELD_BC));
                    yield pss;
                }
                case RSASSA_PKCS1_V1_5 -> Signature.getInstance(raw ? digest.compactName() + "withRSA" : "NONEwithRSA");
                case ECDSA -> Signature.getInstance(raw ? digest.compactName() + "withECDSA" : "NONEwithECDSA");
            };
        }
    }
}
