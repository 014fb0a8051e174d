package io.strongroom.s3.naming;

import io.strongroom.core.AwsException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import static java.util.Objects.requireNonNull;

/**
 * S3's rules for object keys: at least one character and at most 1024 bytes of UTF-8. A key must be
 * well-formed Unicode, since S3 stores and lists keys as UTF-8 and sorts them by those bytes; S3 answers
 * a request whose key does not decode as UTF-8 with InvalidURI.
 */
public final class ObjectKeys {
    public static final int MAX_UTF8_LENGTH = 1024;

    private ObjectKeys() {
    }

    /**
     * Returns {@code key} if S3 would accept it.
     *
     * @throws AwsException KeyTooLongError (400) beyond 1024 UTF-8 bytes, InvalidURI (400) for a lone
     *         surrogate, InvalidArgument (400) for an empty key
     */
    public static String validate(String key) {
        requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new AwsException("InvalidArgument", 400, "The object key must not be empty.");
        }
        long utf8Length = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x80) {
                utf8Length += 1;
            } else if (c < 0x800) {
                utf8Length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < key.length()
                    && Character.isLowSurrogate(key.charAt(i + 1))) {
                utf8Length += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw invalidUri();
            } else {
                utf8Length += 3;
            }
        }
        if (utf8Length > MAX_UTF8_LENGTH) {
            throw new AwsException("KeyTooLongError", 400, "Your key is too long.");
        }
        return key;
    }

    /**
     * Decodes a key's bytes (after percent-decoding) as UTF-8, refusing what is not well-formed UTF-8:
     * invalid or truncated sequences, overlong forms and encoded surrogates. The result is not validated
     * otherwise; pass it to {@link #validate(String)}.
     *
     * @throws AwsException InvalidURI (400) for bytes that are not UTF-8
     */
    public static String decodeUtf8Strict(byte[] bytes) {
        requireNonNull(bytes, "bytes");
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalidUri();
        }
    }

    private static AwsException invalidUri() {
        return new AwsException("InvalidURI", 400, "Couldn't parse the specified URI.");
    }
}
