package io.strongroom.organizations;

import io.strongroom.organizations.OrganizationsErrors.InputReason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Pages a listing the repository returns whole (Organizations lists are short). Items are sorted by
 * a unique key; the token carries the key of the next page's first item, so a change between
 * calls neither repeats nor skips the items that stayed.
 */
final class Pages {
    private static final String TOKEN_PREFIX = "sr1:";

    private Pages() {
    }

    /** Checks MaxResults and NextToken before anything else happens. */
    static void validate(PageRequest request) {
        request.maxResults().ifPresent(max -> {
            if (max < 1) {
                throw OrganizationsErrors.invalidInput(InputReason.MIN_VALUE_EXCEEDED);
            }
            if (max > PageRequest.MAX_RESULTS) {
                throw OrganizationsErrors.invalidInput(InputReason.MAX_VALUE_EXCEEDED);
            }
        });
        request.nextToken().ifPresent(Pages::decode);
    }

    static <T> Page<T> page(List<T> items, Function<T, String> keyOf, PageRequest request) {
        validate(request);
        int max = request.maxResults().orElse(PageRequest.MAX_RESULTS);
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(keyOf));
        Optional<String> from = request.nextToken().map(Pages::decode);
        List<T> remaining = from
                .map(key -> sorted.stream().filter(i -> keyOf.apply(i).compareTo(key) >= 0).toList())
                .orElse(sorted);
        if (remaining.size() <= max) {
            return new Page<>(remaining, Optional.empty());
        }
        return new Page<>(remaining.subList(0, max), Optional.of(encode(keyOf.apply(remaining.get(max)))));
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((TOKEN_PREFIX + key)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith(TOKEN_PREFIX)) {
                throw OrganizationsErrors.invalidInput(InputReason.INVALID_NEXT_TOKEN);
            }
            return text.substring(TOKEN_PREFIX.length());
        } catch (IllegalArgumentException e) {
            throw OrganizationsErrors.invalidInput(InputReason.INVALID_NEXT_TOKEN);
        }
    }
}
