package io.strongroom.audit;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A SHA-256 value of the audit hash chain: 32 bytes, immutable. Equality compares in constant time
 * ({@link MessageDigest#isEqual}). Its text form is 64 lower-case hex digits.
 */
public final class ChainHash {
    public static final int LENGTH = 32;

    /** The previous hash of the first record: 32 zero bytes. */
    public static final ChainHash GENESIS = new ChainHash(new byte[LENGTH]);

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private ChainHash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies exactly 32 bytes. */
    public static ChainHash of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("a chain hash has " + LENGTH + " bytes");
        }
        return new ChainHash(bytes.clone());
    }

    /** Parses exactly 64 lower-case hex digits (the only form Strongroom writes). */
    public static ChainHash fromHex(String hex) {
        if (hex == null || hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("a chain hash is " + 2 * LENGTH + " hex digits");
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new IllegalArgumentException("a chain hash is lower-case hex");
            }
        }
        return new ChainHash(HEX.parseHex(hex));
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Feeds the bytes to a digest without copying them. */
    public void updateDigest(MessageDigest digest) {
        digest.update(bytes);
    }

    /** Compares with raw bytes in constant time. */
    public boolean matches(byte[] other) {
        return MessageDigest.isEqual(bytes, other);
    }

    public String hex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChainHash that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
