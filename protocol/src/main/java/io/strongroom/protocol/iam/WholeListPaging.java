package io.strongroom.protocol.iam;

import io.strongroom.core.AwsException;
import io.strongroom.iam.identity.Page;
import io.strongroom.iam.identity.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Pages a listing that the service answers whole (an account's authorization details, a user's
 * access keys, a policy's versions), so MaxItems and Marker mean what they mean everywhere else.
 * The marker is the position of the next item, encoded so that clients treat it as opaque.
 */
final class WholeListPaging {
    private static final String PREFIX = "next:";

    private WholeListPaging() {
    }

    /** The window of {@code total} items this request asks for. */
    static Window window(int total, PageRequest request) {
        int from = request.marker().map(WholeListPaging::decode).orElse(0);
        if (from > total) {
            throw invalidMarker();
        }
        int size = request.maxItems().orElse(PageRequest.DEFAULT_MAX_ITEMS);
        int to = (int) Math.min((long) from + size, total);
        return new Window(from, to, to < total ? Optional.of(encode(to)) : Optional.empty());
    }

    static <T> Page<T> page(List<T> all, PageRequest request) {
        Window window = window(all.size(), request);
        return new Page<>(all.subList(window.from(), window.to()), window.marker());
    }

    /** Items {@code from} (inclusive) to {@code to} (exclusive) of the whole listing. */
    record Window(int from, int to, Optional<String> marker) {
        /** The part of a sub-list that starts at {@code offset} of the whole listing and falls in this window. */
        <T> List<T> of(List<T> part, int offset) {
            int start = Math.max(from - offset, 0);
            int end = Math.min(to - offset, part.size());
            return start >= end ? List.of() : part.subList(start, end);
        }
    }

    private static String encode(int position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    private static int decode(String marker) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.US_ASCII);
            if (!text.startsWith(PREFIX)) {
                throw invalidMarker();
            }
            int position = Integer.parseInt(text.substring(PREFIX.length()));
            if (position < 0) {
                throw invalidMarker();
            }
            return position;
        } catch (IllegalArgumentException e) { // bad base64 or number
            throw invalidMarker();
        }
    }

    private static AwsException invalidMarker() {
        return AwsException.validation("Invalid Marker: it does not continue a listing of this request");
    }
}
