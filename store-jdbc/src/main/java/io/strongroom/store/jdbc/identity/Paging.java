package io.strongroom.store.jdbc.identity;

import io.strongroom.iam.identity.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Cuts a page from rows fetched with {@code LIMIT maxItems + 1}; the extra row means "truncated". */
final class Paging {
    private Paging() {
    }

    static void check(int maxItems) {
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be at least 1");
        }
    }

    static <T> Page<T> page(List<T> fetched, int maxItems, Function<T, List<String>> sortKey) {
        if (fetched.size() <= maxItems) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> items = fetched.subList(0, maxItems);
        return new Page<>(items, Optional.of(io.strongroom.store.jdbc.PageMarker.encode(sortKey.apply(items.getLast()))));
    }

    /** Parameters of a listing: account, path prefix (length and text), the optional marker key, the limit. */
    static Object[] parameters(String accountId, String pathPrefix, Optional<String> after, int limit) {
        List<Object> parameters = new ArrayList<>(List.of(accountId, Names.length(pathPrefix), pathPrefix));
        after.ifPresent(parameters::add);
        parameters.add(limit);
        return parameters.toArray();
    }
}
