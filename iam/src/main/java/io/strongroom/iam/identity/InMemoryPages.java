package io.strongroom.iam.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Pages a short list that the repository returns whole (inline policy names, group members, tags).
 * The marker is the name of the first item of the next page; names are unique case-insensitively.
 */
final class InMemoryPages {
    private InMemoryPages() {
    }

    static <T> Page<T> page(List<T> items, Function<T, String> nameOf, PageRequest request) {
        int maxItems = InputValidator.maxItems(request);
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(nameOf, String.CASE_INSENSITIVE_ORDER));
        List<T> remaining = request.marker()
                .map(marker -> sorted.stream().filter(i -> nameOf.apply(i).compareToIgnoreCase(marker) >= 0).toList())
                .orElse(sorted);
        if (remaining.size() <= maxItems) {
            return new Page<>(remaining, Optional.empty());
        }
        return new Page<>(remaining.subList(0, maxItems), Optional.of(nameOf.apply(remaining.get(maxItems))));
    }

    /** Every item of a repository listing, following its markers. */
    static <T> List<T> all(Function<Optional<String>, Page<T>> listing) {
        List<T> out = new ArrayList<>();
        Optional<String> marker = Optional.empty();
        do {
            Page<T> page = listing.apply(marker);
            out.addAll(page.items());
            marker = page.marker();
        } while (marker.isPresent());
        return out;
    }
}
