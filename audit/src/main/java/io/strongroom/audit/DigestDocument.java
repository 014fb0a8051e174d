package io.strongroom.audit;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one definition of what a digest signature covers and of the digest file. The signed bytes
 * are the UTF-8 canonical JSON ({@link CanonicalJson}) of
 *
 * <pre>
 * {"digestEndTime":"&lt;ISO-8601 UTC&gt;","digestFormat":"strongroom-audit-digest/1",
 *  "digestSignatureAlgorithm":"Ed25519","digestStartTime":"&lt;ISO-8601 UTC&gt;",
 *  "firstSequence":&lt;n&gt;,"headHash":"&lt;64 hex&gt;","keyId":"&lt;64 hex&gt;","lastSequence":&lt;n&gt;,
 *  "previousDigestSignature":"&lt;128 hex&gt;" or null}
 * </pre>
 *
 * (one line, no white space; times as {@link DateTimeFormatter#ISO_INSTANT} writes them, whole
 * seconds as {@code 2025-03-04T05:06:00Z}; hex lower-case; {@code previousDigestSignature} null
 * only for the first digest of the trail). The digest file is the canonical JSON of the same
 * members plus {@code "signature":"<128 hex>"}. The {@code digestFormat} member keeps these
 * signatures from ever meaning anything else.
 */
public final class DigestDocument {
    public static final String FORMAT = "strongroom-audit-digest/1";

    private static final Set<String> FILE_MEMBERS = Set.of("digestEndTime", "digestFormat",
            "digestSignatureAlgorithm", "digestStartTime", "firstSequence", "headHash", "keyId", "lastSequence",
            "previousDigestSignature", "signature");
    private static final HexFormat HEX = HexFormat.of();

    private DigestDocument() {
    }

    /** The bytes a digest's signature covers. */
    public static byte[] signedBytes(Instant digestStart, Instant digestEnd, long firstSequence, long lastSequence,
                                     ChainHash headHash, byte[] previousDigestSignature, String keyId) {
        return CanonicalJson.write(signedMembers(digestStart, digestEnd, firstSequence, lastSequence, headHash,
                previousDigestSignature, keyId)).getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] signedBytes(SignedDigest digest) {
        return signedBytes(digest.digestStart(), digest.digestEnd(), digest.firstSequence(), digest.lastSequence(),
                digest.headHash(), digest.previousDigestSignature(), digest.keyId());
    }

    /** True when the digest's signature is valid under {@code publicKey}. */
    public static boolean verifySignature(SignedDigest digest, PublicKey publicKey) {
        return AuditSigningKey.verify(publicKey, signedBytes(digest), digest.signature());
    }

    /** The digest file: one line of canonical JSON. */
    public static String toJson(SignedDigest digest) {
        Map<String, Object> members = signedMembers(digest.digestStart(), digest.digestEnd(), digest.firstSequence(),
                digest.lastSequence(), digest.headHash(), digest.previousDigestSignature(), digest.keyId());
        members.put("signature", HEX.formatHex(digest.signature()));
        return CanonicalJson.write(members);
    }

    /**
     * Reads a digest file strictly: canonical JSON, exactly the members above, the format and
     * algorithm named above. Throws IllegalArgumentException. The signature is not checked here.
     */
    public static SignedDigest parse(String json) {
        if (!(CanonicalJson.parseCanonical(json.strip()) instanceof Map<?, ?> members)) {
            throw new IllegalArgumentException("a digest file holds a JSON object");
        }
        if (!members.keySet().equals(FILE_MEMBERS)) {
            throw new IllegalArgumentException("a digest file has exactly the members " + FILE_MEMBERS);
        }
        if (!FORMAT.equals(members.get("digestFormat"))) {
            throw new IllegalArgumentException("unknown digest format " + members.get("digestFormat"));
        }
        if (!AuditSigningKey.ALGORITHM.equals(members.get("digestSignatureAlgorithm"))) {
            throw new IllegalArgumentException("unknown digest signature algorithm " + members.get("digestSignatureAlgorithm"));
        }
        Object previous = members.get("previousDigestSignature");
        SignedDigest digest = new SignedDigest(
                time(members.get("digestStartTime")),
                time(members.get("digestEndTime")),
                integer(members.get("firstSequence")),
                integer(members.get("lastSequence")),
                ChainHash.fromHex(text(members.get("headHash"))),
                previous == null ? new byte[0] : hex(previous, 64),
                text(members.get("keyId")),
                hex(members.get("signature"), 64));
        if (!toJson(digest).equals(json.strip())) {
            throw new IllegalArgumentException("the digest file is not in canonical form");
        }
        return digest;
    }

    private static Map<String, Object> signedMembers(Instant digestStart, Instant digestEnd, long firstSequence,
                                                     long lastSequence, ChainHash headHash,
                                                     byte[] previousDigestSignature, String keyId) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("digestEndTime", DateTimeFormatter.ISO_INSTANT.format(digestEnd));
        members.put("digestFormat", FORMAT);
        members.put("digestSignatureAlgorithm", AuditSigningKey.ALGORITHM);
        members.put("digestStartTime", DateTimeFormatter.ISO_INSTANT.format(digestStart));
        members.put("firstSequence", firstSequence);
        members.put("headHash", headHash.hex());
        members.put("keyId", keyId);
        members.put("lastSequence", lastSequence);
        members.put("previousDigestSignature",
                previousDigestSignature.length == 0 ? null : HEX.formatHex(previousDigestSignature));
        return members;
    }

    private static Instant time(Object value) {
        try {
            return Instant.parse(text(value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 instant: " + value, e);
        }
    }

    private static long integer(Object value) {
        if (!(value instanceof Long number)) {
            throw new IllegalArgumentException("expected an integer, found " + value);
        }
        return number;
    }

    private static String text(Object value) {
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("expected a string, found " + value);
        }
        return text;
    }

    private static byte[] hex(Object value, int length) {
        String text = text(value);
        if (text.length() != 2 * length || !text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("expected " + 2 * length + " lower-case hex digits");
        }
        return HEX.parseHex(text);
    }
}
