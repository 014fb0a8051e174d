package io.strongroom.audit;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

/**
 * One exported record: a line of JSON (JSON Lines), the canonical JSON of
 *
 * <pre>
 *   {"hash":"&lt;64 hex&gt;","previousHash":"&lt;64 hex&gt;","record":&lt;record&gt;,"sequence":&lt;n&gt;}
 * </pre>
 *
 * Member order is the canonical one, so the line is byte-for-byte predictable, and its tail from
 * {@code "record"} on, preceded by <code>{</code>, is exactly the text {@link HashChain} hashes
 * after the previous hash. A verifier therefore hashes the bytes it read without re-serialising.
 * Lines end with {@code \n}.
 */
public final class ExportLine {
    static final byte[] HASH_PREFIX = ascii("{\"hash\":\"");
    static final byte[] PREVIOUS_HASH_PREFIX = ascii("\",\"previousHash\":\"");
    static final byte[] RECORD_PREFIX = ascii("\",\"record\":");
    static final int HASH_AT = HASH_PREFIX.length;
    static final int PREVIOUS_HASH_AT = HASH_AT + 64 + PREVIOUS_HASH_PREFIX.length;
    /** Where {@code "record":} starts: the hashed text is <code>{</code> followed by the line from here. */
    static final int HASHED_TAIL_AT = PREVIOUS_HASH_AT + 64 + 2;
    static final int RECORD_AT = PREVIOUS_HASH_AT + 64 + RECORD_PREFIX.length;

    private ExportLine() {
    }

    /** The line for a chained record, without the line end. */
    public static String format(ChainedRecord record) {
        StringBuilder line = new StringBuilder(record.eventJson().length() + 190);
        line.append("{\"hash\":\"").append(record.hash().hex())
                .append("\",\"previousHash\":\"").append(record.previousHash().hex())
                .append("\",\"record\":").append(record.eventJson())
                .append(",\"sequence\":").append(record.sequence()).append('}');
        return line.toString();
    }

    /**
     * Reads a line strictly: the exact layout above, lower-case hex, a sequence of at least 1
     * without leading zeros, and a record that is canonical JSON of an object. Does not check the
     * hash (that is {@link AuditVerifier}'s job). Throws IllegalArgumentException.
     */
    public static ChainedRecord parse(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        Layout layout = Layout.scan(bytes, 0, bytes.length);
        if (layout.problem() != null) {
            throw new IllegalArgumentException("not an export line: " + layout.problem());
        }
        String eventJson = new String(bytes, layout.recordFrom(), layout.recordTo() - layout.recordFrom(),
                StandardCharsets.UTF_8);
        if (!(CanonicalJson.parseCanonical(eventJson) instanceof Map)) {
            throw new IllegalArgumentException("not an export line: the record is not a JSON object");
        }
        HexFormat hex = HexFormat.of();
        return new ChainedRecord(layout.sequence(),
                ChainHash.of(hex.parseHex(line, PREVIOUS_HASH_AT, PREVIOUS_HASH_AT + 64)),
                ChainHash.of(hex.parseHex(line, HASH_AT, HASH_AT + 64)), eventJson);
    }

    /**
     * Where the parts of a line sit in its UTF-8 bytes, found without parsing the record: the
     * fixed prefix, then the record up to the last {@code ,"sequence":}. {@code problem} is null
     * when the layout holds.
     */
    record Layout(long sequence, int recordFrom, int recordTo, String problem) {
        private static final byte[] SEQUENCE_INFIX = HashChain.SEQUENCE_INFIX;

        static Layout failed(String problem) {
            return new Layout(-1, -1, -1, problem);
        }

        static Layout scan(byte[] line, int from, int to) {
            int length = to - from;
            if (length < RECORD_AT + 2 + SEQUENCE_INFIX.length + 2) {
                return failed("the line is too short");
            }
            if (!startsWith(line, from, HASH_PREFIX)
                    || !startsWith(line, from + HASH_AT + 64, PREVIOUS_HASH_PREFIX)
                    || !startsWith(line, from + PREVIOUS_HASH_AT + 64, RECORD_PREFIX)) {
                return failed("the line does not start with the hash, previousHash and record members");
            }
            if (!isLowerHex(line, from + HASH_AT) || !isLowerHex(line, from + PREVIOUS_HASH_AT)) {
                return failed("a hash is not 64 lower-case hex digits");
            }
            if (line[to - 1] != '}') {
                return failed("the line does not end with '}'");
            }
            int digitsTo = to - 1;
            int digitsFrom = digitsTo;
            while (digitsFrom > from && line[digitsFrom - 1] >= '0' && line[digitsFrom - 1] <= '9') {
                digitsFrom--;
            }
            int digits = digitsTo - digitsFrom;
            if (digits == 0 || digits > 16 || line[digitsFrom] == '0') {
                return failed("the sequence is not a positive integer without leading zeros");
            }
            int infixAt = digitsFrom - SEQUENCE_INFIX.length;
            int recordFrom = from + RECORD_AT;
            if (infixAt < recordFrom + 2 || !startsWith(line, infixAt, SEQUENCE_INFIX)) {
                return failed("the line does not end with the sequence member");
            }
            if (line[recordFrom] != '{' || line[infixAt - 1] != '}') {
                return failed("the record is not a JSON object");
            }
            long sequence = 0;
            for (int i = digitsFrom; i < digitsTo; i++) {
                sequence = sequence * 10 + (line[i] - '0');
            }
            if (sequence > CanonicalJson.MAX_SAFE_INTEGER) {
                return failed("the sequence is too large");
            }
            return new Layout(sequence, recordFrom, infixAt, null);
        }

        private static boolean startsWith(byte[] line, int at, byte[] prefix) {
            if (at < 0 || at + prefix.length > line.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (line[at + i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isLowerHex(byte[] line, int at) {
            for (int i = at; i < at + 64; i++) {
                byte b = line[i];
                if (!((b >= '0' && b <= '9') || (b >= 'a' && b <= 'f'))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Decodes 64 lower-case hex digits (already checked by {@link Layout#scan}) into {@code out}. */
    static void decodeHash(byte[] line, int at, byte[] out) {
        for (int i = 0; i < 32; i++) {
            out[i] = (byte) ((nibble(line[at + 2 * i]) << 4) | nibble(line[at + 2 * i + 1]));
        }
    }

    private static int nibble(byte digit) {
        return digit <= '9' ? digit - '0' : digit - 'a' + 10;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
