package io.strongroom.kms;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Paging markers: the last item's sort key, encoded so clients treat it as opaque. */
final class Markers {
    private Markers() {
    }

    static String encode(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    /** InvalidMarkerException for anything {@link #encode} did not make. */
    static String decode(String marker) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            if (decoded.isEmpty() || !encode(decoded).equals(marker)) {
                throw KmsErrors.invalidMarker();
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw KmsErrors.invalidMarker();
        }
    }
}
