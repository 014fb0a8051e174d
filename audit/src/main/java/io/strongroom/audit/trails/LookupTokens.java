package io.strongroom.audit.trails;

import static java.util.Objects.requireNonNull;

import io.strongroom.audit.LookupCursor;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * LookupEvents page tokens: the cursor where a page ended, bound to the request that produced it and
 * authenticated with HMAC-SHA256 under the service's key ({@link TrailSettings#lookupTokenKey()},
 * the same on every node). A token edited by the client, made up, or taken from another request or
 * another account is refused with InvalidNextTokenException. The account and the filters are bound,
 * the page size is not: a client may change MaxResults between pages, as AWS allows.
 *
 * <p>Layout before base64url (no padding): version (1 byte, 1), the cursor's event time (epoch
 * seconds, 8 bytes; nanoseconds, 4 bytes), its sequence (8 bytes), then the first 16 bytes of
 * HMAC-SHA256(key, label || binding || the bytes before the MAC).
 */
final class LookupTokens {
    private static final byte VERSION = 1;
    private static final int CURSOR_BYTES = 1 + 8 + 4 + 8;
    private static final int MAC_BYTES = 16;
    private static final byte[] LABEL = "strongroom-lookup-token/1".getBytes(StandardCharsets.UTF_8);

    private final Supplier<byte[]> key;

    LookupTokens(Supplier<byte[]> key) {
        this.key = requireNonNull(key, "key");
    }

    /**
     * What a token is bound to: every part of the request that selects records, in a fixed order.
     * Nulls stand for absent filters.
     */
    static List<String> binding(String accountId, String attributeKey, String attributeValue, Instant startTime,
                                Instant endTime, String eventCategory) {
        return Arrays.asList(accountId, attributeKey, attributeValue, text(startTime), text(endTime), eventCategory);
    }

    String issue(List<String> binding, LookupCursor cursor) {
        ByteBuffer token = ByteBuffer.allocate(CURSOR_BYTES + MAC_BYTES);
        token.put(VERSION)
                .putLong(cursor.eventTime().getEpochSecond())
                .putInt(cursor.eventTime().getNano())
                .putLong(cursor.sequence());
        token.put(mac(binding, Arrays.copyOf(token.array(), CURSOR_BYTES)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /** The cursor in a token this service issued for the same binding; otherwise InvalidNextTokenException. */
    LookupCursor read(String token, List<String> binding) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw CloudTrailErrors.invalidNextToken();
        }
        // only the one spelling this service writes: base64 can spell the same bytes otherwise
        if (bytes.length != CURSOR_BYTES + MAC_BYTES || bytes[0] != VERSION
                || !Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(token)) {
            throw CloudTrailErrors.invalidNextToken();
        }
        byte[] cursorBytes = Arrays.copyOf(bytes, CURSOR_BYTES);
        byte[] givenMac = Arrays.copyOfRange(bytes, CURSOR_BYTES, bytes.length);
        if (!MessageDigest.isEqual(mac(binding, cursorBytes), givenMac)) {
            throw CloudTrailErrors.invalidNextToken();
        }
        ByteBuffer cursor = ByteBuffer.wrap(cursorBytes, 1, CURSOR_BYTES - 1);
        long seconds = cursor.getLong();
        int nanos = cursor.getInt();
        long sequence = cursor.getLong();
        return new LookupCursor(Instant.ofEpochSecond(seconds, nanos), sequence);
    }

    private byte[] mac(List<String> binding, byte[] cursorBytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.get(), "HmacSHA256"));
            mac.update(LABEL);
            mac.update(encode(binding));
            mac.update(cursorBytes);
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** Each part as a presence byte, then its UTF-8 length and bytes: no two bindings encode alike. */
    private static byte[] encode(List<String> binding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : binding) {
            if (part == null) {
                out.write(0);
                continue;
            }
            byte[] utf8 = part.getBytes(StandardCharsets.UTF_8);
            out.write(1);
            out.writeBytes(ByteBuffer.allocate(4).putInt(utf8.length).array());
            out.writeBytes(utf8);
        }
        return out.toByteArray();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
