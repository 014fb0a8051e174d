package io.strongroom.protocol.query;

import io.strongroom.protocol.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds the {@code Action} parameter of an AWS Query request without decoding the rest: routing
 * and metrics look at it for every request, authenticated or not, so it must cost no memory beyond
 * the value itself however large or hostile the body is. The query string comes first, then a
 * POST's form body, as {@link QueryRequestReader} reads them.
 */
public final class QueryAction {

    /** No AWS Query operation name is longer; a longer value is not an Action worth decoding. */
    static final int MAX_ACTION_LENGTH = 128;
    private static final byte[] NAME = "Action=".getBytes(StandardCharsets.US_ASCII);

    private QueryAction() {
    }

    /** The decoded Action, or empty when absent, too long or not validly encoded. */
    public static Optional<String> find(ApiRequest request) {
        Optional<String> fromQuery = find(request.rawQuery().getBytes(StandardCharsets.ISO_8859_1),
                FormDecoder.Plus.LITERAL);
        if (fromQuery.isPresent() || !QueryRequestReader.hasFormBody(request)) {
            return fromQuery;
        }
        return find(request.body(), FormDecoder.Plus.SPACE);
    }

    private static Optional<String> find(byte[] form, FormDecoder.Plus plus) {
        int fieldStart = 0;
        while (fieldStart < form.length) {
            int fieldEnd = indexOf(form, (byte) '&', fieldStart);
            if (startsWithName(form, fieldStart, fieldEnd)) {
                int valueStart = fieldStart + NAME.length;
                if (fieldEnd - valueStart > MAX_ACTION_LENGTH * 3) { // every character percent-encoded at most
                    return Optional.empty();
                }
                return decode(new String(form, valueStart, fieldEnd - valueStart, StandardCharsets.ISO_8859_1), plus);
            }
            fieldStart = fieldEnd + 1;
        }
        return Optional.empty();
    }

    private static Optional<String> decode(String encoded, FormDecoder.Plus plus) {
        try {
            String action = FormDecoder.decodeComponent(encoded, plus);
            return action.length() <= MAX_ACTION_LENGTH ? Optional.of(action) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWithName(byte[] form, int start, int end) {
        if (end - start < NAME.length) {
            return false;
        }
        for (int i = 0; i < NAME.length; i++) {
            if (form[start + i] != NAME[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return bytes.length;
    }
}
