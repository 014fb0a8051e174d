package io.strongroom.iam.identity;

import java.util.List;
import java.util.Optional;

/** One page of a listing; {@code marker} continues it when the listing was truncated. */
public record Page<T>(List<T> items, Optional<String> marker) {
    public Page {
        items = List.copyOf(items);
    }

    public boolean truncated() {
        return marker.isPresent();
    }
}
