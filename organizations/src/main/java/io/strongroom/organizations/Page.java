package io.strongroom.organizations;

import java.util.List;
import java.util.Optional;

/** One page of a listing; {@code nextToken} continues it when there is more. */
public record Page<T>(List<T> items, Optional<String> nextToken) {
    public Page {
        items = List.copyOf(items);
    }
}
