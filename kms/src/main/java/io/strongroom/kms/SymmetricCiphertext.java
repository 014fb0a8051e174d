package io.strongroom.kms;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * The ciphertext blob of a symmetric key: a header naming the format, the key and the key version,
 * and the nonce, then the AES-256-GCM ciphertext with its tag. The header is authenticated as part
 * of the associated data, so neither the key nor the version it names can be changed.
 *
 * <pre>
 * byte 0      format (1)
 * bytes 1-16  key id (the key's UUID)
 * bytes 17-20 key version, big-endian
 * bytes 21-32 GCM nonce
 * bytes 33-   ciphertext and 16-byte tag
 * </pre>
 */
public record SymmetricCiphertext(String keyId, int keyVersion, byte[] header, byte[] nonce, byte[] sealed) {
    public static final byte FORMAT = 1;
    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;
    static final int HEADER_LENGTH = 1 + 16 + 4 + NONCE_LENGTH;
    /** Bytes a blob adds to its plaintext. */
    public static final int OVERHEAD = HEADER_LENGTH + TAG_LENGTH;

    static byte[] header(String keyId, int keyVersion, byte[] nonce) {
        UUID uuid = UUID.fromString(keyId);
        return ByteBuffer.allocate(HEADER_LENGTH).put(FORMAT).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).putInt(keyVersion).put(nonce).array();
    }

    /** The blob's parts, or empty when it is not a blob of this format. */
    public static Optional<SymmetricCiphertext> parse(byte[] blob) {
        if (blob.length < OVERHEAD || blob[0] != FORMAT) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        buffer.get();
        String keyId = new UUID(buffer.getLong(), buffer.getLong()).toString();
        int version = buffer.getInt();
        if (version < 1) {
            return Optional.empty();
        }
        byte[] nonce = new byte[NONCE_LENGTH];
        buffer.get(nonce);
        byte[] header = Arrays.copyOf(blob, HEADER_LENGTH);
        byte[] sealed = Arrays.copyOfRange(blob, HEADER_LENGTH, blob.length);
        return Optional.of(new SymmetricCiphertext(keyId, version, header, nonce, sealed));
    }
}
