package io.strongroom.organizations;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** The NextToken and MaxResults of a listing call; MaxResults lies in 1..20 and defaults to 20. */
public record PageRequest(Optional<String> nextToken, Optional<Integer> maxResults) {
    public static final int MAX_RESULTS = 20;

    public PageRequest {
        requireNonNull(nextToken, "nextToken");
        requireNonNull(maxResults, "maxResults");
    }

    public static PageRequest first() {
        return new PageRequest(Optional.empty(), Optional.empty());
    }
}
