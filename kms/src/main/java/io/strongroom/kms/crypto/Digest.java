package io.strongroom.kms.crypto;

import java.util.HexFormat;

/** The hash functions the KMS algorithms name, with what the JCA and PKCS#1 v1.5 need to know about them. */
enum Digest {

    SHA_1("SHA-1", 20, "3021300906052b0e03021a05000414"),
    SHA_256("SHA-256", 32, "3031300d060960864801650304020105000420"),
    SHA_384("SHA-384", 48, "3041300d060960864801650304020205000430"),
    SHA_512("SHA-512", 64, "3051300d060960864801650304020305000440");

    private final String jcaName;
    private final int length;
    private final byte[] digestInfoPrefix;

    Digest(String jcaName, int length, String digestInfoPrefixHex) {
        this.jcaName = jcaName;
        this.length = length;
        this.digestInfoPrefix = HexFormat.of().parseHex(digestInfoPrefixHex);
    }

    /** The JCA standard name, for example {@code SHA-256}. */
    String jcaName() {
        return jcaName;
    }

    /** Output length in bytes. */
    int length() {
        return length;
    }

    /** The JCA name without the dash, as signature and MAC names spell it, for example {@code SHA256}. */
    String compactName() {
        return jcaName.replace("-", "");
    }

    /**
     * The DER DigestInfo {@code (AlgorithmIdentifier, OCTET STRING)} for {@code digest}: what PKCS#1 v1.5
     * signs (RFC 8017 section 9.2, note 1 lists these fixed prefixes). A new array the caller owns.
     */
    byte[] digestInfo(byte[] digest) {
        if (digest.length != length) {
            throw new IllegalArgumentException("A " + jcaName + " digest is " + length + " bytes");
        }
        byte[] info = new byte[digestInfoPrefix.length + length];
        System.arraycopy(digestInfoPrefix, 0, info, 0, digestInfoPrefix.length);
        System.arraycopy(digest, 0, info, digestInfoPrefix.length, length);
        return info;
    }
}
