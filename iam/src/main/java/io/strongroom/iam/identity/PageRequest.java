package io.strongroom.iam.identity;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The Marker and MaxItems of a listing call. MaxItems defaults to 100 and must lie in 1..1000.
 */
public record PageRequest(Optional<String> marker, Optional<Integer> maxItems) {
    public static final int DEFAULT_MAX_ITEMS = 100;

    public PageRequest {
        requireNonNull(marker, "marker");
        requireNonNull(maxItems, "maxItems");
    }

    public static PageRequest first() {
        return new PageRequest(Optional.empty(), Optional.empty());
    }
}
