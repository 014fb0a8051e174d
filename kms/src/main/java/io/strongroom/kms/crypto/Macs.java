package io.strongroom.kms.crypto;

import io.strongroom.kms.crypto.KmsCryptoException.Reason;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** KMS GenerateMac and VerifyMac for HMAC keys, over the JDK's {@code javax.crypto.Mac}. */
public final class Macs {

    private Macs() {
    }

    /** Whether {@code keySpec} is an HMAC key spec this class handles. */
    public static boolean supports(String keySpec) {
        return MacAlgorithm.forKeySpec(keySpec) != null;
    }

    /**
     * The length in bytes of the key CreateKey generates for {@code keySpec}: the hash's output length.
     *
     * @throws KmsCryptoException UNSUPPORTED for a key spec that is not HMAC
     */
    public static int keyLength(String keySpec) {
        MacAlgorithm algorithm = MacAlgorithm.forKeySpec(keySpec);
        if (algorithm == null) {
            throw new KmsCryptoException(Reason.UNSUPPORTED, "Key spec " + keySpec + " is not an HMAC key spec");
        }
        return algorithm.keyLength();
    }

    /** The MacAlgorithms DescribeKey lists for {@code keySpec}; empty for a key spec that is not HMAC. */
    public static List<String> macAlgorithms(String keySpec) {
        MacAlgorithm algorithm = MacAlgorithm.forKeySpec(keySpec);
        return algorithm == null ? List.of() : List.of(algorithm.name());
    }

    /**
     * The HMAC of {@code message} under {@code key}. Any non-empty key length is accepted, as HMAC allows,
     * so that key material imported at another length still works.
     *
     * @throws KmsCryptoException UNKNOWN_ALGORITHM or ALGORITHM_NOT_FOR_KEY_SPEC
     */
    public static byte[] mac(byte[] key, String keySpec, String macAlgorithm, byte[] message) {
        requireNonNull(key, "key");
        requireNonNull(message, "message");
        MacAlgorithm algorithm = resolve(keySpec, macAlgorithm);
        if (key.length == 0) {
            throw new IllegalArgumentException("An HMAC key must not be empty");
        }
        // SecretKeySpec copies the key and cannot be cleared; the caller's array stays the caller's.
        SecretKeySpec secret = new SecretKeySpec(key, algorithm.jcaName());
        try {
            Mac engine = Mac.getInstance(algorithm.jcaName());
            engine.init(secret);
            return engine.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK failed to compute " + algorithm, e);
        }
    }

    /**
     * Whether {@code mac} is the HMAC of {@code message} under {@code key}, compared in constant time. A MAC
     * of the wrong length is simply false.
     *
     * @throws KmsCryptoException UNKNOWN_ALGORITHM or ALGORITHM_NOT_FOR_KEY_SPEC
     */
    public static boolean verify(byte[] key, String keySpec, String macAlgorithm, byte[] message, byte[] mac) {
        requireNonNull(mac, "mac");
        byte[] expected = mac(key, keySpec, macAlgorithm, message);
        try {
            return MessageDigest.isEqual(expected, mac);
        } finally {
            Arrays.fill(expected, (byte) 0);
        }
    }

    private static MacAlgorithm resolve(String keySpec, String macAlgorithm) {
        MacAlgorithm algorithm = MacAlgorithm.parse(macAlgorithm);
        if (!algorithm.keySpec().equals(keySpec)) {
            throw new KmsCryptoException(Reason.ALGORITHM_NOT_FOR_KEY_SPEC,
                    "MAC algorithm " + algorithm + " is not valid for key spec " + keySpec);
        }
        return algorithm;
    }
}
