package io.strongroom.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The one definition of how an audit record is chained. For the record with sequence {@code n}
 * and canonical JSON {@code R} (see {@link CanonicalJson}):
 *
 * <pre>
 *   hash(n) = SHA-256( previousHash || UTF-8( "{\"record\":" + R + ",\"sequence\":" + n + "}" ) )
 * </pre>
 *
 * where {@code previousHash} is the 32 raw bytes of {@code hash(n - 1)}, and 32 zero bytes for
 * {@code n = 1}; {@code n} is written in decimal without sign or leading zeros. The text after
 * {@code previousHash} is exactly the canonical JSON of the object {@code {"record": R,
 * "sequence": n}} (keys in JCS order), and it is also the tail of the record's export line
 * ({@link ExportLine}), so a verifier hashes the exported bytes as they are.
 */
public final class HashChain {
    static final byte[] RECORD_PREFIX = "{\"record\":".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SEQUENCE_INFIX = ",\"sequence\":".getBytes(StandardCharsets.US_ASCII);

    private HashChain() {
    }

    /** The hash of the record with {@code sequence} and canonical JSON {@code eventJson} after {@code previousHash}. */
    public static ChainHash hash(ChainHash previousHash, long sequence, String eventJson) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        MessageDigest sha256 = sha256();
        previousHash.updateDigest(sha256);
        sha256.update(RECORD_PREFIX);
        sha256.update(eventJson.getBytes(StandardCharsets.UTF_8));
        sha256.update(SEQUENCE_INFIX);
        sha256.update(Long.toString(sequence).getBytes(StandardCharsets.US_ASCII));
        sha256.update((byte) '}');
        return ChainHash.of(sha256.digest());
    }

    /** The link that follows {@code head} for a record with canonical JSON {@code eventJson}. */
    public static ChainedRecord next(ChainHead head, String eventJson) {
        long sequence = head.sequence() + 1;
        return new ChainedRecord(sequence, head.hash(), hash(head.hash(), sequence, eventJson), eventJson);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
