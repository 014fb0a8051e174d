package io.strongroom.store.jdbc.audit;

import io.strongroom.audit.IndexedResource;
import java.util.ArrayList;
import java.util.List;

/**
 * A record's resources, in record order, as the text of {@code audit_records.resources}: each type
 * and then its name written as {@code <length>:<text>} (length in UTF-16 units), so any text,
 * separators included, reads back exactly. Empty for a record without resources.
 */
final class ResourceColumn {
    private ResourceColumn() {
    }

    static String encode(List<IndexedResource> resources) {
        if (resources.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (IndexedResource resource : resources) {
            append(text, resource.type());
            append(text, resource.name());
        }
        return text.toString();
    }

    static List<IndexedResource> decode(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<IndexedResource> resources = new ArrayList<>();
        int[] at = {0};
        while (at[0] < text.length()) {
            String type = next(text, at);
            String name = next(text, at);
            resources.add(new IndexedResource(type, name));
        }
        return resources;
    }

    private static void append(StringBuilder text, String value) {
        text.append(value.length()).append(':').append(value);
    }

    private static String next(String text, int[] at) {
        int colon = text.indexOf(':', at[0]);
        int length;
        try {
            length = colon < 0 ? -1 : Integer.parseInt(text, at[0], colon, 10);
        } catch (NumberFormatException e) {
            length = -1;
        }
        int start = colon + 1;
        if (length < 0 || start + length > text.length()) {
            throw new IllegalStateException("a stored resource list is malformed");
        }
        at[0] = start + length;
        return text.substring(start, start + length);
    }
}
