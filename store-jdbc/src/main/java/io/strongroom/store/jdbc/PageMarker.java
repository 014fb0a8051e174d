package io.strongroom.store.jdbc;

import io.strongroom.core.AwsException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The opaque Marker of a paged listing: the sort key of the last item returned (one or more
 * strings), base64url-encoded. The next page starts strictly after that key.
 */
public final class PageMarker {
    private static final String SEPARATOR = "\u0000";

    private PageMarker() {
    }

    public static String encode(List<String> sortKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, sortKey).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a marker this class produced with {@code parts} key parts; anything else is a ValidationError. */
    public static List<String> decode(String marker, int parts) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            List<String> key = List.of(text.split(SEPARATOR, -1));
            if (key.size() == parts) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // fall through: not base64
        }
        throw AwsException.validation("The marker is not valid for this listing.");
    }
}
